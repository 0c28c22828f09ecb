/** Public surface of the recognition module (高层次人才认定, 人才计划, 柔性引才, 博士后站): other modules and the seed import from here only. */
export { recognitionRoutes } from './recognition.routes.js';
export { RECOGNITION_DEADLINES_TASK, recognitionDeadlinesTask, watchDeadlines } from './recognition.alerts.js';
export { seedRecognition } from './recognition.seed.js';
export { talentStations, recognitionApplications } from './recognition.tables.js';
