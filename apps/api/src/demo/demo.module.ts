import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({ imports: [IdentityModule], providers: [DemoDataService] })
export class DemoModule {}
