import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The id of the HTTP request that caused the work under way (pino-http's request id, the `x-request-id` header).
 * The API sets it for each request, a worker for each job that carries one; domain events and the jobs enqueued
 * meanwhile take it from here, so no repository or service needs a parameter for it.
 */
const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** What the API accepts as a caller's `x-request-id` (else it makes a UUID); jobs carrying another are refused. */
export const REQUEST_ID_PATTERN = /^[\w.:-]{1,128}$/;

export function currentRequestId(): string | null {
  return requestContext.getStore()?.requestId ?? null;
}

/** Runs `work` as caused by the request `requestId` (nothing changes when it is null). */
export function runWithRequestId<T>(requestId: string | null | undefined, work: () => T): T {
  return requestId ? requestContext.run({ requestId }, work) : work();
}
