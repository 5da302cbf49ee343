import { Module } from '@nestjs/common';
import { PostgresPluginStorage } from './postgres-plugin-storage.js';

/** Plugins' `ctx.storage`, kept in PostgreSQL; the plugin runtime takes PostgresPluginStorage as its adapter. */
@Module({
  providers: [PostgresPluginStorage],
  exports: [PostgresPluginStorage],
})
export class PluginStorageModule {}
