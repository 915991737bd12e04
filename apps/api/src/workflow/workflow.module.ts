import { Module } from '@nestjs/common';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** Moving projects through study → start → complete: requests, decisions, overrides, unit reassignment, the audit trail. */
@Module({ controllers: [WorkflowController], providers: [WorkflowService], exports: [WorkflowService] })
export class WorkflowModule {}
