import type Stripe from 'stripe';
import { fundsOf } from '../../core/balance.js';
import type { EmulatorState } from '../../core/state.js';
import { escapeHtml, formatMoney, page } from '../../pages/html.js';

const RECENT_PAYOUTS = 10;

/** The read-only "Express dashboard" a login link opens: balances and recent payouts. */
export function expressDashboardPage(state: EmulatorState, account: Stripe.Account): string {
  const funds = fundsOf(state, account.id);
  const currencies = [...new Set([account.default_currency ?? 'usd', ...funds.available.keys(), ...funds.pending.keys()])];
  const balances = currencies
    .map(
      (currency) =>
        `<tr><td>Available (${escapeHtml(currency.toUpperCase())})</td><td class="amount">${escapeHtml(formatMoney(funds.available.get(currency) ?? 0, currency))}</td></tr>` +
        `<tr><td>Pending (${escapeHtml(currency.toUpperCase())})</td><td class="amount">${escapeHtml(formatMoney(funds.pending.get(currency) ?? 0, currency))}</td></tr>`,
    )
    .join('');
  const payouts = state.all<Stripe.Payout>('payout', account.id).slice(0, RECENT_PAYOUTS);
  const rows = payouts.length
    ? payouts
        .map(
          (payout) =>
            `<tr><td>${escapeHtml(day(payout.arrival_date))}</td><td>${escapeHtml(payout.status)}</td><td class="amount">${escapeHtml(formatMoney(payout.amount, payout.currency))}</td></tr>`,
        )
        .join('')
    : '<tr><td colspan="3" class="muted">No payouts yet.</td></tr>';
  const name = account.settings?.dashboard.display_name ?? account.business_profile?.name ?? account.email ?? account.id;
  return page(
    'Express dashboard',
    `<h1>${escapeHtml(name)}</h1>
<p class="muted">Express dashboard (read-only) for ${escapeHtml(account.id)}${account.payouts_enabled ? '' : '. Payouts are paused for this account'}.</p>
<h2>Balance</h2>
<table aria-label="Balance"><tbody>${balances}</tbody></table>
<h2>Recent payouts</h2>
<table aria-label="Recent payouts"><thead><tr><th>Arrival</th><th>Status</th><th class="amount">Amount</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function day(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
