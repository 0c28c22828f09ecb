/** Public surface of the talent-pool module (人才库, 邀约): other modules import from here only. */
export { talentPoolRoutes } from './talentpool.routes.js';
export { expireInvitations } from './talentpool.service.js';
export { TALENTPOOL_EXPIRE_TASK, expireInvitationsTask } from './talentpool.tasks.js';
export { talentInvitations, type TalentInvitationRow } from './talentpool.tables.js';
