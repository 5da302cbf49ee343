import type { ApiRouter } from '../../core/router.js';

export function registerConnectControls(control: ApiRouter): void {
  void control;
}
