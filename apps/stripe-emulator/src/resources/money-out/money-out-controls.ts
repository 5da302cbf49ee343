import { invalid } from '../../core/errors.js';
import type { ApiRouter } from '../../core/router.js';

/** Switches that make the next transfer or payout fail, the way a bank or Stripe's checks sometimes do. */
export function registerMoneyOutControls(control: ApiRouter): void {
  control.post(
    '/_emulator/transfers/fail-next',
    (ctx) => {
      const message = ctx.params.string('message', { max: 500 }) ?? 'The transfer could not be completed. Try again later.';
      ctx.state.controls.failNextTransfer = message;
      return { fail_next_transfer: message };
    },
    ['message'],
  );
  control.post(
    '/_emulator/payouts/fail-next',
    (ctx) => {
      const code = ctx.params.string('failure_code', { max: 100 }) ?? 'account_closed';
      if (!/^[a-z_]+$/.test(code)) throw invalid('failure_code must be a payout failure code such as account_closed or no_account', 'failure_code');
      ctx.state.controls.failNextPayout = code;
      return { fail_next_payout: code };
    },
    ['failure_code'],
  );
}
