import { Module } from '@nestjs/common';
import { MilestonesService, RebaselineService } from './milestones.service';
import { WorkflowController } from './workflow.controller';
import { WorkflowService } from './workflow.service';

/**
 * Moving projects through study → start → complete, their milestones, and the audit trail. MilestonesService is
 * exported for the Excel import, which applies its rows through the same update path.
 */
@Module({ controllers: [WorkflowController], providers: [WorkflowService, MilestonesService, RebaselineService], exports: [MilestonesService] })
export class WorkflowModule {}
