import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { todayIn, type BusinessDay, type CalendarDate } from '@qj/domain';
import type { Env } from './env.schema';

/**
 * The one clock: "now", and "today" as the plan counts it — a calendar day in APP_TIMEZONE. Every rule that depends on
 * the day (overdue, stale, the lights, "not after today") asks it, so a test can move the day for the whole app.
 */
@Injectable()
export class Clock {
  readonly timeZone: string;
  private fixed: Date | null = null;

  constructor(@Inject(ConfigService) config: ConfigService<Env, true>) {
    this.timeZone = config.get('APP_TIMEZONE', { infer: true });
  }

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  today(): CalendarDate {
    return todayIn(this.timeZone, this.now());
  }

  businessDay(): BusinessDay {
    return { today: this.today(), timeZone: this.timeZone };
  }

  /** For tests: stop time at `instant`; `null` lets it run again. */
  setNow(instant: Date | null): void {
    this.fixed = instant ? new Date(instant) : null;
  }
}

/** Registers the Clock for every module of an application. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
