/** Public surface of the skillcatalog module (技能目录): other modules import from here only. */
export { skillCatalogueRoutes } from './skillcatalog.routes.js';
export {
  type CatalogueEntryInForce,
  type CatalogueKind,
  catalogueEntriesInForce,
  chinaDate,
  subsidyStandardFor,
  versionInForce,
} from './skillcatalog.lookup.js';
export { seedSkillCatalogues } from './skillcatalog.seed.js';
