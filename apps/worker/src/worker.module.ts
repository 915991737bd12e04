import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ClockModule, type Env } from '@qj/config';
import { loggerParams } from '@qj/http';
import { PersistenceModule } from '@qj/persistence';
import { LoggerModule } from 'nestjs-pino';
import { ProcessorsModule } from './processors.module';

/** The worker application: the processors with their database and queues, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, load: [() => ({ ...env })] }),
        LoggerModule.forRoot(loggerParams({ level: env.LOG_LEVEL, pretty: env.LOG_PRETTY })),
        ClockModule,
        PersistenceModule,
        ProcessorsModule,
      ],
    };
  }
}
