import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth';
import { XLSX_CONTENT_TYPE } from '../export/project-export.controller';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { AUDIT_EXPORT_LIMIT, AuditService } from './audit.service';
import { AuditFilterDto, AuditQueryDto } from './dto/audit.query.dto';
import { AuditActorListDto, AuditKindListDto, AuditLogPageDto } from './dto/audit.response.dto';

/**
 * 操作日志: every change across projects and every admin's change to users and units, for the DRC's reviewers, the
 * district's leaders and admins; owners read their projects' history instead.
 */
@ApiTags('audit')
@ApiBearerAuth()
@ApiProblems([403, '无权执行此操作 (reviewers, leaders and admins only)'])
@Roles('reviewer', 'leader', 'admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({
    summary:
      '操作日志: audit rows across projects and of admins’ changes to users and units, newest first, filtered by unit, user, kind and days (inclusive, APP_TIMEZONE)',
  })
  @ApiOkResponse({ type: AuditLogPageDto })
  list(@Query() query: AuditQueryDto) {
    return this.audit.page(query);
  }

  @Get('kinds')
  @ApiOperation({ summary: 'Every kind of change the log names, with its label in both languages (the filter’s options)' })
  @ApiOkResponse({ type: AuditKindListDto })
  kinds() {
    return this.audit.kinds();
  }

  @Get('actors')
  @ApiOperation({ summary: 'Everyone who appears in the log as the one who acted (the user filter’s options), with their unit now' })
  @ApiOkResponse({ type: AuditActorListDto })
  actors() {
    return this.audit.actors();
  }

  @Get('export.xlsx')
  @ApiOperation({
    summary: `导出 Excel: the operation log with the same filters, newest first, at most ${AUDIT_EXPORT_LIMIT} rows (the sheet says when it is cut)`,
  })
  @ApiFileResponse(
    XLSX_CONTENT_TYPE,
    'title row, a line naming the filters (and the cut, if any), a frozen header with autofilter, one row per change; X-Total-Count: rows matching',
  )
  async export(@Query() filter: AuditFilterDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { buffer, total, fileName } = await this.audit.export(filter);
    res.setHeader('X-Total-Count', String(total));
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(buffer, {
      type: XLSX_CONTENT_TYPE,
      length: buffer.length,
      disposition: `attachment; filename="qijiang-audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
