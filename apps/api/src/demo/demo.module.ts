import { Module } from '@nestjs/common';
import { CommunityModule } from '../community/community.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [IdentityModule, CommunityModule], providers: [DemoDataService] })
export class DemoModule {}
