import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@qj/http';

/** The kinds of e-mail a user can turn off (退订). */
export const MAIL_PREFERENCE_KINDS = ['alert', 'workflow', 'digest', 'report'] as const;
export type MailPreferenceKind = (typeof MAIL_PREFERENCE_KINDS)[number];

function signature(secret: string, userId: string, kind: string): string {
  return createHmac('sha256', secret).update(`unsubscribe\n${userId}\n${kind}`).digest('base64url');
}

/** `<userId>.<kind>.<HMAC>`: an unsubscribe link works without signing in, and only for that user and kind. */
export function unsubscribeToken(secret: string, userId: string, kind: MailPreferenceKind): string {
  return `${userId}.${kind}.${signature(secret, userId, kind)}`;
}

/** The user and kind a token names, or undefined when it is malformed or not ours. */
export function verifyUnsubscribeToken(secret: string, token: unknown): { userId: string; kind: MailPreferenceKind } | undefined {
  if (typeof token !== 'string') return undefined;
  const [userId, kind, given, ...rest] = token.split('.');
  if (rest.length || !isUuid(userId) || !MAIL_PREFERENCE_KINDS.includes(kind as MailPreferenceKind) || !given) return undefined;
  const expected = Buffer.from(signature(secret, userId, kind));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  return { userId, kind: kind as MailPreferenceKind };
}

export function unsubscribeUrl(publicUrl: string, secret: string, userId: string, kind: MailPreferenceKind): string {
  return `${publicUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken(secret, userId, kind))}`;
}
