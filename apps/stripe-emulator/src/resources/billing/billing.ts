import type { ApiRouter } from '../../core/router.js';

export function registerBilling(api: ApiRouter): void {
  void api;
}
