import { unsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe('unsubscribe token', () => {
  const secret = 'x'.repeat(32);
  const userId = '0b9c1c7e-2f57-4a53-9d4c-2b1f6d0c9a11';

  it('round-trips the user and kind', () => {
    expect(verifyUnsubscribeToken(secret, unsubscribeToken(secret, userId, 'alert'))).toEqual({ userId, kind: 'alert' });
  });

  it('refuses another secret, another kind, a tampered or malformed token', () => {
    const token = unsubscribeToken(secret, userId, 'alert');
    expect(verifyUnsubscribeToken('y'.repeat(32), token)).toBeUndefined();
    expect(verifyUnsubscribeToken(secret, token.replace('.alert.', '.digest.'))).toBeUndefined();
    expect(verifyUnsubscribeToken(secret, `${token}x`)).toBeUndefined();
    expect(verifyUnsubscribeToken(secret, 'nonsense')).toBeUndefined();
    expect(verifyUnsubscribeToken(secret, undefined)).toBeUndefined();
  });
});
