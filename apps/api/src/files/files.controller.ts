import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVIDENCE_CONTENT_TYPES, THUMBNAIL_CONTENT_TYPE } from '@qj/files';
import { uuidParam } from '@qj/http';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, RequireAccess } from '../auth';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { FileDto } from './dto/file.response.dto';
import { EVIDENCE_FIELD, EvidenceUploadInterceptor, MAX_EVIDENCE_BYTES, ReceivedUpload } from './evidence-upload.interceptor';
import { FilesService } from './files.service';

const binary = { schema: { type: 'string', format: 'binary' } } as const;
/** Content never changes under an id (files are immutable), but only its readers may keep it. */
const IMMUTABLE_PRIVATE = 'private, max-age=31536000, immutable';

/** The download's name: ASCII fallback plus the real name (RFC 5987), shown inline so PDFs and images open in the browser. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

@ApiTags('files')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @RequireAccess('file.upload')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiOperation({
    summary: `Upload one evidence file (multipart field \`${EVIDENCE_FIELD}\`; PDF, JPEG, PNG or WebP by its content, ≤ ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB). Attach it by its id (\`fileIds\`) to a transition request, a monthly report, an approval, a problem or a reply; until then only its uploader sees it. The same bytes are stored once`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [EVIDENCE_FIELD], properties: { [EVIDENCE_FIELD]: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({ type: FileDto })
  @ApiProblems([413, 'over 20 MB (nothing stored)'], [415, 'file_type_unsupported: the content is none of PDF, JPEG, PNG, WebP (problem naming `file`)'])
  upload(@CurrentUser() user: AuthUser, @Req() request: Request & { upload: ReceivedUpload }) {
    return this.files.upload(user, request.upload);
  }

  @Get(':id')
  @ApiOperation({ summary: 'The file’s content, inline (its uploader while unattached; else whoever may read what it is attached to; others 404)' })
  @ApiOkResponse({ description: 'the content, of its sniffed type', content: Object.fromEntries(EVIDENCE_CONTENT_TYPES.map((type) => [type, binary])) })
  @ApiProblems(404)
  async content(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '文件编号')) id: string, @Res({ passthrough: true }) res: Response) {
    const { file, body } = await this.files.content(user, id);
    res.setHeader('Cache-Control', IMMUTABLE_PRIVATE);
    return new StreamableFile(body, { type: file.contentType, length: file.size, disposition: disposition(file.name) });
  }

  @Get(':id/thumbnail')
  @ApiOperation({ summary: 'An image’s thumbnail: WebP, at most 320 px on its longer side (same access as the file; not an image: 404)' })
  @ApiOkResponse({ description: 'the thumbnail', content: { [THUMBNAIL_CONTENT_TYPE]: binary } })
  @ApiProblems([404, 'file_not_found, or file_no_thumbnail (a PDF)'])
  async thumbnail(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '文件编号')) id: string, @Res({ passthrough: true }) res: Response) {
    const { body } = await this.files.thumbnail(user, id);
    res.setHeader('Cache-Control', IMMUTABLE_PRIVATE);
    return new StreamableFile(body, { type: THUMBNAIL_CONTENT_TYPE, length: body.length });
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAccess('file.remove')
  @ApiOperation({ summary: 'Admin: remove a file wherever it is attached (audited on each project); its content goes when no other file holds it' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiProblems(404)
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam('id', '文件编号')) id: string): Promise<void> {
    await this.files.remove(user, id);
  }
}
