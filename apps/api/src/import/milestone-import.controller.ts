import { Controller, Get, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { XLSX_CONTENT_TYPE } from '../export/project-export.controller';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { MilestoneImportQueryDto, MilestoneTemplateQueryDto } from './dto/milestone-import.query.dto';
import { MilestoneImportResultDto } from './dto/milestone-import.response.dto';
import { MilestoneImportService } from './milestone-import.service';
import { UploadedXlsx, XlsxImport, XlsxUpload } from './xlsx-upload.interceptor';

/**
 * Excel import of milestone updates. ImportModule comes before MilestonesModule in ApiModule, so these fixed paths
 * are matched before any `milestones/:id` route.
 */
@ApiTags('workflow')
@ApiBearerAuth()
@Controller('milestones')
export class MilestoneImportController {
  constructor(private readonly imports: MilestoneImportService) {}

  @Get('import-template.xlsx')
  @ApiOperation({
    summary: '里程碑更新模板: one row per not-done milestone (owners: their unit; reviewers/admins: all, or unitId / projectId), with a 说明 sheet',
  })
  @ApiFileResponse(XLSX_CONTENT_TYPE, '里程碑更新模板-<单位>-<日期>.xlsx')
  @ApiProblems([403, 'outside_unit: an owner asked for another unit'])
  async template(@CurrentUser() user: AuthUser, @Query() query: MilestoneTemplateQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { buffer, fileName, count } = await this.imports.template(user, query);
    res.setHeader('X-Total-Count', String(count));
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(buffer, {
      type: XLSX_CONTENT_TYPE,
      length: buffer.length,
      disposition: `attachment; filename="milestone-import-template.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @Post('import')
  @RequireAccess('milestone.import')
  @XlsxImport({
    summary:
      'Import the filled-in template (multipart field `file`, .xlsx, ≤ 2 MB, ≤ 20 MB inflated, checked before parsing): every row validated; 422 with each row’s errors and nothing applied, else all updates in one transaction. dryRun=true only validates',
    ok: MilestoneImportResultDto,
    badRequest: 'not an .xlsx, or a malformed upload (problem naming `file`)',
  })
  import(@CurrentUser() user: AuthUser, @Query() query: MilestoneImportQueryDto, @UploadedXlsx() upload: XlsxUpload) {
    return this.imports.import(user, upload.buffer, query.dryRun ?? false);
  }
}
