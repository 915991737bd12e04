import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ProblemsController } from './problems.controller';
import { ProblemsService } from './problems.service';

/** The problem list (问题清单). Its notifications are the worker's (apps/worker/src/notifications). */
@Module({ imports: [FilesModule], controllers: [ProblemsController], providers: [ProblemsService] })
export class ProblemsModule {}
