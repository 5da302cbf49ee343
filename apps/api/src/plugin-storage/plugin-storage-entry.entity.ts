import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One key a plugin install keeps in `ctx.storage`. Written only through PostgresPluginStorage. */
@Entity('plugin_storage_entries')
export class PluginStorageEntry {
  /** The install id; a plain column until installs land (no foreign key yet). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'plugin_storage_entries_pkey' })
  scope: string;

  // Byte-order collation, so `list` pages in the order MemoryStorage sorts (not the locale's).
  @PrimaryColumn({ type: 'text', collation: 'C', primaryKeyConstraintName: 'plugin_storage_entries_pkey' })
  key: string;

  /** The JSON text exactly as the plugin wrote it. */
  @Column({ type: 'text' })
  value: string;

  /** entryBytes(key, value): what this entry counts against the quota. */
  @Column({ type: 'integer' })
  bytes: number;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
