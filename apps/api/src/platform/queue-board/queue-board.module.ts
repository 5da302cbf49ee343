import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/identity.module.js';
import { StaffJobsController } from './staff-jobs.controller.js';

@Module({ imports: [IdentityModule], controllers: [StaffJobsController] })
export class QueueBoardModule {}
