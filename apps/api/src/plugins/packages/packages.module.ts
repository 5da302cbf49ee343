import { Module } from '@nestjs/common';
import { PluginRuntimeModule } from '../../plugin-runtime/plugin-runtime.module.js';
import { BlobStoreModule } from '../storage/blob-store.module.js';
import { PackageStore } from './package-store.service.js';
import { PackageValidator } from './package-validator.service.js';

/** Plugin packages: the upload check (with the sandbox) and their content-addressed store. */
@Module({
  imports: [PluginRuntimeModule, BlobStoreModule],
  providers: [PackageValidator, PackageStore],
  exports: [PackageValidator, PackageStore],
})
export class PackagesModule {}
