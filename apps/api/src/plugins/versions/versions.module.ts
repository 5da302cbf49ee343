import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { IdentityModule } from '../../identity/identity.module.js';
import { PartnersModule } from '../../partners/partners.module.js';
import { ListingsModule } from '../listings/listings.module.js';
import { PackagesModule } from '../packages/packages.module.js';
import { StaffVersionsController } from './staff-versions.controller.js';
import { VersionLifecycleService } from './version-lifecycle.service.js';
import { VersionUploadService } from './version-upload.service.js';
import { VersionsController } from './versions.controller.js';
import { VersionsRepository } from './versions.repository.js';
import { VersionsService } from './versions.service.js';

/** Versions: package upload and validation, storage, downloads, deprecate and yank. */
@Module({
  imports: [ListingsModule, PartnersModule, AuditModule, IdentityModule, PackagesModule],
  controllers: [VersionsController, StaffVersionsController],
  providers: [VersionsRepository, VersionsService, VersionUploadService, VersionLifecycleService],
})
export class VersionsModule {}
