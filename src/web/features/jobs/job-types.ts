/** Shapes of the jobs API (src/server/modules/jobs: jobs.search.ts, jobs.views.ts, jobs.service.ts). */
import type { JobSkill, JobStatus, VettingCategory, WorkMode } from '../../../shared/jobs.js';
import type { WorkflowHistoryEntry } from '../../api-types.js';

export interface JobSearchItem {
  id: string;
  orgId: string;
  title: string;
  summary: string;
  regionCode: string;
  occupationCode: string;
  isDigital: boolean;
  salaryMinFen: number;
  salaryMaxFen: number;
  educationCode: string | null;
  experienceYearsMin: number;
  workMode: WorkMode;
  headcount: number;
  validUntil: string;
  orgName: string | null;
  regionName: string | null;
  occupationName: string | null;
  skills: string[];
  publishedAt: string | null;
  /** The title with `<mark>` around matched terms; everything else HTML-escaped by the server. */
  highlight: { title: string };
}

export interface FacetCount {
  code: string;
  name: string | null;
  count: number;
}

export interface JobSearchResult {
  items: JobSearchItem[];
  total: number;
  page: number;
  pageSize: number;
  match: 'all' | 'fulltext' | 'partial';
  facets: {
    city: FacetCount[];
    digital: { value: boolean; count: number }[];
    education: FacetCount[];
    occupation: FacetCount[];
  };
  code?: 'JOBS_NO_MATCH';
}

/** What anyone sees of a live posting. */
export interface PublicJob {
  id: string;
  orgId: string;
  orgName: string | null;
  /** 受托招聘: the client employer when an HR service agency posted it. */
  clientEmployerName: string | null;
  regionCode: string;
  title: string;
  description: string;
  occupationCode: string;
  requiredSkills: JobSkill[];
  preferredSkills: JobSkill[];
  educationCode: string | null;
  experienceYearsMin: number;
  salaryMinFen: number;
  salaryMaxFen: number;
  headcount: number;
  workMode: WorkMode;
  validFrom: string;
  validUntil: string;
  isDigital: boolean;
  status: JobStatus;
  publishedAt: string | null;
}

export interface VettingFinding {
  category: VettingCategory;
  phrase: string;
  start: number;
  end: number;
  rule?: string;
  field: 'title' | 'description';
}

/** The full view: the employer's own postings and officials of the region. */
export interface JobView extends PublicJob {
  vetting: { findings: VettingFinding[] };
  vettingOverrideReason: string | null;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
  history?: WorkflowHistoryEntry[];
  duplicateOf?: string | null;
}

export function isFullView(job: PublicJob | JobView): job is JobView {
  return 'allowedActions' in job;
}
