import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '@qj/catalog';
import { isoWeekOf, todayIn } from '@qj/domain';
import { dataSourceOptions, importCatalog } from '@qj/persistence';
import { DataSource } from 'typeorm';
import { bootTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

/** `npm run catalog:import` as a user runs it, against the suite's schema. */
function catalogImport(t: TestApp, ...args: string[]) {
  return run('npm', ['run', '--silent', 'catalog:import', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: t.env.DATABASE_URL, DATABASE_SCHEMA: t.env.DATABASE_SCHEMA },
  });
}

async function snapshot(t: TestApp) {
  const { rows } = await t.db.query(
    `SELECT (SELECT json_agg(p ORDER BY catalog_key) FROM project p) AS projects,
            (SELECT json_agg(s ORDER BY id) FROM project_source s) AS sources,
            (SELECT json_agg(u ORDER BY code) FROM unit u) AS units,
            (SELECT count(*) FROM plan_column_item) AS items`,
  );
  return rows[0];
}

describe('catalog import', () => {
  let t: TestApp;
  beforeAll(async () => (t = await bootTestApp()));
  afterAll(() => t.close());

  it('the first start imported the whole catalog', async () => {
    const catalog = loadCatalog();
    const { rows } = await t.db.query(`SELECT count(*)::int AS projects, (SELECT count(*)::int FROM project_source) AS sources FROM project`);
    expect(rows[0].projects).toBe(catalog.projects.length);
    expect(rows[0].sources).toBe(catalog.projects.reduce((sum, p) => sum + p.sources.length, 0));
  });

  it('the first start took this week’s roll-up snapshot, so the weekly trend has a starting point', async () => {
    const week = isoWeekOf(todayIn('Asia/Shanghai')).key;
    const { rows } = await t.db.query(`SELECT week, count(*)::int AS n FROM rollup_snapshot GROUP BY week`);
    const { rows: rollups } = await t.db.query(`SELECT count(*)::int AS n FROM rollup`);
    expect(rows).toEqual([{ week, n: rollups[0].n }]);
    const trend = await t.as('reviewer').get('/api/rollups/trend').expect(200);
    expect(trend.body.items).toHaveLength(1);
    expect(trend.body.items[0]).toMatchObject({ week, total: loadCatalog().projects.length });
  });

  it('`npm run catalog:import` a second time changes nothing', async () => {
    const before = await snapshot(t);
    const { stdout } = await catalogImport(t);
    expect(stdout).toMatch(/0 new, 0 updated, \d+ unchanged/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('re-import keeps what owners entered (stage, unit) and refreshes what the catalog owns', async () => {
    const { rows } = await t.db.query(`SELECT id FROM unit WHERE code = 'drc'`);
    await t.db.query(`UPDATE project SET stage = 'start', unit_id = $1, name = 'renamed by mistake' WHERE catalog_key = '渝贵高铁'`, [rows[0].id]);
    const dataSource = await new DataSource(dataSourceOptions({ url: t.env.DATABASE_URL, schema: t.env.DATABASE_SCHEMA })).initialize();
    try {
      const summary = await dataSource.transaction((manager) => importCatalog(manager, loadCatalog(), t.env.APP_TIMEZONE));
      expect(summary.projects).toMatchObject({ created: 0, updated: 1 });
    } finally {
      await dataSource.destroy();
    }
    const after = await t.db.query(`SELECT p.name, p.stage, u.code FROM project p JOIN unit u ON u.id = p.unit_id WHERE catalog_key = '渝贵高铁'`);
    expect(after.rows[0]).toEqual({ name: '渝贵高铁', stage: 'start', code: 'drc' });
  });

  it('a malformed catalog is refused naming file, record and field, and nothing is imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalog-'));
    cpSync(DEFAULT_CATALOG_DIR, dir, { recursive: true });
    const projects = JSON.parse(readFileSync(join(dir, 'projects.json'), 'utf8'));
    projects.push({ ...projects[0], key: 'new project', name: 'new project', sources: [{ ...projects[0].sources[0], clause: 'new project' }] });
    projects[3].sector = 'rail';
    writeFileSync(join(dir, 'projects.json'), JSON.stringify(projects));
    const before = await snapshot(t);
    const failure = await catalogImport(t, dir).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('projects.json');
    expect(failure?.stderr).toMatch(/record 3 .*field "sector"/);
    expect(await snapshot(t)).toEqual(before);
  });
});
