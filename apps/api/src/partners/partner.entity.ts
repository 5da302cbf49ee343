import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type PartnerStatus = 'active' | 'suspended';

/**
 * A partner organisation, created when staff approve an application. The stripe_* columns mirror
 * its Connect account as Stripe last reported it (account.updated, or a refresh on return).
 */
@Entity('partners')
@Check('partners_status_check', `status IN ('active', 'suspended')`)
export class Partner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  namespace: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  bio: string | null;

  @Column({ type: 'text', nullable: true })
  logoUrl: string | null;

  @Column({ type: 'text', default: 'active' })
  status: PartnerStatus;

  @Column({ type: 'text', nullable: true })
  suspendedReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt: Date | null;

  /** The approved application (no foreign key: that table belongs to partner-applications). */
  @Index('ux_partners_application_id', { unique: true, where: 'application_id IS NOT NULL' })
  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ type: 'text', unique: true, nullable: true })
  stripeAccountId: string | null;

  @Column({ type: 'boolean', default: false })
  stripeDetailsSubmitted: boolean;

  @Column({ type: 'boolean', default: false })
  stripeChargesEnabled: boolean;

  @Column({ type: 'boolean', default: false })
  stripePayoutsEnabled: boolean;

  @Column({ type: 'boolean', default: false })
  stripeTransfersActive: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  stripeRequirementsDue: string[];

  @Column({ type: 'timestamptz', nullable: true })
  stripeRequirementsDeadline: Date | null;

  @Column({ type: 'text', nullable: true })
  stripeDisabledReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  stripeUpdatedAt: Date | null;

  // Millisecond precision: list cursors carry a JS Date, which holds no microseconds.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Money may be sent to the partner: Stripe reports transfers active and payouts enabled. */
  get payable(): boolean {
    return this.stripeTransfersActive && this.stripePayoutsEnabled;
  }
}
