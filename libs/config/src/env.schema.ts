import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** An unset or empty variable takes its default; class-transformer hands values over untyped. */
const orDefault =
  (fallback: string) =>
  ({ value }: { value: unknown }): unknown =>
    value || fallback;

/** The plan is run from Qijiang: every "today" and every deadline is a Chongqing (UTC+8) date unless APP_TIMEZONE says otherwise. */
const DEFAULT_APP_TIMEZONE = 'Asia/Shanghai';

const postgresUrl = /^postgres(ql)?:\/\/[^\s]+$/;
const redisUrl = /^rediss?:\/\/[^\s]+$/;
const smtpUrl = /^smtps?:\/\/[^\s]+$/;

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Every setting the processes read; validated once at boot so a bad value stops start-up with one clear line. */
export class Env {
  @IsOptional()
  @Matches(postgresUrl, { message: 'must be a postgres:// URL, e.g. postgres://user:pass@host:5432/db' })
  DATABASE_URL?: string;

  /** PostgreSQL schema for the tables; `public` unless set (each test suite uses its own). */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case PostgreSQL identifier' })
  DATABASE_SCHEMA?: string;

  @IsOptional()
  @Matches(redisUrl, { message: 'must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL?: string;

  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  PORT: number = 3000;

  @IsString()
  @Transform(orDefault(DEFAULT_APP_TIMEZONE))
  APP_TIMEZONE: string = DEFAULT_APP_TIMEZONE;

  @IsOptional()
  @Matches(smtpUrl, { message: 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example:587' })
  SMTP_URL?: string;

  @IsString()
  @Transform(orDefault('綦江区发展改革委 <tracker@localhost>'))
  @MinLength(3)
  MAIL_FROM: string = '綦江区发展改革委 <tracker@localhost>';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Prefix of every BullMQ key: lets test suites and environments share one Redis without seeing each other. */
  @IsString()
  @Transform(orDefault('qj'))
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must contain only letters, digits, "_" and "-"' })
  QUEUE_PREFIX: string = 'qj';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  @Transform(orDefault('info'))
  LOG_LEVEL: string = 'info';

  @Transform(({ value }: { value: unknown }) => value === 'pretty')
  LOG_PRETTY: boolean = false;

  /** How long SIGTERM waits for running requests and jobs before forcing the exit. */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 10000 : Number(value)))
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0)
  SHUTDOWN_TIMEOUT_MS: number = 10000;

  /** Where the embedded mode keeps its PostgreSQL data, Redis data, mail and secrets. */
  @IsString()
  @Transform(orDefault('var'))
  VAR_DIR: string = 'var';

  /**
   * Where evidence files are kept: `s3://bucket?endpoint=http://minio:9000&region=us-east-1` (credentials from
   * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY), `file:///srv/files`, or unset: the folder `<VAR_DIR>/files`.
   */
  @IsOptional()
  @Matches(/^(s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/?(\?\S*)?|file:\/\/\/\S+)$/, {
    message: 'must be s3://<bucket>?endpoint=<url>&region=<region> or file:///<absolute folder>',
  })
  FILE_STORAGE_URL?: string;

  /** Create the demo accounts (admin, reviewer, one owner per unit) when missing: on by default in `npm start`, off for `start:api`. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value))
  @IsBoolean({ message: 'must be "true" or "false"' })
  DEMO_ACCOUNTS?: boolean;

  /** Password the demo accounts are created with (qijiang2030 unless set); never applied to an existing account. */
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'must be at least 8 characters' })
  DEMO_PASSWORD?: string;

  /** Days overdue at which an alert escalates to the DRC reviewers (升级). */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 14 : Number(value)))
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  ALERT_ESCALATE_DAYS: number = 14;

  /** Days overdue at which reviewers get a supervision (督办) alert. */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  ALERT_SUPERVISE_DAYS: number = 30;

  /** Days past its due date at which an open problem (问题清单) gets a 督办单 (the day after the due date its unit and the reviewers are told). */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 3 : Number(value)))
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  SUPERVISION_AFTER_DAYS: number = 3;

  /** When the daily overdue scan runs, a cron pattern in APP_TIMEZONE. */
  @IsString()
  @Transform(orDefault('30 8 * * *'))
  @Matches(/^\S+( \S+){4,5}$/, { message: 'must be a cron pattern such as "30 8 * * *"' })
  ALERT_SCAN_CRON: string = '30 8 * * *';

  /** The nightly reconcile of status lights and roll-ups, a cron pattern in APP_TIMEZONE. */
  @IsString()
  @Transform(orDefault('5 0 * * *'))
  @Matches(/^\S+( \S+){4,5}$/, { message: 'must be a cron pattern such as "5 0 * * *"' })
  ROLLUP_RECONCILE_CRON: string = '5 0 * * *';

  /** The weekly snapshot of every roll-up (kept per ISO week), a cron pattern in APP_TIMEZONE. */
  @IsString()
  @Transform(orDefault('10 0 * * 1'))
  @Matches(/^\S+( \S+){4,5}$/, { message: 'must be a cron pattern such as "10 0 * * 1"' })
  ROLLUP_SNAPSHOT_CRON: string = '10 0 * * 1';

  /** When the digest fans out, a cron pattern in APP_TIMEZONE (6 fields allowed: the first is seconds). */
  @IsString()
  @Transform(orDefault('0 9 * * 1'))
  @Matches(/^\S+( \S+){4,5}$/, { message: 'must be a cron pattern such as "0 9 * * 1"' })
  DIGEST_CRON: string = '0 9 * * 1';

  /**
   * What one digest covers: `iso-week` (the ISO week of the firing; more firings in a week send nothing new) or
   * `firing` (each firing is its own period: a drill and test setting, for a DIGEST_CRON faster than weekly).
   */
  @IsIn(['iso-week', 'firing'], { message: 'must be "iso-week" or "firing"' })
  @Transform(orDefault('iso-week'))
  DIGEST_PERIOD: 'iso-week' | 'firing' = 'iso-week';

  /** Day of the next month by which a monthly report (月报) is due; later submissions are marked late. */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 5 : Number(value)))
  @IsInt({ message: 'must be a day of the month from 1 to 28' })
  @Min(1, { message: 'must be a day of the month from 1 to 28' })
  @Max(28, { message: 'must be a day of the month from 1 to 28' })
  REPORT_DUE_DAY: number = 5;

  /** When the daily monthly-report scan runs (reminders from three days before the due day, late notices after it), a cron pattern in APP_TIMEZONE. */
  @IsString()
  @Transform(orDefault('30 8 * * *'))
  @Matches(/^\S+( \S+){4,5}$/, { message: 'must be a cron pattern such as "30 8 * * *"' })
  REPORT_REMINDER_CRON: string = '30 8 * * *';

  /** Investment light (投资红黄绿灯): yellow from this many percentage points behind 序时进度. */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 10 : Number(value)))
  @IsNumber({}, { message: 'must be a number of percentage points' })
  @Min(0)
  INVESTMENT_YELLOW_POINTS: number = 10;

  /** Investment light: red when more than this many percentage points behind 序时进度. */
  @Transform(({ value }: { value: unknown }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsNumber({}, { message: 'must be a number of percentage points' })
  @Min(0)
  INVESTMENT_RED_POINTS: number = 30;

  /** Where people open the platform: links in e-mails point here. Unset: `http://localhost:<PORT>`, where this process answers. */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value ? value.replace(/\/+$/, '') : undefined))
  @Matches(/^https?:\/\/\S+$/, { message: 'must be an http(s):// URL' })
  PUBLIC_URL!: string;

  /**
   * GET /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`. Required by `start:api` (requireMetricsToken);
   * the embedded default, on one machine, may leave it unset and /metrics open.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** Adds `x-sql-statements` (the number of SQL statements the request ran) to API responses: for tests and profiling only. */
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' || value === '' || value === undefined ? false : value))
  @IsBoolean({ message: 'must be "true" or "false"' })
  DEBUG_SQL_COUNT: boolean = false;
}

