/** Public surface of the competitions module (竞赛): other modules and the seed import from here only. */
export { competitionRoutes } from './competitions.routes.js';
export { seedCompetitions } from './competitions.seed.js';
export { openSealedFile, storeSealedFile } from './competitions.files.js';
