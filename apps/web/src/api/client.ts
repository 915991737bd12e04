import { LANGUAGE_STORAGE_KEY } from '../i18n';
import type { FieldError } from './types';

const TOKEN_KEY = 'qj.token';

/** The bearer token, kept in localStorage so a reload or a second tab stays signed in (12 hours at most). */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** An API refusal: the problem+json body (RFC 9457) with its `detail`, `code` and per-field `errors`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>, fallback: string) {
    const detail = typeof body.detail === 'string' ? body.detail : fallback;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof body.code === 'string' ? body.code : status === 0 ? 'network' : undefined;
    this.detail = detail;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    this.body = body;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let unauthorizedHandler: (() => void) | undefined;

/** Called when a signed-in request answers 401 (expired or revoked token): the app goes back to the sign-in page. */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const token = tokenStore.get();
  // The server words its refusals (problem details) in the console's language.
  const language = localStorage.getItem(LANGUAGE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': language };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${path}${queryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError(0, {}, '网络连接失败，请检查网络后重试');
  }
  if (response.ok) return response;
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  } catch {
    body = {};
  }
  if (response.status === 401 && token) {
    tokenStore.clear();
    unauthorizedHandler?.();
  }
  throw new ApiError(response.status, body, `${response.status} ${response.statusText}`.trim());
}

async function json<T>(method: string, path: string, options?: RequestOptions): Promise<T> {
  const response = await send(method, path, options);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => json<T>('PATCH', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => json<T>('PUT', path, { body: body ?? {} }),
  delete: <T>(path: string) => json<T>('DELETE', path),
  /** A file's bytes from the API (with the bearer token), for an object URL: images shown inline, PDFs opened in a tab. */
  async blob(path: string, signal?: AbortSignal): Promise<Blob> {
    return (await send('GET', path, { signal })).blob();
  },
  /** A file from the API (with the bearer token), saved under the name the server gives, else `fallbackName`. */
  async download(path: string, query: Query | undefined, fallbackName: string): Promise<{ fileName: string; count: number | null }> {
    const response = await send('GET', path, { query });
    const blob = await response.blob();
    const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
    const count = response.headers.get('X-Total-Count');
    return { fileName, count: count === null ? null : Number(count) };
  },
};

/** `filename*=UTF-8''…` (RFC 5987) first, then a plain `filename="…"`. */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}
