import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth';
import { ListProjectsQueryDto } from '../catalog/dto/list-projects.query.dto';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { ProjectExportService } from './project-export.service';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Registered before the catalog's controllers (ExportModule comes before CatalogModule in ApiModule),
 * so that `projects/export.xlsx` is not taken for `projects/:id`.
 */
@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectExportController {
  constructor(private readonly exports: ProjectExportService) {}

  @Get('export.xlsx')
  @ApiOperation({
    summary:
      '导出 Excel: the project list as a 台账 (.xlsx), same filters, sort and investment figures (年度计划, 累计完成, 完成率 of `year`/`month`) as GET /api/projects (page and pageSize are ignored: every row)',
  })
  @ApiFileResponse(
    XLSX_CONTENT_TYPE,
    'title row, a subtitle naming the filters, a frozen header with autofilter, one row per project; X-Total-Count says how many',
  )
  async export(@CurrentUser() user: AuthUser, @Query() query: ListProjectsQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { buffer, count, fileName } = await this.exports.ledger(user, query);
    res.setHeader('X-Total-Count', String(count));
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(buffer, {
      type: XLSX_CONTENT_TYPE,
      length: buffer.length,
      // An ASCII fallback for old clients, the Chinese name for the rest (RFC 6266 / RFC 5987).
      disposition: `attachment; filename="qijiang-projects.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
