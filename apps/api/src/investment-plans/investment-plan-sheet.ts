import type ExcelJS from 'exceljs';
import type { PlanSheetRow } from '@qj/persistence';
import { buildEntryWorkbook, EntryColumn } from '../import/entry-sheet';

export const PLAN_SHEET = '年度计划';

export type PlanField =
  | 'projectName'
  | 'projectCode'
  | 'unitName'
  | 'year'
  | 'plannedInvestment'
  | 'plannedStartMonth'
  | 'plannedCompletionMonth'
  | 'reason'
  | 'projectId'
  | 'version';

/** The template's columns; the reader finds them by header. */
export const PLAN_COLUMNS: ReadonlyArray<EntryColumn<PlanField>> = [
  { field: 'projectName', header: '项目名称', width: 36 },
  { field: 'projectCode', header: '项目代码', width: 26 },
  { field: 'unitName', header: '责任单位', width: 16 },
  { field: 'year', header: '年度', width: 8, required: true },
  { field: 'plannedInvestment', header: '计划投资（万元）', width: 16, editable: true, required: true },
  { field: 'plannedStartMonth', header: '计划开工月份', width: 14, editable: true, required: true },
  { field: 'plannedCompletionMonth', header: '计划竣工月份', width: 14, editable: true, required: true },
  { field: 'reason', header: '调整原因', width: 30, editable: true, required: true },
  { field: 'projectId', header: '项目ID', width: 38, hidden: true, required: true },
  { field: 'version', header: '计划版本', width: 8, hidden: true, required: true },
];

export const PLAN_LABELS = Object.fromEntries(PLAN_COLUMNS.map((column) => [column.field, column.header])) as Record<PlanField, string>;

const monthValidation: ExcelJS.DataValidation = {
  type: 'whole',
  operator: 'between',
  allowBlank: true,
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: '月份有误',
  error: '请填写 1–12 之间的整数月份，不计划时留空',
  formulae: [1, 12],
};

/** The year's template: every project in scope, prefilled with its current plan (blank where none is issued yet). */
export function buildPlanTemplate(rows: readonly PlanSheetRow[], year: number, options: { scope: string; generatedAt: string }): Promise<ExcelJS.Workbook> {
  return buildEntryWorkbook<PlanField>({
    sheet: PLAN_SHEET,
    columns: PLAN_COLUMNS,
    rows: rows.map((row) => ({
      projectName: row.projectName,
      projectCode: row.projectCode,
      unitName: row.unitName,
      year,
      plannedInvestment: row.plannedInvestment === null ? null : Number(row.plannedInvestment),
      plannedStartMonth: row.plannedStartMonth,
      plannedCompletionMonth: row.plannedCompletionMonth,
      reason: null,
      projectId: row.projectId,
      version: row.version ?? 0,
    })),
    validations: {
      plannedInvestment: {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: '金额有误',
        error: '请填写 0–100000000 之间的金额（万元），最多两位小数',
        formulae: [0, 100000000],
      },
      plannedStartMonth: monthValidation,
      plannedCompletionMonth: monthValidation,
    },
    rules: [
      `${year} 年度重大项目投资计划（年度计划）模板 · 填写说明`,
      `范围：${options.scope}；生成时间：${options.generatedAt}`,
      '',
      `1. 「${PLAN_SHEET}」表每行是一个项目，已按系统中当前的年度计划预先填好；尚未下达计划的项目留空。`,
      '2. 只能填写绿色表头的列：「计划投资（万元）」「计划开工月份」「计划竣工月份」「调整原因」；其他列已锁定，请勿改动，也不要新增或复制行。',
      '3. 计划投资以万元为单位，不能为负数，最多保留两位小数；月份填写 1–12 的整数，本年度不计划开工或竣工的留空；竣工月份不能早于开工月份。',
      '4. 首次下达的计划为年初计划（原始计划）；已下达计划的项目若修改数值，即为中期调整，须在「调整原因」中写明原因。原始计划始终保留。',
      '5. 「计划投资（万元）」留空的行（尚未下达计划的项目）不导入；已下达计划的项目不能清空计划投资。',
      '6. 隐藏的「项目ID」「计划版本」两列用于识别项目、判断下载后计划是否已被调整，请勿改动或删除；若提示“已被调整”，请重新下载模板。',
      '7. 上传后系统逐行校验：只要有一行有错误，整份文件都不会导入；全部正确时一次性生效，并与在页面上逐个下达一样留下操作记录。',
      '8. 仅支持 .xlsx 文件，大小不超过 2 MB。',
    ],
  });
}
