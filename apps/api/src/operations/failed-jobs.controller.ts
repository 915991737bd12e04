import { Controller, Delete, Get, HttpCode, Param, PipeTransform, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ValidationFailedException } from '@qj/http';
import type { QueueName } from '@qj/queue';
import { AuthUser, CurrentUser, RequireAccess, Roles } from '../auth';
import { FailedJobsQueryDto, QUEUE_NAME_MESSAGE } from './dto/failed-jobs-query.dto';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { FailedJobsPageDto, RetriedJobDto } from './dto/operations.response.dto';
import { FailedJobsService } from './failed-jobs.service';
import { QUEUE_NAMES } from './operated-queues';

/** A queue named in the path; anything else is a 400 naming `queue`, like every other invalid field. */
const queueParam: PipeTransform<string, QueueName> = {
  transform: (value) => {
    if (!(QUEUE_NAMES as readonly string[]).includes(value)) throw new ValidationFailedException([{ field: 'queue', message: QUEUE_NAME_MESSAGE }]);
    return value as QueueName;
  },
};

const QUEUE_PARAM = { name: 'queue', enum: QUEUE_NAMES, enumName: 'QueueName' };
const JOB_ID_PARAM = { name: 'jobId', type: String, description: 'the BullMQ job id' };

/** Dead letters (失败任务): jobs whose attempts are exhausted, for administrators to retry or discard. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (admins only)'])
@Roles('admin')
@Controller('admin/jobs')
export class FailedJobsController {
  constructor(private readonly failedJobs: FailedJobsService) {}

  @Get('failed')
  @ApiOperation({ summary: 'Jobs that failed for good, newest first per queue (all queues, or one with ?queue=)' })
  @ApiOkResponse({ type: FailedJobsPageDto })
  list(@Query() query: FailedJobsQueryDto) {
    return this.failedJobs.list({ queue: query.queue, page: query.page ?? 1, pageSize: query.pageSize ?? 20 });
  }

  @Post(':queue/:jobId/retry')
  @RequireAccess('job.retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Puts a failed job back in its queue with its attempts reset (404 unknown job, 409 not failed)' })
  @ApiParam(QUEUE_PARAM)
  @ApiParam(JOB_ID_PARAM)
  @ApiOkResponse({ type: RetriedJobDto })
  @ApiProblems([404, 'no such job'], [409, 'the job is not failed'])
  retry(@Param('queue', queueParam) queue: QueueName, @Param('jobId') jobId: string, @CurrentUser() user: AuthUser) {
    return this.failedJobs.retry(queue, jobId, user);
  }

  @Delete(':queue/:jobId')
  @RequireAccess('job.discard')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discards a failed job for good (404 unknown job, 409 not failed)' })
  @ApiParam(QUEUE_PARAM)
  @ApiParam(JOB_ID_PARAM)
  @ApiNoContentResponse({ description: 'Discarded' })
  @ApiProblems([404, 'no such job'], [409, 'the job is not failed'])
  async discard(@Param('queue', queueParam) queue: QueueName, @Param('jobId') jobId: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.failedJobs.discard(queue, jobId, user);
  }
}
