import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationFailedException } from '@qj/http';

export const PASSWORD_MIN_LENGTH = 10;

/**
 * Passwords people pick first: well-known leaked favourites, keyboard walks (qwertyuiop, 1qaz2wsx…), and common words
 * (password, admin, woaini, qijiang…) with the digits, years and symbols people append. Compared lower-case, so
 * `P@ssw0rd2026` is caught by `p@ssw0rd2026`. Shipped beside this file (nest-cli.json copies it into dist).
 */
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8').split('\n').filter(Boolean));
  return common;
}

const CLASSES: Array<[string, RegExp]> = [
  ['小写字母', /\p{Ll}/u],
  ['大写字母', /\p{Lu}/u],
  ['数字', /\p{Nd}/u],
  ['符号', /[^\p{L}\p{Nd}]/u],
];

/** Letters and digits only, lower-case: `Zhang_San` and `zhangsan` are the same name to a guesser. */
const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{Nd}]/gu, '');

/**
 * Why `password` may not be used by `username` (a message naming `field`, in Chinese), or undefined when it may:
 * at least 10 characters, three of the four classes (lower, upper, digit, symbol), not containing the username, and
 * not in the list of common passwords. Characters are compared as the hasher sees them (NFKC).
 */
export function passwordPolicyViolation(password: string, username: string, field: string): string | undefined {
  const normalized = password.normalize('NFKC');
  if ([...normalized].length < PASSWORD_MIN_LENGTH) return `${field} 至少需要 ${PASSWORD_MIN_LENGTH} 个字符`;
  const classes = CLASSES.filter(([, pattern]) => pattern.test(normalized)).length;
  if (classes < 3) return `${field} 须包含小写字母、大写字母、数字、符号中的至少三类（当前 ${classes} 类）`;
  const name = username.toLowerCase();
  if (normalized.toLowerCase().includes(name) || (bare(name).length >= 3 && bare(normalized).includes(bare(name)))) {
    return `${field} 不能包含用户名`;
  }
  if (commonPasswords().has(normalized.toLowerCase())) return `${field} 是常见密码，容易被猜中，请换一个`;
  return undefined;
}

/** Throws 400 problem+json naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, username: string, field: string): void {
  const message = passwordPolicyViolation(password, username, field);
  if (message) throw new ValidationFailedException([{ field, message }]);
}
