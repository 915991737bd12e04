/**
 * GET /api/projects with filters and a pinyin/Chinese `q` on a catalog inflated to 100,000 projects (a test
 * fixture: the 300 real projects copied with varied names, sectors, units, stages and columns; see
 * support/fixture.ts), against a bare node:http server running the same SQL through a `pg` Pool, in the same run.
 *
 * The SQL is the same by construction: the bare server calls ProjectReadRepository.list itself, with a
 * three-line adapter that hands its `query(sql, params)` to a `pg` Pool instead of TypeORM. So the ratio
 * shows what the API's request handling costs on top (Express, pino-http, the global guards — JWT check and
 * the user's row read afresh —, the validation pipe, Nest's routing and serialisation), not SQL differences.
 * Both servers answer with the same JSON body; that is checked for every query of the mix before measuring.
 *
 * Two comparisons: under the harness's usual load (BENCH_CONCURRENCY clients, 20 by default), and with one
 * client at a time (BENCH_CATALOG_LIGHT_CONCURRENCY, 1; rounds of at most 3 s), where the latencies are service
 * times without queueing:
 * with 20 closed-loop clients latency is bound to be about 20 / throughput, so the p99 aim (< 50 ms) is judged
 * on both.
 *
 * Settings: BENCH_CATALOG_PROJECTS (100000) projects in the fixture; BENCH_CATALOG_LIGHT_CONCURRENCY (1; 0 skips
 * the light-load comparison); the usual BENCH_* load settings.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { businessDay, DEFAULT_INVESTMENT_LIGHT_RULES, figuresMonthOf } from '@qj/domain';
import { ALL_UNITS, ProjectListFilter, ProjectReadRepository, ProjectSort } from '@qj/persistence';
import { bootBenchApi } from './support/api';
import { registerCleanup } from './support/cleanup';
import { compareThroughput, Target } from './support/compare';
import { inflateCatalog, schemaClient, verifySearchText } from './support/fixture';
import { censusBurst } from './support/pg-census';
import type { ScenarioStep } from './support/scenario';
import type { BenchContext, BenchResult } from './support/types';

const TIME_ZONE = 'Asia/Shanghai';

/** The query mix: each client goes round these, default sort (plan order). */
export const CATALOG_MIX: Array<{ label: string; query: Record<string, string> }> = [
  { label: 'sector+yggt', query: { sector: 'transport', q: 'yggt' } },
  { label: 'chapter+渝贵', query: { chapter: '15', q: '渝贵' } },
  { label: 'gaotie+study', query: { q: 'gaotie', stage: 'study', pageSize: '50' } },
];

const pathOf = (query: Record<string, string>) => `/api/projects?${new URLSearchParams(query).toString()}`;

/** The list filter from a query string, as ListProjectsQueryDto would give it for valid input (no validation here). */
function filterOf(search: URLSearchParams): ProjectListFilter {
  const int = (name: string) => (search.has(name) ? Number(search.get(name)) : undefined);
  const text = (name: string) => search.get(name) ?? undefined;
  const sort = text('sort') ?? 'plan';
  const overdue = text('overdue');
  return {
    part: int('part'),
    chapter: int('chapter'),
    column: int('column'),
    sector: text('sector'),
    stage: text('stage'),
    target: text('target'),
    unit: text('unit'),
    q: text('q'),
    rag: text('rag'),
    overdue: overdue === undefined ? undefined : overdue === 'true',
    day: businessDay(TIME_ZONE),
    sort: sort.replace(/^-/, '') as ProjectSort,
    descending: sort.startsWith('-'),
    page: int('page') ?? 1,
    pageSize: int('pageSize') ?? 20,
    figures: { ...figuresMonthOf(businessDay(TIME_ZONE).today), rules: DEFAULT_INVESTMENT_LIGHT_RULES, scope: ALL_UNITS },
  };
}

/** A pg Pool dressed as the one DataSource method ProjectReadRepository.list uses. */
function poolAsDataSource(pool: Pool): DataSource {
  return { query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params as unknown[])).rows } as unknown as DataSource;
}

/** The baseline: node:http + pg Pool (20, like the API's DataSource) + the repository's own SQL; JSON out. */
async function startBareServer(databaseUrl: string, schema: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 20, options: `-c search_path=${schema}` });
  pool.on('error', () => undefined);
  const projects = new ProjectReadRepository(poolAsDataSource(pool));
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/api/projects') {
      res.writeHead(404).end();
      return;
    }
    const filter = filterOf(url.searchParams);
    projects.list(filter).then(
      (result) => {
        const body = JSON.stringify({ ...result, page: filter.page, pageSize: filter.pageSize });
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      () => res.writeHead(500, { 'content-type': 'application/json' }).end('{"status":500}'),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = registerCleanup(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pool.end();
  });
  return { url: `http://127.0.0.1:${port}`, close };
}

