import { Module } from '@nestjs/common';
import { MilestonesController } from './milestones.controller';
import { MilestonesService } from './milestones.service';
import { RebaselineService } from './rebaseline.service';

/**
 * Milestones: owners' date updates and 不适用, re-baselining requests and decisions. MilestonesService is exported for
 * the Excel import, which applies its rows through the same update path.
 */
@Module({ controllers: [MilestonesController], providers: [MilestonesService, RebaselineService], exports: [MilestonesService] })
export class MilestonesModule {}
