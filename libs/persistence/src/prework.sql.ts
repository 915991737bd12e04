import { rateHundredthsSql } from './investment.sql';

/**
 * The SQL twin of `libs/domain/src/prework.ts`: the approval counts and 前期手续办结率 as every query renders them,
 * so the summary, the roll-ups and the bulletin count the same things. Arguments are table aliases or expressions.
 */

/** Milestone `m` is an approval (要件). */
export function isApprovalSql(m: string): string {
  return `${m}.kind = 'approval'`;
}

/** Project `p` is in preparation (see `isInPreparation`). */
export function inPreparationSql(p: string): string {
  return `${p}.stage = 'study'`;
}

/** The three counts of approvals `m` (aggregates; filter the rows to approvals first): required, done, 不适用. */
export function approvalCountsSql(m: string): string {
  return `count(${m}.id)::int AS required, count(${m}.id) FILTER (WHERE ${m}.status = 'done')::int AS done,
          count(${m}.id) FILTER (WHERE ${m}.status = 'not_applicable')::int AS not_applicable`;
}

/** 前期手续办结率 in hundredths of a percent from the counts (see `preworkRate`): null when nothing is left to require. */
export function preworkRateHundredthsSql(required: string, done: string, notApplicable: string): string {
  return rateHundredthsSql(done, `(${required}) - (${notApplicable})`);
}
