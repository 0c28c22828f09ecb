/** All tables, for Drizzle and drizzle-kit. Each module owns its `*.tables.ts`. */
export * from '../modules/account/account.tables.js';
export * from '../modules/audit/audit.tables.js';
export * from '../modules/auth/auth.tables.js';
export * from '../modules/catalog/catalog.tables.js';
export * from '../modules/organisations/organisations.tables.js';
export * from '../modules/tasks/tasks.tables.js';
export * from '../modules/workflow/workflow.tables.js';
export * from '../modules/jobs/jobs.tables.js';
export * from '../modules/profiles/profiles.tables.js';
export * from '../modules/applications/applications.tables.js';
export * from '../modules/imports/imports.tables.js';
export * from '../modules/talentpool/talentpool.tables.js';
export * from '../modules/events/events.tables.js';
