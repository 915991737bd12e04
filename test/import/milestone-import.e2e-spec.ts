import { addDays, diffDays, todayIn } from '@qj/domain';
import type { Response } from 'supertest';
import { bootTestApp, TestApp } from '../support/test-app';
import { editTemplate, headerOf, loadWorkbook, TEMPLATE_HEADER, TemplateRow, templateRows } from './milestone-sheet';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const today = () => todayIn('Asia/Shanghai');

/** supertest buffers JSON and text; an .xlsx must be collected as bytes. */
function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => callback(error, Buffer.alloc(0)));
}

interface ImportRow {
  row: number;
  milestoneId: string | null;
  status: 'update' | 'unchanged' | 'error';
  changes: Array<{ field: string; from: string | null; to: string | null }>;
  errors: Array<{ field: string; message: string }>;
}

describe('Excel import of milestone updates: GET /api/milestones/import-template.xlsx, POST /api/milestones/import', () => {
  let t: TestApp;
  let transportUnitId: string;
  beforeAll(async () => {
    t = await bootTestApp();
    transportUnitId = (await t.db.query(`SELECT id FROM unit WHERE code = 'transport'`)).rows[0].id;
  });
  afterAll(() => t.close());

  const template = (user: string, query: Record<string, string> = {}) =>
    t.as(user).get('/api/milestones/import-template.xlsx').query(query).buffer(true).parse(binary);
  const download = async (user: string, query: Record<string, string> = {}) => (await template(user, query).expect(200)).body as Buffer;
  const upload = (user: string, file: Buffer, query: Record<string, string> = {}, filename = '里程碑更新.xlsx') =>
    t.as(user).post('/api/milestones/import').query(query).attach('file', file, { filename, contentType: XLSX });

  /** Every milestone's dates and version, and how many audit rows and outbox events exist: "nothing changed" is this being equal. */
  const snapshot = async () =>
    (
      await t.db.query(
        `SELECT (SELECT json_agg(m ORDER BY m.id) FROM (SELECT id, baseline_date::text, forecast_date::text, actual_date::text, status, version FROM milestone) m) AS milestones,
                (SELECT count(*)::int FROM audit_event) AS audits, (SELECT count(*)::int FROM outbox_event) AS events,
                (SELECT json_agg(p ORDER BY p.id) FROM (SELECT id, rag, version, last_activity_at FROM project) p) AS projects`,
      )
    ).rows[0];

  /** Ids of the approvals (前期手续): their actual date is the approvals checklist's, so rows that set one pick others. */
  const approvalIds = async () => new Set((await t.db.query(`SELECT id FROM milestone WHERE kind = 'approval'`)).rows.map((row) => row.id as string));

  /** Rows of the owner's template from `count` different projects. */
  async function rowsOfDistinctProjects(file: Buffer, count: number) {
    const rows = await templateRows(file);
    const seen = new Set<unknown>();
    return rows.filter((row) => !seen.has(row['项目编号']) && seen.add(row['项目编号'])).slice(0, count);
  }

  /** The first row of the same project as `row` that is not an approval (a row that sets an actual date needs one). */
  async function plainRowBeside(file: Buffer, row: TemplateRow) {
    const approvals = await approvalIds();
    return (await templateRows(file)).find((other) => other['项目编号'] === row['项目编号'] && !approvals.has(other['里程碑ID'] as string)) as TemplateRow;
  }

  describe('the template', () => {
    it('an owner gets their unit’s not-done milestones, prefilled, under the Chinese file name', async () => {
      const res = await template('owner_transport').expect(200);
      expect(res.headers['content-type']).toBe(XLSX);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="milestone-import-template\.xlsx"; filename\*=UTF-8''/);
      expect(decodeURIComponent(res.headers['content-disposition'].split("UTF-8''")[1])).toBe(`里程碑更新模板-区交通局-${today()}.xlsx`);

      const expected = await t.db.query(
        `SELECT m.id, m.name, m.baseline_date::text AS baseline, m.forecast_date::text AS forecast, m.version, p.catalog_key, p.name AS project
         FROM milestone m JOIN project p ON p.id = m.project_id WHERE p.unit_id = $1 AND m.status = 'pending' ORDER BY p.plan_order, p.id, m.sort_order`,
        [transportUnitId],
      );
      const rows = await templateRows(res.body);
      expect(expected.rows.length).toBeGreaterThan(5);
      expect(res.headers['x-total-count']).toBe(String(expected.rows.length));
      expect(rows.map((row) => row['里程碑ID'])).toEqual(expected.rows.map((m) => m.id));
      const first = expected.rows[0];
      expect(rows[0]).toMatchObject({
        项目编号: first.catalog_key,
        项目名称: first.project,
        责任单位: '区交通局',
        里程碑: first.name,
        基准日期: first.baseline,
        当前预计日期: first.forecast,
        实际完成日期: null,
        版本号: first.version,
      });
    });

    it('marks what the role may change, keeps the rest locked, hides the id and version, validates dates, and explains the rules in Chinese', async () => {
      const workbook = await loadWorkbook(await download('owner_transport'));
      const sheet = workbook.getWorksheet('里程碑更新')!;
      expect(headerOf(sheet)).toEqual(TEMPLATE_HEADER);
      const fill = (col: number) => (sheet.getRow(1).getCell(col).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
      const editable = fill(TEMPLATE_HEADER.indexOf('当前预计日期') + 1);
      expect(fill(TEMPLATE_HEADER.indexOf('实际完成日期') + 1)).toBe(editable);
      expect(fill(TEMPLATE_HEADER.indexOf('项目名称') + 1)).not.toBe(editable);
      expect(fill(TEMPLATE_HEADER.indexOf('基准日期') + 1)).not.toBe(editable);
      expect(sheet.getColumn(TEMPLATE_HEADER.indexOf('里程碑ID') + 1).hidden).toBe(true);
      expect(sheet.getColumn(TEMPLATE_HEADER.indexOf('版本号') + 1).hidden).toBe(true);
      expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });

      const baseline = sheet.getRow(2).getCell(TEMPLATE_HEADER.indexOf('基准日期') + 1);
      expect(baseline.value).toBeInstanceOf(Date);
      expect(baseline.numFmt).toBe('yyyy-mm-dd');
      const forecast = sheet.getRow(2).getCell(TEMPLATE_HEADER.indexOf('当前预计日期') + 1);
      expect(forecast.numFmt).toBe('yyyy-mm-dd');
      expect(forecast.protection).toMatchObject({ locked: false });
      expect(forecast.dataValidation).toMatchObject({ type: 'date', operator: 'between' });
      expect(sheet.getRow(2).getCell(TEMPLATE_HEADER.indexOf('项目名称') + 1).protection?.locked).not.toBe(false);

      const rules = workbook.getWorksheet('说明')!;
      const text = (rules.getColumn(1).values as unknown[]).join('\n');
      expect(text).toContain('只能修改绿色表头的列：「当前预计日期」、「实际完成日期」、「更新说明」');
      expect(text).toContain('该里程碑已被他人更新，请重新下载模板');
      expect(text).toContain('2026-01-01 至 2035-12-31');
    });

    it('a reviewer gets every unit (or one unit, or one project) and may change the baseline, not the forecast', async () => {
      const all = await template('reviewer').expect(200);
      const open = await t.db.query(`SELECT count(*)::int AS n FROM milestone WHERE status = 'pending'`);
      expect(all.headers['x-total-count']).toBe(String(open.rows[0].n));
      // The whole district's template must itself fit under the upload limit.
      expect((all.body as Buffer).length).toBeLessThan(2 * 1024 * 1024);
      // … and reads back as it was written: every row unchanged, no date shifted by a time zone.
      const roundTrip = await upload('reviewer', all.body).expect(200);
      expect(roundTrip.body).toMatchObject({ applied: true, summary: { total: open.rows[0].n, unchanged: open.rows[0].n } });
      expect(decodeURIComponent(all.headers['content-disposition'].split("UTF-8''")[1])).toBe(`里程碑更新模板-全部单位-${today()}.xlsx`);
      const sheet = (await loadWorkbook(all.body)).getWorksheet('里程碑更新')!;
      expect(sheet.getRow(2).getCell(TEMPLATE_HEADER.indexOf('基准日期') + 1).protection).toMatchObject({ locked: false });
      expect(sheet.getRow(2).getCell(TEMPLATE_HEADER.indexOf('当前预计日期') + 1).protection?.locked).not.toBe(false);

      const ofUnit = await templateRows(await download('reviewer', { unitId: transportUnitId }));
      const owners = await templateRows(await download('owner_transport'));
      expect(ofUnit.map((row) => row['里程碑ID'])).toEqual(owners.map((row) => row['里程碑ID']));

      const projectId = (await t.db.query(`SELECT project_id FROM milestone WHERE id = $1`, [owners[0]['里程碑ID']])).rows[0].project_id;
      const ofProject = await template('admin', { projectId }).expect(200);
      expect(decodeURIComponent(ofProject.headers['content-disposition'].split("UTF-8''")[1])).toBe(`里程碑更新模板-区交通局-${today()}.xlsx`);
      expect((await templateRows(ofProject.body)).every((row) => row['项目编号'] === owners[0]['项目编号'])).toBe(true);
    });

    it('an owner cannot ask for another unit’s template (403); a bad filter is 400 naming it; without a token 401', async () => {
      const water = (await t.db.query(`SELECT id FROM unit WHERE code = 'water'`)).rows[0].id;
      const refusal = (user: string, query: Record<string, string>) => t.as(user).get('/api/milestones/import-template.xlsx').query(query);
      const refused = await refusal('owner_transport', { unitId: water }).expect(403);
      expect(refused.body.code).toBe('outside_unit');
      const bad = await refusal('reviewer', { unitId: 'transport' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['unitId']);
      const anonymous = await t.http.get('/api/milestones/import-template.xlsx').expect(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('the import', () => {
    it('a dry run previews every row and changes nothing; the real import applies all, with audit rows, outbox events and new versions', async () => {
      const file = await download('owner_transport');
      const [a, second, c] = await rowsOfDistinctProjects(file, 3);
      const b = await plainRowBeside(file, second);
      const edited = await editTemplate(file, {
        [a['里程碑ID'] as string]: { 当前预计日期: '2028-03-15', 更新说明: '征地进度调整' },
        [b['里程碑ID'] as string]: { 实际完成日期: today() },
        [c['里程碑ID'] as string]: { 当前预计日期: '2029-09-30' },
      });
      // The same date written as text, as a user may type it into a cell Excel did not format.
      const asText = await editTemplate(edited, { [c['里程碑ID'] as string]: { 当前预计日期: '2029/9/30' } }, { asText: true });

      const before = await snapshot();
      const preview = await upload('owner_transport', asText, { dryRun: 'true' }).expect(200);
      expect(preview.body.applied).toBe(false);
      const total = (await templateRows(file)).length;
      expect(preview.body.summary).toEqual({ total, update: 3, unchanged: total - 3, error: 0 });
      const byId = new Map<string, ImportRow>(preview.body.rows.map((row: ImportRow) => [row.milestoneId, row]));
      expect(byId.get(a['里程碑ID'] as string)).toMatchObject({
        row: a.rowNumber,
        status: 'update',
        changes: [{ field: 'forecastDate', from: a['当前预计日期'], to: '2028-03-15' }],
        errors: [],
      });
      expect(byId.get(c['里程碑ID'] as string)?.changes).toEqual([{ field: 'forecastDate', from: c['当前预计日期'], to: '2029-09-30' }]);
      expect(await snapshot()).toEqual(before);

      const applied = await upload('owner_transport', asText).expect(200);
      expect(applied.body).toMatchObject({ applied: true, summary: { update: 3, error: 0 } });
      const { rows } = await t.db.query(
        `SELECT id, forecast_date::text AS forecast, actual_date::text AS actual, status, version FROM milestone WHERE id = ANY($1)`,
        [[a, b, c].map((row) => row['里程碑ID'])],
      );
      const now = new Map(rows.map((row) => [row.id, row]));
      expect(now.get(a['里程碑ID'])).toMatchObject({ forecast: '2028-03-15', version: (a['版本号'] as number) + 1 });
      expect(now.get(b['里程碑ID'])).toMatchObject({ actual: today(), status: 'done', version: (b['版本号'] as number) + 1 });
      expect(now.get(c['里程碑ID'])).toMatchObject({ forecast: '2029-09-30', version: (c['版本号'] as number) + 1 });

      const audits = await t.db.query(`SELECT entity_id, action, actor_name, comment, after FROM audit_event WHERE entity_id = ANY($1)`, [
        [a, b, c].map((row) => row['里程碑ID']),
      ]);
      expect(audits.rows).toHaveLength(3);
      expect(audits.rows.every((row) => row.action === 'milestone.updated' && row.actor_name)).toBe(true);
      expect(audits.rows.find((row) => row.entity_id === a['里程碑ID'])).toMatchObject({ comment: '征地进度调整', after: { forecastDate: '2028-03-15' } });
      const events = await t.db.query(
        `SELECT payload->>'milestoneId' AS id FROM outbox_event WHERE name = 'milestone.updated' AND payload->>'milestoneId' = ANY($1)`,
        [[a, b, c].map((row) => row['里程碑ID'])],
      );
      expect(events.rows.map((row) => row.id).sort()).toEqual([a, b, c].map((row) => row['里程碑ID']).sort());
      // The status light is refreshed in the same transaction: 2028-03-15 is far behind a's baseline.
      const project = await t.db.query(`SELECT p.rag, p.rag_reasons FROM project p JOIN milestone m ON m.project_id = p.id WHERE m.id = $1`, [a['里程碑ID']]);
      expect(project.rows[0].rag).not.toBe('green');
      expect(project.rows[0].rag_reasons).toContainEqual(
        expect.objectContaining({ code: 'forecast_slip', days: diffDays('2028-03-15', a['基准日期'] as string) }),
      );
      const after = await snapshot();
      expect(after.audits - before.audits).toBe(3);
      expect(after.events - before.events).toBe(3);

      // The same file again: the rows now match the database, so nothing is applied twice.
      const again = await upload('owner_transport', asText).expect(200);
      expect(again.body.summary).toMatchObject({ update: 0, error: 0 });
      expect((await snapshot()).audits).toBe(after.audits);
    });

    it('one bad row among good ones: 422 problem+json naming that row and field, and the database unchanged', async () => {
      const file = await download('owner_transport');
      const [good1, second, good2] = await rowsOfDistinctProjects(file, 3);
      const bad = await plainRowBeside(file, second);
      const edited = await editTemplate(file, {
        [good1['里程碑ID'] as string]: { 当前预计日期: '2028-05-01' },
        [bad['里程碑ID'] as string]: { 实际完成日期: addDays(today(), 3) },
        [good2['里程碑ID'] as string]: { 当前预计日期: '2028-06-01' },
      });
      const before = await snapshot();
      const res = await upload('owner_transport', edited).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'import_rows_invalid', applied: false, summary: { update: 2, error: 1 } });
      expect(res.body.detail).toContain('未导入任何数据');
      expect(res.body.errors).toEqual([
        { field: `rows[${bad.rowNumber}].actualDate`, message: expect.stringContaining(`第 ${bad.rowNumber} 行：实际完成日期 不能晚于今天`) },
      ]);
      const row = res.body.rows.find((r: ImportRow) => r.row === bad.rowNumber);
      expect(row).toMatchObject({ milestoneId: bad['里程碑ID'], status: 'error', errors: [{ field: 'actualDate' }] });
      expect(await snapshot()).toEqual(before);
    });

    it('reports every kind of bad row at once: not a date, out of range, before the project began, duplicates, an unknown milestone; blank rows are ignored', async () => {
      const file = await download('owner_transport');
      const rows = await templateRows(file);
      const [text, range, early, dup, blank] = rows;
      const edited = await editTemplate(
        file,
        {
          [text['里程碑ID'] as string]: { 当前预计日期: '明年六月' },
          [range['里程碑ID'] as string]: { 当前预计日期: '2062-06-30' },
          [early['里程碑ID'] as string]: { 当前预计日期: '2026-01-05' },
          [blank['里程碑ID'] as string]: Object.fromEntries(TEMPLATE_HEADER.map((name) => [name, null])),
        },
        {
          extraRows: [
            { 里程碑ID: dup['里程碑ID'], 版本号: dup['版本号'], 基准日期: dup['基准日期'], 当前预计日期: '2028-01-01' },
            { 里程碑ID: '00000000-0000-4000-8000-000000000000', 版本号: 1, 当前预计日期: '2028-01-01' },
          ],
        },
      );
      const before = await snapshot();
      const res = await upload('owner_transport', edited, { dryRun: 'true' }).expect(422);
      const byRow = new Map<number, ImportRow>(res.body.rows.map((row: ImportRow) => [row.row, row]));
      const fieldsOf = (n: number) => byRow.get(n)?.errors.map((e) => e.field);
      expect(fieldsOf(text.rowNumber)).toEqual(['forecastDate']);
      expect(byRow.get(text.rowNumber)?.errors[0].message).toBe('当前预计日期「明年六月」不是有效日期，请填写如 2027-06-30 的日期');
      expect(fieldsOf(range.rowNumber)).toEqual(['forecastDate']);
      expect(byRow.get(range.rowNumber)?.errors[0].message).toContain('2026-01-01 至 2035-12-31');
      expect(fieldsOf(early.rowNumber)).toEqual(['forecastDate']);
      expect(byRow.get(early.rowNumber)?.errors[0].message).toMatch(/^当前预计日期 不能早于项目创建日期/);
      expect(byRow.has(blank.rowNumber)).toBe(false);
      const duplicates = res.body.rows.filter((row: ImportRow) => row.milestoneId === dup['里程碑ID']);
      expect(duplicates).toHaveLength(2);
      for (const row of duplicates) expect(row.errors[0]).toMatchObject({ field: 'milestoneId', message: expect.stringContaining('同一里程碑出现在多行') });
      const unknown = res.body.rows.find((row: ImportRow) => row.milestoneId === '00000000-0000-4000-8000-000000000000');
      expect(unknown.errors).toEqual([{ field: 'milestoneId', message: expect.stringContaining('找不到该里程碑') }]);
      expect(res.body.summary).toMatchObject({ total: rows.length - 1 + 2, error: 6 });
      expect(await snapshot()).toEqual(before);
    });

    it('an approval’s actual date is locked in the template and refused as a row error pointing to 前期手续; its forecast still imports', async () => {
      const file = await download('owner_transport');
      const approvals = await approvalIds();
      const [approval] = (await templateRows(file)).filter((row) => approvals.has(row['里程碑ID'] as string));
      const sheet = (await loadWorkbook(file)).getWorksheet('里程碑更新')!;
      const cell = sheet.getRow(approval.rowNumber as number).getCell(TEMPLATE_HEADER.indexOf('实际完成日期') + 1);
      expect(cell.protection?.locked).not.toBe(false);
      expect(String(cell.note)).toContain('前期手续');
      const id = approval['里程碑ID'] as string;
      const before = await snapshot();
      const res = await upload('owner_transport', await editTemplate(file, { [id]: { 实际完成日期: today() } })).expect(422);
      expect(res.body.rows.find((r: ImportRow) => r.milestoneId === id).errors).toEqual([
        { field: 'actualDate', message: expect.stringMatching(/前期手续.*批复文号/) },
      ]);
      expect(await snapshot()).toEqual(before);
      await upload('owner_transport', await editTemplate(file, { [id]: { 当前预计日期: '2028-07-07' } })).expect(200);
      expect((await t.db.query(`SELECT forecast_date::text AS f FROM milestone WHERE id = $1`, [id])).rows[0].f).toBe('2028-07-07');
    });

    it('a row changed by someone else since the download: "该里程碑已被他人更新，请重新下载模板", nothing applied', async () => {
      const file = await download('owner_transport');
      const [mine, theirs] = await rowsOfDistinctProjects(file, 2);
      await t.as('owner_transport').patch(`/api/milestones/${theirs['里程碑ID']}`).send({ version: theirs['版本号'], forecastDate: '2027-11-11' }).expect(200);
      const edited = await editTemplate(file, {
        [mine['里程碑ID'] as string]: { 当前预计日期: '2028-02-02' },
        [theirs['里程碑ID'] as string]: { 当前预计日期: '2028-03-03' },
      });
      const before = await snapshot();
      const res = await upload('owner_transport', edited).expect(422);
      const row = res.body.rows.find((r: ImportRow) => r.milestoneId === theirs['里程碑ID']);
      expect(row.errors).toEqual([{ field: 'version', message: '该里程碑已被他人更新，请重新下载模板' }]);
      expect(res.body.rows.find((r: ImportRow) => r.milestoneId === mine['里程碑ID']).status).toBe('update');
      expect(await snapshot()).toEqual(before);
    });

    it('another unit’s rows are per-row errors, not a 403 of the whole file', async () => {
      const file = await download('owner_transport');
      const [row] = await templateRows(file);
      const edited = await editTemplate(file, { [row['里程碑ID'] as string]: { 当前预计日期: '2028-04-04' } });
      const before = await snapshot();
      const res = await upload('owner_water', edited).expect(422);
      expect(res.body.summary.error).toBe(res.body.summary.total);
      expect(res.body.rows[0]).toMatchObject({
        row: row.rowNumber,
        status: 'error',
        errors: [{ field: 'milestoneId', message: expect.stringContaining('不属于您的单位') }],
      });
      expect(await snapshot()).toEqual(before);
    });

    it('a reviewer re-baselines through the import only with a reason, as with PATCH; an owner’s baseline change is refused', async () => {
      const file = await download('reviewer', { unitId: transportUnitId });
      const [row] = await templateRows(file);
      const id = row['里程碑ID'] as string;
      const noReason = await upload('reviewer', await editTemplate(file, { [id]: { 基准日期: '2029-12-31' } })).expect(422);
      expect(noReason.body.rows.find((r: ImportRow) => r.milestoneId === id).errors).toEqual([{ field: 'comment', message: '调整基线须说明原因（更新说明）' }]);
      const byOwner = await upload('owner_transport', await editTemplate(file, { [id]: { 基准日期: '2029-12-31', 更新说明: '工期顺延' } })).expect(422);
      expect(byOwner.body.rows.find((r: ImportRow) => r.milestoneId === id).errors[0]).toMatchObject({
        field: 'baselineDate',
        message: expect.stringContaining('审核人'),
      });

      await upload('reviewer', await editTemplate(file, { [id]: { 基准日期: '2029-12-31', 更新说明: '工期顺延' } })).expect(200);
      const audit = await t.db.query(`SELECT action, comment FROM audit_event WHERE entity_id = $1`, [id]);
      expect(audit.rows).toContainEqual({ action: 'milestone.rebaselined', comment: '工期顺延' });
    });

    it('a failure in the middle of applying rolls every row back', async () => {
      const file = await download('owner_transport');
      const [first, middle, last] = await rowsOfDistinctProjects(file, 3);
      // A trigger in the suite's schema makes the second update fail after the first was written.
      await t.db.query(`CREATE FUNCTION refuse_marked_date() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.forecast_date = DATE '2034-04-04' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
      await t.db.query(`CREATE TRIGGER refuse_marked_date BEFORE UPDATE ON milestone FOR EACH ROW EXECUTE FUNCTION refuse_marked_date()`);
      try {
        const edited = await editTemplate(file, {
          [first['里程碑ID'] as string]: { 当前预计日期: '2030-01-01' },
          [middle['里程碑ID'] as string]: { 当前预计日期: '2034-04-04' },
          [last['里程碑ID'] as string]: { 当前预计日期: '2030-02-02' },
        });
        const before = await snapshot();
        await upload('owner_transport', edited).expect(500);
        expect(await snapshot()).toEqual(before);
      } finally {
        await t.db.query(`DROP TRIGGER refuse_marked_date ON milestone; DROP FUNCTION refuse_marked_date()`);
      }
    });

    it('refuses what is not an .xlsx template, naming the field `file`: wrong type, too large, missing, not a template', async () => {
      const csv = await upload('owner_transport', Buffer.from('项目编号,里程碑\n'), {}, 'milestones.csv').expect(400);
      expect(csv.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(csv.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('.xlsx') }]);
      const renamed = await upload('owner_transport', Buffer.from('not a workbook'), {}, 'milestones.xlsx').expect(400);
      expect(renamed.body.errors[0].field).toBe('file');
      const huge = Buffer.concat([Buffer.from('PK'), Buffer.alloc(2 * 1024 * 1024)]);
      const tooLarge = await upload('owner_transport', huge).expect(413);
      expect(tooLarge.body.errors).toEqual([{ field: 'file', message: '文件不能超过 2 MB' }]);
      const missing = await t.as('owner_transport').post('/api/milestones/import').send({}).expect(400);
      expect(missing.body.errors[0].field).toBe('file');
      const ledger = await t.as('owner_transport').get('/api/projects/export.xlsx').buffer(true).parse(binary).expect(200);
      const notTemplate = await upload('owner_transport', ledger.body).expect(400);
      expect(notTemplate.body.errors).toEqual([{ field: 'file', message: expect.stringContaining('请使用本系统下载的里程碑更新模板') }]);
    });

    it('without a token: 401, and nothing read', async () => {
      const res = await t.http.post('/api/milestones/import').attach('file', Buffer.from('PK'), 'x.xlsx').expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });
});
