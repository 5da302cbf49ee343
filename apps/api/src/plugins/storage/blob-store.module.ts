import { Module } from '@nestjs/common';
import { GuildConfig } from '../../platform/config/guild-config.js';
import { BlobStore, DirectoryBlobStore, MemoryBlobStore } from './blob-store.js';

/** The blob store for packages and images, from GUILD_STORAGE_DIR (default GUILD_DATA_DIR). */
@Module({
  providers: [
    {
      provide: BlobStore,
      inject: [GuildConfig],
      useFactory: (config: GuildConfig) => (config.storageDir === 'memory://' ? new MemoryBlobStore() : new DirectoryBlobStore(config.storageDir)),
    },
  ],
  exports: [BlobStore],
})
export class BlobStoreModule {}
