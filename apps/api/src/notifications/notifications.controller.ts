import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { CurrentCaller, type Caller } from '../identity/caller.js';
import { NotificationInboxService } from './notification-inbox.service.js';
import { NotificationPage, NotificationsQuery, NotificationView, ReadAllView, UnreadCountView } from './notifications.dto.js';
import { NotificationsError } from './notifications.errors.js';

@ApiTags('me')
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @Access.member()
  @ApiOkResponse({ type: NotificationPage, description: 'Your notifications, newest first.' })
  list(@CurrentCaller() caller: Caller, @Query() query: NotificationsQuery): Promise<NotificationPage> {
    return this.inbox.list(caller, query);
  }

  @Get('unread-count')
  @Access.member()
  @ApiOkResponse({ type: UnreadCountView })
  unreadCount(@CurrentCaller() caller: Caller): Promise<UnreadCountView> {
    return this.inbox.unreadCount(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: ReadAllView })
  readAll(@CurrentCaller() caller: Caller): Promise<ReadAllView> {
    return this.inbox.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Access.member()
  @ApiOkResponse({ type: NotificationView, description: 'Marked read (reading it again keeps the first readAt).' })
  @ApiNotFoundResponse({ description: 'NOTIFICATION_NOT_FOUND (also for notifications of other users)' })
  read(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => NotificationsError.notFound() })) id: string): Promise<NotificationView> {
    return this.inbox.markRead(caller, id);
  }
}
