import { Module } from '@nestjs/common';
import { CommunityCoreModule } from '../community-core.module.js';

@Module({
  imports: [CommunityCoreModule],
})
export class IdeasModule {}
