import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module.js';
import { EmailSenderJob } from './email-sender.job.js';
import { Notification } from './notification.entity.js';
import { NotificationInboxService } from './notification-inbox.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxEmail } from './outbox-email.entity.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxService } from './outbox.service.js';

/**
 * In-app notifications and the email outbox. Other domains call NotificationsService.notify/email
 * inside their own transactions; the SMTP sending happens in the `notifications.send-email` job.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification, OutboxEmail]), IdentityModule],
  controllers: [NotificationsController, OutboxController],
  providers: [NotificationsService, NotificationInboxService, OutboxService, EmailSenderJob],
  exports: [NotificationsService],
})
export class NotificationsModule {}
