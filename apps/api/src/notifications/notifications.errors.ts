import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../platform/http/domain-error.js';

export const NotificationsErrorCode = {
  NotificationNotFound: 'NOTIFICATION_NOT_FOUND',
} as const;

export type NotificationsErrorCode = (typeof NotificationsErrorCode)[keyof typeof NotificationsErrorCode];

const STATUS: Record<NotificationsErrorCode, HttpStatus> = {
  NOTIFICATION_NOT_FOUND: HttpStatus.NOT_FOUND,
};

export class NotificationsError extends DomainError {
  constructor(code: NotificationsErrorCode, message: string, details?: unknown) {
    super(code, STATUS[code], message, details);
  }

  static notFound(): NotificationsError {
    return new NotificationsError('NOTIFICATION_NOT_FOUND', 'You have no notification with this id.');
  }
}
