import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, isoWeekOf, mondayOf, todayIn, weekLabel } from '@qj/domain';
import { AlertsService } from '../../apps/worker/src/alerts/alerts.service';
import { DigestProcessor } from '../../apps/worker/src/digest/digest.processor';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';
import { codeTokens, mailBodies } from './readable-text';
import { readMail } from './smtp-sink';

/** Without SMTP_URL (the embedded default) mail is written as .eml files under <VAR_DIR>/outbox/ and marked sent. */
describe('mail without SMTP: .eml files', () => {
  const varDir = mkdtempSync(join(tmpdir(), 'qj-var-'));
  const outboxDir = join(varDir, 'outbox');
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const emlFiles = () => {
    try {
      return readdirSync(outboxDir).filter((name) => name.endsWith('.eml'));
    } catch {
      return [];
    }
  };

  beforeAll(async () => {
    t = await bootTestApp({ env: { VAR_DIR: varDir }, modules: [ProcessorsModule] });
    await t.db.query(`UPDATE milestone SET forecast_date = $1 WHERE status = 'pending'`, [addDays(today, 400)]);
    await t.db.query(`UPDATE project SET last_activity_at = now()`);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(varDir, { recursive: true, force: true });
  });

  it('writes one .eml per mail, to <username>@qijiang.local for accounts without an address, and lists it as sent', async () => {
    const { rows } = await t.db.query(
      `SELECT m.id, m.name, p.name AS "projectName" FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'water' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 1`,
    );
    const m = rows[0];
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [m.id, addDays(today, -6)]);
    await t.app.get(AlertsService).scan();
    await t.app.get(AlertsService).scan();

    await drainQueues(t);
    const [file] = emlFiles();
    const eml = readFileSync(join(outboxDir, file), 'utf8');
    expect(eml).toMatch(/^To: owner_water@qijiang\.local$/m);
    expect(eml).toMatch(/^Subject: /m);
    expect(eml.split('\n\n')[0].replace(/\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/unsubscribe\?token=\S+>$/m);

    const sent = (await t.as('admin').get('/api/admin/outbox').query({ status: 'sent' }).expect(200)).body;
    expect(sent.items).toHaveLength(1);
    expect(sent.items[0]).toMatchObject({ username: 'owner_water', toAddress: 'owner_water@qijiang.local', kind: 'alert', status: 'sent', attempts: 1 });
    expect(sent.items[0].subject).toBe(`【逾期提醒】${m.projectName} · ${m.name} 已逾期 6 天`);
    expect(emlFiles()).toHaveLength(1);
  });

  it('a milestone changed through the API is scanned within a minute of the change', async () => {
    const list = await t.as('reviewer').get('/api/projects').query({ sector: 'transport', pageSize: 1 }).expect(200);
    const project = list.body.items[0];
    // Forecasts may not precede the project's creation: the project has existed for a while.
    await t.db.query(`UPDATE project SET created_at = now() - interval '90 days' WHERE id = $1`, [project.id]);
    const milestones = await t.as('owner_transport').get(`/api/projects/${project.id}/milestones`).expect(200);
    const m = milestones.body.items.find((item: { status: string }) => item.status === 'pending');
    await t
      .as('owner_transport')
      .patch(`/api/milestones/${m.id}`)
      .send({ version: m.version, forecastDate: addDays(today, -1) })
      .expect(200);

    // The project's scan is due at the minute's end: the drain sits it out.
    await drainQueues(t, { timeoutMs: 75_000 });
    const { rows: alerts } = await t.db.query(`SELECT level, days FROM alert WHERE milestone_id = $1`, [m.id]);
    expect(alerts).toEqual([{ level: 'overdue', days: 1 }]);
    const inbox = await t.as('owner_transport').get('/api/notifications').expect(200);
    expect(inbox.body.items.some((n: { milestoneId: string }) => n.milestoneId === m.id)).toBe(true);
  }, 90_000);

  it("a digest week writes one readable .eml per recipient, with that recipient's numbers", async () => {
    const week = isoWeekOf(today).key;
    const monday = mondayOf(today);
    // The DRC's unit, untouched above: one milestone long overdue and one due within the fortnight, as of the digest's Monday.
    const { rows: drc } = await t.db.query(
      `SELECT DISTINCT ON (p.plan_order) m.id, p.name AS "projectName", u.name AS "unitName" FROM milestone m JOIN project p ON p.id = m.project_id JOIN unit u ON u.id = p.unit_id
       WHERE u.code = 'drc' AND m.status = 'pending' ORDER BY p.plan_order, m.sort_order LIMIT 2`,
    );
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [drc[0].id, addDays(monday, -10)]);
    await t.db.query(`UPDATE milestone SET forecast_date = $2 WHERE id = $1`, [drc[1].id, addDays(monday, 3)]);
    const { rows: recipients } = await t.db.query(
      `SELECT au.username, au.display_name AS "displayName", au.role, un.name AS "unitName" FROM app_user au LEFT JOIN unit un ON un.id = au.unit_id
       WHERE au.active AND au.role IN ('owner', 'reviewer', 'leader')`,
    );
    const digestFiles = () => emlFiles().filter((name) => name.endsWith('-digest.eml'));

    await Promise.all([t.app.get(DigestProcessor).fanOut(week), t.app.get(DigestProcessor).fanOut(week)]);
    await drainQueues(t);
    // A third run of the week writes nothing more.
    await t.app.get(DigestProcessor).fanOut(week);
    await drainQueues(t);

    const mails = digestFiles().map((file) => readMail(readFileSync(join(outboxDir, file), 'utf8')));
    expect(mails.map((mail) => mail.header('To')).sort()).toEqual(recipients.map((user) => `${user.username}@qijiang.local`).sort());
    for (const user of recipients) {
      const mail = mails.find((each) => each.header('To') === `${user.username}@qijiang.local`);
      const heading = user.role === 'owner' ? `【每周简报】${user.unitName} ${weekLabel(week)}：` : `【每周简报】全区重大项目 ${weekLabel(week)}：`;
      expect(mail?.subject.startsWith(heading)).toBe(true);
      expect(mail?.header('Content-Type')).toMatch(/^multipart\/alternative;/);
      expect(mail?.decoded).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
      expect(mail?.decoded).toMatch(/Content-Type: text\/html; charset=utf-8/i);
      // Both parts greet the recipient by name.
      expect(mail?.decoded.split(`${user.displayName}，您好`)).toHaveLength(3);
      // Read as a person would: plain Chinese, no code, every link to the port the tracker runs on.
      const bodies = mailBodies(mail?.decoded ?? '');
      expect(bodies).toHaveLength(2);
      expect(bodies.every((body) => body.includes(`${user.displayName}，您好`))).toBe(true);
      expect(bodies.flatMap(codeTokens)).toEqual([]);
      expect(
        bodies
          .join('\n')
          .match(/https?:\/\/[^\s"<>]+/g)
          ?.filter((link) => !link.startsWith('http://localhost:3000/')),
      ).toEqual([]);
    }
    const owner = mails.find((mail) => mail.header('To') === 'owner_drc@qijiang.local');
    expect(owner?.subject).toBe(`【每周简报】${drc[0].unitName} ${weekLabel(week)}：逾期 1 项，14 天内到期 1 项`);
    expect(owner?.decoded).toContain('持续逾期（1）');
    expect(owner?.decoded).toContain('未来 14 天内到期（1）');
    expect(owner?.decoded).toContain(drc[0].projectName);
    expect(owner?.decoded).toContain('<html');
  });
});
