import type { ApiRouter } from '../../core/router.js';

export function registerMoneyOutControls(control: ApiRouter): void {
  void control;
}
