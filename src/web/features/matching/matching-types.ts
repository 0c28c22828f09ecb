/** Shapes of the matching API (src/server/modules/matching/matching.service.ts). */
import type { WorkMode } from '../../../shared/jobs.js';
import type { MatchParts, MatchReasons } from '../../../shared/matching.js';

export interface MatchJobCard {
  id: string;
  title: string;
  orgName: string;
  regionCode: string;
  occupationCode: string;
  salaryMinFen: number;
  salaryMaxFen: number;
  educationCode: string | null;
  experienceYearsMin: number;
  workMode: WorkMode;
  publishedAt: string | null;
}

export interface Scored {
  score: number;
  parts: MatchParts;
  reasons: MatchReasons;
}

export interface JobMatch extends Scored {
  job: MatchJobCard;
}

export interface JobsForMe {
  hasProfile: boolean;
  items: JobMatch[];
}

export interface TalentCard {
  id: string;
  displayName: string;
  regionCode: string;
  educationRank: number | null;
  experienceYears: number;
  skills: string[];
  desiredOccupations: string[];
}

export interface TalentMatch extends Scored {
  talent: TalentCard;
}

export interface TalentsForJob {
  job: { id: string; title: string; status: string };
  items: TalentMatch[];
}

export interface GapItem {
  key: string;
  name: string;
  importance: 'required' | 'preferred';
  requiredLevel: string | null;
  weight: number;
  share: number | null;
  learning: {
    occupations: { code: string; name: string; postings: number }[];
    cluster: { id: string; name: string } | null;
    courses: {
      id: string;
      title: string;
      providerName: string;
      regionCode: string;
      startsOn: string;
      feeFen: number;
      subsidyFen: number | null;
    }[];
  };
}

export interface Gaps {
  target: { kind: 'job'; id: string; title: string } | { kind: 'occupation'; code: string; name: string };
  missing: GapItem[];
  levelGaps: { key: string; name: string; requiredLevel: string; declaredLevel: string | null }[];
  matched: string[];
  postings: number | null;
}
