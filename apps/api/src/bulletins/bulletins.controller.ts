import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@qj/http';
import type { Response } from 'express';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { ApiFileResponse } from '../openapi/file-response.decorator';
import { BulletinsService, DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './bulletins.service';
import { BulletinAcceptedDto, BulletinDto, BulletinListDto, GenerateBulletinDto } from './dto/bulletin.dto';

/** The month's 调度通报: generated as a draft by a job, read and downloaded, published (which locks the month). */
@ApiTags('bulletins')
@ApiBearerAuth()
@Controller('bulletins')
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @Post()
  @HttpCode(202)
  @RequireAccess('bulletin.generate')
  @ApiOperation({
    summary:
      'Generate the month’s bulletin (reviewers, admins): a job renders the Word document and the Excel annex as a draft; GET it until status is draft (or failed, with the reason). Generating again before publishing replaces the draft; the reviewers are notified when it is ready',
  })
  @ApiAcceptedResponse({ type: BulletinAcceptedDto })
  @ApiProblems([409, 'bulletin_published: the month’s bulletin is published'])
  generate(@CurrentUser() user: AuthUser, @Body() dto: GenerateBulletinDto) {
    return this.bulletins.generate(user, dto.month);
  }

  @Get()
  @ApiOperation({ summary: 'Bulletins, newest month first (reviewers and admins: every one; owners: published ones)' })
  @ApiOkResponse({ type: BulletinListDto })
  list(@CurrentUser() user: AuthUser) {
    return this.bulletins.list(user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One bulletin: generating, draft, published or failed (with failureReason); owners read published ones only' })
  @ApiOkResponse({ type: BulletinDto })
  @ApiProblems([404, 'no such bulletin (or, for an owner, not published)'])
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '通报编号')) id: string) {
    return this.bulletins.get(user, id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequireAccess('bulletin.publish')
  @ApiOperation({
    summary:
      'Publish the draft (reviewers, admins): the month’s investment figures are snapshotted and its monthly reports lock (409 month_locked), in one transaction',
  })
  @ApiOkResponse({ type: BulletinDto })
  @ApiProblems(404, [409, 'bulletin_published (published already), or bulletin_not_ready (generating or failed)'])
  publish(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '通报编号')) id: string) {
    return this.bulletins.publish(user, id);
  }

  @Get(':id/document.docx')
  @ApiOperation({ summary: 'The bulletin as a Word document (.docx)' })
  @ApiFileResponse(DOCX_CONTENT_TYPE, '綦江区重点项目调度通报-<月份>.docx')
  @ApiProblems(404, [409, 'bulletin_not_ready: generating or failed'])
  async document(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '通报编号')) id: string, @Res({ passthrough: true }) res: Response) {
    return this.download(await this.bulletins.file(user, id, 'document'), DOCX_CONTENT_TYPE, res);
  }

  @Get(':id/annex.xlsx')
  @ApiOperation({ summary: 'The bulletin’s Excel annex (.xlsx): its tables, one sheet each, the district total (全区合计) closing each figure sheet' })
  @ApiFileResponse(XLSX_CONTENT_TYPE, '綦江区重点项目调度通报附表-<月份>.xlsx')
  @ApiProblems(404, [409, 'bulletin_not_ready: generating or failed'])
  async annex(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '通报编号')) id: string, @Res({ passthrough: true }) res: Response) {
    return this.download(await this.bulletins.file(user, id, 'annex'), XLSX_CONTENT_TYPE, res);
  }

  private download(file: { content: Buffer; fileName: string; asciiName: string }, type: string, res: Response): StreamableFile {
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.content, {
      type,
      length: file.content.length,
      disposition: `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
