import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import type { TestApp } from '../support/test-app';

/** Helpers of the investment suites: projects by unit, and counts that say whether anything was written. */

export interface ProjectPick {
  id: string;
  name: string;
  unitId: string;
  version: number;
}

/** The first `count` projects of a unit (by code) in plan order. */
export async function projectsOf(t: TestApp, unitCode: string, count = 1): Promise<ProjectPick[]> {
  const { rows } = await t.db.query(
    `SELECT p.id, p.name, p.unit_id AS "unitId", p.version FROM project p JOIN unit u ON u.id = p.unit_id WHERE u.code = $1 ORDER BY p.plan_order LIMIT $2`,
    [unitCode, count],
  );
  if (rows.length < count) throw new Error(`fewer than ${count} projects of ${unitCode}`);
  return rows;
}

/** Rows of the tables an investment write touches (and the audit and outbox), to prove a refusal wrote nothing. */
export async function writeCounts(t: TestApp): Promise<Record<string, number>> {
  const { rows } = await t.db.query(
    `SELECT (SELECT count(*)::int FROM investment_plan) AS plans, (SELECT count(*)::int FROM investment_plan_version) AS versions,
            (SELECT count(*)::int FROM monthly_report) AS reports, (SELECT count(*)::int FROM audit_event) AS audits,
            (SELECT count(*)::int FROM outbox_event) AS events, (SELECT sum(version)::int FROM project) AS "projectVersions",
            (SELECT coalesce(sum(version), 0)::int FROM monthly_report) AS "reportVersions"`,
  );
  return rows[0];
}

export const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((error) => error.field);

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** supertest's parser for a binary answer (an .xlsx). */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** An Excel template's sheet: its rows by project id (column 项目ID), with a getter and a setter by header. */
export async function openTemplate(buffer: Buffer, sheetName: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName) as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const col = (header: string) => {
    const index = headers.indexOf(header);
    if (index < 1) throw new Error(`no column ${header}`);
    return index;
  };
  const rowOf = (projectId: string) => {
    for (let n = 2; n <= sheet.rowCount; n += 1) if (sheet.getRow(n).getCell(col('项目ID')).value === projectId) return sheet.getRow(n);
    throw new Error(`no row for ${projectId}`);
  };
  return {
    sheet,
    headers,
    get: (projectId: string, header: string) => rowOf(projectId).getCell(col(header)).value,
    set: (projectId: string, header: string, value: ExcelJS.CellValue) => {
      rowOf(projectId).getCell(col(header)).value = value;
    },
    rowNumber: (projectId: string) => rowOf(projectId).number,
    save: async () => Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
