import type { FastifyInstance } from 'fastify';
import type { StripeEmulator } from '../emulator.js';
import { registerCheckoutPages } from '../resources/checkout/checkout-pages.js';
import { registerConnectPages } from '../resources/connect/connect-pages.js';

/** What hosted pages need from the emulator. */
export interface PageEnvironment {
  emulator: StripeEmulator;
}

/** The hosted pages browsers visit: Connect onboarding and dashboard links, Checkout. */
export function registerPages(app: FastifyInstance, emulator: StripeEmulator): void {
  const env: PageEnvironment = { emulator };
  registerConnectPages(app, env);
  registerCheckoutPages(app, env);
}
