import { Module } from '@nestjs/common';
import { SupervisionNoticesController } from './supervision-notices.controller';
import { SupervisionNoticesService } from './supervision-notices.service';

/** 督办单 (supervision notices) of overdue problems: read and downloaded here, issued by the worker's daily scan. */
@Module({ controllers: [SupervisionNoticesController], providers: [SupervisionNoticesService] })
export class SupervisionNoticesModule {}
