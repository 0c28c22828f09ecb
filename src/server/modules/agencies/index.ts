/** Public surface of the agencies module (人力资源服务机构: registry, 年度报告, 受托招聘): other modules import from here only. */
export { agencyRoutes } from './agencies.routes.js';
export { assertAgencyMayRecruit, expireRegistrations } from './agencies.directory.js';
export { AGENCIES_EXPIRE_TASK, expireRegistrationsTask } from './agencies.tasks.js';
export { seedAgencies } from './agencies.seed.js';
