import type { FastifyInstance } from 'fastify';
import { apiHandler, type ApiEnvironment } from '../core/api-handler.js';
import { invalid } from '../core/errors.js';
import { ApiRouter } from '../core/router.js';
import type { StripeEmulator } from '../emulator.js';
import { registerConnectControls } from '../resources/connect/connect-controls.js';
import { registerMoneyOutControls } from '../resources/money-out/money-out-controls.js';
import { registerPaymentControls } from '../resources/payments/payment-controls.js';

/**
 * The control API for tests and demos, under `/_emulator/`: form-encoded like the Stripe API, the
 * same API key, Stripe-shaped errors. Each area adds its own switches (disputes, failing
 * transfers and payouts, restricted accounts, clocks).
 */
export function registerControl(app: FastifyInstance, emulator: StripeEmulator, env: ApiEnvironment): void {
  const control = new ApiRouter();
  control.post(
    '/_emulator/reset',
    () => {
      emulator.reset();
      return { reset: true };
    },
    [],
  );
  control.post(
    '/_emulator/clock/advance',
    (ctx) => {
      const seconds = ctx.params.integer('seconds', { required: true, min: 1 });
      ctx.state.advanceClock(seconds);
      return { now: ctx.state.now() };
    },
    ['seconds'],
  );
  control.get('/_emulator/clock', (ctx) => ({ now: ctx.state.now() }), []);
  control.post(
    '/_emulator/webhooks/chaos',
    (ctx) => {
      const rate = ctx.params.string('duplicate_rate');
      if (rate !== undefined && !(/^\d*\.?\d+$/.test(rate) && Number(rate) <= 1)) throw invalid(`Invalid duplicate_rate: ${rate} (must be a number from 0 to 1)`, 'duplicate_rate');
      const maxDelayMs = ctx.params.integer('max_delay_ms', { min: 0, max: 600_000 });
      emulator.webhooks.chaos = { duplicateRate: rate === undefined ? emulator.webhooks.chaos.duplicateRate : Number(rate), maxDelayMs: maxDelayMs ?? emulator.webhooks.chaos.maxDelayMs };
      return { duplicate_rate: emulator.webhooks.chaos.duplicateRate, max_delay_ms: emulator.webhooks.chaos.maxDelayMs };
    },
    ['duplicate_rate', 'max_delay_ms'],
  );
  control.get(
    '/_emulator/webhooks/attempts',
    (ctx) => {
      const limit = ctx.params.integer('limit', { min: 1, max: 5000 }) ?? 100;
      const attempts = emulator.webhooks.attempts({ eventId: ctx.params.string('event'), endpointId: ctx.params.string('endpoint') });
      return { object: 'list', data: attempts.slice(0, limit), has_more: attempts.length > limit, url: ctx.url };
    },
    ['event', 'endpoint', 'limit'],
  );
  control.post(
    '/_emulator/webhooks/idle',
    async (ctx) => {
      const idle = await emulator.webhooks.idle(ctx.params.integer('timeout_ms', { min: 0, max: 600_000 }));
      return { idle, pending: emulator.webhooks.pendingDeliveries };
    },
    ['timeout_ms'],
  );
  registerPaymentControls(control);
  registerConnectControls(control);
  registerMoneyOutControls(control);
  for (const route of control.routes) app.route({ method: route.method, url: route.path, handler: apiHandler(route, env) });
}
