import { ERRORS, isErrorCode, languageOf, renderError, type ErrorCode } from './error-catalogue';
import { domainError, ValidationFailedException } from './domain.exception';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the error catalogue', () => {
  it.each(Object.entries(ERRORS))('%s: a 4xx or 5xx status, and both languages ask for the same params', (_code, entry) => {
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.zh).toMatch(/[\u4e00-\u9fff]|^\{\w+\}$/);
    expect(placeholders(entry.en)).toEqual(placeholders(entry.zh));
  });

  describe('renders every code in both languages', () => {
    const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
    // Each placeholder filled with a localized sample, as throwers pass stage names and statuses.
    const sampleParams = (code: ErrorCode) =>
      Object.fromEntries(placeholders(ERRORS[code].zh).map((name) => [name, { zh: `示例${name}值`, en: `sample-${name}` }]));

    it.each(Object.keys(ERRORS) as ErrorCode[])('%s', (code) => {
      const en = renderError(code, sampleParams(code), 'en');
      const zh = renderError(code, sampleParams(code), 'zh');
      expect([code, en.match(CJK)?.[0] ?? null]).toEqual([code, null]);
      expect(en).not.toMatch(/\{\w+\}/);
      expect(zh).not.toMatch(/\{\w+\}/);
      expect(zh).not.toMatch(/sample-/);
      expect(en.trim()).not.toBe('');
    });
  });

  it('has one code for a version conflict (no stale_version beside version_conflict)', () => {
    expect(isErrorCode('version_conflict')).toBe(true);
    expect(isErrorCode('stale_version')).toBe(false);
  });

  it('fills placeholders per language, localized params included', () => {
    const params = { subject: { zh: '该里程碑', en: 'milestone' } };
    expect(renderError('version_conflict', params, 'zh')).toBe('该里程碑已被他人修改，请刷新后重试');
    expect(renderError('version_conflict', params, 'en')).toBe('Someone else changed this milestone meanwhile; reload and try again');
    expect(renderError('job_not_found', { queue: 'events', jobId: 7 }, 'en')).toBe('No job 7 in queue events');
  });

  it('a thrown code takes its status from the catalogue, and a validation failure lists its fields per language', () => {
    const code: ErrorCode = 'last_admin';
    expect(domainError(code).getStatus()).toBe(409);
    const failure = new ValidationFailedException([
      { field: 'a', message: 'x' },
      { field: 'b', message: { zh: '乙', en: 'B' } },
    ]);
    expect(failure.getStatus()).toBe(400);
    expect(failure.detailIn('zh')).toBe('请求参数有误：a、b');
    expect(failure.detailIn('en')).toBe('Invalid request parameters: a, b');
    expect(failure.errorsIn('en')).toEqual([
      { field: 'a', message: 'x' },
      { field: 'b', message: 'B' },
    ]);
  });

  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-GB,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh;q=0.4,en;q=0.6', 'en'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'zh'],
    ['en;q=0', 'zh'],
  ])('Accept-Language %p → %s', (header, language) => expect(languageOf(header)).toBe(language));
});
