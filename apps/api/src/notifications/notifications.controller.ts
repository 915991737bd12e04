import { Body, Controller, Get, HttpCode, Param, PipeTransform, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ValidationFailedException } from '@qj/http';
import { CurrentUser, SelfService } from '../auth';
import type { AuthUser } from '../auth';
import { NotificationListQueryDto } from './dto/list-query.dto';
import { NotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationsService } from './notifications.service';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { NotificationDto, NotificationListDto, NotificationPreferencesViewDto, ReadAllResultDto } from './dto/notification.response.dto';

/** A notification id (a bigserial): anything else is a 400 naming `id`, like every other id parameter. */
const notificationIdParam: PipeTransform<string, string> = {
  transform: (value) => {
    if (!/^[1-9][0-9]{0,17}$/.test(value))
      throw new ValidationFailedException([
        { field: 'id', message: { zh: 'id 必须是通知编号（正整数）', en: 'id must be a notification id (a positive integer)' } },
      ]);
    return value;
  },
};

/** The signed-in user's own notifications (站内通知) and e-mail preferences: every query is scoped by their id. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOperation({ summary: 'My notifications, newest first, with the number unread' })
  @ApiOkResponse({ type: NotificationListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: NotificationListQueryDto) {
    return this.notifications.list(user.id, query.limit ?? 50, query.unread ?? false);
  }

  @Post('notifications/read-all')
  @SelfService()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: ReadAllResultDto })
  readAll(@CurrentUser() user: AuthUser) {
    return this.notifications.readAll(user.id);
  }

  @Post('notifications/:id/read')
  @SelfService()
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: '^[1-9][0-9]{0,17}$' }, description: 'the notification’s number' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblems([404, 'no such notification of mine'])
  read(@CurrentUser() user: AuthUser, @Param('id', notificationIdParam) id: string) {
    return this.notifications.read(user.id, id);
  }

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'Which e-mail I receive: { alert, workflow, digest, report }' })
  @ApiOkResponse({ type: NotificationPreferencesViewDto })
  getPreferences(@CurrentUser() user: AuthUser) {
    return this.notifications.preferencesOf(user.id);
  }

  @Put('me/notification-preferences')
  @SelfService()
  @ApiOperation({ summary: 'Turn e-mail kinds on or off; a kind left out stays as it is' })
  @ApiOkResponse({ type: NotificationPreferencesViewDto, description: 'every kind, after the change' })
  setPreferences(@CurrentUser() user: AuthUser, @Body() body: NotificationPreferencesDto) {
    return this.notifications.setPreferences(user.id, body);
  }
}
