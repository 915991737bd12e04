import { DynamicModule, Module } from '@nestjs/common';
import type { Env } from '@qj/config';
import { DemoController } from './demo.controller';
import { DEMO_ENV, DemoService } from './demo.service';

/** The demo history's routes; the loading itself runs in a context of its own (demo-context.ts). */
@Module({})
export class DemoModule {
  static forRoot(env: Env): DynamicModule {
    return { module: DemoModule, controllers: [DemoController], providers: [DemoService, { provide: DEMO_ENV, useValue: env }] };
  }
}
