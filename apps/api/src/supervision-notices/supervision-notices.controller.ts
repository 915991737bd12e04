import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth';
import { DOCX_CONTENT_TYPE } from '../bulletins/bulletins.service';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { SupervisionNoticeListDto } from './dto/supervision-notice.dto';
import { SupervisionNoticesService } from './supervision-notices.service';

/** 督办单 issued by the daily scan for overdue problems (apps/worker/src/supervision): the list and each one's Word document. */
@ApiTags('problems')
@ApiBearerAuth()
@Controller('supervision-notices')
export class SupervisionNoticesController {
  constructor(private readonly notices: SupervisionNoticesService) {}

  @Get()
  @ApiOperation({
    summary: '督办单, newest first (reviewers, leaders, admins: all; an owner: those sent to their unit or about their unit’s projects)',
  })
  @ApiOkResponse({ type: SupervisionNoticeListDto })
  list(@CurrentUser() user: AuthUser) {
    return this.notices.list(user);
  }

  @Get(':id/document.docx')
  @ApiOperation({ summary: 'The 督办单 as a Word document (.docx): the problem, the reply demanded and by when, and its history' })
  @ApiFileResponse(DOCX_CONTENT_TYPE, '督办单-<年>-<号>.docx')
  @ApiProblems(404)
  async document(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '督办单编号')) id: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.notices.document(user, id);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.content, {
      type: DOCX_CONTENT_TYPE,
      length: file.content.length,
      disposition: `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
