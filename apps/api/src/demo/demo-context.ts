import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { ClockModule, type Env } from '@qj/config';
import { PersistenceModule } from '@qj/persistence';
import { CatalogModule } from '../catalog/catalog.module';
import { InvestmentPlansModule } from '../investment-plans/investment-plans.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { MonthlyReportsModule } from '../monthly-reports/monthly-reports.module';
import { PreworkModule } from '../prework/prework.module';
import { WorkflowModule } from '../workflow/workflow.module';
import { DemoLoaderService } from './demo-loader.service';

/**
 * The services that write the demo history, in an application context of their own: its Clock walks through the
 * year's days while the serving API's stays on today, and its connection pool is its own. The command line and
 * the API's admin route both load through it.
 */
@Module({})
export class DemoContextModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: DemoContextModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, ignoreEnvVars: true, load: [() => ({ ...env })] }),
        ClockModule,
        PersistenceModule,
        CatalogModule,
        InvestmentPlansModule,
        MonthlyReportsModule,
        MilestonesModule,
        PreworkModule,
        WorkflowModule,
      ],
      providers: [DemoLoaderService],
    };
  }
}

/** Runs `work` with the loader of a fresh demo context, closed afterwards whatever happens. */
export async function withDemoLoader<T>(env: Env, work: (loader: DemoLoaderService) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(DemoContextModule.forRoot(env), { logger: false });
  try {
    return await work(context.get(DemoLoaderService));
  } finally {
    await context.close();
  }
}
