import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { currentMonth } from '../lib/investment';

/** A month (YYYY-MM) from 2026-01 to the current month, as the API accepts them. */
export function MonthPicker({ value, onChange, testId }: { value: string; onChange: (month: string) => void; testId?: string }) {
  const last = currentMonth() > '2030-12' ? '2030-12' : currentMonth();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${value}-01`)}
      format="YYYY-MM"
      disabledDate={(day) => day.format('YYYY-MM') < '2026-01' || day.format('YYYY-MM') > last}
      onChange={(day) => day && onChange(day.format('YYYY-MM'))}
      data-testid={testId}
      style={{ width: 140 }}
    />
  );
}
