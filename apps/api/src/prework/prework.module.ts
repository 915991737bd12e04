import { Module } from '@nestjs/common';
import { PreworkController } from './prework.controller';
import { PreworkService } from './prework.service';

/** 前期手续 (approvals as data): the checklist, its updates and the 办结率 summary. */
@Module({ controllers: [PreworkController], providers: [PreworkService] })
export class PreworkModule {}
