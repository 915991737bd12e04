import { Injectable } from '@nestjs/common';
import { Clock } from '@qj/config';
import { AUDIT_KIND_CODES, AUDIT_KINDS, auditKindLabel, describeChange, todayIn } from '@qj/domain';
import { ValidationFailedException } from '@qj/http';
import { AuditLogRow, AuditRepository, AuditSearch, UnitRepository, UserRepository } from '@qj/persistence';
import type { AuditFilterDto, AuditQueryDto } from './dto/audit.query.dto';
import type { AuditLogItemDto } from './dto/audit.response.dto';
import { buildAuditWorkbook } from './audit-log.workbook';

/** The most rows one export holds, newest first: past it the sheet says it is cut and how many matched. */
export const AUDIT_EXPORT_LIMIT = 10_000;

/** 操作日志: the audit across projects, for the DRC's reviewers, the district's leaders and admins (the controller checks the role). */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  kinds() {
    return { items: AUDIT_KIND_CODES.map((code) => ({ code, label: AUDIT_KINDS[code] })) };
  }

  async actors() {
    return { items: await this.audit.actors() };
  }

  async page(query: AuditQueryDto) {
    const { page, pageSize } = query;
    const { items, total } = await this.audit.search(this.search(query), { offset: (page - 1) * pageSize, limit: pageSize });
    return { items: items.map(toItem), total, page, pageSize };
  }

  async export(filter: AuditFilterDto): Promise<{ buffer: Buffer; count: number; total: number; fileName: string }> {
    const search = this.search(filter);
    const { items, total } = await this.audit.search(search, { offset: 0, limit: AUDIT_EXPORT_LIMIT });
    const [unit, user] = await Promise.all([
      filter.unitId ? this.units.findRef(filter.unitId) : undefined,
      filter.userId ? this.users.findView(filter.userId) : undefined,
    ]);
    const workbook = buildAuditWorkbook(items.map(toItem), {
      filterText: describeFilter(filter, unit?.name, user?.displayName),
      total,
      limit: AUDIT_EXPORT_LIMIT,
      exportedAt: this.clock.now(),
      timeZone: this.clock.timeZone,
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { buffer, count: items.length, total, fileName: `操作日志_${todayIn(this.clock.timeZone, this.clock.now())}.xlsx` };
  }

  private search(filter: AuditFilterDto): AuditSearch {
    if (filter.from && filter.to && filter.to < filter.from)
      throw new ValidationFailedException([{ field: 'to', message: { zh: 'to 不能早于 from', en: 'to may not be before from' } }]);
    return { unitId: filter.unitId, userId: filter.userId, kind: filter.kind, from: filter.from, to: filter.to, timeZone: this.clock.timeZone };
  }
}

function toItem(row: AuditLogRow): AuditLogItemDto {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    kind: row.action,
    kindLabel: auditKindLabel(row.action),
    actor: { id: row.actorId, name: row.actorName },
    unit: row.unit,
    project: row.project,
    summary: describeChange({ action: row.action, before: row.before, after: row.after, comment: row.comment, milestoneName: row.milestoneName }),
  };
}

/** 「单位：区交通局；操作人：张三；类型：批准阶段转换；日期：2026-11-01 至 2026-11-30」, or 「全部」. */
function describeFilter(filter: AuditFilterDto, unitName?: string, userName?: string): string {
  const parts: string[] = [];
  if (filter.unitId) parts.push(`单位：${unitName ?? filter.unitId}`);
  if (filter.userId) parts.push(`操作人：${userName ?? filter.userId}`);
  if (filter.kind) parts.push(`类型：${auditKindLabel(filter.kind).zh}`);
  if (filter.from || filter.to) parts.push(`日期：${filter.from ?? '不限'} 至 ${filter.to ?? '不限'}`);
  return parts.length ? parts.join('；') : '全部';
}
