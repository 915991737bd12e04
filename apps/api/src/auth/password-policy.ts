import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LocalizedText, ValidationFailedException } from '@qj/http';

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
  return policyViolation(password, username, field)?.zh;
}

/** Throws 400 problem+json naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, username: string, field: string): void {
  const message = policyViolation(password, username, field);
  if (message) throw new ValidationFailedException([{ field, message }]);
}

function policyViolation(password: string, username: string, field: string): LocalizedText | undefined {
  const normalized = password.normalize('NFKC');
  if ([...normalized].length < PASSWORD_MIN_LENGTH) {
    return { zh: `${field} 至少需要 ${PASSWORD_MIN_LENGTH} 个字符`, en: `${field} needs at least ${PASSWORD_MIN_LENGTH} characters` };
  }
  const classes = CLASSES.filter(([, pattern]) => pattern.test(normalized)).length;
  if (classes < 3) {
    return {
      zh: `${field} 须包含小写字母、大写字母、数字、符号中的至少三类（当前 ${classes} 类）`,
      en: `${field} needs at least three of lower-case letters, upper-case letters, digits and symbols (it has ${classes})`,
    };
  }
  const name = username.toLowerCase();
  if (normalized.toLowerCase().includes(name) || (bare(name).length >= 3 && bare(normalized).includes(bare(name)))) {
    return { zh: `${field} 不能包含用户名`, en: `${field} may not contain the user name` };
  }
  if (commonPasswords().has(normalized.toLowerCase())) {
    return { zh: `${field} 是常见密码，容易被猜中，请换一个`, en: `${field} is a common password, easily guessed: choose another` };
  }
  return undefined;
}
