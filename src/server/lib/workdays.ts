/**
 * Working days on the China holiday calendar (法定节假日 with 调休: adjusted working weekends).
 * Used for 公示 periods (policies) and statutory time limits (recognition). Dates are 'YYYY-MM-DD'
 * strings in Asia/Shanghai. The schedule is data: the State Council publishes next year's in
 * November (国务院办公厅关于20XX年部分节假日安排的通知); add it to CHINA_SCHEDULE, or pass a
 * calendar of your own (e.g. from configuration) to every function.
 */

export interface HolidayCalendar {
  /** Days off that would otherwise be working days (Mon–Fri holidays). Weekend holidays may be listed too. */
  holidays: ReadonlySet<string>;
  /** Weekend days that are working days (调休上班). */
  workingWeekends: ReadonlySet<string>;
  /** Years the calendar knows; outside them only weekends count as days off. */
  years: ReadonlySet<number>;
}

interface YearSchedule {
  /** Inclusive ranges of days off. */
  off: ReadonlyArray<readonly [string, string]>;
  /** Adjusted working weekend days. */
  work: readonly string[];
}

/** 国务院办公厅关于2025年 / 2026年部分节假日安排的通知. */
export const CHINA_SCHEDULE: Readonly<Record<number, YearSchedule>> = {
  2025: {
    off: [
      ['2025-01-01', '2025-01-01'], // 元旦
      ['2025-01-28', '2025-02-04'], // 春节
      ['2025-04-04', '2025-04-06'], // 清明节
      ['2025-05-01', '2025-05-05'], // 劳动节
      ['2025-05-31', '2025-06-02'], // 端午节
      ['2025-10-01', '2025-10-08'], // 国庆节、中秋节
    ],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ['2026-01-01', '2026-01-03'], // 元旦
      ['2026-02-15', '2026-02-23'], // 春节
      ['2026-04-04', '2026-04-06'], // 清明节
      ['2026-05-01', '2026-05-05'], // 劳动节
      ['2026-06-19', '2026-06-21'], // 端午节
      ['2026-09-25', '2026-09-27'], // 中秋节
      ['2026-10-01', '2026-10-07'], // 国庆节
    ],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}
function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Builds a calendar from yearly schedules (the official one by default, plus or instead of others). */
export function holidayCalendar(schedule: Readonly<Record<number, YearSchedule>> = CHINA_SCHEDULE): HolidayCalendar {
  const holidays = new Set<string>();
  const workingWeekends = new Set<string>();
  for (const y of Object.values(schedule)) {
    for (const [from, to] of y.off) for (let d = from; d <= to; d = addDays(d, 1)) holidays.add(d);
    for (const d of y.work) workingWeekends.add(d);
  }
  return { holidays, workingWeekends, years: new Set(Object.keys(schedule).map(Number)) };
}

export const CHINA_CALENDAR: HolidayCalendar = holidayCalendar();

/** Today's date in China (Asia/Shanghai, UTC+8 without daylight saving). */
export function chinaDate(at: Date): string {
  return fromUtc(at.getTime() + 8 * 3_600_000);
}

export function isWorkingDay(date: string, cal: HolidayCalendar = CHINA_CALENDAR): boolean {
  if (cal.workingWeekends.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const dow = new Date(toUtc(date)).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * The date on which a period of `n` working days that starts the working day after `start` ends
 * (the day of the act does not count, as in 行政许可法 deadlines). n = 0 returns `start`.
 */
export function addWorkingDays(start: string, n: number, cal: HolidayCalendar = CHINA_CALENDAR): string {
  let d = start;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to` (0 when to <= from). */
export function workingDaysBetween(from: string, to: string, cal: HolidayCalendar = CHINA_CALENDAR): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, cal)) n++;
  return n;
}
