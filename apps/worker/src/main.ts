import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { assertDatabaseAnswers, assertRedisAnswers, exitGracefullyOnSignal, requireProductionSettings, runMain, validateEnv } from '@qj/config';
import { QuietFrameworkLogger } from '@qj/http';
import { migrateDatabase } from '@qj/persistence';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** `npm run start:worker`: the BullMQ processors alone. Any number may run against one Redis and one PostgreSQL. */
runMain(async () => {
  const env = requireProductionSettings(validateEnv(process.env));
  await assertDatabaseAnswers(env.DATABASE_URL);
  await assertRedisAnswers(env.REDIS_URL);
  await migrateDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  app.useLogger(new QuietFrameworkLogger(app.get(Logger)));
  exitGracefullyOnSignal(() => app.close(), env.SHUTDOWN_TIMEOUT_MS);
});
