import { ApiError, queryString, tokenStore, type Query } from '../api/client';
import { LANGUAGE_STORAGE_KEY } from '../i18n';

/** How a file is posted: the query, other multipart fields, answers to resolve besides 200/201, upload progress. */
export interface PostFileOptions {
  query?: Query;
  fields?: Record<string, string>;
  accepted?: (status: number, body: Record<string, unknown>) => boolean;
  onProgress?: (percent: number) => void;
}

/**
 * POSTs an .xlsx as multipart field `file` (with the console's language). A 422 that carries `rows` is the check's
 * answer — every row with its errors, nothing applied — and resolves like a 200; any other refusal rejects as an ApiError.
 */
export function postWorkbook<T>(path: string, file: File, options: Omit<PostFileOptions, 'accepted'> = {}): Promise<T> {
  return postFile<T>(path, file, { ...options, accepted: (status, body) => status === 422 && Array.isArray(body.rows) });
}

/** POSTs one file as multipart field `file`; 200/201 (and what `accepted` admits) resolve, any other answer rejects as an ApiError. */
export function postFile<T>(path: string, file: File, { query, fields = {}, accepted = () => false, onProgress }: PostFileOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${path}${queryString(query)}`);
    const token = tokenStore.get();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('Accept-Language', localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN');
    if (onProgress) request.upload.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    request.onerror = () => reject(new ApiError(0, {}, '网络连接失败，请检查网络后重试'));
    request.onload = () => {
      let body: Record<string, unknown>;
      try {
        body = (request.responseText ? JSON.parse(request.responseText) : {}) as Record<string, unknown>;
      } catch {
        body = {};
      }
      if (request.status === 200 || request.status === 201 || accepted(request.status, body)) resolve(body as T);
      else reject(new ApiError(request.status, body, `${request.status} ${request.statusText}`.trim()));
    };
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file);
    request.send(form);
  });
}