export class EnvError extends Error {}

const SETTINGS = [
  'DATABASE_URL',
  'DATABASE_SCHEMA',
  'REDIS_URL',
  'PORT',
  'APP_TIMEZONE',
  'SMTP_URL',
  'MAIL_FROM',
  'JWT_SECRET',
  'QUEUE_PREFIX',
  'LOG_LEVEL',
  'LOG_PRETTY',
  'SHUTDOWN_TIMEOUT_MS',
  'VAR_DIR',
  'FILE_STORAGE_URL',
  'DEMO_ACCOUNTS',
  'DEMO_PASSWORD',
  'ALERT_ESCALATE_DAYS',
  'ALERT_SUPERVISE_DAYS',
  'SUPERVISION_AFTER_DAYS',
  'ALERT_SCAN_CRON',
  'ROLLUP_RECONCILE_CRON',
  'ROLLUP_SNAPSHOT_CRON',
  'DIGEST_CRON',
  'DIGEST_PERIOD',
  'REPORT_DUE_DAY',
  'REPORT_REMINDER_CRON',
  'INVESTMENT_YELLOW_POINTS',
  'INVESTMENT_RED_POINTS',
  'PUBLIC_URL',
  'METRICS_TOKEN',
  'DEBUG_SQL_COUNT',
] as const satisfies readonly (keyof Env)[];

