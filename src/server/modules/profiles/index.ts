/** Public surface of the profiles module (求职者档案): other modules import from here only. */
export { profileRoutes } from './profiles.routes.js';
export { findProfile, profileView, type ProfileView } from './profiles.service.js';
export { talentProfiles, type TalentProfileRow } from './profiles.tables.js';
export { seedProfiles } from './profiles.seed.js';
export { reindexProfileTokens } from './profiles.reindex.js';
