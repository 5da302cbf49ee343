import { invalid } from './errors.js';
import type { Params } from './params.js';
import type { RequestContext } from './router.js';
import type { StripeObject } from './state.js';

export interface ListObject<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/**
 * Stripe's cursor pagination over objects already in list order (newest first): `limit` (1-100,
 * default 10), `starting_after` (the page after that id) or `ending_before` (the page before it),
 * and `created` as a timestamp or a range (`created[gte]` ...).
 */
export function paginate<T extends StripeObject>(items: T[], params: Params, url: string): ListObject<T> {
  const limit = params.integer('limit', { min: 1, max: 100 }) ?? 10;
  const startingAfter = params.string('starting_after');
  const endingBefore = params.string('ending_before');
  if (startingAfter && endingBefore) throw invalid('You may only specify one of these parameters: starting_after, ending_before.', 'ending_before');
  let filtered = filterCreated(items, params);
  if (startingAfter) {
    const index = filtered.findIndex((item) => item.id === startingAfter);
    if (index < 0) throw invalid(`Invalid starting_after id: ${startingAfter}`, 'starting_after', 'resource_missing');
    filtered = filtered.slice(index + 1);
    return { object: 'list', data: filtered.slice(0, limit), has_more: filtered.length > limit, url };
  }
  if (endingBefore) {
    const index = filtered.findIndex((item) => item.id === endingBefore);
    if (index < 0) throw invalid(`Invalid ending_before id: ${endingBefore}`, 'ending_before', 'resource_missing');
    const before = filtered.slice(0, index);
    return { object: 'list', data: before.slice(Math.max(0, before.length - limit)), has_more: before.length > limit, url };
  }
  return { object: 'list', data: filtered.slice(0, limit), has_more: filtered.length > limit, url };
}

/** A list endpoint's answer: the objects of type `object` in the caller's scope that pass `filter`, a page of them. */
export function listOf<T extends StripeObject>(ctx: RequestContext, object: string, filter?: (item: T) => boolean): ListObject<T> {
  return paginate(ctx.state.all<T>(object, ctx.account, filter), ctx.params, ctx.url);
}

/** A list filter by plain equality: each of `keys` given as a param must equal the object's field of that name. */
export function fieldsEqual<T extends object>(params: Params, keys: readonly (keyof T & string)[]): (item: T) => boolean {
  const wanted = keys.flatMap((key) => {
    const value = params.string(key);
    return value === undefined ? [] : [[key, value] as const];
  });
  return (item) => wanted.every(([key, value]) => item[key] === value);
}

function filterCreated<T extends StripeObject>(items: T[], params: Params): T[] {
  if (!params.has('created')) return items;
  const exact = typeof params.raw.created === 'string' ? params.integer('created') : undefined;
  if (exact !== undefined) return items.filter((item) => item.created === exact);
  const range = params.object('created');
  if (!range) return items;
  const gt = range.integer('gt');
  const gte = range.integer('gte');
  const lt = range.integer('lt');
  const lte = range.integer('lte');
  return items.filter((item) => {
    const created = item.created ?? 0;
    return (gt === undefined || created > gt) && (gte === undefined || created >= gte) && (lt === undefined || created < lt) && (lte === undefined || created <= lte);
  });
}