/** Validates a raw environment; throws EnvError whose message is one line naming the variable and what is wrong. */
export function validateEnv(raw: Record<string, string | undefined>): Env {
  const picked = Object.fromEntries(SETTINGS.filter((key) => raw[key] !== undefined).map((key) => [key, raw[key]]));
  const env = plainToInstance(Env, picked, { exposeDefaultValues: true });
  const [first] = validateSync(env);
  if (first) {
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    const shown = raw[first.property] === undefined ? 'unset' : JSON.stringify(raw[first.property]);
    throw new EnvError(`${first.property} ${reason.replace(new RegExp(`^${first.property}\\s*`), '')} (got ${shown})`);
  }
  env.PUBLIC_URL ||= `http://localhost:${env.PORT}`;
  if (!isValidTimeZone(env.APP_TIMEZONE)) {
    throw new EnvError(`APP_TIMEZONE must be an IANA time zone such as Asia/Shanghai (got ${JSON.stringify(env.APP_TIMEZONE)})`);
  }
  if (env.INVESTMENT_RED_POINTS < env.INVESTMENT_YELLOW_POINTS) {
    throw new EnvError(`INVESTMENT_RED_POINTS must not be below INVESTMENT_YELLOW_POINTS (got ${env.INVESTMENT_RED_POINTS} < ${env.INVESTMENT_YELLOW_POINTS})`);
  }
  return env;
}

/**
 * The API on its own (`start:api`) serves /metrics beyond this machine: it refuses to start rather than leave it open.
 * The worker serves no HTTP, and the embedded default listens for one machine, so neither needs it.
 */
export function requireMetricsToken<T extends Env>(env: T): T & Required<Pick<Env, 'METRICS_TOKEN'>> {
  if (!env.METRICS_TOKEN) {
    throw new EnvError('METRICS_TOKEN is required when running the API on its own, so that /metrics is not open to anyone (got unset)');
  }
  return env as T & Required<Pick<Env, 'METRICS_TOKEN'>>;
}

/** What production processes need that the embedded mode can otherwise provide by itself. */
export function requireProductionSettings(env: Env): Required<Pick<Env, 'DATABASE_URL' | 'REDIS_URL' | 'JWT_SECRET'>> & Env {
  for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'] as const) {
    if (!env[key]) throw new EnvError(`${key} is required when running the API or the worker on its own (got unset)`);
  }
  return env as Required<Pick<Env, 'DATABASE_URL' | 'REDIS_URL' | 'JWT_SECRET'>> & Env;
}
