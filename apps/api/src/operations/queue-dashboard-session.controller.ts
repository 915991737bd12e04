import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, RequireAccess, Roles } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { QueueDashboardSessionDto } from './dto/operations.response.dto';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH, QUEUE_DASHBOARD_SESSION_SECONDS, QueueDashboardAccess } from './queue-dashboard-access';

/** Lets an admin's browser tab into /admin/queues, which a navigation cannot reach with the console's Bearer token. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (admins only)'])
@Roles('admin')
@Controller('admin/queue-dashboard')
export class QueueDashboardSessionController {
  constructor(private readonly access: QueueDashboardAccess) {}

  @Post('session')
  @RequireAccess('queue-dashboard.session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sets a 30-minute HttpOnly, SameSite=Strict cookie scoped to /admin/queues; then open /admin/queues in a new tab',
  })
  @ApiOkResponse({ type: QueueDashboardSessionDto, description: 'and Set-Cookie with the dashboard’s session' })
  open(@CurrentUser() user: AuthUser, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { token, expiresAt } = this.access.issueSession(user);
    // Strict: no other site can make the browser send it, so the dashboard's retry/clean buttons cannot be forged.
    res.cookie(QUEUE_DASHBOARD_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: QUEUE_DASHBOARD_PATH,
      maxAge: QUEUE_DASHBOARD_SESSION_SECONDS * 1000,
    });
    return { url: QUEUE_DASHBOARD_PATH, expiresAt: expiresAt.toISOString() };
  }
}
