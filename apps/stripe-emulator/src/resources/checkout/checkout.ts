import type { ApiRouter } from '../../core/router.js';

export function registerCheckout(api: ApiRouter): void {
  void api;
}
