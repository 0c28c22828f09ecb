/** Public surface of the providers module (培训评价机构, 资质, 产教融合共同体): other modules import from here only. */
export { providerRoutes } from './providers.routes.js';
export { assertAccredited, findAccreditation, type AccreditationPurpose } from './providers.accreditation.js';
export { expireAccreditations } from './providers.service.js';
export { PROVIDERS_EXPIRE_TASK, expireAccreditationsTask } from './providers.tasks.js';
export { seedProviders } from './providers.seed.js';
