import { Controller, Get, HttpCode, Post, Query, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { XLSX_CONTENT_TYPE } from '../export/project-export.controller';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { MilestoneImportQueryDto, MilestoneTemplateQueryDto } from './dto/milestone-import.query.dto';
import { MilestoneImportResultDto } from './dto/milestone-import.response.dto';
import { MilestoneImportService } from './milestone-import.service';
import { UPLOAD_FIELD, XlsxUploadInterceptor } from './xlsx-upload.interceptor';

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
  @HttpCode(200)
  @RequireAccess('milestone.import')
  @UseInterceptors(XlsxUploadInterceptor)
  @ApiOperation({
    summary:
      'Import the filled-in template (multipart field `file`, .xlsx, ≤ 2 MB, ≤ 20 MB inflated, checked before parsing): every row validated; 422 with each row’s errors and nothing applied, else all updates in one transaction. dryRun=true only validates',
  })
  @ApiConsumes('multipart/form-data')
  @ApiOkResponse({ type: MilestoneImportResultDto })
  @ApiProblems(
    [400, 'not an .xlsx, or a malformed upload (problem naming `file`)'],
    [413, 'the upload is over 2 MB, or inflates past 20 MB'],
    [422, 'import_rows_invalid: each row’s errors, with `rows` and `summary` as in the 200; nothing applied; or more than a template can hold'],
  )
  @ApiBody({ schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' } } } })
  import(@CurrentUser() user: AuthUser, @Query() query: MilestoneImportQueryDto, @Req() request: Request) {
    return this.imports.import(user, (request.file as Express.Multer.File).buffer, query.dryRun ?? false);
  }
}
