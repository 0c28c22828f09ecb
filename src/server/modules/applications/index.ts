/** Public surface of the applications module (投递): other modules import from here only. */
export { applicationRoutes } from './applications.routes.js';
export { remindStaleApplications, submitApplication } from './applications.service.js';
export { APPLICATIONS_REMIND_STALE_TASK, remindStaleApplicationsTask } from './applications.tasks.js';
export { jobApplications, type JobApplicationRow } from './applications.tables.js';
