import type ExcelJS from 'exceljs';
import type { MonthlyReportGridRow } from '@qj/persistence';
import { buildEntryWorkbook, EntryColumn } from '../import/entry-sheet';

export const REPORT_SHEET = '月报';

export type ReportField = 'projectName' | 'projectCode' | 'unitName' | 'month' | 'completedInvestment' | 'progress' | 'problems' | 'status' | 'projectId';

/** The template's columns; the reader finds them by header. */
export const REPORT_COLUMNS: ReadonlyArray<EntryColumn<ReportField>> = [
  { field: 'projectName', header: '项目名称', width: 36 },
  { field: 'projectCode', header: '项目代码', width: 26 },
  { field: 'unitName', header: '责任单位', width: 16 },
  { field: 'month', header: '月份', width: 10, required: true },
  { field: 'completedInvestment', header: '本月完成投资（万元）', width: 18, editable: true, required: true },
  { field: 'progress', header: '形象进度', width: 40, editable: true, required: true },
  { field: 'problems', header: '存在问题', width: 40, editable: true, required: true },
  { field: 'status', header: '状态', width: 10 },
  { field: 'projectId', header: '项目ID', width: 38, hidden: true, required: true },
];

export const REPORT_LABELS = Object.fromEntries(REPORT_COLUMNS.map((column) => [column.field, column.header])) as Record<ReportField, string>;
const STATUS_LABELS: Record<string, string> = { draft: '草稿', submitted: '已报送', returned: '已退回' };

/** The month's template: every project of the scope, prefilled with any report saved (blank where none is). */
export function buildReportTemplate(
  rows: readonly MonthlyReportGridRow[],
  month: string,
  options: { scope: string; generatedAt: string; dueOn: string },
): Promise<ExcelJS.Workbook> {
  return buildEntryWorkbook<ReportField>({
    sheet: REPORT_SHEET,
    columns: REPORT_COLUMNS,
    rows: rows.map((row) => ({
      projectName: row.projectName,
      projectCode: row.projectCode,
      unitName: row.unitName,
      month,
      completedInvestment: row.report ? Number(row.report.completedInvestment) : null,
      progress: row.report?.progress || null,
      problems: row.report?.problems || null,
      status: row.report ? (STATUS_LABELS[row.report.status] ?? row.report.status) : '未填报',
      projectId: row.projectId,
    })),
    validations: {
      completedInvestment: {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '金额有误',
        error: '请填写 0–100000000 之间的金额（万元），最多两位小数；本月没有完成投资请填 0',
        formulae: [0, 100000000],
      },
    },
    rules: [
      `${month} 重大项目月报模板 · 填写说明`,
      `范围：${options.scope}；生成时间：${options.generatedAt}；报送截止：${options.dueOn}`,
      '',
      `1. 「${REPORT_SHEET}」表每行是一个项目，已按系统中已保存的月报预先填好。`,
      '2. 只能填写绿色表头的列：「本月完成投资（万元）」「形象进度」「存在问题」；其他列已锁定，请勿改动，也不要新增或复制行。',
      '3. 本月完成投资以万元为单位，不能为负数，最多保留两位小数；本月没有完成投资请填 0（0 也是一份月报）。',
      '4. 「本月完成投资」留空的行不导入（视为本次不填报该项目）；填写了形象进度或存在问题的行须同时填写本月完成投资。',
      '5. 已报送的月报不能修改；如需更正，请联系区发展改革委退回后再导入。',
      '6. 导入保存为草稿；选择“导入并报送”时，文件中的全部月报在保存后一并报送，截止日之后报送的标记为逾期报送。',
      '7. 上传后系统逐行校验：只要有一行有错误，整份文件都不会导入；全部正确时一次性生效，并留下操作记录。',
      '8. 隐藏的「项目ID」列用于识别项目，请勿改动或删除。仅支持 .xlsx 文件，大小不超过 2 MB。',
    ],
  });
}
