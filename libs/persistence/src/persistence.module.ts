import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Env } from '@qj/config';
import { dataSourceOptions } from './data-source.options';
import { ProjectReadRepository } from './repositories/project-read.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { RollupRepository } from './repositories/rollup.repository';
import { WorkflowRepository } from './repositories/workflow.repository';
import { UnitRepository, UserRepository } from './repositories/user.repository';

/** The TypeORM connection for either application. Migrations run before the modules start (see runMigrationsWithLock). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Env & { DATABASE_SCHEMA?: string }, true>) => ({
        ...dataSourceOptions({ url: config.get('DATABASE_URL'), schema: config.get('DATABASE_SCHEMA') }),
        // Start-up already checked the database answers; do not retry for minutes if it does not.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [ProjectReadRepository, UserRepository, UnitRepository, WorkflowRepository, RollupRepository, OutboxRepository],
  exports: [ProjectReadRepository, UserRepository, UnitRepository, WorkflowRepository, RollupRepository, OutboxRepository],
})
export class PersistenceModule {}
