import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { PluginRuntime } from '@guild/plugin-runtime';
import { PluginStorageModule } from '../plugin-storage/plugin-storage.module.js';
import { PostgresPluginStorage } from '../plugin-storage/postgres-plugin-storage.js';

/** Kills the sandbox worker processes when the application closes, so none outlives it. */
@Injectable()
class PluginRuntimeShutdown implements OnApplicationShutdown {
  constructor(@Inject(PluginRuntime) private readonly runtime: PluginRuntime) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}

/**
 * The API's one PluginRuntime (QuickJS sandboxes in supervised worker processes). Workers start on
 * first use, so a process that never loads plugin code never forks one. One worker is enough for
 * what runs here today, the load check of uploaded packages; the extensions issue sizes the pool
 * for invocations.
 */
@Module({
  imports: [PluginStorageModule],
  providers: [
    {
      provide: PluginRuntime,
      inject: [PostgresPluginStorage],
      useFactory: (storage: PostgresPluginStorage) => new PluginRuntime({ workers: 1, storage }),
    },
    PluginRuntimeShutdown,
  ],
  exports: [PluginRuntime],
})
export class PluginRuntimeModule {}
