import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the append-only audit log (a trigger refuses UPDATE and DELETE on the table). */
@Entity('audit_events')
@Index('ix_audit_events_occurred_at_id', ['occurredAt', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Millisecond precision: list cursors carry a JS Date, which holds no microseconds.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  /** Who did it; null for anonymous events such as a failed sign-in for an unknown email. */
  @Index('ix_audit_events_actor_id')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Index('ix_audit_events_action')
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  targetType: string | null;

  @Index('ix_audit_events_target_id')
  @Column({ type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;
}
