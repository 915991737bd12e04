import type { PlanImportResult } from '../api/types';
import { useI18n } from '../i18n';
import { WorkbookImport } from './workbook-import';

/**
 * Reviewers' 年度计划 by Excel: the year's template (every project prefilled with its plan) and the upload. The plan
 * import has no dry run, so there is no preview to confirm: a valid file is imported at once.
 */
export function PlanImport({ year }: { year: number }) {
  const { t } = useI18n();
  return (
    <WorkbookImport<PlanImportResult>
      testId="plan"
      title={t('plan.importTitle', { year })}
      template={{ path: '/api/investment-plans/template.xlsx', query: { year }, fileName: `investment-plans-${year}.xlsx` }}
      upload={{ path: '/api/investment-plans/import', query: { year }, label: t('plan.upload') }}
      hint={t('plan.importHint')}
      applied={(result) => t('plan.importApplied', { ...result.summary })}
      style={{ marginTop: 16 }}
    />
  );
}
