import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role, StaffRole } from '@guild/contracts';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased and trimmed; unique. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  passwordHash: string;

  /** Staff roles only; every user is implicitly a member. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  staffRoles: StaffRole[];

  // Millisecond precision: list cursors carry a JS Date, which holds no microseconds.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  get roles(): Role[] {
    return ['member', ...this.staffRoles];
  }
}
