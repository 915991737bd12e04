/**
 * The web console's budgets.
 *
 * 1. Bundle size of the production build (dist/web): the initial JavaScript (what index.html loads: the entry
 *    script and its modulepreloads) and all JavaScript, raw and gzip (zlib level 9). The initial JS must stay
 *    under 800 KB gzipped with ECharts and the dashboard out of it, or this benchmark fails.
 * 2. The dashboard's time to first full render: the API (with the full catalog, its roll-ups computed and
 *    two weekly snapshots, so every chart draws) on loopback, Chromium signed in as the reviewer, from
 *    navigation start to the moment every chart has finished drawing (the EChart component's
 *    `data-rendered`, entry animation included). Baseline in the same run: the sign-in page of the same
 *    server, from navigation start to its form on screen. A fresh browser context (cold cache) per run,
 *    the two sides alternating; medians reported. The table's "req/s" column reads as renders per second
 *    and its p50/p99 columns as one render's milliseconds, so ratio = login ms / dashboard ms.
 * 3. The bytes of the dashboard's first load (the unmeasured warm-up, cold cache), from Chromium's network events:
 *    as transferred (with the precompressed assets) and the same bodies decoded (what an uncompressed server sends).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, chromium } from 'playwright-core';
import { addDays, isoWeekOf, todayIn } from '@qj/domain';
import { RollupRepository } from '@qj/persistence';
import { DataSource } from 'typeorm';
import { bootBenchApi } from './support/api';
import { registerCleanup } from './support/cleanup';
import type { BenchContext, BenchResult, LoadResult, Measurement } from './support/types';

const ROOT = join(__dirname, '../..');
const DIST = join(ROOT, 'dist/web');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const INITIAL_JS_BUDGET_GZIP = 800 * 1024;
/** Every chart of the dashboard once the roll-ups and two weekly snapshots exist. */
const DASHBOARD_CHARTS = ['chart-stages', 'chart-rag', 'chart-funnel', 'chart-targets', 'chart-overdue-units', 'chart-trend'];
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 7);

/** The file's own limit (run.ts honours it unless BENCH_TIMEOUT_MS is set): a build, a boot and 2 × (RUNS + 1) page loads. */
export const timeoutMs = 300_000;

