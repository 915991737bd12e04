import 'reflect-metadata';
import { join } from 'node:path';
import { assertDatabaseAnswers, EnvError, redact, startEmbeddedPostgres, validateEnv } from '@qj/config';
import { DomainException, renderError } from '@qj/http';
import { prepareDatabase } from '@qj/persistence';
import { withDemoLoader } from './demo-context';
import { DEMO_SEED } from './demo-loader.service';

/**
 * `npm run demo:load [-- --seed <n>]` and `npm run demo:clear`: the demo history (演示数据) from the command line, with
 * the same services and refusals as the console's button. With DATABASE_URL unset it works on the embedded
 * database of `npm start`. A refusal (the tracker is in use, nothing to clear) exits with 1 and says why.
 */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'load' && command !== 'clear') throw new UsageError('usage: demo.command.ts load [--seed <n>] | clear');
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : DEMO_SEED;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer (got "${args[seedAt + 1]}")`);
  const env = validateEnv(process.env);
  const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres(join(env.VAR_DIR, 'postgres'));
  const url = env.DATABASE_URL || (embedded as { url: string }).url;
  try {
    await assertDatabaseAnswers(url);
    await prepareDatabase({ url, schema: env.DATABASE_SCHEMA }, { importCatalogIfEmpty: true, timeZone: env.APP_TIMEZONE });
    const target = { ...env, DATABASE_URL: url };
    if (command === 'load') {
      const loaded = await withDemoLoader(target, (loader) => loader.load(null, seed));
      const { actions: a } = loaded;
      console.log(
        `演示数据已载入 ${redact(url)}（seed ${loaded.seed}，${loaded.year} 年 1–${loaded.lastMonth} 月）：年度计划 ${a.plan}，月报 ${a.report}，` +
          `里程碑更新 ${a.milestone}，开工 ${a.start}，建成投用 ${a.complete}，项目信息 ${a.facts}；用时 ${(loaded.milliseconds / 1000).toFixed(1)} 秒`,
      );
    } else {
      const cleared = await withDemoLoader(target, (loader) => loader.clear());
      const rows = Object.entries(cleared.removed)
        .filter(([, count]) => count > 0)
        .map(([table, count]) => `${table} ${count}`)
        .join(', ');
      console.log(`演示数据已清除（${rows}）；用时 ${(cleared.milliseconds / 1000).toFixed(1)} 秒`);
    }
  } finally {
    await embedded?.stop();
  }
}

class UsageError extends Error {}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof DomainException) console.error(`演示数据：${renderError(error.code, error.params, 'zh')}`);
    else if (error instanceof EnvError || error instanceof UsageError) console.error(error.message);
    else console.error('演示数据操作失败：', error);
    process.exit(1);
  },
);
