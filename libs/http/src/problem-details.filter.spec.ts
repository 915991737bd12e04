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

  const answer = (exception: unknown, user?: object, acceptLanguage?: string) => {
    const headers: Record<string, string> = {};
    const sent: { status?: number; body?: string } = {};
    const response = {
      headersSent: false,
      setHeader: (name: string, value: string) => (headers[name] = value),
      vary: (field: string) => (headers.Vary = field),
      status: (status: number) => ((sent.status = status), response),
      type: () => response,
      send: (body: string) => (sent.body = body),
    };
    const host = {
      switchToHttp: () => ({
        getResponse: () => response,
        getRequest: () => ({
          originalUrl: '/api/projects',
          method: 'GET',
          route: { path: '/api/projects' },
          user,
          headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
        }),
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
    expect(answer(new NotFoundException()).headers).not.toHaveProperty('Retry-After');
    const failure = answer(new Error('boom'));
    expect(failure.status).toBe(500);
    expect(failure.headers).not.toHaveProperty('Retry-After');
  });

  it('logs every 403 with the user, the route and the refusal, and nothing else', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      const user = { id: 'u-1', username: 'owner_water', role: 'owner', unitId: 'unit-water' };
      answer(new DomainException('outside_unit', { subject: '该项目' }, { extensions: { projectId: 'p-1' } }), user);
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
      answer(new DomainException('version_conflict', { subject: '项目' }), user);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('speaks the language the request asks for: the detail, the title and the field messages, with Content-Language', () => {
    const refusal = () =>
      new DomainException('project_not_found', { id: 'p-9' }, { errors: [{ field: 'id', message: { zh: '没有这个项目', en: 'No such project' } }] });
    const zh = answer(refusal());
    expect(zh.body).toMatchObject({
      status: 404,
      code: 'project_not_found',
      title: '未找到',
      detail: '没有编号为 p-9 的项目',
      errors: [{ field: 'id', message: '没有这个项目' }],
    });
    expect(zh.headers).toMatchObject({ 'Content-Language': 'zh-CN', Vary: 'Accept-Language' });
    const en = answer(refusal(), undefined, 'en-US,en;q=0.9,zh;q=0.5');
    expect(en.body).toMatchObject({
      status: 404,
      code: 'project_not_found',
      title: 'Not found',
      detail: 'No project with id p-9',
      errors: [{ field: 'id', message: 'No such project' }],
    });
    expect(en.headers['Content-Language']).toBe('en');
    // Errors the API did not throw itself are translated too.
    expect(answer(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), undefined, 'en').body.detail).toMatch(/cannot be reached/);
    expect(answer(new Error('boom'), undefined, 'en').body.detail).toMatch(/^Internal server error: tell an administrator the error id [0-9a-f-]{36}$/);
  });
});
