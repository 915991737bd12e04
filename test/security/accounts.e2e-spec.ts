import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { passwordPolicyViolation } from '../../apps/api/src/auth/password-policy';
import { bootTestApp, DEMO_PASSWORD, TestApp } from '../support/test-app';

const PROBLEM = /^application\/problem\+json/;

/**
 * Issue 11, item 4: sign-in throttling, the password policy, one's own password, sessions that end when they should,
 * and the last active admin. Client addresses are set with X-Forwarded-For (the API trusts it from loopback only), so
 * each test locks an address of its own.
 */
describe('accounts a DRC can defend', () => {
  let t: TestApp;
  let unitIds: Record<string, string>;
  beforeAll(async () => {
    t = await bootTestApp();
    const { rows } = await t.db.query(`SELECT id, code FROM unit`);
    unitIds = Object.fromEntries(rows.map((row) => [row.code, row.id]));
  });
  afterAll(() => t.close());

  const login = (username: string, password: string, address = '198.51.100.1') =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });

  async function signIn(username: string, password: string): Promise<string> {
    const res = await login(username, password).expect(200);
    return res.body.accessToken;
  }

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function userRow(username: string): Promise<{ id: string; password_hash: string; token_generation: number; active: boolean; role: string }> {
    const { rows } = await t.db.query(`SELECT id, password_hash, token_generation, active, role FROM app_user WHERE username = $1`, [username]);
    return rows[0];
  }

  /** A fresh user made through the API by the demo admin, with a password that passes the policy. */
  async function createUser(username: string, role: 'owner' | 'reviewer' | 'admin', password = 'Plan-Review#2031x'): Promise<string> {
    const body = { username, displayName: username, role, password, ...(role === 'owner' ? { unitId: unitIds.water } : {}) };
    const res = await t.as('admin').post('/api/admin/users').send(body).expect(201);
    return res.body.id;
  }

  describe('sign-in throttling', () => {
    let warn: jest.SpyInstance;
    beforeEach(() => (warn = jest.spyOn(Logger.prototype, 'warn')));
    afterEach(() => warn.mockRestore());

    /** 20 wrong passwords in a row; the statuses and the answers, without `instance`. */
    async function twentyWrong(username: string, address: string) {
      const answers = [];
      for (let i = 0; i < 20; i++) answers.push(await login(username, `wrong-password-${i}`, address));
      return answers;
    }

    it('20 wrong passwords in a row: 401 four times, then 429 problem+json with Retry-After, and the right password is 429 too', async () => {
      const answers = await twentyWrong('owner_water', '203.0.113.10');
      expect(answers.map((res) => res.status)).toEqual([...Array(4).fill(401), ...Array(16).fill(429)]);
      for (const res of answers.slice(4)) {
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body).toMatchObject({ status: 429, code: 'login_locked', title: '请求过于频繁' });
        expect(res.body.detail).toMatch(/登录失败次数过多/);
        const retryAfter = Number(res.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(60);
        expect(res.body.retryAfterSeconds).toBe(retryAfter);
        expect(res.body.accessToken).toBeUndefined();
      }
      const right = await login('owner_water', DEMO_PASSWORD, '203.0.113.10').expect(429);
      expect(right.headers['retry-after']).toMatch(/^\d+$/);
      expect(right.body.accessToken).toBeUndefined();
      // From another address too: the account itself is locked.
      await login('owner_water', DEMO_PASSWORD, '203.0.113.11').expect(429);
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ scope: 'account', username: 'owner_water', failures: 5, lockSeconds: 60 }), 'sign-in locked');
    });

    it('a username that does not exist gets the very same answers', async () => {
      const [known, unknown] = [await twentyWrong('owner_health', '203.0.113.20'), await twentyWrong('nobody_at_all', '203.0.113.21')];
      expect(unknown.map((res) => res.status)).toEqual(known.map((res) => res.status));
      for (let i = 0; i < 20; i++) {
        const { instance: _a, retryAfterSeconds: _b, ...first } = known[i].body;
        const { instance: _c, retryAfterSeconds: _d, ...second } = unknown[i].body;
        expect(second).toEqual(first);
        expect(Object.keys(unknown[i].headers).sort()).toEqual(Object.keys(known[i].headers).sort());
      }
      await login('nobody_at_all', DEMO_PASSWORD, '203.0.113.21').expect(429);
    });

    it('the lockout grows: after 10 failures it lasts 15 minutes, and is logged', async () => {
      const address = '203.0.113.30';
      for (let i = 0; i < 5; i++) await login('owner_culture_tourism', 'wrong-password', address);
      await login('owner_culture_tourism', DEMO_PASSWORD, address).expect(429);
      // The minute passes: the first lockout's key expires (as Redis would expire it), the hour's count remains.
      const redis = new Redis(process.env.TEST_REDIS_URL as string);
      try {
        expect(await redis.del(`${t.env.QUEUE_PREFIX}:login-throttle:account:0:owner_culture_tourism`)).toBe(1);
      } finally {
        redis.disconnect();
      }
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await login('owner_culture_tourism', 'wrong-password', address)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const locked = await login('owner_culture_tourism', DEMO_PASSWORD, address).expect(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ scope: 'account', username: 'owner_culture_tourism', failures: 10, lockSeconds: 900 }),
        'sign-in locked',
      );
    });

    it('a successful sign-in clears the account count', async () => {
      const address = '203.0.113.40';
      for (let i = 0; i < 4; i++) await login('owner_education', 'wrong-password', address).expect(401);
      await login('owner_education', DEMO_PASSWORD, address).expect(200);
      for (let i = 0; i < 4; i++) await login('owner_education', 'wrong-password', address).expect(401);
      await login('owner_education', DEMO_PASSWORD, address).expect(200);
    });

    it('one client address trying many usernames is locked after 30 failures, for every account; other addresses are not', async () => {
      const address = '203.0.113.50';
      const statuses = [];
      for (let i = 0; i < 30; i++) statuses.push((await login(`guess_${i}`, 'wrong-password', address)).status);
      expect(statuses).toEqual([...Array(29).fill(401), 429]);
      const res = await login('owner_economy', DEMO_PASSWORD, address).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      await login('owner_economy', DEMO_PASSWORD, '203.0.113.51').expect(200);
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ scope: 'address', address, failures: 30, lockSeconds: 60 }), 'sign-in locked');
    });
  });

  describe('password policy', () => {
    it.each([
      ['12345678', 'at least 10 characters', /至少需要 10 个字符/],
      ['password', 'at least 10 characters', /至少需要 10 个字符/],
      [' '.repeat(8), 'at least 10 characters', /至少需要 10 个字符/],
      ['abcdefghijkl', 'three character classes', /至少三类/],
      ['abcdef123456', 'three character classes', /至少三类/],
      ['Owner_Water#2031', 'not the username', /不能包含用户名/],
      ['OWNERWATER-2031x', 'not the username, separators ignored', /不能包含用户名/],
      ['P@ssw0rd2026', 'not a common password', /常见密码/],
      ['Qwerty@12345', 'not a common password (keyboard walk)', /常见密码/],
      ['1qaz@WSX3edc', 'not a common password (keyboard columns)', /常见密码/],
    ])('%j is refused (%s)', (password, _rule, message) => {
      expect(passwordPolicyViolation(password, 'owner_water', 'newPassword')).toMatch(message);
      expect(passwordPolicyViolation(password, 'owner_water', 'newPassword')).toMatch(/^newPassword /);
    });

    it.each(['Plan-Review#2031x', '綦江区Plan2031!', 'correct Horse 9 battery'])('%j passes', (password) => {
      expect(passwordPolicyViolation(password, 'owner_water', 'password')).toBeUndefined();
    });

    it.each([
      ['12345678', /至少需要 10 个字符/],
      ['passwordpassword', /至少三类/],
      ['Policy_Test#2031', /不能包含用户名/],
      ['Welcome@2025', /常见密码/],
    ])('an admin creating a user with %j gets 400 naming password, and no user is made', async (password, message) => {
      const res = await t.as('admin').post('/api/admin/users').send({ username: 'policy_test', displayName: '策略', role: 'reviewer', password }).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(message) }]);
      expect((await t.db.query(`SELECT 1 FROM app_user WHERE username = 'policy_test'`)).rowCount).toBe(0);
    });

    it('an admin setting a weak password gets 400 naming password, and the old one stays', async () => {
      const id = await createUser('policy_patch', 'reviewer');
      const before = await userRow('policy_patch');
      for (const password of ['short', 'alllowercaseletters', 'Policy.Patch#2031', 'Password@123']) {
        const res = await t.as('admin').patch(`/api/admin/users/${id}`).send({ password }).expect(400);
        expect(res.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(/^password /) }]);
      }
      expect(await userRow('policy_patch')).toEqual(before);
    });

    it("one's own new password is checked too: 400 naming newPassword, nothing changed", async () => {
      await createUser('policy_self', 'reviewer');
      const token = await signIn('policy_self', 'Plan-Review#2031x');
      const before = await userRow('policy_self');
      for (const newPassword of ['12345678', 'abcdefghijk', 'Policy_Self!2031', 'Admin@12345', 'Plan-Review#2031x']) {
        const res = await t.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'Plan-Review#2031x', newPassword }).expect(400);
        expect(res.headers['content-type']).toMatch(PROBLEM);
        expect(res.body.errors).toEqual([{ field: 'newPassword', message: expect.stringMatching(/^newPassword /) }]);
      }
      expect(await userRow('policy_self')).toEqual(before);
      await t.http.get('/api/auth/me').set(bearer(token)).expect(200);
    });

    it('a demo account may sign in with the demo password, flagged mustChangePassword until it changes it', async () => {
      const first = await login('owner_commerce', DEMO_PASSWORD).expect(200);
      expect(first.body.user.mustChangePassword).toBe(true);
      const me = await t.http.get('/api/auth/me').set(bearer(first.body.accessToken)).expect(200);
      expect(me.body.mustChangePassword).toBe(true);
      const changed = await t.http
        .post('/api/auth/password')
        .set(bearer(first.body.accessToken))
        .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Commerce#Plan2031' })
        .expect(200);
      expect(changed.body.user).toMatchObject({ username: 'owner_commerce', mustChangePassword: false });
      expect((await t.http.get('/api/auth/me').set(bearer(changed.body.accessToken)).expect(200)).body.mustChangePassword).toBe(false);
      expect((await login('owner_commerce', 'Commerce#Plan2031').expect(200)).body.user.mustChangePassword).toBe(false);
    });
  });

  describe('POST /api/auth/password', () => {
    it('a wrong current password is 400 naming currentPassword, and nothing changes', async () => {
      await createUser('pw_wrong', 'reviewer');
      const token = await signIn('pw_wrong', 'Plan-Review#2031x');
      const before = await userRow('pw_wrong');
      const res = await t.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: 'not-it', newPassword: 'Fresh-Start#2031' }).expect(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors).toEqual([{ field: 'currentPassword', message: expect.stringContaining('currentPassword') }]);
      expect(await userRow('pw_wrong')).toEqual(before);
      await t.http.get('/api/auth/me').set(bearer(token)).expect(200);
    });

    it('needs a signed-in user, and names missing fields', async () => {
      await t.http.post('/api/auth/password').send({ currentPassword: 'a', newPassword: 'Fresh-Start#2031' }).expect(401);
      const token = await t.token('reviewer');
      const res = await t.http.post('/api/auth/password').set(bearer(token)).send({ currentPassword: DEMO_PASSWORD }).expect(400);
      expect(res.body.errors.map((error: { field: string }) => error.field)).toEqual(['newPassword']);
    });

    it('changes the password and ends every session: old tokens 401, the fresh token in the answer works', async () => {
      await createUser('pw_change', 'reviewer');
      const [first, second] = [await signIn('pw_change', 'Plan-Review#2031x'), await signIn('pw_change', 'Plan-Review#2031x')];
      const res = await t.http
        .post('/api/auth/password')
        .set(bearer(first))
        .send({ currentPassword: 'Plan-Review#2031x', newPassword: 'Fresh-Start#2031' })
        .expect(200);
      expect(res.body.user).toMatchObject({ username: 'pw_change', mustChangePassword: false });
      for (const old of [first, second]) {
        const refused = await t.http.get('/api/auth/me').set(bearer(old)).expect(401);
        expect(refused.body).toMatchObject({ code: 'unauthenticated' });
      }
      await t.http.get('/api/auth/me').set(bearer(res.body.accessToken)).expect(200);
      await login('pw_change', 'Plan-Review#2031x').expect(401);
      await login('pw_change', 'Fresh-Start#2031').expect(200);
    });
  });

  describe('sessions end when they should', () => {
    it('POST /api/auth/logout is 204 and ends every session of the user, the token used included', async () => {
      await createUser('bye_bye', 'reviewer');
      const [first, second] = [await signIn('bye_bye', 'Plan-Review#2031x'), await signIn('bye_bye', 'Plan-Review#2031x')];
      const other = await t.token('reviewer');
      await t.http.post('/api/auth/logout').set(bearer(first)).expect(204);
      await t.http.get('/api/auth/me').set(bearer(first)).expect(401);
      await t.http.get('/api/auth/me').set(bearer(second)).expect(401);
      await t.http.post('/api/auth/logout').set(bearer(first)).expect(401);
      // Nobody else is signed out; signing in again works.
      await t.http.get('/api/auth/me').set(bearer(other)).expect(200);
      await t.http
        .get('/api/auth/me')
        .set(bearer(await signIn('bye_bye', 'Plan-Review#2031x')))
        .expect(200);
    });

    it('deactivation ends the sessions, and reactivation does not revive them', async () => {
      const id = await createUser('off_on', 'reviewer');
      const token = await signIn('off_on', 'Plan-Review#2031x');
      await t.as('admin').patch(`/api/admin/users/${id}`).send({ active: false }).expect(200);
      await t.http.get('/api/auth/me').set(bearer(token)).expect(401);
      await t.as('admin').patch(`/api/admin/users/${id}`).send({ active: true }).expect(200);
      await t.http.get('/api/auth/me').set(bearer(token)).expect(401);
      await t.http
        .get('/api/auth/me')
        .set(bearer(await signIn('off_on', 'Plan-Review#2031x')))
        .expect(200);
    });

    it.each([
      ['a new role', () => ({ role: 'reviewer', unitId: null })],
      ['a new unit', () => ({ unitId: unitIds.transport })],
      ['a password set by an admin', () => ({ password: 'Admin-Reset#2031' })],
    ])('%s ends the sessions', async (_what, change) => {
      const username = `moved_${Math.random().toString(36).slice(2, 8)}`;
      const id = await createUser(username, 'owner');
      const token = await signIn(username, 'Plan-Review#2031x');
      await t.as('admin').patch(`/api/admin/users/${id}`).send(change()).expect(200);
      await t.http.get('/api/auth/me').set(bearer(token)).expect(401);
    });

    it('a new display name or e-mail does not', async () => {
      const id = await createUser('renamed_only', 'owner');
      const token = await signIn('renamed_only', 'Plan-Review#2031x');
      await t.as('admin').patch(`/api/admin/users/${id}`).send({ displayName: '新名字', email: 'new@qj.gov.cn' }).expect(200);
      await t.http.get('/api/auth/me').set(bearer(token)).expect(200);
    });

    it('the queue dashboard cookie ends with the sessions too', async () => {
      await createUser('ops_admin', 'admin');
      const token = await signIn('ops_admin', 'Plan-Review#2031x');
      const session = await t.http.post('/api/admin/queue-dashboard/session').set(bearer(token)).expect(200);
      const cookie = ([] as string[]).concat(session.headers['set-cookie'] ?? [])[0].split(';')[0];
      await t.http.get('/admin/queues/api/queues').set('Cookie', cookie).set('Accept', 'application/json').expect(200);
      await t.http.get('/admin/queues/api/queues').set(bearer(token)).set('Accept', 'application/json').expect(200);
      await t.http.post('/api/auth/logout').set(bearer(token)).expect(204);
      await t.http.get('/admin/queues/api/queues').set('Cookie', cookie).set('Accept', 'application/json').expect(401);
      await t.http.get('/admin/queues/api/queues').set(bearer(token)).set('Accept', 'application/json').expect(401);
    });

    it('an access token lives 12 hours at most', async () => {
      const token = await signIn('reviewer', DEMO_PASSWORD);
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(12 * 60 * 60);
      expect(Number.isInteger(claims.gen)).toBe(true);
    });
  });

  describe('the last active admin', () => {
    /** Makes `a` and `b` the only active admins, each signed in. */
    async function twoAdmins(round: number): Promise<Array<{ id: string; token: string }>> {
      const ids = [await createUser(`race_a_${round}`, 'admin'), await createUser(`race_b_${round}`, 'admin')];
      await t.db.query(`UPDATE app_user SET active = (id = ANY($1::uuid[])) WHERE role = 'admin'`, [ids]);
      return Promise.all(ids.map(async (id, i) => ({ id, token: await signIn(`race_${'ab'[i]}_${round}`, 'Plan-Review#2031x') })));
    }

    async function activeAdmins(): Promise<string[]> {
      const { rows } = await t.db.query(`SELECT id FROM app_user WHERE role = 'admin' AND active`);
      return rows.map((row) => row.id);
    }

    /** Back to the demo admin alone, for the next round and for t.as('admin'). */
    const onlyTheDemoAdmin = () => t.db.query(`UPDATE app_user SET active = (username = 'admin') WHERE role = 'admin'`);
    afterEach(onlyTheDemoAdmin);

    /** Two admins remove each other at once: exactly one succeeds; the loser's answer. */
    async function race(round: number, change: object) {
      const [a, b] = await twoAdmins(round);
      const [ab, ba] = await Promise.all([
        t.http.patch(`/api/admin/users/${b.id}`).set(bearer(a.token)).send(change),
        t.http.patch(`/api/admin/users/${a.id}`).set(bearer(b.token)).send(change),
      ]);
      expect([ab.status, ba.status].filter((status) => status === 200)).toHaveLength(1);
      expect(await activeAdmins()).toEqual([ab.status === 200 ? a.id : b.id]);
      return ab.status === 200 ? ba : ab;
    }

    it.each([
      [1, { active: false }],
      [2, { role: 'reviewer' }],
      [3, { active: false }],
      [4, { role: 'reviewer' }],
    ])('two admins removing each other at once (round %i, %j): exactly one succeeds, the other is refused', async (round, change) => {
      const loser = await race(round, change);
      // 409 from the locked check; 401 only if the winner's change ended the loser's session before its request was even authenticated.
      expect([409, 401]).toContain(loser.status);
      expect(loser.headers['content-type']).toMatch(PROBLEM);
      if (loser.status === 409) expect(loser.body).toMatchObject({ status: 409, code: 'last_admin', detail: '至少需要保留一名启用的管理员' });
    });

    it('in such races the loser meets the lock (409), not merely a dead session', async () => {
      const losers = [];
      for (const [round, change] of [
        [6, { active: false }],
        [7, { role: 'reviewer' }],
        [8, { active: false }],
        [9, { role: 'reviewer' }],
      ] as const) {
        losers.push((await race(round, change)).status);
        await onlyTheDemoAdmin();
      }
      expect(losers.filter((status) => status === 409).length).toBeGreaterThan(0);
    });

    it('the last active admin cannot deactivate or demote themselves', async () => {
      const [a] = await twoAdmins(5);
      await t.db.query(`UPDATE app_user SET active = false WHERE username = 'race_b_5'`);
      for (const change of [{ active: false }, { role: 'owner', unitId: unitIds.water }]) {
        const res = await t.http.patch(`/api/admin/users/${a.id}`).set(bearer(a.token)).send(change).expect(409);
        expect(res.body.code).toBe('last_admin');
      }
      expect(await activeAdmins()).toEqual([a.id]);
      await t.http.get('/api/auth/me').set(bearer(a.token)).expect(200);
    });
  });
});
