import { ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { runInNewContext } from 'node:vm';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { DomainException } from './domain.exception';
import { isBackendUnavailable, ProblemDetailsFilter, RETRY_AFTER_SECONDS } from './problem-details.filter';

const pgError = (code: string, message: string) => Object.assign(new DatabaseError(message, 0, 'error'), { code });

describe('isBackendUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'a socket error made in another realm (as Node core errors look under Jest)',
      runInNewContext(`Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })`),
    ],
    ['PostgreSQL shutting down (57P01 admin_shutdown)', pgError('57P01', 'terminating connection due to administrator command')],
    ['PostgreSQL starting up (57P03 cannot_connect_now)', pgError('57P03', 'the database system is starting up')],
    ['a connection exception (class 08)', pgError('08006', 'connection failure')],
    ['TypeORM wrapping a shutdown error', new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'))],
    ['pg losing its socket', new Error('Connection terminated unexpectedly')],
    ['the pool waiting past connectionTimeoutMillis', new Error('timeout exceeded when trying to connect')],
    [
      'ioredis giving up on a command',
      new Error('Reached the max retries per request limit (which is 3). Refer to "maxRetriesPerRequest" option for details.'),
    ],
  ])('%s: yes', (_what, error) => expect(isBackendUnavailable(error)).toBe(true));

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value violates unique constraint'))],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a string', 'ECONNREFUSED'],
    ['null', null],
  ])('%s: no', (_what, error) => expect(isBackendUnavailable(error)).toBe(false));
});

describe('ProblemDetailsFilter', () => {
  // The filter logs what it maps; not wanted in the test output.
  beforeAll(() => Logger.overrideLogger(false));

  const answer = (exception: unknown, user?: object) => {
    const headers: Record<string, string> = {};
    const sent: { status?: number; body?: string } = {};
    const response = {
      headersSent: false,
      setHeader: (name: string, value: string) => (headers[name] = value),
      status: (status: number) => ((sent.status = status), response),
      type: () => response,
      send: (body: string) => (sent.body = body),
    };
    const host = {
      switchToHttp: () => ({
        getResponse: () => response,
        getRequest: () => ({ originalUrl: '/api/projects', method: 'GET', route: { path: '/api/projects' }, user }),
      }),
    } as unknown as ArgumentsHost;
    new ProblemDetailsFilter().catch(exception, host);
    return { status: sent.status, headers, body: JSON.parse(sent.body ?? '{}') };
  };

  it('answers an unreachable database with 503 and Retry-After, without the cause', () => {
    const res = answer(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }));
    expect(res.status).toBe(503);
    expect(res.headers['Retry-After']).toBe(String(RETRY_AFTER_SECONDS));
    expect(res.body).toMatchObject({ status: 503, type: 'https://qijiang-tracker.local/problems/service-unavailable', title: '服务暂时不可用' });
    expect(JSON.stringify(res.body)).not.toContain('10.0.0.5');
  });

  it('sends Retry-After on 503s only', () => {
    expect(answer(new NotFoundException()).headers).toEqual({});
    const failure = answer(new Error('boom'));
    expect(failure.status).toBe(500);
    expect(failure.headers).toEqual({});
  });

  it('logs every 403 with the user, the route and the refusal, and nothing else', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const user = { id: 'u-1', username: 'owner_water', role: 'owner', unitId: 'unit-water' };
      answer(new DomainException('outside_unit', 403, '无权执行此操作', { projectId: 'p-1' }), user);
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({
          userId: 'u-1',
          username: 'owner_water',
          role: 'owner',
          method: 'GET',
          route: '/api/projects',
          code: 'outside_unit',
          projectId: 'p-1',
        }),
        'access denied',
      );
      warn.mockClear();
      answer(new DomainException('version_conflict', 409, '冲突'), user);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
