/** Public surface of the imports module (批量导入): other modules import from here only. */
export { importRoutes } from './imports.routes.js';
export { IMPORT_TASK } from './imports.service.js';
export { importTask, runImport } from './imports.process.js';
export { importBatches, importKeys } from './imports.tables.js';
export { IMPORTS_PURGE_TASK, purgeImportFiles, purgeImportFilesTask } from './imports.purge.js';
