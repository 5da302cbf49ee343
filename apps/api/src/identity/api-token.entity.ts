import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity.js';
import type { ApiScope } from '@guild/contracts';

/** A personal API token (`gld_…`). Only the SHA-256 of the secret is stored; `prefix` helps people tell tokens apart. */
@Entity('api_tokens')
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_api_tokens_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_api_tokens_user' })
  user?: User;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  prefix: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Column({ type: 'text', array: true })
  scopes: ApiScope[];

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  // Millisecond precision: list cursors carry a JS Date, which holds no microseconds.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
