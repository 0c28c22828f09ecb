/** Public surface of the wages module (工资价位): other modules import from here only. */
export { wageRoutes } from './wages.routes.js';
export { queryWages, wageOptions } from './wages.service.js';
export { refreshWages, refreshWagesTask, WAGES_REFRESH_TASK } from './wages.tasks.js';
export { wageStats, wageSurveyBatches, wageSurveyRows } from './wages.tables.js';
export { seedWages } from './wages.seed.js';
