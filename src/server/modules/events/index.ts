/** Public surface of the events module (招聘活动): other modules and the seed import from here only. */
export { eventRoutes } from './events.routes.js';
export { eventAttendance } from './events.checkin.js';
export { seedEvents } from './events.seed.js';
export { seedLiteracyActivities } from './events.literacy.seed.js';
export { eventParticipants, eventRegistrations, recruitmentEvents, type RecruitmentEventRow } from './events.tables.js';
