import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Clock, freePort } from '@qj/config';
import { addDays, todayIn } from '@qj/domain';
import type { Response } from 'supertest';
import { ProcessorsModule } from '../../apps/worker/src/processors.module';
import { SupervisionService } from '../../apps/worker/src/supervision/supervision.service';
import { codeTokens } from '../notifications/readable-text';
import { SmtpSink } from '../notifications/smtp-sink';
import { projectOf } from '../support/factories';
import { drainQueues } from '../support/queues';
import { bootTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/**
 * 督办 of overdue problems: the day after its due date the assigned unit and the reviewers are told; after
 * SUPERVISION_AFTER_DAYS (3) a numbered 督办单 goes to the unit, the reviewers and the leaders, with its Word document;
 * each level once however many scans run at once (workers racing), and numbers without gaps or repeats under
 * concurrency. The scans run as the daily job runs them (SupervisionService.scan), several at a time.
 */
describe('督办 (supervision) of overdue problems', () => {
  let smtp: SmtpSink;
  let t: TestApp;
  const today = todayIn('Asia/Shanghai');
  const unitIds: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  /** Noon in Chongqing, `days` after today. */
  const at = (days: number) => new Date(`${addDays(today, days)}T04:00:00Z`);
  /** `n` scans at once, as workers racing would run them. */
  const scans = (n: number) => Promise.all(Array.from({ length: n }, () => t.app.get(SupervisionService).scan()));
  const problemDueToday = async (nth: number, title: string) => {
    const project = await projectOf(t, 'transport', nth);
    const raised = await t
      .as('owner_transport')
      .post(`/api/projects/${project.id}/problems`)
      .send({ title, description: '施工用电接入方案未批复', category: 'utilities', neededBy: addDays(today, 10) })
      .expect(201);
    await t.as('reviewer').post(`/api/problems/${raised.body.id}/assign`).send({ unitId: unitIds.water, dueDate: today }).expect(200);
    return raised.body.id as string;
  };
  const noticesTo = async (username: string, problemId: string) =>
    (
      await t.db.query(
        `SELECT n.title, n.body, n.level FROM notification n JOIN problem pr ON pr.project_id = n.project_id
         WHERE n.user_id = $1 AND pr.id = $2 AND n.level LIKE 'problem_%' ORDER BY n.id`,
        [userIds[username], problemId],
      )
    ).rows as Array<{ title: string; body: string; level: string }>;

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort(2965));
    await smtp.start();
    t = await bootTestApp({ env: { SMTP_URL: smtp.url }, modules: [ProcessorsModule] });
    for (const row of (await t.db.query(`SELECT id, code FROM unit`)).rows) unitIds[row.code] = row.id;
    await t.db.query(`UPDATE app_user SET email = username || '@example.test'`);
    for (const row of (await t.db.query(`SELECT id, username FROM app_user`)).rows) userIds[row.username] = row.id;
  });
  afterEach(() => t.app.get(Clock).setNow(null));
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('escalates each level once: the day after the due date to the unit and the reviewers, then a 督办单 to them and the leaders', async () => {
    const problemId = await problemDueToday(0, '施工用电未接入');
    // Due today: not overdue yet.
    await scans(2);
    expect(await noticesTo('owner_water', problemId)).toEqual([]);

    t.app.get(Clock).setNow(at(1));
    await scans(3);
    const levels = async () =>
      (await t.db.query(`SELECT level FROM problem_escalation WHERE problem_id = $1 ORDER BY id`, [problemId])).rows.map((row) => row.level);
    expect(await levels()).toEqual(['overdue']);
    expect((await noticesTo('owner_water', problemId)).map((n) => n.title)).toEqual(['【问题逾期】施工用电未接入（区水利局）']);
    expect((await noticesTo('reviewer', problemId)).map((n) => n.level)).toEqual(['problem_overdue']);
    expect(await noticesTo('leader', problemId)).toEqual([]);
    expect(await noticesTo('owner_transport', problemId)).toEqual([]);

    t.app.get(Clock).setNow(at(3));
    await scans(3);
    await scans(1);
    expect(await levels()).toEqual(['overdue', 'supervision']);
    const [notice] = (await t.db.query(`SELECT year, sequence, reply_by::text AS "replyBy" FROM supervision_notice WHERE problem_id = $1`, [problemId])).rows;
    const number = `督办〔${notice.year}〕${notice.sequence}号`;
    expect(notice.replyBy).toBe(addDays(today, 8));
    for (const username of ['owner_water', 'reviewer', 'leader']) {
      const heard = await noticesTo(username, problemId);
      expect({ username, last: heard.at(-1)?.title }).toEqual({ username, last: `【督办】${number} 施工用电未接入` });
      for (const n of heard) expect(codeTokens(n.title + n.body)).toEqual([]);
    }
    expect((await noticesTo('owner_water', problemId)).at(-1)?.body).toContain(`请区水利局于 ${addDays(today, 8)} 前在问题清单中书面答复`);
    await drainQueues(t, { promoteDelayed: true });
    // By mail too (the assignment's mail came before them).
    const mailed = smtp.to('owner_water@example.test').map((mail) => mail.subject);
    expect(mailed.filter((subject) => /^【(问题逾期|督办)】.*施工用电未接入/.test(subject)).sort()).toEqual(
      ['【问题逾期】施工用电未接入（区水利局）', `【督办】${number} 施工用电未接入`].sort(),
    );
    expect(smtp.to('leader@example.test').filter((mail) => mail.subject.includes('施工用电未接入'))).toHaveLength(1);
  });

  it('numbers 督办单 per year without gaps or repeats when scans race', async () => {
    const ids: string[] = [];
    for (const [i, title] of ['用地预审', '林地审批', '管线迁改', '征收补偿', '电力扩容', '规划条件'].entries()) ids.push(await problemDueToday(1 + i, title));
    t.app.get(Clock).setNow(at(4));
    await scans(4);
    // The year's notices: run on 28 December, the first test's (issued a day earlier) are numbered in the year before.
    const year = Number(addDays(today, 4).slice(0, 4));
    const { rows } = await t.db.query(`SELECT problem_id, sequence FROM supervision_notice WHERE year = $1 ORDER BY sequence`, [year]);
    expect(rows.filter((row) => ids.includes(row.problem_id))).toHaveLength(ids.length);
    const sequences = rows.map((row) => row.sequence as number);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));
    const [sequence] = (await t.db.query(`SELECT last_number FROM supervision_sequence WHERE year = $1`, [year])).rows;
    expect(sequence.last_number).toBe(sequences.length);
  });

  it('lists each 督办单 to those concerned, answered by a reply of its unit, and its Word document opens in LibreOffice', async () => {
    const problemId = await problemDueToday(8, '弃土场选址');
    t.app.get(Clock).setNow(at(3));
    await scans(1);
    t.app.get(Clock).setNow(null);
    const listed = (await t.as('owner_water').get('/api/supervision-notices').expect(200)).body.items as Array<{
      id: string;
      problemId: string;
      number: string;
      answeredAt: string | null;
      documentUrl: string;
    }>;
    const notice = listed.find((n) => n.problemId === problemId);
    expect(notice).toMatchObject({ number: expect.stringMatching(/^督办〔\d{4}〕\d+号$/), answeredAt: null });
    expect((await t.as('owner_transport').get('/api/supervision-notices').expect(200)).body.items.map((n: { id: string }) => n.id)).toContain(notice?.id);
    expect((await t.as('leader').get('/api/supervision-notices').expect(200)).body.items.map((n: { id: string }) => n.id)).toContain(notice?.id);
    expect((await t.as('owner_health').get('/api/supervision-notices').expect(200)).body.items).toEqual([]);
    await t
      .as('owner_health')
      .get(notice?.documentUrl as string)
      .expect(404);

    await t.as('owner_water').post(`/api/problems/${problemId}/replies`).send({ text: '已选定弃土场，正在办理用地手续' }).expect(201);
    const answered = (await t.as('reviewer').get('/api/supervision-notices').expect(200)).body.items.find((n: { id: string }) => n.id === notice?.id);
    expect(answered.answeredAt).toEqual(expect.any(String));

    const res = await t
      .as('owner_water')
      .get(notice?.documentUrl as string)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const directory = await mkdtemp(join(tmpdir(), 'supervision-'));
    try {
      await writeFile(join(directory, 'notice.docx'), res.body as Buffer);
      await run(
        'soffice',
        [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', directory, join(directory, 'notice.docx')],
        {
          timeout: 120_000,
        },
      );
      expect((await readFile(join(directory, 'notice.pdf'))).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await run(
        'soffice',
        [`-env:UserInstallation=file://${directory}/profile`, '--headless', '--convert-to', 'txt:Text', '--outdir', directory, join(directory, 'notice.docx')],
        {
          timeout: 120_000,
        },
      );
      const text = await readFile(join(directory, 'notice.txt'), 'utf8');
      expect(text).toContain(notice?.number);
      expect(text).toContain('弃土场选址');
      expect(text).toContain('已逾期 3 天');
      expect(text).toContain('交办区水利局');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }, 240_000);
});
