/** Public surface of the catalogue module: other modules import from here only. */
export { loadReferenceCatalogs, REFERENCE_DIR, type LoadOptions } from './catalog.load.js';
export { GANJIANG_NEW_AREA_CODE } from './catalog.datasets.js';
export { findRegion, getRegion } from './regions.service.js';
export {
  ancestorCodes,
  checkIndustryCode,
  checkOccupationCode,
  digitalOccupationSummary,
  findOccupation,
  getOccupation,
  isDigitalOccupation,
  listRegions,
  searchOccupations,
  type OccupationItem,
} from './catalog.service.js';
export { CATALOG_SOURCES, JOBE_ATTRIBUTION, type CatalogSource } from './catalog.sources.js';
export type { RegionRow, OccupationRow } from './catalog.tables.js';
