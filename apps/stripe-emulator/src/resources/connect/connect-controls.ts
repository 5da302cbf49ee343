import type Stripe from 'stripe';
import { invalid } from '../../core/errors.js';
import type { ApiRouter } from '../../core/router.js';
import { emitAccountChanges } from './account-events.js';
import { connectedAccount, markEnabled, markIncomplete, markRestricted } from './account-state.js';

const REASONS: Stripe.Account.Requirements.DisabledReason[] = [
  'action_required.requested_capabilities',
  'listed',
  'other',
  'platform_paused',
  'rejected.fraud',
  'rejected.incomplete_verification',
  'rejected.listed',
  'rejected.other',
  'rejected.platform_fraud',
  'rejected.platform_other',
  'rejected.platform_terms_of_service',
  'rejected.terms_of_service',
  'requirements.past_due',
  'requirements.pending_verification',
  'under_review',
];
const DEFAULT_DUE = ['individual.verification.document'];

/** Stripe holding a connected account back, and letting it go again (what Stripe's risk team or a missed deadline does). */
export function registerConnectControls(control: ApiRouter): void {
  control.post(
    '/_emulator/accounts/:id/restrict',
    (ctx) => {
      const account = connectedAccount(ctx.state, ctx.path.id);
      const reason = (ctx.params.string('reason', { oneOf: REASONS }) ?? 'requirements.past_due') as Stripe.Account.Requirements.DisabledReason;
      const due = ctx.params.strings('currently_due');
      if (due.some((field) => !/^[a-z0-9_.]+$/.test(field))) throw invalid('currently_due must be requirement names like individual.verification.document', 'currently_due');
      const before = structuredClone(account);
      markRestricted(account, reason, due.length ? due : DEFAULT_DUE);
      emitAccountChanges(ctx.state, ctx.emit, before, account);
      return account;
    },
    ['reason', 'currently_due'],
  );
  control.post(
    '/_emulator/accounts/:id/unrestrict',
    (ctx) => {
      const account = connectedAccount(ctx.state, ctx.path.id);
      const before = structuredClone(account);
      if (account.details_submitted) markEnabled(account);
      else markIncomplete(ctx.state, account);
      emitAccountChanges(ctx.state, ctx.emit, before, account);
      return account;
    },
    [],
  );
}
