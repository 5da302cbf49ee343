import type { ApiRouter } from '../../core/router.js';

export function registerConnect(api: ApiRouter): void {
  void api;
}
