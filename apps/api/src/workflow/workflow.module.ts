import { Module } from '@nestjs/common';
import { MilestonesService, RebaselineService } from './milestones.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/** Moving projects through study → start → complete, their milestones, and the audit trail. */
@Module({ controllers: [WorkflowController], providers: [WorkflowService, MilestonesService, RebaselineService] })
export class WorkflowModule {}
