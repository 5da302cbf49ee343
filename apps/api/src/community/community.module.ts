import { Module } from '@nestjs/common';
import { CommunityCoreModule } from './community-core.module.js';

/** Community and credit: questions and answers, ideas, the contribution log, badges, leaderboards, advocates. */
@Module({
  imports: [CommunityCoreModule],
})
export class CommunityModule {}
