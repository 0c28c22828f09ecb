/**
 * Adapter to the job-title classifier (modules/occupations): used only when a posting row leaves
 * 职业代码 empty. A weak suggestion is not used: the row is rejected as occupation_unclassified and the
 * importer fills in the code.
 */
import type { Database } from '../../db/client.js';
import { getOccupationClassifier } from '../occupations/index.js';

export interface Classification {
  code: string;
  score: number;
}
export type ClassifyFn = (title: string, description?: string) => Classification | null;

/** Below this score the suggestion is too weak to file a posting under it. */
export const MIN_CLASSIFY_SCORE = 0.2;

export async function loadClassifier(database: Database): Promise<ClassifyFn | null> {
  const classifier = await getOccupationClassifier(database).catch(() => null);
  if (!classifier) return null;
  return (title, description) => {
    const r = classifier.classify(title, description);
    if (!r.code || r.score < MIN_CLASSIFY_SCORE) return null;
    return { code: r.code, score: r.score };
  };
}
