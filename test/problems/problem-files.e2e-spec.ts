import { addDays, todayIn } from '@qj/domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { binary, fieldsOf } from '../investment/support';
import { projectOf } from '../support/factories';
import { bootTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** A site photo as a phone takes it, taken 2026-05-01 10:30 (Chongqing) at 28.975 N, 106.65 E. */
const sitePhoto = () =>
  sharp({ create: { width: 640, height: 480, channels: 3, background: '#a73' } })
    .jpeg()
    .withExif({
      IFD2: { DateTimeOriginal: '2026:05:01 10:30:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '28/1 58/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '106/1 39/1 0/1' },
    })
    .toBuffer();

/**
 * Evidence files on the problem list (问题清单): the owner raises a problem with a site photo, the unit it is assigned
 * to answers with a letter. Whoever reads the problem reads its files and its replies' files — the assigned unit too,
 * though it does not read the project — and nobody else (404 as for any file they may not see). A refused request
 * attaches nothing and writes nothing; a leader (区领导) comments but attaches no file.
 */
describe('problem files (问题清单的佐证材料)', () => {
  let t: TestApp;
  let varDir: string;
  const today = todayIn('Asia/Shanghai');
  const unitIds: Record<string, string> = {};

  const upload = async (username: string, body: Buffer, name: string) =>
    (await t.as(username).post('/api/files').attach('file', body, name).expect(201)).body as { id: string; size: number; sha256: string };
  const raise = (username: string, projectId: string, extra: Record<string, unknown> = {}) =>
    t
      .as(username)
      .post(`/api/projects/${projectId}/problems`)
      .send({ title: '站场用地未落实', description: '用地指标尚未下达', category: 'land', neededBy: addDays(today, 30), ...extra });
  const assign = async (problemId: string, unit: string) =>
    t
      .as('reviewer')
      .post(`/api/problems/${problemId}/assign`)
      .send({ unitId: unitIds[unit], dueDate: addDays(today, 10) })
      .expect(200);
  /** What a refused request must leave as it was: problems, replies, attachments, audit rows, events. */
  const print = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*) FROM problem) || ':' || (SELECT count(*) FROM problem_reply) || ':' || (SELECT count(*) FROM file_attachment)
           || ':' || (SELECT count(*) FROM audit_event) || ':' || (SELECT count(*) FROM outbox_event) AS print`,
      )
    ).rows[0].print as string;
  const readsFile = async (username: string, id: string, status: number) => {
    const res = await t.as(username).get(`/api/files/${id}`).buffer(true).parse(binary).expect(status);
    if (status === 404) expect(JSON.parse((res.body as Buffer).toString('utf8')).code).toBe('file_not_found');
    return res;
  };

  beforeAll(async () => {
    varDir = await mkdtemp(join(tmpdir(), 'qj-problem-files-'));
    t = await bootTestApp({ env: { VAR_DIR: varDir } });
    for (const row of (await t.db.query(`SELECT id, code FROM unit`)).rows) unitIds[row.code] = row.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(varDir, { recursive: true, force: true });
  });

  it('raised with a photo, answered with a PDF by the assigned unit: both read by the two units and the DRC, a third unit gets 404', async () => {
    const project = await projectOf(t, 'transport', 0);
    const photo = await upload('owner_transport', await sitePhoto(), '站场现状.jpg');
    const raised = (await raise('owner_transport', project.id, { fileIds: [photo.id] }).expect(201)).body;
    expect(raised.files).toEqual([
      {
        id: photo.id,
        name: '站场现状.jpg',
        size: photo.size,
        contentType: 'image/jpeg',
        takenAt: '2026-05-01T02:30:00Z',
        location: { latitude: expect.closeTo(28.975, 5), longitude: expect.closeTo(106.65, 5) },
      },
    ]);
    await assign(raised.id, 'water');

    // The assigned unit does not read the project (its approvals are refused), yet reads the problem and its photo.
    await t.as('owner_water').get(`/api/projects/${project.id}/approvals`).expect(403);
    const seen = await readsFile('owner_water', photo.id, 200);
    expect(seen.headers['content-type']).toBe('image/jpeg');
    await t.as('owner_water').get(`/api/files/${photo.id}/thumbnail`).expect(200);

    const letter = await upload('owner_water', PDF, '复函.pdf');
    const replied = (
      await t
        .as('owner_water')
        .post(`/api/problems/${raised.id}/replies`)
        .send({ text: '已函告规划部门，附复函', fileIds: [letter.id] })
        .expect(201)
    ).body;
    expect(replied.files.map((f: { id: string }) => f.id)).toEqual([photo.id]);
    expect(replied.replies).toEqual([
      expect.objectContaining({
        text: '已函告规划部门，附复函',
        authorUnitName: '区水利局',
        files: [{ id: letter.id, name: '复函.pdf', size: PDF.length, contentType: 'application/pdf', takenAt: null, location: null }],
      }),
    ]);

    for (const username of ['owner_transport', 'owner_water', 'reviewer', 'leader']) {
      const page = (await t.as(username).get(`/api/problems/${raised.id}`).expect(200)).body;
      expect([page.files.map((f: { id: string }) => f.id), page.replies[0].files.map((f: { id: string }) => f.id)]).toEqual([[photo.id], [letter.id]]);
      const pdf = await readsFile(username, letter.id, 200);
      expect(Buffer.compare(pdf.body as Buffer, PDF)).toBe(0);
      await readsFile(username, photo.id, 200);
    }
    // A third unit: the problem, the photo, its thumbnail and the letter are not there for it.
    await t.as('owner_housing').get(`/api/problems/${raised.id}`).expect(404);
    await readsFile('owner_housing', photo.id, 404);
    await readsFile('owner_housing', letter.id, 404);
    expect((await t.as('owner_housing').get(`/api/files/${photo.id}/thumbnail`).expect(404)).body.code).toBe('file_not_found');

    // The list stays cheap: no files in it.
    const list = (await t.as('owner_water').get('/api/problems').query({ projectId: project.id }).expect(200)).body;
    expect(list.items.map((p: { id: string; files?: unknown }) => [p.id, p.files])).toEqual([[raised.id, undefined]]);

    // Audited as the other attachments are: the files named on the raise and on the reply.
    const audit = await t.db.query(
      `SELECT action, after->'fileIds' AS "fileIds", after->>'replyId' AS "replyId" FROM audit_event WHERE entity_type = 'problem' AND entity_id = $1 ORDER BY id`,
      [raised.id],
    );
    expect(audit.rows).toEqual([
      { action: 'problem.raised', fileIds: [photo.id], replyId: null },
      { action: 'problem.assigned', fileIds: null, replyId: null },
      { action: 'problem.replied', fileIds: [letter.id], replyId: replied.replies[0].id },
    ]);
  });

  it('reassigned to another unit: the new unit reads the files, the former one no longer does', async () => {
    const project = await projectOf(t, 'transport', 1);
    const photo = await upload('owner_transport', await sitePhoto(), '管线迁改.jpg');
    const raised = (await raise('owner_transport', project.id, { fileIds: [photo.id], category: 'utilities' }).expect(201)).body;
    await readsFile('owner_water', photo.id, 404);
    await assign(raised.id, 'water');
    await readsFile('owner_water', photo.id, 200);
    await assign(raised.id, 'housing');
    await readsFile('owner_housing', photo.id, 200);
    await readsFile('owner_water', photo.id, 404);
    await readsFile('owner_transport', photo.id, 200);
  });

  it('a file already attached where the caller reads it may be attached again; one they may not see is 400 naming its place', async () => {
    const project = await projectOf(t, 'transport', 2);
    const photo = await upload('owner_transport', await sitePhoto(), '现场.jpg');
    const raised = (await raise('owner_transport', project.id, { fileIds: [photo.id] }).expect(201)).body;
    await assign(raised.id, 'water');
    // The assigned unit points at the problem's own photo in its answer.
    const replied = (
      await t
        .as('owner_water')
        .post(`/api/problems/${raised.id}/replies`)
        .send({ text: '照片中的管线已迁改', fileIds: [photo.id] })
        .expect(201)
    ).body;
    expect(replied.replies[0].files.map((f: { id: string }) => f.id)).toEqual([photo.id]);
    // A third unit cannot take the photo into a problem of its own.
    const housingProject = await projectOf(t, 'housing', 0);
    const before = await print();
    const refused = await raise('owner_housing', housingProject.id, { fileIds: [photo.id] }).expect(400);
    expect(fieldsOf(refused.body)).toEqual(['fileIds[0]']);
    expect(await print()).toBe(before);
  });

  it('bad fileIds are 400 naming the field, on raising and on replying, and change nothing', async () => {
    const project = await projectOf(t, 'transport', 3);
    const mine = await upload('owner_transport', PDF, '情况说明.pdf');
    const theirs = await upload('owner_water', PDF, '水利局.pdf');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const before = await print();
    const raised = await raise('owner_transport', project.id, { fileIds: [mine.id, unknown, theirs.id] }).expect(400);
    expect(raised.headers['content-type']).toContain('application/problem+json');
    expect(fieldsOf(raised.body)).toEqual(['fileIds[1]', 'fileIds[2]']);
    for (const fileIds of [['not-a-uuid'], 'x', [mine.id, mine.id]]) {
      expect(fieldsOf((await raise('owner_transport', project.id, { fileIds }).expect(400)).body)).toEqual(['fileIds']);
    }
    expect(await print()).toBe(before);
    // Mine is still mine alone, unattached.
    await readsFile('reviewer', mine.id, 404);

    const problem = (await raise('owner_transport', project.id).expect(201)).body;
    expect(problem.files).toEqual([]);
    const afterRaise = await print();
    const reply = await t
      .as('owner_transport')
      .post(`/api/problems/${problem.id}/replies`)
      .send({ text: '补充材料', fileIds: [theirs.id, mine.id] })
      .expect(400);
    expect(fieldsOf(reply.body)).toEqual(['fileIds[0]']);
    expect(await print()).toBe(afterRaise);
  });

  it('a leader comments in the thread but attaches no file, not even one they read (403 naming fileIds); nothing is written', async () => {
    const project = await projectOf(t, 'transport', 4);
    const photo = await upload('owner_transport', await sitePhoto(), '资金缺口.jpg');
    const problem = (await raise('owner_transport', project.id, { fileIds: [photo.id], category: 'funding' }).expect(201)).body;
    await readsFile('leader', photo.id, 200);
    const before = await print();
    const refused = await t
      .as('leader')
      .post(`/api/problems/${problem.id}/replies`)
      .send({ text: '请附上资金测算', fileIds: [photo.id] })
      .expect(403);
    expect(refused.body.code).toBe('files_not_attachable');
    expect(fieldsOf(refused.body)).toEqual(['fileIds']);
    expect(await print()).toBe(before);
    const comment = await t.as('leader').post(`/api/problems/${problem.id}/replies`).send({ text: '请区财政局研究' }).expect(201);
    expect(comment.body.replies).toEqual([expect.objectContaining({ text: '请区财政局研究', files: [] })]);
    const empty = await t.as('leader').post(`/api/problems/${problem.id}/replies`).send({ text: '跟踪', fileIds: [] }).expect(201);
    expect(empty.body.replies).toHaveLength(2);
  });
});
