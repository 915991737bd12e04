import type { DataSource } from 'typeorm';
import { UnitScope, unitOfScope } from './unit-scope';

/** withdrawn: ended by its requester before a decision. */
export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface RequestFilter {
  status?: string;
  page: number;
  pageSize: number;
}

/**
 * A page of requests (transition or re-baselining; `alias` the request table's alias, joined to its project as `p`)
 * within `scope`, newest first, with the total.
 */
export async function newestFirst<Row>(
  dataSource: DataSource,
  query: { columns: string; from: string; alias: string },
  scope: UnitScope,
  filter: RequestFilter & { projectId?: string },
): Promise<{ items: Row[]; total: number }> {
  const { columns, from, alias } = query;
  const unitId = unitOfScope(scope);
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (filter.status) where.push(`${alias}.status = ${bind(filter.status)}`);
  if (filter.projectId) where.push(`${alias}.project_id = ${bind(filter.projectId)}`);
  if (unitId) where.push(`p.unit_id = ${bind(unitId)}`);
  const rows = await dataSource.query(
    `SELECT ${columns}, count(*) OVER () AS total FROM ${from}
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${alias}.requested_at DESC, ${alias}.id LIMIT ${bind(filter.pageSize)} OFFSET ${bind((filter.page - 1) * filter.pageSize)}`,
    params,
  );
  return { items: rows.map(({ total: _total, ...row }: { total: string }) => row) as Row[], total: rows.length ? Number(rows[0].total) : 0 };
}
