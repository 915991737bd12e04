import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateDatabase } from '@qj/persistence';

const url = () => process.env.TEST_DATABASE_URL as string;

describe('migrations', () => {
  const schema = `t_${randomBytes(5).toString('hex')}`;
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: url() });
    await db.connect();
  });
  afterAll(async () => {
    await db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db.end();
  });

  it('two processes starting together apply each migration exactly once (advisory lock)', async () => {
    const results = await Promise.all([migrateDatabase({ url: url(), schema }), migrateDatabase({ url: url(), schema })]);
    const applied = results.flat();
    const { rows } = await db.query(`SELECT name FROM "${schema}".migrations ORDER BY id`);
    expect(rows.length).toBeGreaterThan(0);
    expect(applied.sort()).toEqual(rows.map((row) => row.name).sort());
    // A later start finds nothing to do.
    expect(await migrateDatabase({ url: url(), schema })).toEqual([]);
  });

  it('the entities and the migrations agree: generating a migration would produce nothing', async () => {
    const dataSource = new DataSource(dataSourceOptions({ url: url(), schema }));
    await dataSource.initialize();
    try {
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('every migration can be reverted and applied again', async () => {
    const dataSource = new DataSource(dataSourceOptions({ url: url(), schema }));
    await dataSource.initialize();
    try {
      const count = dataSource.migrations.length;
      for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM "${schema}".migrations`);
      expect(rows[0].n).toBe(0);
      expect((await dataSource.runMigrations({ transaction: 'each' })).length).toBe(count);
    } finally {
      await dataSource.destroy();
    }
  });
});
