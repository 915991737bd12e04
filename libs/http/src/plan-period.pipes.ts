import { PipeTransform } from '@nestjs/common';
import { isPlanMonth, isPlanYear, PLAN_YEARS, REPORT_MONTHS } from '@qj/domain';
import { ValidationFailedException } from './domain.exception';

export const yearRefusal = (field = 'year') =>
  new ValidationFailedException([{ field, message: `${field} 必须是规划期内的年份（${PLAN_YEARS.from}–${PLAN_YEARS.to}）` }]);
export const monthRefusal = (field = 'month') =>
  new ValidationFailedException([{ field, message: `${field} 必须是规划期内的月份，格式 YYYY-MM（${REPORT_MONTHS.from} 至 ${REPORT_MONTHS.to}）` }]);

/** A year of the plan period (2026–2030) as a route parameter or query value: a number, or 400 naming the field. */
export function yearParam(field = 'year'): PipeTransform<unknown, number> {
  return {
    transform: (value: unknown) => {
      const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : typeof value === 'number' ? value : NaN;
      if (!isPlanYear(year)) throw yearRefusal(field);
      return year;
    },
  };
}

/** A month `YYYY-MM` of the plan period (2026-01 … 2030-12), or 400 naming the field. Whether it is in the future is the service's (the Clock's) call. */
export function monthParam(field = 'month'): PipeTransform<unknown, string> {
  return {
    transform: (value: unknown) => {
      if (!isPlanMonth(value)) throw monthRefusal(field);
      return value;
    },
  };
}
