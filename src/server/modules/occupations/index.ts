/** Public surface of the occupations module (job-title → 职业分类大典 2022 细类 classifier). */
export { getOccupationClassifier } from './occupations.service.js';
export {
  buildClassifier,
  type Candidate,
  type ClassifyResult,
  type OccupationClassifier,
  type TaxonomyData,
} from './occupations.classifier.js';
export { occupationRoutes } from './occupations.routes.js';
export { classifyStream } from './occupations.cli.js';
export { buildTitleRanker, type RankedTitle, type TitleRanker, type TitleRow } from './titles.rank.js';
export { runTitlesRank } from './titles.rank.cli.js';
