import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A file download: the body is the file itself (binary), named by Content-Disposition; X-Total-Count says how many rows it holds. */
export function ApiFileResponse(contentType: string, description: string): MethodDecorator {
  return applyDecorators(
    ApiProduces(contentType),
    ApiOkResponse({
      description,
      content: { [contentType]: { schema: { type: 'string', format: 'binary' } } },
      headers: {
        'Content-Disposition': { description: 'attachment; the Chinese file name as filename* (RFC 5987)', schema: { type: 'string' } },
        'X-Total-Count': { description: 'rows in the file', schema: { type: 'integer' } },
      },
    }),
  );
}
