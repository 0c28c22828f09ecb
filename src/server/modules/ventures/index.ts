/** Public surface of the ventures module (助创业): the app and the seed import from here only. */
export { ventureRoutes } from './ventures.routes.js';
export { seedVentures } from './ventures.seed.js';
