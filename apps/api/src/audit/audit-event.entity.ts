import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the append-only audit log (a trigger refuses UPDATE and DELETE on the table). */
@Entity('audit_events')
@Index(['occurredAt', 'id'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  /** Who did it; null for anonymous events such as a failed sign-in for an unknown email. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Index()
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  targetType: string | null;

  @Index()
  @Column({ type: 'text', nullable: true })
  targetId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  details: Record<string, unknown>;
}
