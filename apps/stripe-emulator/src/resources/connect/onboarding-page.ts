import type Stripe from 'stripe';
import { escapeHtml, page } from '../../pages/html.js';
import type { OnboardingForm } from './onboarding.js';

export interface OnboardingView {
  account: Stripe.Account;
  form: OnboardingForm;
  errors: string[];
  /** Where the form posts (the link's own URL). */
  action: string;
  update: boolean;
}

/** The hosted onboarding form: Stripe's Express onboarding boiled down to what Guild's flows need. */
export function onboardingPage(view: OnboardingView): string {
  const { form } = view;
  const errors = view.errors.length
    ? `<div class="error" role="alert"><ul>${view.errors.map((error) => `<li>${escapeHtml(error)}</li>`).join('')}</ul></div>`
    : '';
  const input = (id: string, label: string, value: string, extra = '') =>
    `<label for="${escapeHtml(id)}">${escapeHtml(label)}</label><input id="${escapeHtml(id)}" name="${escapeHtml(id)}" value="${escapeHtml(value)}" ${extra}>`;
  return page(
    view.update ? 'Update your account' : 'Set up your account',
    `<h1>${escapeHtml(view.update ? 'Update your account' : 'Get paid with Guild')}</h1>
<p class="muted">Account ${escapeHtml(view.account.id)}. Stripe collects these details to pay out to you.</p>
${errors}
<form method="post" action="${escapeHtml(view.action)}" novalidate>
${input('legal_name', 'Legal name', form.legalName, 'autocomplete="name"')}
${input('email', 'Email', form.email, 'type="email" autocomplete="email"')}
${input('website', 'Business website', form.website, 'type="url" placeholder="https://example.com"')}
<div class="row">
<div>${input('routing_number', 'Routing number', form.routingNumber, 'inputmode="numeric" placeholder="110000000"')}</div>
<div>${input('account_number', 'Account number', form.accountNumber, 'inputmode="numeric" placeholder="000123456789"')}</div>
</div>
<p class="muted">Test mode: routing number ${escapeHtml('110000000')}, account number ${escapeHtml('000123456789')}.</p>
<button type="submit" name="action" value="submit">Submit</button>
<button type="submit" name="action" value="save" class="secondary">Save and finish later</button>
</form>`,
  );
}

/** A page for a link that leads nowhere (unknown token, deleted account). */
export function notFoundPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p class="muted">${escapeHtml(message)}</p>`);
}
