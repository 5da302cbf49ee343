import type { Emit, RequestContext } from '../../core/router.js';

/** A request's `emit` as a free function, for code shared with ticks and hosted pages. */
export function emitOf(ctx: RequestContext): Emit {
  return (type, object, options) => ctx.emit(type, object, options);
}
