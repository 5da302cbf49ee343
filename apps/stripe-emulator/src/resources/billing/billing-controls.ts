import type { ApiRouter } from '../../core/router.js';

export function registerBillingControls(control: ApiRouter): void {
  void control;
}
