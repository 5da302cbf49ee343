import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { PartnerRole } from '@guild/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../identity/caller.js';
import { UsersService } from '../identity/users.service.js';
import { GuildConfig } from '../platform/config/guild-config.js';
import { DomainEvents } from '../platform/events/domain-events.js';
import { StripeConnectService } from '../stripe/stripe-connect.service.js';
import type { ConnectedAccountChanged } from '../stripe/stripe-domain-events.js';
import { PartnerAccess } from './partner-access.service.js';
import { PartnerMember } from './partner-member.entity.js';
import { Partner } from './partner.entity.js';
import { toStripeStatus, type OnboardingLinkView, type PartnerStripeStatus } from './partner.view.js';

/** Who handles a partner's money. */
export const FINANCE_ROLES: readonly PartnerRole[] = ['owner', 'finance'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A partner's Stripe Connect Express account: onboarding links, and the account's state as Stripe
 * reports it (account.updated through the `stripe.account.changed` domain event, or a refresh when
 * the partner comes back from onboarding). Payouts check `payable`.
 */
@Injectable()
export class PartnerStripeService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: PartnerAccess,
    private readonly audit: AuditService,
    private readonly connect: StripeConnectService,
    private readonly events: DomainEvents,
    private readonly config: GuildConfig,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    this.events.on('stripe.account.changed', (state, { tx }) => this.apply(state, tx));
  }

  async status(caller: Caller, namespace: string): Promise<PartnerStripeStatus> {
    const { partner } = await this.access.requireMember(caller, namespace, FINANCE_ROLES);
    return toStripeStatus(partner);
  }

  /** A link to Stripe's hosted onboarding; the Express account is created on first use. */
  async startOnboarding(caller: Caller, namespace: string): Promise<OnboardingLinkView> {
    const { partner } = await this.access.requireMember(caller, namespace, FINANCE_ROLES, { active: 'onboard to Stripe' });
    let accountId = partner.stripeAccountId;
    const accountCreated = !accountId;
    if (!accountId) {
      // The idempotency key is derived from the partner id, so a retry or a race yields the same account.
      accountId = await this.connect.createExpressAccount({ partnerId: partner.id, email: await this.ownerEmail(partner.id), businessName: partner.name });
    }
    const type = partner.stripeDetailsSubmitted ? 'account_update' : 'account_onboarding';
    await this.db.transaction(async (tx) => {
      if (accountCreated) await tx.getRepository(Partner).update({ id: partner.id, stripeAccountId: IsNull() }, { stripeAccountId: accountId });
      await this.audit.record(
        { action: 'partner.stripe_onboarding_started', actorId: caller.userId, targetType: 'partner', targetId: partner.id, ip: caller.ip, details: { accountId, accountCreated, type } },
        tx,
      );
    });
    const back = `${this.config.publicUrl}/partners/${partner.namespace}/stripe`;
    const link = await this.connect.onboardingLink(accountId, { returnUrl: `${back}?onboarding=return`, refreshUrl: `${back}?onboarding=refresh` }, type);
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  }

  /** Reads the account from Stripe now (the partner is back from onboarding and should not wait for the webhook). */
  async refresh(caller: Caller, namespace: string): Promise<PartnerStripeStatus> {
    const { partner } = await this.access.requireMember(caller, namespace, FINANCE_ROLES);
    if (!partner.stripeAccountId) return toStripeStatus(partner);
    const state = await this.connect.accountState(partner.stripeAccountId);
    return this.db.transaction(async (tx) => {
      await this.apply(state, tx);
      return toStripeStatus(await tx.getRepository(Partner).findOneByOrFail({ id: partner.id }));
    });
  }

  /** Mirrors Stripe's view of an account onto its partner; an account Guild does not know is left alone. */
  private async apply(state: ConnectedAccountChanged, tx: EntityManager): Promise<void> {
    const values = {
      stripeDetailsSubmitted: state.detailsSubmitted,
      stripeChargesEnabled: state.chargesEnabled,
      stripePayoutsEnabled: state.payoutsEnabled,
      stripeTransfersActive: state.transfersActive,
      stripeRequirementsDue: state.requirementsDue,
      stripeRequirementsDeadline: state.requirementsDeadline,
      stripeDisabledReason: state.disabledReason,
      stripeUpdatedAt: new Date(),
    };
    const repository = tx.getRepository(Partner);
    const result = await repository.update({ stripeAccountId: state.accountId }, values);
    const partnerId = state.metadata.guildPartnerId;
    // The account exists but its id was never stored (the request that created it failed afterwards): the metadata names the partner.
    if (!result.affected && partnerId && UUID.test(partnerId)) {
      await repository.update({ id: partnerId, stripeAccountId: IsNull() }, { ...values, stripeAccountId: state.accountId });
    }
  }

  private async ownerEmail(partnerId: string): Promise<string> {
    const owner = await this.db.getRepository(PartnerMember).findOneByOrFail({ partnerId, role: 'owner' });
    return (await this.users.contacts([owner.userId])).get(owner.userId)!.email;
  }
}
