import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested, validateSync } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';
import { flattenValidationErrors, findUnsafeText, MAX_JSON_DEPTH, refuseDeepJson, say, validationFieldErrors } from './validation';

class Inner {
  @IsCalendarDate(say('inner.date 必须是有效日期', 'inner.date must be a valid date such as 2026-03-31'))
  date: string;

  @IsCalendarDate()
  plain: string;
}

class Outer {
  @IsString(say('name 必须是文字', 'name must be text'))
  @MaxLength(4, say('name 不能超过 4 个字符', 'name may not exceed 4 characters'))
  name: unknown;

  @IsInt(say('version 必须是正整数', 'version must be a positive integer'))
  @Min(1, say('version 必须是正整数', 'version must be a positive integer'))
  @Max(9, { message: 'version 太大' })
  version: unknown;

  @Min(1)
  count: unknown;

  @ValidateNested()
  @Type(() => Inner)
  inner: Inner;
}

const check = (plain: object) => validateSync(plainToInstance(Outer, plain), { whitelist: true, forbidNonWhitelisted: true });

describe('validation field messages in both languages', () => {
  it('say() puts the Chinese in message and the English in context, also from a { zh, en }', () => {
    expect(say('a 必须是文字', 'a must be text')).toEqual({ message: 'a 必须是文字', context: { en: 'a must be text' } });
    expect(say({ zh: '甲', en: 'A' })).toEqual({ message: '甲', context: { en: 'A' } });
  });

  it('joins the distinct messages of a field per language, nested fields by dotted path', () => {
    const errors = validationFieldErrors(check({ name: 42, version: 0.5, count: 1, inner: { date: '2026-02-30', plain: '2026-03-31' } }));
    expect(errors).toEqual([
      { field: 'name', message: { zh: 'name 不能超过 4 个字符；name 必须是文字', en: 'name may not exceed 4 characters; name must be text' } },
      { field: 'version', message: { zh: 'version 必须是正整数', en: 'version must be a positive integer' } },
      { field: 'inner.date', message: { zh: 'inner.date 必须是有效日期', en: 'inner.date must be a valid date such as 2026-03-31' } },
    ]);
  });

  it("a constraint without a message of its own is class-validator's English in both; a message without English is itself", () => {
    const errors = validationFieldErrors(check({ name: 'ok', version: 10, count: 0, inner: { date: '2026-03-31', plain: 'soon' } }));
    expect(errors).toEqual([
      { field: 'version', message: { zh: 'version 太大', en: 'version 太大' } },
      { field: 'count', message: { zh: 'count must not be less than 1', en: 'count must not be less than 1' } },
      { field: 'inner.plain', message: { zh: 'plain 必须是有效日期，格式 YYYY-MM-DD', en: 'plain must be a valid date such as 2026-03-31' } },
    ]);
  });

  it('names an unknown field in each language', () => {
    const errors = validationFieldErrors(check({ name: 'ok', version: 1, count: 1, inner: { date: '2026-03-31', plain: '2026-03-31', extra: 1 } }));
    expect(errors).toEqual([
      {
        field: 'inner.extra',
        message: {
          zh: '不允许的字段 inner.extra（property inner.extra should not exist）',
          en: 'Field inner.extra is not allowed (property inner.extra should not exist)',
        },
      },
    ]);
  });

  it('flattenValidationErrors gives one language, Chinese unless asked', () => {
    const errors = check({ name: 'toolong', version: 1, count: 1, inner: { date: '2026-03-31', plain: '2026-03-31' } });
    expect(flattenValidationErrors(errors)).toEqual([{ field: 'name', message: 'name 不能超过 4 个字符' }]);
    expect(flattenValidationErrors(errors, 'en')).toEqual([{ field: 'name', message: 'name may not exceed 4 characters' }]);
  });
});

describe('refuseDeepJson', () => {
  const check = (text: string) => () => refuseDeepJson(undefined, undefined, Buffer.from(text));

  it(`passes ${MAX_JSON_DEPTH} levels and refuses one more, arrays or objects`, () => {
    expect(check('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).not.toThrow();
    expect(check('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ type: 'entity.too.deep' }));
    expect(check('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ type: 'entity.too.deep' }));
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(check(JSON.stringify({ comment: '['.repeat(1000) + '"\\{' }))).not.toThrow();
  });
});

describe('findUnsafeText', () => {
  it('names the first value or key with a NUL or a lone surrogate, as a dotted path', () => {
    expect(findUnsafeText({ comment: 'ok', evidence: { approvalDocNo: 'a\u0000' } }, '')).toBe('evidence.approvalDocNo');
    expect(findUnsafeText({ items: ['a', '\ud800'] }, '')).toBe('items[1]');
    expect(findUnsafeText({ ['k\udc00']: 1 }, '')).toBe('k\udc00');
    expect(findUnsafeText('x\udc00', 'q')).toBe('q');
  });

  it('lets paired surrogates (emoji, rare CJK) and ordinary control characters through', () => {
    expect(findUnsafeText({ comment: '工期顺延 😀 𠀋\t\n' }, '')).toBeUndefined();
    expect(findUnsafeText(42, 'version')).toBeUndefined();
  });
});
