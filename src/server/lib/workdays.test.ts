import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, holidayCalendar, isWorkingDay, workingDaysBetween } from './workdays.js';

describe('China working days', () => {
  it('skips weekends and statutory holidays, and counts adjusted working weekends', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-05')).toBe(false); // 国庆 Monday
    expect(isWorkingDay('2026-10-10')).toBe(true); // 调休上班 Saturday
    expect(isWorkingDay('2026-02-14')).toBe(true); // 春节 调休 Saturday
    expect(isWorkingDay('2026-02-16')).toBe(false); // 春节
    expect(isWorkingDay('2025-01-26')).toBe(true); // 2025 春节 调休 Sunday
    expect(isWorkingDay('2025-10-08')).toBe(false); // 2025 国庆中秋
  });

  it('adds working days from the day after the start', () => {
    expect(addWorkingDays('2026-11-27', 5)).toBe('2026-12-04'); // Fri + 5 → next Fri
    // 公示 started on 30 Sep 2026: 1–7 Oct off, Sat 10 Oct works
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14'); // adjusted Saturday before 春节
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4);
    expect(workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
  });

  it('takes a calendar of its own (configurable)', () => {
    const cal = holidayCalendar({ 2030: { off: [['2030-01-01', '2030-01-02']], work: ['2030-01-05'] } });
    expect(isWorkingDay('2030-01-02', cal)).toBe(false);
    expect(isWorkingDay('2030-01-05', cal)).toBe(true);
    expect(isWorkingDay('2026-10-05', cal)).toBe(true); // not in this calendar: a plain Monday
  });

  it('dates in China time', () => {
    expect(chinaDate(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
    expect(chinaDate(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
  });
});
