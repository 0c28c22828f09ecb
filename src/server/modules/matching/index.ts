/** Public surface of the matching module (人岗匹配): other modules import from here only. */
export { matchingRoutes } from './matching.routes.js';
export { matchingEngine, type MatchingEngine } from './matching.engine.js';
export { MATCHING_CONFIG } from './matching.config.js';
export { scoreMatch, type JobFeatures, type TalentFeatures, type MatchResult } from './matching.score.js';
