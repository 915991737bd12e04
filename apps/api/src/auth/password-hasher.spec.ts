import { decoyHash, hashPassword, needsRehash, ScryptParameters, verifyPassword } from './password-hasher';

/** Cheap parameters keep the unit tests fast; the format and the checks are the same. */
const FAST: ScryptParameters = { N: 2 ** 10, r: 8, p: 1 };

describe('password hasher', () => {
  it('verifies the password it hashed and refuses another', async () => {
    const hash = await hashPassword('qijiang2030', FAST);
    await expect(verifyPassword('qijiang2030', hash)).resolves.toBe(true);
    await expect(verifyPassword('qijiang2031', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password', FAST), hashPassword('same password', FAST)]);
    expect(a).not.toBe(b);
    await expect(verifyPassword('same password', a)).resolves.toBe(true);
    await expect(verifyPassword('same password', b)).resolves.toBe(true);
  });

  it('stores its parameters in the hash, so hashes made with other parameters still verify', async () => {
    const hash = await hashPassword('綦江区发改委', { N: 2 ** 11, r: 4, p: 2 });
    expect(hash).toMatch(/^scrypt\$2048\$4\$2\$[\w-]+\$[\w-]+$/);
    await expect(verifyPassword('綦江区发改委', hash)).resolves.toBe(true);
  });

  it('uses the default parameters when none are given', async () => {
    const hash = await hashPassword('default cost');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(needsRehash(await hashPassword('default cost', FAST))).toBe(true);
  });

  it('treats Unicode compatibility forms alike (full-width digits typed by an input method)', async () => {
    const hash = await hashPassword('qijiang2030', FAST);
    await expect(verifyPassword('qijiang２０３０', hash)).resolves.toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$2b$10$abcdefghijklmnopqrstuv'],
    ['missing parts', 'scrypt$1024$8$1$c2FsdA'],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5'],
    ['N far too large', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5'],
    ['r zero', 'scrypt$1024$0$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5'],
    ['short key', 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0$a2V5'],
  ])('a malformed hash (%s) never matches', async (_name, stored) => {
    await expect(verifyPassword('anything', stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('a tampered key does not match', async () => {
    const hash = await hashPassword('qijiang2030', FAST);
    // Flip a character inside the key: the last base64 character may carry only padding bits.
    const at = hash.length - 10;
    const tampered = hash.slice(0, at) + (hash[at] === 'A' ? 'B' : 'A') + hash.slice(at + 1);
    await expect(verifyPassword('qijiang2030', tampered)).resolves.toBe(false);
  });

  it('the decoy hash is made once and matches no ordinary password', async () => {
    const decoy = await decoyHash();
    expect(await decoyHash()).toBe(decoy);
    await expect(verifyPassword('qijiang2030', decoy)).resolves.toBe(false);
  });
});
