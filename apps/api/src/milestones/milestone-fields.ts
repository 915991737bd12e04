import type { MilestoneRow } from '@qj/persistence';

/** A milestone's fields as audit rows and events record them. */
export function milestoneFields(milestone: Pick<MilestoneRow, 'baselineDate' | 'forecastDate' | 'actualDate' | 'status' | 'notApplicableReason' | 'version'>) {
  const { baselineDate, forecastDate, actualDate, status, notApplicableReason, version } = milestone;
  return { baselineDate, forecastDate, actualDate, status, notApplicableReason, version };
}
