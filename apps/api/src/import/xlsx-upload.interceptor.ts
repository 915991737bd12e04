import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  HttpCode,
  Injectable,
  NestInterceptor,
  PipeTransform,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DomainException, domainError, type LocalizedText, ValidationFailedException } from '@qj/http';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { UnreadableSheetError } from './milestone-sheet.reader';
import { assertWithinXlsxLimits, XLSX_LIMITS, XlsxRefusal } from './xlsx-archive';

export const UPLOAD_FIELD = 'file';
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } }).single(UPLOAD_FIELD);

/** A refused upload names the form field; `reason` is already in the user's words (Chinese: the template is). */
const fileRefused = (code: 'file_not_xlsx' | 'file_not_template' | 'invalid_file', reason: LocalizedText) =>
  domainError(code, { reason }, { errors: [{ field: UPLOAD_FIELD, message: reason }] });
const fieldParams = { field: UPLOAD_FIELD };
const refusedWith = (refusal: DomainException) =>
  new DomainException(refusal.code, refusal.params, { errors: [{ field: UPLOAD_FIELD, message: { zh: refusal.detailIn('zh'), en: refusal.detailIn('en') } }] });

/**
 * Reads one .xlsx from the multipart field `file` into memory (2 MB at most) and checks the archive against what
 * a template can be before anything parses it (xlsx-archive.ts). Every refusal names the field: 413 for too large
 * (as uploaded or inflated), 422 for more entries, rows or cells than a template has, 400 for a missing file,
 * another field or a file that is not an .xlsx workbook.
 */
const OLE_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

@Injectable()
export class XlsxUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request>();
    await new Promise<void>((resolve, reject) =>
      upload(request, context.switchToHttp().getResponse<Response>(), (error: unknown) => (error ? reject(refusalOf(error)) : resolve())),
    );
    const file = request.file;
    if (!file) throw refusedWith(domainError('file_missing', fieldParams));
    // An .xlsx is a zip archive: the name says what the user meant, the first bytes what the file is.
    if (!/\.xlsx$/i.test(file.originalname) || file.buffer.subarray(0, 2).toString('latin1') !== 'PK') {
      // An OLE compound file is either the old .xls format or an .xlsx with an opening password (Office encrypts the whole package).
      if (file.buffer.subarray(0, 8).equals(OLE_SIGNATURE)) {
        throw fileRefused('file_not_xlsx', {
          zh: '该文件是旧版 .xls 格式或设置了打开密码：请在 Excel 或 WPS 中取消密码并「另存为」Excel 工作簿（.xlsx）',
          en: 'The file is in the old .xls format or has an opening password: remove the password in Excel or WPS and save it as an Excel workbook (.xlsx)',
        });
      }
      throw fileRefused('file_not_xlsx', {
        zh: '只支持 .xlsx 格式的 Excel 文件（请用 Excel 或 WPS 另存为 .xlsx）',
        en: 'Only .xlsx Excel files are accepted (save the file as .xlsx in Excel or WPS)',
      });
    }
    try {
      await assertWithinXlsxLimits(file.buffer);
    } catch (error) {
      if (!(error instanceof XlsxRefusal)) throw error;
      if (error.status === 413) throw refusedWith(domainError('file_inflates_too_large', { megabytes: XLSX_LIMITS.uncompressedBytes / 1024 / 1024 }));
      throw fileRefused(error.status === 400 ? 'file_not_xlsx' : 'file_not_template', error.reason);
    }
    return next.handle();
  }
}

const MULTER_REFUSALS: Partial<Record<multer.ErrorCode, string>> = {
  LIMIT_FILE_COUNT: '一次只能上传一个文件',
  LIMIT_UNEXPECTED_FILE: `文件须放在表单字段 ${UPLOAD_FIELD} 中，且只能有一个`,
  LIMIT_FIELD_COUNT: '表单字段过多',
  LIMIT_PART_COUNT: '表单字段过多',
  LIMIT_FIELD_KEY: '表单字段名过长',
  LIMIT_FIELD_VALUE: '表单字段的值过长',
};

