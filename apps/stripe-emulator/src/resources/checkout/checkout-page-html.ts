import type Stripe from 'stripe';
import { escapeHtml, formatMoney, page } from '../../pages/html.js';
import { intervalText } from '../billing/periods.js';

const MERCHANT = 'Guild (test mode)';

export interface FormState {
  email?: string;
  name?: string;
  /** A decline or a field the buyer must fix, shown beside the form. */
  error?: string;
}

/** The payment page: merchant, line items, total, the card form, and Back to cancel_url. */
export function payPage(session: Stripe.Checkout.Session, form: FormState): string {
  const items = session.line_items?.data ?? [];
  const currency = session.currency ?? 'usd';
  const subscription = session.mode === 'subscription';
  const recurring = items.filter((item) => item.price?.recurring);
  const recurringTotal = recurring.reduce((sum, item) => sum + item.amount_total, 0);
  const interval = recurring[0]?.price?.recurring ? intervalText(recurring[0].price.recurring) : null;
  const allRecurring = subscription && recurring.length === items.length;
  const rows = items.map((item) => {
    const every = item.price?.recurring ? ` / ${intervalText(item.price.recurring)}` : '';
    return `<tr><td>${escapeHtml(item.description ?? 'Item')} × ${escapeHtml(item.quantity)}</td><td class="amount">${escapeHtml(formatMoney(item.amount_total, currency))}${escapeHtml(every)}</td></tr>`;
  });
  const total = allRecurring
    ? `<tr class="total"><td>Total</td><td class="amount">${escapeHtml(formatMoney(session.amount_total ?? 0, currency))} / ${escapeHtml(interval)}</td></tr>`
    : `<tr class="total"><td>Total${subscription ? ' due today' : ''}</td><td class="amount">${escapeHtml(formatMoney(session.amount_total ?? 0, currency))}</td></tr>` +
      (subscription && interval ? `<tr><td class="muted">Then</td><td class="amount muted">${escapeHtml(formatMoney(recurringTotal, currency))} / ${escapeHtml(interval)}</td></tr>` : '');
  const email = session.customer_email ?? form.email ?? '';
  const error = form.error ? `<div class="error" role="alert">${escapeHtml(form.error)}</div>` : '';
  const back = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Back</a></p>` : '';
  const body = `
<p class="muted">${escapeHtml(MERCHANT)}</p>
<h1>${subscription ? 'Subscribe' : 'Pay'}</h1>
<table aria-label="Order summary">
${rows.join('\n')}
${total}
</table>
<form method="post">
${error}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(email)}"${session.customer_email ? ' readonly' : ''} required>
<label for="card_number">Card number</label>
<input id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" required>
<div class="row">
<div><label for="card_expiry">Expiration (MM / YY)</label><input id="card_expiry" name="card_expiry" autocomplete="cc-exp" placeholder="MM / YY" required></div>
<div><label for="card_cvc">CVC</label><input id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="CVC" required></div>
</div>
<label for="card_name">Name on card</label>
<input id="card_name" name="card_name" autocomplete="cc-name" value="${escapeHtml(form.name ?? '')}" required>
<button type="submit">${subscription ? 'Subscribe' : 'Pay'}</button>
</form>
<p class="muted">Test cards: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined; 4000 0000 0000 0341 pays now and fails on renewals. Any future expiry, any CVC.</p>
${back}`;
  return page(`${MERCHANT}: Checkout`, body);
}

/** A session that can no longer be paid: complete, or expired. */
export function closedPage(session: Stripe.Checkout.Session): string {
  if (session.status === 'complete') {
    const next = session.success_url ? `<p><a href="${escapeHtml(session.success_url.replace('{CHECKOUT_SESSION_ID}', session.id))}">Return to ${escapeHtml(MERCHANT)}</a></p>` : '';
    return page('Payment complete', `<p class="muted">${escapeHtml(MERCHANT)}</p><h1>This payment is complete</h1><p>Thanks! There is nothing more to pay.</p>${next}`);
  }
  const back = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Back</a></p>` : '';
  return page('Checkout expired', `<p class="muted">${escapeHtml(MERCHANT)}</p><h1>This Checkout Session has expired</h1><p>Ask the merchant for a new payment link.</p>${back}`);
}

export function notFoundPage(): string {
  return page('Not found', '<h1>Checkout Session not found</h1><p class="muted">This payment link is not valid. Check the address, or ask the merchant for a new one.</p>');
}
