import { Injectable } from '@nestjs/common';
import { StripeConnection } from './stripe-connection.js';
import type { ConnectedAccountChanged } from './stripe-domain-events.js';
import { accountState } from './stripe-event.translator.js';

/**
 * Connect for partners, in Guild's words: other modules ask for an Express account, an onboarding
 * link or the account's state, and never see a Stripe object. Creation carries an idempotency key
 * derived from the partner id, so a retried request cannot create a second account.
 */
@Injectable()
export class StripeConnectService {
  constructor(private readonly connection: StripeConnection) {}

  async createExpressAccount(input: { partnerId: string; email: string; businessName?: string; country?: string }): Promise<string> {
    const account = await this.connection.stripe.accounts.create(
      {
        type: 'express',
        country: input.country ?? 'US',
        email: input.email,
        capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
        ...(input.businessName ? { business_profile: { name: input.businessName } } : {}),
        metadata: { guildPartnerId: input.partnerId },
      },
      { idempotencyKey: `partner-account-${input.partnerId}` },
    );
    return account.id;
  }

  /** A single-use link to Stripe's hosted onboarding (or, for an onboarded account, its update form). */
  async onboardingLink(accountId: string, urls: { returnUrl: string; refreshUrl: string }, type: 'account_onboarding' | 'account_update' = 'account_onboarding'): Promise<{ url: string; expiresAt: Date }> {
    const link = await this.connection.stripe.accountLinks.create({ account: accountId, type, return_url: urls.returnUrl, refresh_url: urls.refreshUrl });
    return { url: link.url, expiresAt: new Date(link.expires_at * 1000) };
  }

  /** A link into the partner's Express dashboard (only once onboarding is complete). */
  async dashboardLink(accountId: string): Promise<string> {
    return (await this.connection.stripe.accounts.createLoginLink(accountId)).url;
  }

  async accountState(accountId: string): Promise<ConnectedAccountChanged> {
    return accountState(await this.connection.stripe.accounts.retrieve(accountId));
  }
}
