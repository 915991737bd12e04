import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { managerOf, Transaction } from './transaction';

/** A project's investment facts (项目代码, 总投资, type, period, 建设内容, 入库纳统), amounts as exact decimal strings. */
export interface ProjectFacts {
  projectCode: string | null;
  totalInvestment: string | null;
  investmentType: string | null;
  constructionStartYear: number | null;
  constructionEndYear: number | null;
  constructionScope: string | null;
  statisticsRegisteredOn: string | null;
}

export const PROJECT_FACT_FIELDS: ReadonlyArray<keyof ProjectFacts> = [
  'projectCode',
  'totalInvestment',
  'investmentType',
  'constructionStartYear',
  'constructionEndYear',
  'constructionScope',
  'statisticsRegisteredOn',
];

export interface ProjectFactsRow extends ProjectFacts {
  id: string;
  name: string;
  unitId: string;
  version: number;
  updatedAt: Date;
}

/** The SQL of the facts as `ProjectFacts` (amounts as numeric text, dates as YYYY-MM-DD), for `p`. */
export const PROJECT_FACTS_SQL = `p.project_code AS "projectCode", p.total_investment AS "totalInvestment", p.investment_type AS "investmentType",
  p.construction_start_year AS "constructionStartYear", p.construction_end_year AS "constructionEndYear",
  p.construction_scope AS "constructionScope", p.statistics_registered_on AS "statisticsRegisteredOn"`;

const COLUMNS = `p.id, p.name, p.unit_id AS "unitId", p.version, p.updated_at AS "updatedAt", ${PROJECT_FACTS_SQL}`;

/** PostgreSQL's unique_violation on the project code's constraint. */
export function isProjectCodeConflict(error: unknown): boolean {
  const cause = (error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }) ?? {};
  const driver = cause.driverError ?? cause;
  return driver.code === '23505' && /project_code|UQ_7b5b20d7f87601a6909dd49bcf2/.test(driver.constraint ?? '');
}

/** Edits of a project's investment facts, version-guarded, in the caller's transaction. */
@Injectable()
export class ProjectFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async lock(tx: Transaction, id: string): Promise<ProjectFactsRow | undefined> {
    const [row] = await managerOf(tx).query(`SELECT ${COLUMNS} FROM project p WHERE p.id = $1 FOR UPDATE`, [id]);
    return row;
  }

  /** The project that holds a 项目代码, other than `exceptId`. */
  async holderOfCode(tx: Transaction | undefined, code: string, exceptId: string): Promise<{ id: string; name: string } | undefined> {
    const [row] = await (tx ? managerOf(tx) : this.dataSource.manager).query(`SELECT id, name FROM project WHERE project_code = $1 AND id <> $2`, [
      code,
      exceptId,
    ]);
    return row;
  }

  /** Writes the facts and bumps the version when it is still `expectedVersion`; undefined otherwise. */
  async update(tx: Transaction, id: string, expectedVersion: number, facts: ProjectFacts): Promise<ProjectFactsRow | undefined> {
    const result = await managerOf(tx).query(
      `UPDATE project p SET project_code = $3, total_investment = $4, investment_type = $5, construction_start_year = $6, construction_end_year = $7,
              construction_scope = $8, statistics_registered_on = $9, version = p.version + 1, updated_at = now()
       WHERE p.id = $1 AND p.version = $2
       RETURNING ${COLUMNS}`,
      [
        id,
        expectedVersion,
        facts.projectCode,
        facts.totalInvestment,
        facts.investmentType,
        facts.constructionStartYear,
        facts.constructionEndYear,
        facts.constructionScope,
        facts.statisticsRegisteredOn,
      ],
    );
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows[0];
  }
}
