import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { say } from '@qj/http';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

export const MAX_ATTACHED_FILES = 20;

/**
 * `fileIds`: files uploaded with POST /api/files, attached to the thing the body makes. Each must be a file the
 * caller may see (their own upload, or one already attached where they read): else 400 naming `fileIds[i]`.
 */
export function FileIds(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'string', format: 'uuid', isArray: true, maxItems: MAX_ATTACHED_FILES, uniqueItems: true, description }),
    IsOptional(),
    IsArray(say('fileIds 必须是文件编号的数组', 'fileIds must be an array of file ids')),
    ArrayMaxSize(MAX_ATTACHED_FILES, say(`fileIds 最多 ${MAX_ATTACHED_FILES} 个文件`, `fileIds may hold at most ${MAX_ATTACHED_FILES} files`)),
    ArrayUnique(undefined, say('fileIds 中有重复的文件', 'fileIds lists a file twice')),
    IsUUID('all', { each: true, ...say('fileIds 的每一项必须是文件编号（UUID）', 'every item of fileIds must be a file id (UUID)') }),
  );
}
