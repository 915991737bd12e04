import { Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Clock, type Env } from '@qj/config';
import { figuresMonthOf, type InvestmentLightRules } from '@qj/domain';
import { ValidationFailedException } from '@qj/http';

/**
 * The period and the light thresholds of investment figures, for every room that shows them (the figures, the project
 * list and its export): one reading of the settings, one rule for the default month and for months still to come.
 */
@Injectable()
export class InvestmentPeriod {
  constructor(
    private readonly clock: Clock,
    private readonly config: ConfigService<Env, true>,
  ) {}

  rules(): InvestmentLightRules {
    return { yellowPoints: this.config.get('INVESTMENT_YELLOW_POINTS', { infer: true }), redPoints: this.config.get('INVESTMENT_RED_POINTS', { infer: true }) };
  }

  /**
   * The month asked for (never one still to come: 400), else the current report month (last month, within the plan
   * period; a year without a month: its December, or the report month in the current year).
   */
  resolve(year?: number, month?: number): { year: number; month: number } {
    const fallback = figuresMonthOf(this.clock.today());
    if (year === undefined && month === undefined) return fallback;
    const period = { year: year ?? fallback.year, month: month ?? (year === fallback.year ? fallback.month : 12) };
    this.assertPast(period.year, period.month);
    return period;
  }

  /** Figures exist up to the current month (in APP_TIMEZONE), not for months still to come. */
  assertPast(year: number, month: number): void {
    const today = this.clock.today();
    const [currentYear, currentMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    if (year * 12 + month <= currentYear * 12 + currentMonth) return;
    throw new ValidationFailedException([
      {
        field: 'month',
        message: {
          zh: `month 不能晚于当前月份（${currentYear} 年 ${currentMonth} 月）`,
          en: `month may not be after the current month (${currentYear}-${currentMonth})`,
        },
      },
    ]);
  }
}

@Module({ providers: [InvestmentPeriod], exports: [InvestmentPeriod] })
export class InvestmentPeriodModule {}
