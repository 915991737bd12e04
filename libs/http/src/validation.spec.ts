import { findUnsafeText, MAX_JSON_DEPTH, refuseDeepJson } from './validation';

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
