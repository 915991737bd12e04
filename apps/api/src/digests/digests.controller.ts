import { Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RequireAccess, Roles } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { DigestsService } from './digests.service';
import { ComposedDigestDto } from './dto/digest.response.dto';

/** What a user's weekly digest (周报) would say now, for administrators; nothing is sent. */
@ApiTags('admin')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (admins only)'])
@Roles('admin')
@Controller('admin/digests')
export class DigestsController {
  constructor(private readonly digests: DigestsService) {}

  @Post('preview')
  @RequireAccess('digest.preview')
  @HttpCode(200)
  @ApiOperation({ summary: "Compose a user's weekly digest as of today without sending it" })
  @ApiQuery({ name: 'userId', required: true, schema: { type: 'string', format: 'uuid' }, description: 'the recipient' })
  @ApiOkResponse({ type: ComposedDigestDto })
  @ApiProblems([404, 'no active user with this id'])
  preview(@Query('userId') userId: string) {
    return this.digests.preview(userId);
  }
}
