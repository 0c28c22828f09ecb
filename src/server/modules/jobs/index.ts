/** Public surface of the jobs module (岗位): other modules and the seed import from here only. */
export { jobRoutes } from './jobs.routes.js';
export { expireJobs, getJob } from './jobs.service.js';
export { searchJobs } from './jobs.search.js';
export { seedJobs, type SeedJobsResult } from './jobs.seed.js';
export { JOURNEY_MISSING_SKILLS, JOURNEY_POSTING_TITLE, seedJourneyPosting } from './jobs.seed-journey.js';
export { JOBS_EXPIRE_TASK, expireJobsTask } from './jobs.tasks.js';
export { vet, type VettingFinding } from './jobs.vetting.js';
export { warmSegmenter } from './jobs.segment.js';
export { jobPostings, type JobPostingRow } from './jobs.tables.js';
export { chinaDate } from './jobs.views.js';