interface Sizes {
  files: number;
  raw: number;
  gzip: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function sizesOf(files: string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(join(DIST, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

/** The scripts index.html makes the browser fetch at once: the entry and its modulepreloads. */
function initialScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entry = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set([...entry, ...preloads])];
}

export function bundleBudget(ctx: BenchContext): { initial: Sizes; total: Sizes; initialFiles: string[] } {
  // The console as `npm start` serves it, precompressed copies included (a build older than those is rebuilt).
  ctx.log('web: building the console if its sources changed');
  execFileSync(process.execPath, [join(ROOT, 'apps/build-if-changed.mjs'), 'web'], { cwd: ROOT, stdio: 'inherit' });
  const initialFiles = initialScripts();
  const all = readdirSync(join(DIST, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `assets/${file}`);
  const initial = sizesOf(initialFiles);
  const total = sizesOf(all);
  console.log(
    [
      '',
      'web bundle (dist/web, gzip = zlib level 9)   files        raw       gzip',
      `  initial JS (entry + modulepreloads)       ${String(initial.files).padStart(5)}  ${kb(initial.raw).padStart(9)}  ${kb(initial.gzip).padStart(9)}   budget ${kb(INITIAL_JS_BUDGET_GZIP)} gzip`,
      `  all JS                                    ${String(total.files).padStart(5)}  ${kb(total.raw).padStart(9)}  ${kb(total.gzip).padStart(9)}`,
      '',
    ].join('\n'),
  );
  const lazyInFirstLoad = initialFiles.filter((file) => /echarts|dashboard/i.test(file));
  if (lazyInFirstLoad.length) throw new Error(`the first load includes ${lazyInFirstLoad.join(', ')}: ECharts and the dashboard must load lazily`);
  if (initial.gzip > INITIAL_JS_BUDGET_GZIP) throw new Error(`initial JS is ${kb(initial.gzip)} gzipped, over the ${kb(INITIAL_JS_BUDGET_GZIP)} budget`);
  return { initial, total, initialFiles };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A page render of `ms` as a round of the harness: one "request", its duration in the latency columns. */
function renderRound(ms: number): LoadResult {
  return { ok: 1, errors: 0, outcomes: {}, elapsedMs: ms, rps: 1000 / ms, latencyMs: { p50: ms, p90: ms, p99: ms, max: ms, mean: ms } };
}

function measurement(label: string, url: string, times: number[]): Measurement {
  const ms = median(times);
  const byRps = times.map(renderRound).sort((a, b) => a.rps - b.rps);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    label,
    url,
    // Renders are reported by their median whatever BENCH_PICK says: a single page load is noisy both ways.
    rps: 1000 / ms,
    latencyMs: {
      p50: ms,
      p90: sorted[Math.ceil(sorted.length * 0.9) - 1],
      p99: sorted[sorted.length - 1],
      max: sorted[sorted.length - 1],
      mean: times.reduce((a, b) => a + b, 0) / times.length,
    },
    pick: 'median',
    bestRps: byRps[byRps.length - 1].rps,
    medianRps: 1000 / ms,
    errors: 0,
    rounds: times.map(renderRound),
  };
}

export async function run(ctx: BenchContext): Promise<BenchResult[]> {
  const bundle = bundleBudget(ctx);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);

  await ctx.services();
  const api = await bootBenchApi({ demoAccounts: true });
  let browser: Browser | undefined;
  const closeBrowser = registerCleanup(async () => {
    await browser?.close();
  });
  try {
    // Two weekly snapshots so the trend draws a line: last week's of the fresh catalog, this week's after one
    // project in five got a milestone ten days overdue (a working district; the fresh catalog has nothing
    // overdue, and the overdue-by-unit chart would show its "nothing overdue" line instead).
    const today = todayIn('Asia/Shanghai');
    const rollups = api.app.get(RollupRepository);
    await rollups.recomputeAll({ today, timeZone: 'Asia/Shanghai' });
    await rollups.snapshot(isoWeekOf(addDays(today, -7)).key);
    await api.app.get(DataSource).query(
      `UPDATE milestone SET forecast_date = $1 WHERE id IN (
         SELECT DISTINCT ON (m.project_id) m.id FROM milestone m JOIN project p ON p.id = m.project_id
         WHERE m.status = 'pending' AND p.plan_order % 5 = 0 ORDER BY m.project_id, m.sort_order)`,
      [addDays(today, -10)],
    );
    await rollups.recomputeAll({ today, timeZone: 'Asia/Shanghai' });
    // This week's snapshot, in place of the fresh catalog's one the first start took.
    await api.app.get(DataSource).query(`DELETE FROM rollup_snapshot WHERE week = $1`, [isoWeekOf(today).key]);
    await rollups.snapshot(isoWeekOf(today).key);
    const token = await api.token('reviewer');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const launched = browser;

    /** Bytes of one load: `wire` as transferred (headers and compressed bodies), `body` the bodies decoded, i.e. what they would weigh uncompressed. */
    const bytes = { wire: 0, body: 0, responses: 0 };
    /** One cold load of `path`: milliseconds from navigation start until `ready` holds in a frame; `count` adds its bytes to `bytes`. */
    const load = async (path: string, signedIn: boolean, ready: string, count = false): Promise<{ ms: number; marks: Record<string, number> }> => {
      // bypassCSP: the readiness checks are strings evaluated in the page, which the console's CSP (script-src 'self') refuses.
      const context = await launched.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', bypassCSP: true });
      try {
        if (signedIn) await context.addInitScript(`localStorage.setItem('qj.token', ${JSON.stringify(token)})`);
        const page = await context.newPage();
        page.setDefaultTimeout(60_000);
        if (count) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          cdp.on('Network.dataReceived', (event) => (bytes.body += event.dataLength));
          cdp.on('Network.loadingFinished', (event) => {
            bytes.wire += event.encodedDataLength;
            bytes.responses += 1;
          });
        }
        await page.goto(`${api.url}${path}`, { waitUntil: 'commit' });
        // performance.now() counts from the navigation's time origin: the time the condition first held.
        const handle = await page.waitForFunction(ready, undefined, { polling: 'raf' });
        const ms = (await handle.jsonValue()) as number;
        const marks = (await page.evaluate(
          `Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('chart-')).map((m) => [m.name, m.startTime]))`,
        )) as Record<string, number>;
        return { ms, marks };
      } finally {
        await context.close();
      }
    };
    const dashboardReady = `(() => {
      const ids = ${JSON.stringify(DASHBOARD_CHARTS)};
      return ids.every((id) => document.querySelector('[data-testid="' + id + '"][data-rendered="true"]')) ? performance.now() : false;
    })()`;
    const loginReady = `(() => {
      const input = document.querySelector('input[autocomplete="username"]');
      return input && input.getBoundingClientRect().width > 0 ? performance.now() : false;
    })()`;

    // One unmeasured load each: the server's and the OS's caches warm, as a wall display's would be.
    await load('/login', false, loginReady);
    await load('/dashboard', true, dashboardReady, true);
    console.log(
      [
        '',
        `web first load of /dashboard (cold cache, ${bytes.responses} responses: page, scripts, styles, API)`,
        `  transferred, precompressed brotli/gzip  ${kb(bytes.wire).padStart(10)}`,
        `  the same bodies uncompressed            ${kb(bytes.body).padStart(10)}   (${(bytes.body / bytes.wire).toFixed(2)} ×)`,
        '',
      ].join('\n'),
    );
    const dashboardTimes: number[] = [];
    const drawnTimes: number[] = [];
    const loginTimes: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      for (const side of r % 2 === 0 ? ['login', 'dashboard'] : ['dashboard', 'login']) {
        if (side === 'login') {
          const { ms } = await load('/login', false, loginReady);
          loginTimes.push(ms);
        } else {
          const { ms, marks } = await load('/dashboard', true, dashboardReady);
          dashboardTimes.push(ms);
          drawnTimes.push(Math.max(...DASHBOARD_CHARTS.map((id) => marks[`chart-drawn:${id}`] ?? Number.NaN)));
        }
        ctx.log(`web: run ${r + 1}/${RUNS} ${side.padEnd(9)} ${(side === 'login' ? loginTimes : dashboardTimes).at(-1)!.toFixed(0).padStart(6)} ms`);
      }
    }

    const subject = measurement('dashboard', `${api.url}/dashboard`, dashboardTimes);
    const baseline = measurement('login page', `${api.url}/login`, loginTimes);
    const ratio = subject.rps / baseline.rps;
    console.log(
      [
        '',
        `web render (Chromium, 1920×1080, cold cache, loopback, median of ${RUNS})`,
        `  dashboard, every chart finished (animation included)  ${median(dashboardTimes).toFixed(0).padStart(6)} ms`,
        `  dashboard, every chart's first frame drawn            ${median(drawnTimes).toFixed(0).padStart(6)} ms`,
        `  baseline: sign-in page form on screen                 ${median(loginTimes).toFixed(0).padStart(6)} ms`,
        `  dashboard / sign-in page                              ${(1 / ratio).toFixed(2).padStart(6)} ×`,
        '',
      ].join('\n'),
    );
    return [
      {
        name: 'web-dashboard-render',
        description: `time to first full render of /dashboard (every chart finished) vs the sign-in page, Chromium, cold cache, median of ${RUNS}; req/s = renders/s, p50 = ms`,
        unit: 'req/s',
        subject,
        baseline,
        ratio,
        bestRatio: subject.bestRps / baseline.bestRps,
        medianRatio: ratio,
        pairRatios: dashboardTimes.map((ms, i) => loginTimes[i] / ms),
        settings: { ...ctx.settings, rounds: RUNS, pick: 'median' },
        extra: {
          bundle: { initialJs: bundle.initial, allJs: bundle.total, initialFiles: bundle.initialFiles, initialJsBudgetGzip: INITIAL_JS_BUDGET_GZIP },
          dashboardFirstLoadBytes: { transferred: bytes.wire, uncompressedBodies: bytes.body, responses: bytes.responses },
          dashboardMs: dashboardTimes,
          dashboardFirstFrameMs: drawnTimes,
          loginMs: loginTimes,
        },
      },
    ];
  } finally {
    await closeBrowser();
    await api.close();
  }
}
