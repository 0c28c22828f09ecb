/**
 * The statutory time limit of a recognition application, in working days on the China holiday calendar
 * (lib/workdays.ts: 法定节假日 and 调休 working weekends). The clock starts at acceptance (受理; the day of
 * acceptance does not count); a request for 补正 stops it on the day of the request and it runs again
 * from the day after resubmission, so the deadline moves by the working days in between.
 */
import { CLOCK_RUNNING_STATUSES, type RecognitionStatus } from '../../../shared/recognition.js';
import { addWorkingDays, CHINA_CALENDAR, type HolidayCalendar, workingDaysBetween } from '../../lib/workdays.js';

export interface ClockState {
  status: string;
  acceptedOn: string | null;
  limitWorkingDays: number;
  pausedWorkingDays: number;
  pausedSince: string | null;
  deadline: string | null;
}

/** accepted_on + limit + paused working days. */
export function deadlineOf(acceptedOn: string, limitWorkingDays: number, pausedWorkingDays: number, cal: HolidayCalendar = CHINA_CALENDAR): string {
  return addWorkingDays(acceptedOn, limitWorkingDays + pausedWorkingDays, cal);
}

/** Working days the clock stood still for a 补正 requested on `since` and answered on `resumedOn`. */
export function pausedDays(since: string, resumedOn: string, cal: HolidayCalendar = CHINA_CALENDAR): number {
  return workingDaysBetween(since, resumedOn, cal);
}

export interface ClockView {
  acceptedOn: string | null;
  deadline: string | null;
  limitWorkingDays: number;
  pausedWorkingDays: number;
  paused: boolean;
  /** The day the 补正 was requested, while paused. */
  pausedSince: string | null;
  /** Working days left after today (0 on the deadline day); negative = working days overdue; null when the clock does not run. */
  workingDaysLeft: number | null;
  overdue: boolean;
}

/** Where the clock stands on `today` (China date). */
export function clockView(a: ClockState, today: string, cal: HolidayCalendar = CHINA_CALENDAR): ClockView {
  const running = (CLOCK_RUNNING_STATUSES as readonly string[]).includes(a.status as RecognitionStatus) && !!a.deadline;
  let left: number | null = null;
  if (running && a.deadline) left = today <= a.deadline ? workingDaysBetween(today, a.deadline, cal) : -workingDaysBetween(a.deadline, today, cal);
  return {
    acceptedOn: a.acceptedOn,
    deadline: a.deadline,
    limitWorkingDays: a.limitWorkingDays,
    pausedWorkingDays: a.pausedWorkingDays,
    paused: a.status === 'supplement',
    pausedSince: a.status === 'supplement' ? a.pausedSince : null,
    workingDaysLeft: left,
    overdue: running && !!a.deadline && today > a.deadline,
  };
}
