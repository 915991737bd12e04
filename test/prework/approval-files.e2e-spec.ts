import { todayIn } from '@qj/domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldsOf } from '../investment/support';
import { bootTestApp, TestApp } from '../support/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * An approval (前期手续) carries its files — the 批复 scan above all. PATCH /api/approvals/:id takes the whole list
 * (files left out are detached, as on a monthly report), the checklist lists each approval's files, and the files are
 * read by whoever reads the project; a refused request attaches nothing.
 */
describe('approval files (前期手续的批复扫描件)', () => {
  let t: TestApp;
  let varDir: string;
  const today = () => todayIn(t.env.APP_TIMEZONE);

  const upload = async (username: string, name: string) =>
    (await t.as(username).post('/api/files').attach('file', PDF, name).expect(201)).body as { id: string; size: number };
  const approval = async (projectId: string, code: string) =>
    ((await t.as('owner_transport').get(`/api/projects/${projectId}/approvals`).expect(200)).body.items as Array<Record<string, unknown>>).find(
      (item) => item.code === code,
    ) as { id: string; version: number; files: Array<{ id: string }> } & Record<string, unknown>;
  const patch = (id: string, body: object, as = 'owner_transport') => t.as(as).patch(`/api/approvals/${id}`).send(body);
  const audited = async (id: string) =>
    (await t.db.query(`SELECT action, before->'fileIds' AS before, after->'fileIds' AS after FROM audit_event WHERE entity_id = $1 ORDER BY id`, [id])).rows;
  /** The `nth` transport project whose 环评批复 is still to do (the started ones have it 不适用). */
  const projectWithEia = async (nth: number) =>
    (
      await t.db.query(
        `SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id JOIN milestone m ON m.project_id = p.id AND m.code = 'eia' AND m.kind = 'approval'
         WHERE u.code = 'transport' AND m.status = 'pending' ORDER BY p.plan_order OFFSET $1 LIMIT 1`,
        [nth],
      )
    ).rows[0] as { id: string };
  const attachments = async () => Number((await t.db.query(`SELECT count(*)::int AS n FROM file_attachment`)).rows[0].n);

  beforeAll(async () => {
    varDir = await mkdtemp(join(tmpdir(), 'qj-approval-files-'));
    t = await bootTestApp({ env: { VAR_DIR: varDir } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(varDir, { recursive: true, force: true });
  });

  it('已办结 with its 批复 scan: listed on the checklist, read by the unit and the DRC, 404 for another unit; audited', async () => {
    const project = await projectWithEia(0);
    const eia = await approval(project.id, 'eia');
    expect(eia.files).toEqual([]);
    const scan = await upload('owner_transport', '环评批复.pdf');
    const done = (
      await patch(eia.id, { version: eia.version, status: 'done', documentNo: '綦环审〔2026〕8号', documentDate: today(), fileIds: [scan.id] }).expect(200)
    ).body;
    const ref = { id: scan.id, name: '环评批复.pdf', size: PDF.length, contentType: 'application/pdf', takenAt: null, location: null };
    expect(done).toMatchObject({ status: 'done', version: eia.version + 1, files: [ref] });
    expect((await approval(project.id, 'eia')).files).toEqual([ref]);
    const checklist = (await t.as('reviewer').get(`/api/projects/${project.id}/approvals`).expect(200)).body;
    expect(checklist.items.filter((item: { files: unknown[] }) => item.files.length).map((item: { id: string }) => item.id)).toEqual([eia.id]);
    for (const username of ['owner_transport', 'reviewer', 'leader']) await t.as(username).get(`/api/files/${scan.id}`).expect(200);
    expect((await t.as('owner_water').get(`/api/files/${scan.id}`).expect(404)).body.code).toBe('file_not_found');
    expect(await audited(eia.id)).toEqual([{ action: 'milestone.updated', before: [], after: [scan.id] }]);
  });

  it('the list is the whole list: files alone are a change, the same set in another order is none, [] detaches, omitted keeps', async () => {
    const project = await projectWithEia(1);
    const eia = await approval(project.id, 'eia');
    const [scan, letter] = [await upload('owner_transport', '批复.pdf'), await upload('owner_transport', '函.pdf')];
    const one = (await patch(eia.id, { version: eia.version, status: 'in_progress', fileIds: [scan.id] }).expect(200)).body;
    const two = (await patch(eia.id, { version: one.version, status: 'in_progress', fileIds: [scan.id, letter.id] }).expect(200)).body;
    expect([two.version, two.files.map((f: { id: string }) => f.id)]).toEqual([one.version + 1, [scan.id, letter.id]]);
    const reordered = (await patch(eia.id, { version: two.version, status: 'in_progress', fileIds: [letter.id, scan.id] }).expect(200)).body;
    expect(reordered.version).toBe(two.version);
    // Omitted: the files stay as they are, whatever else changes.
    const kept = (await patch(eia.id, { version: two.version, status: 'not_started' }).expect(200)).body;
    expect(kept.files.map((f: { id: string }) => f.id)).toEqual([scan.id, letter.id]);
    const dropped = (await patch(eia.id, { version: kept.version, status: 'not_started', fileIds: [letter.id] }).expect(200)).body;
    expect(dropped.files.map((f: { id: string }) => f.id)).toEqual([letter.id]);
    // Detached, the scan is its uploader's alone again.
    await t.as('reviewer').get(`/api/files/${scan.id}`).expect(404);
    await t.as('owner_transport').get(`/api/files/${scan.id}`).expect(200);
    expect((await audited(eia.id)).map((row) => row.after)).toEqual([[scan.id], [scan.id, letter.id], [scan.id, letter.id], [letter.id]]);
  });

  it('bad fileIds are 400 naming the item, a stale version 409: the approval and its files stay as they were', async () => {
    const project = await projectWithEia(2);
    const eia = await approval(project.id, 'eia');
    const mine = await upload('owner_transport', '批复.pdf');
    const theirs = await upload('owner_water', '水利.pdf');
    const before = await attachments();
    const unknown = '00000000-0000-4000-8000-000000000000';
    const done = { status: 'done', documentNo: '綦环审〔2026〕9号', documentDate: today() };
    const refused = await patch(eia.id, { version: eia.version, ...done, fileIds: [mine.id, unknown, theirs.id] }).expect(400);
    expect(fieldsOf(refused.body)).toEqual(['fileIds[1]', 'fileIds[2]']);
    expect(fieldsOf((await patch(eia.id, { version: eia.version, ...done, fileIds: ['nope'] }).expect(400)).body)).toEqual(['fileIds']);
    expect((await patch(eia.id, { version: eia.version + 5, ...done, fileIds: [mine.id] }).expect(409)).body.code).toBe('version_conflict');
    // Another unit's owner is refused before the body is read.
    expect((await patch(eia.id, { version: eia.version, ...done, fileIds: [theirs.id] }, 'owner_water').expect(403)).body.code).toBe('outside_unit');
    expect(await approval(project.id, 'eia')).toEqual(eia);
    expect(await attachments()).toBe(before);
    expect(await audited(eia.id)).toEqual([]);
    await t.as('reviewer').get(`/api/files/${mine.id}`).expect(404);
  });
});
