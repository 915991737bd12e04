import { isUuid } from './uuid';

describe('isUuid', () => {
  it('takes a UUID in either case and nothing else', () => {
    expect(isUuid('0b8e7a52-3f1c-4e2a-9d6b-5c4f3e2d1a0b')).toBe(true);
    expect(isUuid('0B8E7A52-3F1C-4E2A-9D6B-5C4F3E2D1A0B')).toBe(true);
    for (const value of [
      '',
      '0b8e7a52-3f1c-4e2a-9d6b-5c4f3e2d1a0',
      ' 0b8e7a52-3f1c-4e2a-9d6b-5c4f3e2d1a0b',
      '0b8e7a52x3f1c-4e2a-9d6b-5c4f3e2d1a0b',
      'zzzzzzzz-3f1c-4e2a-9d6b-5c4f3e2d1a0b',
    ]) {
      expect([value, isUuid(value)]).toEqual([value, false]);
    }
    for (const value of [undefined, null, 42, {}]) expect(isUuid(value)).toBe(false);
  });
});
