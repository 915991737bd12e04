import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** 操作日志: the audit across projects (reading it; every change writes its own rows through AuditRepository). */
@Module({ controllers: [AuditController], providers: [AuditService] })
export class AuditModule {}
