import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth';
import { OutboxListQueryDto } from './dto/list-query.dto';
import { OutboxListDto } from './dto/notification.response.dto';
import { NotificationsService } from './notifications.service';
import { ApiProblems } from '../openapi/api-problems.decorator';

/** What mail went, what waits and what was refused, for administrators. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (admins only)'])
@Roles('admin')
@Controller('admin/outbox')
export class AdminOutboxController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Mail outbox, newest first, optionally by status (pending, sending, sent, failed, skipped)' })
  @ApiOkResponse({ type: OutboxListDto })
  list(@Query() query: OutboxListQueryDto) {
    return this.notifications.mailOutbox({ status: query.status, limit: query.limit ?? 100 });
  }
}
