import type { ApiRouter } from '../../core/router.js';

export function registerMoneyOut(api: ApiRouter): void {
  void api;
}
