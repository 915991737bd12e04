/**
 * Workflow writes with 50 concurrent clients on 10,000 projects (a fixture: the 300 real projects and their
 * seeded milestones copied, see support/fixture.ts): milestone updates, transition requests and approvals
 * (the mix: support/scenarios/workflow-mix.ts — 50 % PATCH /api/milestones/:id, 25 % POST
 * /api/projects/:id/transition-requests, 25 % POST /api/transition-requests/:id/approve), against a bare
 * node:http server that answers the same requests, in the same run and on the same rows, with one bare `pg`
 * transaction each doing the same writes:
 *   milestone update: UPDATE milestone … WHERE id = $1 AND version = $2 · INSERT audit_event · INSERT outbox_event
 *   request:          INSERT transition_request (from the project's stage) · INSERT audit_event · INSERT outbox_event
 *   approval:         UPDATE transition_request … WHERE status = 'pending' (returning the project's version) ·
 *                     UPDATE project SET stage … WHERE id = $1 AND version = $2 · INSERT audit_event · INSERT outbox_event
 * (BEGIN and COMMIT around each). The baseline trusts the token's `sub` without checking it, checks no rule
 * and recomputes no status light: it is the floor any implementation of these writes pays.
 *
 * Every client works on projects of its own, so no two clients touch the same rows: each write should win
 * (no 409s). Both sides act on the same projects one after the other; the scenario's state (versions, stages,
 * pending requests) is read from the database before every burst. After the run, every milestone's version is
 * checked against its audit rows (one per successful update, on either side).
 *
 * Settings: BENCH_WORKFLOW_PROJECTS (10000), BENCH_WORKFLOW_CONCURRENCY (50); the usual BENCH_* otherwise.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Pool, PoolClient } from 'pg';
import { addDays, todayIn } from '@qj/domain';
import { UUID_PATTERN } from '@qj/http';
import { bootBenchApi } from './support/api';
import { registerCleanup } from './support/cleanup';
import { compareThroughput, Target } from './support/compare';
import { inflateCatalog, schemaClient } from './support/fixture';
import { censusBurst } from './support/pg-census';
import type { WorkflowMixData, WorkflowProject } from './support/scenarios/workflow-mix';
import type { BenchContext, BenchResult, LoadResult } from './support/types';

const TIME_ZONE = 'Asia/Shanghai';
const MILESTONE_PATH = new RegExp(`^/api/milestones/(${UUID_PATTERN})$`);
const REQUEST_PATH = new RegExp(`^/api/projects/(${UUID_PATTERN})/transition-requests$`);
const APPROVE_PATH = new RegExp(`^/api/transition-requests/(${UUID_PATTERN})/approve$`);

class Refused extends Error {
  constructor(readonly status: number) {
    super(`refused ${status}`);
  }
}

/** The token's subject and username, read without checking the signature (the baseline trusts its callers). */
function actorOf(req: http.IncomingMessage): { id: string; name: string } {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as { sub?: string; username?: string };
  if (!payload.sub) throw new Refused(401);
  return { id: payload.sub, name: payload.username ?? payload.sub };
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

async function inTransaction<T>(pool: Pool, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await pool.connect();
  try {
    await db.query('BEGIN');
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    db.release();
  }
}

const AUDIT = `INSERT INTO audit_event (project_id, entity_type, entity_id, action, actor_id, actor_name, before, after, comment)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;
const OUTBOX = `INSERT INTO outbox_event (name, aggregate_id, payload) VALUES ($1, $2, $3)`;

/** The baseline: node:http + pg Pool (20, like the API's DataSource); per request one bare transaction of the same writes. */
async function startBareServer(databaseUrl: string, schema: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 20, options: `-c search_path=${schema}` });
  pool.on('error', () => undefined);

  const updateMilestone = (id: string, body: Record<string, unknown>, actor: { id: string; name: string }) =>
    inTransaction(pool, async (db) => {
      const { rows } = await db.query(
        `UPDATE milestone SET forecast_date = $3, updated_by = $4, version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING id, project_id AS "projectId", forecast_date AS "forecastDate", version`,
        [id, body.version, body.forecastDate, actor.id],
      );
      const row = rows[0] as { projectId: string; forecastDate: string; version: number } | undefined;
      if (!row) throw new Refused(409);
      const before = { version: body.version };
      const after = { forecastDate: row.forecastDate, version: row.version };
      await db.query(AUDIT, [row.projectId, 'milestone', id, 'milestone.updated', actor.id, actor.name, before, after, null]);
      await db.query(OUTBOX, ['milestone.updated', row.projectId, { milestoneId: id, projectId: row.projectId, before, after, actorId: actor.id }]);
      return { status: 200, body: row };
    });

  const requestTransition = (projectId: string, body: Record<string, unknown>, actor: { id: string; name: string }) =>
    inTransaction(pool, async (db) => {
      const { rows } = await db.query(
        `INSERT INTO transition_request (project_id, transition_id, workflow_version, from_stage, to_stage, reason, comment, requested_by)
         SELECT id, $2, 2, stage, $3, $4, $5, $6 FROM project WHERE id = $1 RETURNING id, from_stage AS "fromStage", to_stage AS "toStage"`,
        [projectId, body.to === 'on_hold' ? 'hold' : 'resume', body.to, body.reason ?? null, body.comment ?? null, actor.id],
      );
      const row = rows[0] as { id: string; fromStage: string; toStage: string } | undefined;
      if (!row) throw new Refused(404);
      const after = { to: row.toStage, reason: body.reason ?? null };
      await db.query(AUDIT, [projectId, 'transition_request', row.id, 'transition.requested', actor.id, actor.name, null, after, body.comment ?? null]);
      await db.query(OUTBOX, ['project.transition_requested', projectId, { requestId: row.id, from: row.fromStage, to: row.toStage, actorId: actor.id }]);
      return { status: 201, body: { ...row, status: 'pending' } };
    });

  const approve = (requestId: string, body: Record<string, unknown>, actor: { id: string; name: string }) =>
    inTransaction(pool, async (db) => {
      const decided = await db.query(
        `UPDATE transition_request r SET status = 'approved', decided_by = $2, decided_at = now(), decision_comment = $3
         FROM project p WHERE r.id = $1 AND r.status = 'pending' AND p.id = r.project_id
         RETURNING r.project_id AS "projectId", r.to_stage AS "toStage", p.stage, p.version`,
        [requestId, actor.id, body.comment ?? null],
      );
      const request = decided.rows[0] as { projectId: string; toStage: string; stage: string; version: number } | undefined;
      if (!request) throw new Refused(409);
      const moved = await db.query(
        `UPDATE project SET stage = $3, previous_stage = CASE WHEN $3 = 'on_hold' THEN stage END, version = version + 1,
                updated_at = now(), last_activity_at = now()
         WHERE id = $1 AND version = $2 RETURNING version`,
        [request.projectId, request.version, request.toStage],
      );
      if (!moved.rows.length) throw new Refused(409);
      const before = { stage: request.stage, version: request.version };
      const after = { stage: request.toStage, version: moved.rows[0].version, requestId };
      await db.query(AUDIT, [
        request.projectId,
        'project',
        request.projectId,
        'transition.approved',
        actor.id,
        actor.name,
        before,
        after,
        body.comment ?? null,
      ]);
      await db.query(OUTBOX, ['project.stage_changed', request.projectId, { requestId, before, after, actorId: actor.id }]);
      return { status: 200, body: { id: requestId, status: 'approved' } };
    });

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    let match: RegExpExecArray | null;
    let handle: ((actor: { id: string; name: string }, body: Record<string, unknown>) => Promise<{ status: number; body: unknown }>) | undefined;
    if (req.method === 'PATCH' && (match = MILESTONE_PATH.exec(path))) handle = (actor, body) => updateMilestone(match![1], body, actor);
    else if (req.method === 'POST' && (match = REQUEST_PATH.exec(path))) handle = (actor, body) => requestTransition(match![1], body, actor);
    else if (req.method === 'POST' && (match = APPROVE_PATH.exec(path))) handle = (actor, body) => approve(match![1], body, actor);
    if (!handle) {
      req.resume();
      res.writeHead(404).end();
      return;
    }
    const run = handle;
    readJson(req)
      .then((body) => run(actorOf(req), body))
      .then(
        ({ status, body }) => {
          const text = JSON.stringify(body);
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
        },
        (error: unknown) => {
          const status = error instanceof Refused ? error.status : 500;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status, detail: String(error) }));
        },
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

interface Selection {
  /** The projects in play, in plan order, each with its owner and two milestone ids. */
  projects: Array<{ id: string; owner: string; milestoneIds: string[] }>;
}

/** The projects the clients work on: every project not in a terminal stage, with its first two milestones. */
async function selectProjects(pool: Pool): Promise<Selection> {
  const { rows } = await pool.query<{ id: string; unit_code: string; milestone_ids: string[] }>(
    `SELECT p.id, u.code AS unit_code,
            ARRAY(SELECT m.id FROM milestone m WHERE m.project_id = p.id ORDER BY m.sort_order LIMIT 2)::text[] AS milestone_ids
     FROM project p JOIN unit u ON u.id = p.unit_id
     WHERE p.stage IN ('study', 'start', 'on_hold')
     ORDER BY p.plan_order`,
  );
  return {
    projects: rows
      .filter((row) => row.milestone_ids.length)
      .map((row) => ({ id: row.id, owner: `owner_${row.unit_code}`.toLowerCase(), milestoneIds: row.milestone_ids })),
  };
}

/** The clients' starting state, read now: each milestone's version, each project's stage and pending request. */
async function currentState(pool: Pool, selection: Selection, concurrency: number): Promise<WorkflowProject[][]> {
  const ids = selection.projects.map((p) => p.id);
  const [projects, milestones] = await Promise.all([
    pool.query<{ id: string; stage: string; previous_stage: string | null; pending: string | null }>(
      `SELECT p.id, p.stage, p.previous_stage,
              (SELECT r.id FROM transition_request r WHERE r.project_id = p.id AND r.status = 'pending') AS pending
       FROM project p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    ),
    pool.query<{ id: string; version: number }>(`SELECT id, version FROM milestone WHERE project_id = ANY($1::uuid[])`, [ids]),
  ]);
  const projectRow = new Map(projects.rows.map((row) => [row.id, row]));
  const version = new Map(milestones.rows.map((row) => [row.id, row.version]));
  const clients: WorkflowProject[][] = Array.from({ length: concurrency }, () => []);
  selection.projects.forEach((project, i) => {
    const row = projectRow.get(project.id)!;
    clients[i % concurrency].push({
      id: project.id,
      owner: project.owner,
      stage: row.stage,
      previousStage: row.previous_stage,
      pendingRequestId: row.pending,
      milestones: project.milestoneIds.map((id) => ({ id, version: version.get(id)! })),
    });
  });
  return clients;
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const services = await ctx.services();
  const total = Number(process.env.BENCH_WORKFLOW_PROJECTS || 10_000);
  const concurrency = Number(process.env.BENCH_WORKFLOW_CONCURRENCY || 50);
  const runCtx: BenchContext = { ...ctx, settings: { ...ctx.settings, concurrency } };
  ctx.log(`workflow: PostgreSQL ${services.postgresVersion}; booting the API on a schema of its own`);
  const api = await bootBenchApi({ demoAccounts: true });
  try {
    const schema = api.env.DATABASE_SCHEMA;
    const db = await schemaClient(services.databaseUrl, schema);
    try {
      const inflated = await inflateCatalog(db, { total, milestones: true });
      ctx.log(`workflow: fixture ${inflated.projects} projects, ${inflated.milestones} milestones in ${(inflated.ms / 1000).toFixed(1)} s (ANALYZEd)`);
    } finally {
      await db.end();
    }
    const pool = new Pool({ connectionString: services.databaseUrl, max: 2, options: `-c search_path=${schema}` });
    const bare = await startBareServer(services.databaseUrl, schema);
    try {
      const selection = await selectProjects(pool);
      const owners = [...new Set(selection.projects.map((p) => p.owner))];
      const tokens: Record<string, string> = {};
      for (const username of ['reviewer', ...owners]) tokens[username] = await api.token(username);
      ctx.log(
        `workflow: ${selection.projects.length} projects in play (not complete or cancelled), ${concurrency} clients, ${owners.length} owner accounts + reviewer`,
      );

      const forecastFrom = addDays(todayIn(TIME_ZONE), 30);
      let bursts = 0;
      const module = join(__dirname, 'support/scenarios/workflow-mix');
      const prepare = async () => {
        const data: WorkflowMixData = {
          tokens,
          reviewer: 'reviewer',
          clients: await currentState(pool, selection, concurrency),
          offset: bursts++ * 37,
          forecastFrom,
        };
        return { scenario: { module, data } };
      };
      const subject: Target = { label: 'api', url: api.url, prepare };
      const baseline: Target = { label: 'bare', url: bare.url, prepare };
      const result = await compareThroughput(runCtx, {
        name: 'workflow',
        description:
          `${concurrency} clients on ${total} projects: 50% PATCH /api/milestones/:id, 25% POST transition-requests (on_hold / resume), ` +
          `25% POST approve — API vs bare node:http + pg, one transaction per write (guarded update + audit_event + outbox_event)`,
        subject,
        baseline,
      });

      // Diagnosis, after the measured rounds: statements each side sends per request (a short burst each, counted).
      const statements = { api: await censusBurst(runCtx, subject), bare: await censusBurst(runCtx, baseline) };
      ctx.log(
        `workflow: SQL statements per request: api ${statements.api.perRequest.toFixed(2)}, bare ${statements.bare.perRequest.toFixed(2)}; ` +
          `api's: ${statements.api.byShape.map((s) => `${(s.count / statements.api.requests).toFixed(2)}× ${s.shape.slice(0, 48)}`).join(' | ')}`,
      );

      const check = await pool.query<{ milestones: number; mismatched: number; audit: number; outbox: number; pending: number; approved: number }>(
        `SELECT (SELECT count(*) FROM milestone WHERE version > 1)::int AS milestones,
                (SELECT count(*) FROM milestone m LEFT JOIN (SELECT entity_id, count(*) AS n FROM audit_event WHERE entity_type = 'milestone' GROUP BY entity_id) a
                   ON a.entity_id = m.id::text WHERE m.version <> 1 + COALESCE(a.n, 0))::int AS mismatched,
                (SELECT count(*) FROM audit_event)::int AS audit, (SELECT count(*) FROM outbox_event)::int AS outbox,
                (SELECT count(*) FROM transition_request WHERE status = 'pending')::int AS pending,
                (SELECT count(*) FROM transition_request WHERE status = 'approved')::int AS approved`,
      );
      const written = check.rows[0];
      ctx.log(
        `workflow: written ${written.audit} audit rows, ${written.outbox} outbox rows; ${written.approved} requests approved, ${written.pending} pending; ` +
          `${written.milestones} milestones updated, ${written.mismatched} with a version that does not match their audit rows`,
      );
      if (written.mismatched) throw new Error(`${written.mismatched} milestones have a version that does not match their audit rows`);
      return [
        {
          ...result,
          extra: {
            fixture: { projects: total, inPlay: selection.projects.length },
            concurrency,
            written,
            statements,
            byLabel: labelSummary(result.subject.rounds, result.baseline!.rounds),
          },
        },
      ];
    } finally {
      await bare.close();
      await pool.end();
    }
  } finally {
    await api.close();
  }
}

/** Per step label, the best round's figures on each side (by that round's overall throughput). */
function labelSummary(subject: LoadResult[], baseline: LoadResult[]) {
  const best = (rounds: LoadResult[]) => [...rounds].sort((a, b) => b.rps - a.rps)[0]?.byLabel;
  return { api: best(subject), bare: best(baseline) };
}
