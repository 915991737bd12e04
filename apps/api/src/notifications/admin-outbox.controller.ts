import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MailOutboxRepository } from '@qj/persistence';
import { Roles } from '../auth';
import { OutboxListQueryDto } from './dto/list-query.dto';

/** What mail went, what waits and what was refused, for administrators. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: '无权执行此操作 (admins only)' })
@Roles('admin')
@Controller('admin/outbox')
export class AdminOutboxController {
  constructor(private readonly outbox: MailOutboxRepository) {}

  @Get()
  @ApiOperation({ summary: 'Mail outbox, newest first, optionally by status (pending, sending, sent, failed, skipped)' })
  @ApiOkResponse({ description: '{ items: [{ id, userId, username, toAddress, kind, subject, status, attempts, lastError, createdAt, sentAt }], counts }' })
  list(@Query() query: OutboxListQueryDto) {
    return this.outbox.list({ status: query.status, limit: query.limit ?? 100 });
  }
}
