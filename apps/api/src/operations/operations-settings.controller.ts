import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Env } from '@qj/config';
import { join } from 'node:path';
import { Roles } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { OperationsSettingsDto } from './dto/operations.response.dto';

/** What the 运维 page needs to explain itself: where mail goes, and which queue prefix the dashboard shows. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (admins only)'])
@Roles('admin')
@Controller('admin/operations')
export class OperationsSettingsController {
  constructor(private readonly config: ConfigService<Env, true>) {}

  @Get('settings')
  @ApiOperation({ summary: 'Mail transport (smtp, or eml files when SMTP_URL is unset) and the queue prefix' })
  @ApiOkResponse({ type: OperationsSettingsDto })
  settings() {
    // The worker's rule (apps/worker/src/mail/mail-transport.ts): without SMTP_URL, mails are .eml files under VAR_DIR/outbox.
    const smtp = !!this.config.get('SMTP_URL', { infer: true });
    return {
      mailTransport: smtp ? 'smtp' : 'eml',
      emlDirectory: smtp ? null : join(this.config.get('VAR_DIR', { infer: true }), 'outbox'),
      queuePrefix: this.config.get('QUEUE_PREFIX', { infer: true }),
    };
  }
}
