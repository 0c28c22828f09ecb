/** English texts of the recognition pages (partial: missing keys fall back to Chinese). */
import type { DeepPartial } from './messages.js';
import type { zhCNRecognition } from './zh-CN.recognition.js';

export const enUSRecognition: DeepPartial<typeof zhCNRecognition> = {
  nav: { mine: 'Talent recognition & benefits', reviews: 'Review tasks', manage: 'Talent recognition', stations: 'Stations' },
  status: {
    submitted: 'Awaiting acceptance',
    accepted: 'Accepted',
    supplement: 'Supplement requested',
    in_review: 'In expert review',
    recognised: 'Recognised',
    not_recognised: 'Not recognised',
    not_accepted: 'Not accepted',
    withdrawn: 'Withdrawn',
  },
  benefit: {
    housing: 'Housing',
    medical: 'Medical care',
    spouse_employment: 'Spouse employment',
    children_school: 'Children’s schooling',
    transport_tourism: 'Transport & tourism',
    position_allowance: 'Position allowance',
    finance_venture: 'Finance & venture capital',
  },
  benefitStatus: { pending: 'In progress', granted: 'Granted', declined: 'Declined' },
  clock: {
    notStarted: 'The time limit starts at acceptance',
    paused: 'Clock paused for supplementary materials since {since} ({paused} working days paused before)',
    left: 'Deadline {deadline}, {days} working days left',
    dueToday: 'Due today ({deadline})',
    overdue: '{days} working days overdue (deadline {deadline})',
    closed: 'Closed',
  },
  mine: { title: 'Talent recognition & benefits', applications: 'Applications', benefits: 'My benefits', programmes: 'Talent programmes' },
  reviews: { title: 'Review tasks' },
  manage: {
    title: 'Talent recognition',
    queue: 'Applications',
    overdue: 'Overdue',
    alerts: 'Reminders',
    benefits: 'Benefits',
    programmes: 'Programmes',
    flexible: 'Flexible introduction',
    stations: 'Stations',
  },
  stations: { title: 'Stations' },
};