/**
 * Every way an upload can be malformed is the client's: 413 for a file too large, else 400 naming `file` (busboy's
 * own errors, such as a multipart body without a boundary or one cut short, are plain Errors).
 */
function refusalOf(error: unknown): DomainException {
  if (error instanceof DomainException) return error;
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
    return refusedWith(domainError('file_too_large', { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 }));
  }
  const reason = error instanceof multer.MulterError ? MULTER_REFUSALS[error.code] : undefined;
  return refusedWith(
    domainError('invalid_upload', { reason: reason ?? { zh: '上传的表单格式不正确', en: 'The upload form is malformed' }, field: UPLOAD_FIELD }),
  );
}

/** An upload whose workbook is not the template, or holds no row to import: 400 naming `file`, in the user's words. */
export const invalidFile = (reason: LocalizedText) => fileRefused('invalid_file', reason);

/** The rows `read` finds in an upload; 400 naming `file` when it is not the template or has no rows (`emptyReason`). */
export async function readUploadedRows<T>(read: () => Promise<T[]>, emptyReason: LocalizedText): Promise<T[]> {
  let rows: T[];
  try {
    rows = await read();
  } catch (error) {
    if (error instanceof UnreadableSheetError) throw invalidFile(error.reason);
    throw error;
  }
  if (!rows.length) throw invalidFile(emptyReason);
  return rows;
}

/**
 * A value the client may give in the query or in the upload's form (`year`, `month`): the form's is checked with the
 * query's pipe, and when both are given they must agree (400 naming the field).
 */
export function queryOrForm<T>(field: string, fromQuery: T | undefined, formValue: unknown, pipe: PipeTransform<unknown, T>): T | undefined {
  const fromForm = formValue === undefined || formValue === '' ? undefined : pipe.transform(formValue, { type: 'body', data: field });
  if (fromQuery !== undefined && fromForm !== undefined && fromQuery !== fromForm) {
    throw new ValidationFailedException([{ field, message: `查询参数与表单中的 ${field} 不一致（${String(fromQuery)} / ${String(fromForm)}）` }]);
  }
  return fromQuery ?? fromForm;
}

/** The uploaded workbook and the other fields of its form, as XlsxUploadInterceptor left them on the request. */
export interface XlsxUpload {
  buffer: Buffer;
  form: Record<string, unknown>;
}

export const UploadedXlsx = createParamDecorator((_: unknown, context: ExecutionContext): XlsxUpload => {
  const request = context.switchToHttp().getRequest<Request>();
  return { buffer: (request.file as Express.Multer.File).buffer, form: (request.body ?? {}) as Record<string, unknown> };
});

/**
 * An Excel import route: the upload read and checked by XlsxUploadInterceptor, 200 with the result, and its OpenAPI
 * entry (multipart with `file` and the route's own form fields; 400, 413 and 422 as every import answers them).
 */
export function XlsxImport(options: { summary: string; ok: Type<unknown>; badRequest: string; formFields?: Record<string, SchemaObject> }) {
  return applyDecorators(
    HttpCode(200),
    UseInterceptors(XlsxUploadInterceptor),
    ApiOperation({ summary: options.summary }),
    ApiConsumes('multipart/form-data'),
    ApiOkResponse({ type: options.ok }),
    ApiProblems(
      [400, options.badRequest],
      [413, 'the upload is over 2 MB, or inflates past 20 MB'],
      [422, 'import_rows_invalid: each row’s errors, with `rows` and `summary` as in the 200; nothing applied; or more than a template can hold'],
    ),
    ApiBody({
      schema: { type: 'object', required: [UPLOAD_FIELD], properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary' }, ...options.formFields } },
    }),
  );
}