/** Both servers must give the same answer to every query of the mix (and a non-trivial one), or the ratio means nothing. */
async function assertSameAnswers(apiUrl: string, bareUrl: string, token: string, log: (message: string) => void): Promise<void> {
  for (const { label, query } of CATALOG_MIX) {
    const [api, bare] = await Promise.all(
      [apiUrl, bareUrl].map(async (origin) => {
        const res = await fetch(`${origin}${pathOf(query)}`, { headers: { authorization: `Bearer ${token}` } });
        return { status: res.status, body: (await res.json().catch(() => undefined)) as { items?: unknown[]; total?: number } | undefined };
      }),
    );
    if (api.status !== 200 || bare.status !== 200) throw new Error(`${label}: api ${api.status}, bare ${bare.status}`);
    if (!api.body?.items?.length) throw new Error(`${label}: the API found nothing (${JSON.stringify(api.body)}); the fixture should match`);
    if (!isDeepStrictEqual(api.body, bare.body)) throw new Error(`${label}: the API and the bare server answer differently`);
    log(`catalog: ${label} → total ${api.body.total}, ${api.body.items.length} on the page (same on both sides)`);
  }
}

/** EXPLAIN ANALYZE of each query of the mix, as the repository writes it: where the database's share of the time goes. */
async function explainMix(pool: Pool, log: (message: string) => void): Promise<Record<string, { executionMs: number; plan: string[] }>> {
  const explained: Record<string, { executionMs: number; plan: string[] }> = {};
  for (const { label, query } of CATALOG_MIX) {
    const statements: Array<[string, unknown[]]> = [];
    const capture = { query: async (sql: string, params: unknown[]) => (statements.push([sql, params]), []) } as unknown as DataSource;
    const filter = filterOf(new URLSearchParams(query));
    await new ProjectReadRepository(capture).list(filter);
    const [sql, params] = statements[0];
    const { rows } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    const plan = rows.map((row: Record<string, string>) => row['QUERY PLAN']);
    const executionMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1]);
    const scans = plan.filter((line) => /Scan|Filter:|Rows Removed/.test(line)).map((line) => line.trim());
    log(`catalog: EXPLAIN ANALYZE ${label}: ${executionMs.toFixed(1)} ms; ${scans.join(' | ')}`);
    explained[label] = { executionMs, plan };
  }
  return explained;
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  const total = Number(process.env.BENCH_CATALOG_PROJECTS || 100_000);
  ctx.log(`catalog: PostgreSQL ${services.postgresVersion}; booting the API on a schema of its own`);
  const api = await bootBenchApi({ demoAccounts: true });
  try {
    const schema = api.env.DATABASE_SCHEMA;
    const db = await schemaClient(services.databaseUrl, schema);
    try {
      const inflated = await inflateCatalog(db, { total, milestones: false });
      await verifySearchText(db);
      ctx.log(`catalog: fixture ${inflated.projects} projects in ${(inflated.ms / 1000).toFixed(1)} s (ANALYZEd)`);
    } finally {
      await db.end();
    }
    const bare = await startBareServer(services.databaseUrl, schema);
    try {
      const token = await api.token('reviewer');
      await assertSameAnswers(api.url, bare.url, token, ctx.log);
      const explainPool = new Pool({ connectionString: services.databaseUrl, max: 1, options: `-c search_path=${schema}` });
      const explained = await explainMix(explainPool, ctx.log).finally(() => explainPool.end());

      const steps: ScenarioStep[] = CATALOG_MIX.map(({ label, query }) => ({ label, method: 'GET', path: pathOf(query) }));
      const scenario = { module: join(__dirname, 'support/scenarios/rotate'), data: { steps } };
      const headers = { authorization: `Bearer ${token}` };
      const subject: Target = { label: 'api', url: api.url, request: { headers, scenario } };
      const baseline: Target = { label: 'bare', url: bare.url, request: { headers, scenario } };
      const description =
        `GET /api/projects, mix of ${CATALOG_MIX.map((m) => pathOf(m.query).replace('/api/projects', '')).join(' · ')} ` +
        `on ${total} projects: API vs bare node:http + pg running ProjectReadRepository.list's SQL`;
      const results: BenchResult[] = [];
      const main = await compareThroughput(ctx, { name: 'catalog', description, subject, baseline });
      // Diagnosis, after the measured rounds: statements each side sends per request (a short burst each, counted).
      const statements = { api: await censusBurst(ctx, subject, 1000), bare: await censusBurst(ctx, baseline, 1000) };
      ctx.log(
        `catalog: SQL statements per request: api ${statements.api.perRequest.toFixed(2)}, bare ${statements.bare.perRequest.toFixed(2)}; ` +
          `api's: ${statements.api.byShape.map((s) => `${(s.count / statements.api.requests).toFixed(2)}× ${s.shape.slice(0, 48)}`).join(' | ')}`,
      );
      const extra = { fixture: { projects: total }, explain: explained, statements };
      results.push({ ...main, extra });
      const light = Number(process.env.BENCH_CATALOG_LIGHT_CONCURRENCY ?? 1);
      if (light > 0) {
        // Rounds of at most 3 s here, so that the whole file stays well inside run.ts's 120 s per benchmark file.
        const lightCtx: BenchContext = { ...ctx, settings: { ...ctx.settings, concurrency: light, durationMs: Math.min(ctx.settings.durationMs, 3000) } };
        const name = `catalog-${light}client${light === 1 ? '' : 's'}`;
        ctx.log(`catalog: the same with ${light} client${light === 1 ? '' : 's'} (service times without queueing)`);
        results.push({ ...(await compareThroughput(lightCtx, { name, description: `${description}; ${light} client(s)`, subject, baseline })), extra });
      }
      return results;
    } finally {
      await bare.close();
    }
  } finally {
    await api.close();
  }
}
