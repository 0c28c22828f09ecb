/** Public surface of the policies module (政策兑现): other modules, the app and the seed import from here only. */
export { policyRoutes } from './policies.routes.js';
export { POLICIES_PREFILL_TASK, prefillClaims, prefillTask } from './policies.prefill.js';
export { seedPolicies } from './policies.seed.js';
export { applicantFor, judge, judgementView } from './policies.eligibility.js';
export { policies, policyBudgets, policyClaims } from './policies.tables.js';
