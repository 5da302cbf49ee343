import { ApiProperty } from '@nestjs/swagger';
import { PARTNER_ROLES, type PartnerRole } from '@guild/contracts';
import type { Partner, PartnerStatus } from './partner.entity.js';

export class PartnerView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'acme' }) namespace: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
  @ApiProperty({ nullable: true, type: String }) logoUrl: string | null;
  @ApiProperty({ enum: ['active', 'suspended'] }) status: PartnerStatus;
  @ApiProperty() createdAt: string;
}

/** The partner's Connect account as Guild last heard of it. */
export class PartnerStripeStatus {
  @ApiProperty({ nullable: true, type: String, example: 'acct_1Abc' }) accountId: string | null;
  @ApiProperty({ description: 'An Express account exists (onboarding was started at least once).' }) onboardingStarted: boolean;
  @ApiProperty() detailsSubmitted: boolean;
  @ApiProperty() chargesEnabled: boolean;
  @ApiProperty() payoutsEnabled: boolean;
  @ApiProperty() transfersActive: boolean;
  @ApiProperty({ description: 'Transfers active and payouts enabled: payouts are blocked until this is true.' }) payable: boolean;
  @ApiProperty({ type: [String], example: ['individual.verification.document'] }) requirementsDue: string[];
  @ApiProperty({ nullable: true, type: String }) requirementsDeadline: string | null;
  @ApiProperty({ nullable: true, type: String }) disabledReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'When Stripe last reported on the account.' }) updatedAt: string | null;
}

export class OnboardingLinkView {
  @ApiProperty({ format: 'uri', description: "Stripe's hosted onboarding; single use" }) url: string;
  @ApiProperty() expiresAt: string;
}

export class PublicPartnerProfile {
  @ApiProperty() namespace: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) website: string | null;
  @ApiProperty({ nullable: true, type: String }) bio: string | null;
  @ApiProperty({ nullable: true, type: String }) logoUrl: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Comes with tiers; null until then.' }) tier: string | null;
  @ApiProperty({ type: [Object], description: 'Comes with plugins; empty until then.' }) plugins: unknown[];
  @ApiProperty({ nullable: true, type: Object, description: 'Comes with the community domain; null until then.' }) community: null;
  @ApiProperty() memberSince: string;
}

export class PartnerMembershipView {
  @ApiProperty({ type: PartnerView }) partner: PartnerView;
  @ApiProperty({ enum: PARTNER_ROLES }) role: PartnerRole;
}

export class MyPartnershipsView {
  @ApiProperty({ type: [PartnerMembershipView] }) items: PartnerMembershipView[];
}

export function toPartnerView(partner: Partner): PartnerView {
  return {
    id: partner.id,
    namespace: partner.namespace,
    name: partner.name,
    website: partner.website,
    bio: partner.bio,
    logoUrl: partner.logoUrl,
    status: partner.status,
    createdAt: partner.createdAt.toISOString(),
  };
}

export function toStripeStatus(partner: Partner): PartnerStripeStatus {
  return {
    accountId: partner.stripeAccountId,
    onboardingStarted: partner.stripeAccountId !== null,
    detailsSubmitted: partner.stripeDetailsSubmitted,
    chargesEnabled: partner.stripeChargesEnabled,
    payoutsEnabled: partner.stripePayoutsEnabled,
    transfersActive: partner.stripeTransfersActive,
    payable: partner.payable,
    requirementsDue: partner.stripeRequirementsDue,
    requirementsDeadline: partner.stripeRequirementsDeadline?.toISOString() ?? null,
    disabledReason: partner.stripeDisabledReason,
    updatedAt: partner.stripeUpdatedAt?.toISOString() ?? null,
  };
}

export function toPublicProfile(partner: Partner): PublicPartnerProfile {
  return {
    namespace: partner.namespace,
    name: partner.name,
    website: partner.website,
    bio: partner.bio,
    logoUrl: partner.logoUrl,
    tier: null,
    plugins: [],
    community: null,
    memberSince: partner.createdAt.toISOString(),
  };
}
