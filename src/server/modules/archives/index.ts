/** Public surface of the archives module (流动人员人事档案). */
export { archiveRoutes } from './archives.routes.js';
export { seedArchives } from './archives.seed.js';
