import type Stripe from 'stripe';
import { emitChanges } from '../../core/diff.js';
import { invalid, StripeApiError } from '../../core/errors.js';
import { fieldsEqual, listOf } from '../../core/list.js';
import { LIST_PARAMS, type ApiRouter, type RequestContext } from '../../core/router.js';
import { AWAITING_RESPONSE, closeDispute } from './dispute-lifecycle.js';

/** Evidence fields given as text (or as a File id, which the emulator keeps as given). */
const EVIDENCE_FIELDS = [
  'access_activity_log',
  'billing_address',
  'cancellation_policy',
  'cancellation_policy_disclosure',
  'cancellation_rebuttal',
  'customer_communication',
  'customer_email_address',
  'customer_name',
  'customer_purchase_ip',
  'customer_signature',
  'duplicate_charge_documentation',
  'duplicate_charge_explanation',
  'duplicate_charge_id',
  'product_description',
  'receipt',
  'refund_policy',
  'refund_policy_disclosure',
  'refund_refusal_explanation',
  'service_date',
  'service_documentation',
  'shipping_address',
  'shipping_carrier',
  'shipping_date',
  'shipping_documentation',
  'shipping_tracking_number',
  'uncategorized_file',
  'uncategorized_text',
] as const;

/** Disputes (opened by the control API): retrieve, list, update evidence and submit it, close (accept the loss). */
export function registerDisputes(api: ApiRouter): void {
  api.get('/v1/disputes', list, [...LIST_PARAMS, 'charge', 'payment_intent']);
  api.get('/v1/disputes/:id', (ctx) => find(ctx));
  api.post('/v1/disputes/:id', update, ['evidence', 'metadata', 'submit']);
  api.post('/v1/disputes/:id/close', (ctx) => {
    const dispute = find(ctx);
    if (!AWAITING_RESPONSE.includes(dispute.status)) throw notAwaiting(dispute);
    return closeDispute(ctx, dispute, 'lost');
  }, []);
}

function update(ctx: RequestContext): Stripe.Dispute {
  const { params } = ctx;
  const dispute = find(ctx);
  const before = structuredClone(dispute);
  const evidence = params.object('evidence');
  // Stripe submits the evidence unless told `submit=false`.
  const submit = params.boolean('submit') ?? true;
  const awaiting = AWAITING_RESPONSE.includes(dispute.status);
  if ((evidence || params.boolean('submit')) && !awaiting) throw notAwaiting(dispute);
  if (evidence) {
    evidence.allowOnly(EVIDENCE_FIELDS);
    for (const key of Object.keys(evidence.raw)) {
      const value = evidence.string(key, { max: 20_000 }) ?? null;
      Object.assign(dispute.evidence, { [key]: value });
    }
    dispute.evidence_details.has_evidence = EVIDENCE_FIELDS.some((field) => dispute.evidence[field] !== null);
  }
  dispute.metadata = params.metadata(dispute.metadata);
  if (awaiting && submit) {
    dispute.status = dispute.status === 'warning_needs_response' ? 'warning_under_review' : 'under_review';
    dispute.evidence_details.submission_count += 1;
    dispute.evidence_details.submission_method = 'manual';
  }
  emitChanges(ctx.emit, 'charge.dispute.updated', before, dispute);
  return dispute;
}

function notAwaiting(dispute: Stripe.Dispute): StripeApiError {
  const closed = dispute.status === 'won' || dispute.status === 'lost';
  return invalid(
    closed ? `This dispute is already closed (${dispute.status}).` : `This dispute has status ${dispute.status}: evidence can only be changed, submitted or the dispute accepted while it needs a response.`,
    undefined,
    closed ? 'dispute_already_closed' : 'dispute_not_awaiting_response',
  );
}

function list(ctx: RequestContext) {
  return listOf(ctx, 'dispute', fieldsEqual<Stripe.Dispute>(ctx.params, ['charge', 'payment_intent']));
}

function find(ctx: RequestContext): Stripe.Dispute {
  return ctx.state.get<Stripe.Dispute>('dispute', ctx.path.id, ctx.account);
}
