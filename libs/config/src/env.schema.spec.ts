import { EnvError, requireProductionSettings, validateEnv } from './env.schema';

describe('validateEnv', () => {
  it('applies the documented defaults', () => {
    const env = validateEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      APP_TIMEZONE: 'Asia/Shanghai',
      QUEUE_PREFIX: 'qj',
      LOG_LEVEL: 'info',
      VAR_DIR: 'var',
      DIGEST_CRON: '0 9 * * 1',
      DIGEST_PERIOD: 'iso-week',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ ROLLUP_RECONCILE_CRON: '5 0 * * *', ROLLUP_SNAPSHOT_CRON: '10 0 * * 1', PUBLIC_URL: 'http://localhost:3000' });
  });

  it('links point where this process answers: PUBLIC_URL defaults to the port, a given one loses its trailing slash', () => {
    expect(validateEnv({ PORT: '3100' }).PUBLIC_URL).toBe('http://localhost:3100');
    expect(validateEnv({ PORT: '3100', PUBLIC_URL: 'https://tracker.example/' }).PUBLIC_URL).toBe('https://tracker.example');
    expect(() => validateEnv({ PUBLIC_URL: 'tracker.example' })).toThrow('PUBLIC_URL must be an http(s):// URL (got "tracker.example")');
    expect(() => validateEnv({ ROLLUP_SNAPSHOT_CRON: 'weekly' })).toThrow(/^ROLLUP_SNAPSHOT_CRON must be a cron pattern/);
  });

  it('keeps only the declared settings', () => {
    expect(validateEnv({ PATH: '/usr/bin', PORT: '8080' })).not.toHaveProperty('PATH');
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['REDIS_URL', { REDIS_URL: 'localhost:6379' }],
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['APP_TIMEZONE', { APP_TIMEZONE: 'Mars/Olympus' }],
    ['SMTP_URL', { SMTP_URL: 'mail.example.com' }],
    ['JWT_SECRET', { JWT_SECRET: 'short' }],
    ['QUEUE_PREFIX', { QUEUE_PREFIX: 'has space' }],
    ['DIGEST_CRON', { DIGEST_CRON: 'weekly' }],
    ['DIGEST_PERIOD', { DIGEST_PERIOD: 'daily' }],
    ['DEBUG_SQL_COUNT', { DEBUG_SQL_COUNT: 'yes' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: 'short' }],
  ])('a wrong %s is one line naming it and what was given', (name, raw) => {
    expect(() => validateEnv(raw)).toThrow(EnvError);
    try {
      validateEnv(raw);
    } catch (error) {
      const message = (error as Error).message;
      expect(message.startsWith(`${name} `)).toBe(true);
      expect(message).not.toContain('\n');
      expect(message).toContain('(got ');
    }
  });

  it('production processes require the URLs and the JWT secret', () => {
    expect(() => requireProductionSettings(validateEnv({ REDIS_URL: 'redis://r:6379', JWT_SECRET: 'x'.repeat(32) }))).toThrow(/^DATABASE_URL is required/);
    const env = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://r:6379', JWT_SECRET: 'x'.repeat(32) };
    expect(requireProductionSettings(validateEnv(env)).DATABASE_URL).toBe(env.DATABASE_URL);
  });
});
