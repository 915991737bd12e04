import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SECTORS } from '@qj/catalog';
import { SECTOR_LABELS } from '@qj/domain';
import { DataSource } from 'typeorm';
import { approvalCountsSql, inPreparationSql, isApprovalSql, preworkRateHundredthsSql } from '../prework.sql';
import { attachedFilesSql, FileRef } from './file.repository';
import { MILESTONE_COLUMNS, MilestoneRow } from './project-status';
import { lockProjectRow, ProjectState } from './project-state.repository';
import { managerOf, Transaction } from './transaction';
import { UnitScope, unitOfScope } from './unit-scope';
import { updateReturning } from './update-returning';

/** An approval (要件): a milestone of kind `approval` with what the checklist shows of it. */
export interface ApprovalRow extends MilestoneRow {
  department: string | null;
  parallelGroup: string | null;
  documentNo: string | null;
  inProgress: boolean;
  /** The 批复 scans and other files attached, in upload order. */
  files: FileRef[];
}

const APPROVAL_COLUMNS = `${MILESTONE_COLUMNS}, m.department, m.parallel_group AS "parallelGroup", m.document_no AS "documentNo",
  m.in_progress AS "inProgress", ${attachedFilesSql('approval', 'm.id::text', 'm.project_id')} AS files`;

/** The groupings of GET /api/prework/summary: the district, or as the investment summary does (units by code). */
export const PREWORK_DIMENSIONS = ['district', 'part', 'chapter', 'column', 'sector', 'unit'] as const;
export type PreworkDimension = (typeof PREWORK_DIMENSIONS)[number];

/** A project named in two chapters counts under both. */
const KEY_OF: Record<PreworkDimension, string> = {
  district: `'district'`,
  part: 'unnest(c.part_nos)::text',
  chapter: 'unnest(c.chapter_nos)::text',
  column: 'unnest(c.column_nos)::text',
  sector: 'c.sector',
  unit: 'c.unit_code',
};

const LABEL_OF: Record<PreworkDimension, string> = {
  district: `'全区'`,
  part: `(SELECT label || ' ' || title FROM plan_part WHERE no = a.key::smallint)`,
  chapter: `(SELECT label || ' ' || title FROM plan_chapter WHERE no = a.key::smallint)`,
  column: `(SELECT label || ' ' || title FROM plan_column WHERE no = a.key::smallint)`,
  sector: `(SELECT sector_labels ->> a.key FROM params)`,
  unit: `(SELECT name FROM unit WHERE code = a.key)`,
};

const SORT_OF: Record<PreworkDimension, string> = {
  district: '0',
  part: 'a.key::int',
  chapter: 'a.key::int',
  column: 'a.key::int',
  sector: `COALESCE(array_position((SELECT sector_order FROM params), a.key), 999)`,
  unit: '0',
};

/** One row of the summary: approvals required of the projects in preparation under the key, done, 不适用, the rate. */
export interface PreworkSummaryRow {
  key: string;
  label: string;
  projects: number;
  required: number;
  done: number;
  notApplicable: number;
  /** In hundredths of a percent (7327 = 73.27 %); null when nothing is left to require. */
  rateHundredths: number | null;
}

/** Approvals: a project's checklist, their guarded writes, and the 前期手续 summary. */
@Injectable()
export class ApprovalRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A project's approvals in path order, with its project type (null before it was given one). */
  async ofProject(projectId: string): Promise<{ projectType: string | null; items: ApprovalRow[] } | undefined> {
    const [project] = await this.dataSource.query(`SELECT project_type AS "projectType" FROM project WHERE id = $1`, [projectId]);
    if (!project) return undefined;
    const items: ApprovalRow[] = await this.dataSource.query(
      `SELECT ${APPROVAL_COLUMNS} FROM milestone m WHERE m.project_id = $1 AND ${isApprovalSql('m')} ORDER BY m.sort_order`,
      [projectId],
    );
    return { projectType: project.projectType, items };
  }

  /** The milestone (approval or not: the caller refuses the others) and its project, both locked, milestone first. */
  async lock(tx: Transaction, id: string): Promise<(ApprovalRow & { project: ProjectState }) | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${APPROVAL_COLUMNS} FROM milestone m WHERE m.id = $1 FOR UPDATE`, [id]);
    if (!row) return undefined;
    return { ...row, project: (await lockProjectRow(tx, row.projectId)) as ProjectState };
  }

  /**
   * Writes an approval's state if it is still at `expectedVersion`; undefined when someone changed it first. The row
   * returned lists the files as the transaction has them (attach before, and it shows them).
   */
  async update(
    tx: Transaction,
    id: string,
    expectedVersion: number,
    patch: { status: string; inProgress: boolean; actualDate: string | null; documentNo: string | null; notApplicableReason: string | null },
    actorId: string,
  ): Promise<ApprovalRow | undefined> {
    return updateReturning<ApprovalRow>(
      managerOf(tx),
      `UPDATE milestone m SET status = $3, in_progress = $4, actual_date = $5, document_no = $6, not_applicable_reason = $7, updated_by = $8,
              version = m.version + 1, updated_at = now()
       WHERE m.id = $1 AND m.version = $2 AND ${isApprovalSql('m')}
       RETURNING ${APPROVAL_COLUMNS}`,
      [id, expectedVersion, patch.status, patch.inProgress, patch.actualDate, patch.documentNo, patch.notApplicableReason, actorId],
    );
  }

  /**
   * 前期手续 of the projects in preparation the scope lets the user see, grouped by `by`: one statement, counted from the
   * approval rows as they are (nothing maintained), the rate by the SQL twin of `preworkRate`.
   */
  async summary(by: PreworkDimension, scope: UnitScope): Promise<PreworkSummaryRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH params AS (SELECT $2::jsonb AS sector_labels, $3::text[] AS sector_order),
       c AS (
         SELECT p.id, p.sector, p.part_nos, p.chapter_nos, p.column_nos, u.code AS unit_code, ${approvalCountsSql('m')}
         FROM project p JOIN unit u ON u.id = p.unit_id JOIN milestone m ON m.project_id = p.id AND ${isApprovalSql('m')}
         WHERE ${inPreparationSql('p')} AND ($1::uuid IS NULL OR p.unit_id = $1::uuid)
         GROUP BY p.id, u.code
       ), keyed AS (SELECT ${KEY_OF[by]} AS key, c.* FROM c),
       a AS (
         SELECT key, count(*)::int AS projects, sum(required)::int AS required, sum(done)::int AS done, sum(not_applicable)::int AS not_applicable
         FROM keyed GROUP BY key
       )
       SELECT a.*, COALESCE(${LABEL_OF[by]}, a.key) AS label, ${SORT_OF[by]} AS sort_order,
              ${preworkRateHundredthsSql('a.required', 'a.done', 'a.not_applicable')}::int AS rate_h
       FROM a ORDER BY sort_order, label, a.key`,
      [unitOfScope(scope), JSON.stringify(SECTOR_LABELS), [...SECTORS]],
    );
    return rows.map((row) => ({
      key: String(row.key),
      label: String(row.label),
      projects: Number(row.projects),
      required: Number(row.required),
      done: Number(row.done),
      notApplicable: Number(row.not_applicable),
      rateHundredths: row.rate_h === null ? null : Number(row.rate_h),
    }));
  }
}
