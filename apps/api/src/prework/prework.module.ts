import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { PreworkController } from './prework.controller';
import { PreworkService } from './prework.service';

/** 前期手续 (approvals as data): the checklist, its updates and the 办结率 summary. */
@Module({ imports: [FilesModule], controllers: [PreworkController], providers: [PreworkService], exports: [PreworkService] })
export class PreworkModule {}
