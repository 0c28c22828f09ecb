/** Public surface of the open-data module (开放数据): routes, the refresh task and the demand table. */
export { openDataRoutes } from './opendata.routes.js';
export { refreshDemand } from './opendata.demand.js';
export { OPENDATA_REFRESH_TASK, refreshOpenDataTask } from './opendata.tasks.js';
export { demandMonthly } from './opendata.tables.js';
export { OPEN_DATA_LICENCE } from './opendata.licence.js';
