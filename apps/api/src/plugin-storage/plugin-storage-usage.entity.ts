import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one install's storage holds in all. Besides counting, the row is the install's lock:
 * every write takes it FOR UPDATE first, so quota checks and writes of one scope run one at a time.
 */
@Entity('plugin_storage_usage')
export class PluginStorageUsage {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'plugin_storage_usage_pkey' })
  scope: string;

  @Column({ type: 'integer', default: 0 })
  keys: number;

  @Column({ type: 'integer', default: 0 })
  bytes: number;
}
