/** Shapes the competitions API answers (src/server/modules/competitions). */
export interface Criterion {
  code: string;
  name: string;
  weight: number;
}
export interface ResultRow {
  entryId: string;
  code: string;
  name: string;
  orgName: string | null;
  aggregate: number;
  mean: number;
  judgeCount: number;
  trimmed: boolean;
  rank: number;
  tied: boolean;
  advanced: boolean;
}
export interface RoundView {
  id: string;
  seq: number;
  kind: 'preliminary' | 'semi_final' | 'final';
  status: 'pending' | 'scoring' | 'closed';
  advanceCount: number | null;
  allowedActions?: string[];
  results?: ResultRow[];
}
export interface AwardView {
  id: string;
  entryId: string;
  awardName: string;
  rank: number;
  code: string;
  name: string;
  grantsLevel: boolean;
  grantedAt: string | null;
  certificates: { levelCode: string; number: string; promotion: boolean }[];
}
export interface Results {
  rounds: RoundView[];
  awards: AwardView[];
}
export interface CompetitionSummary {
  id: string;
  kind: 'innovation' | 'skills' | 'data_elements';
  title: string;
  organiser: string;
  regionCode: string;
  status: string;
  registrationDeadline: string;
  registrationOpen: boolean;
  resultsPublishedAt: string | null;
  allowedActions: string[];
}
export interface CompetitionDetail extends CompetitionSummary {
  description: string;
  groups: { code: string; name: string }[];
  categories: { code: string; name: string }[];
  criteria: Criterion[];
  aggregation: { method: 'mean' | 'trimmed'; trimMinJudges: number };
  awards: { name: string; count: number; grantsLevel: boolean }[];
  levelCode: string | null;
  entryCount: number;
  rounds: RoundView[];
  results: Results | null;
}
