import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** Moving projects through study → start → complete: requests, decisions, overrides, unit reassignment, the audit trail. */
@Module({ imports: [FilesModule], controllers: [WorkflowController], providers: [WorkflowService], exports: [WorkflowService] })
export class WorkflowModule {}
