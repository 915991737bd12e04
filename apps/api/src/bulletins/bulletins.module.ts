import { Module } from '@nestjs/common';
import { QueueModule } from '@qj/queue';
import { BulletinsController } from './bulletins.controller';
import { BulletinsService } from './bulletins.service';

/** The month's 调度通报 (bulletin): generate, read, download, publish. The job that renders it is the worker's (apps/worker/src/bulletin). */
@Module({ imports: [QueueModule], controllers: [BulletinsController], providers: [BulletinsService] })
export class BulletinsModule {}
