/** Shapes of the /api/skill-catalogues answers the pages read. */
import type { CatalogueKind, CatalogueVersionStatus } from '../../../shared/skillcatalog.js';
import type { WorkflowHistoryEntry } from '../../api-types.js';

export interface VersionView {
  id: string;
  kind: CatalogueKind;
  regionCode: string;
  regionName: string;
  label: string;
  documentNo: string | null;
  status: CatalogueVersionStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  inForce: boolean;
  note: string | null;
  publishedAt: string | null;
  createdAt: string;
  entryCount: number;
  allowedActions: Array<'publish' | 'discard'>;
}

export interface EntryView {
  id: string;
  occupationCode: string;
  occupationName: string;
  workType: string;
  levelCode: string;
  subsidyFen: number | null;
  digital: boolean;
  note: string | null;
}

export interface VersionDetail extends VersionView {
  entries: EntryView[];
  history: WorkflowHistoryEntry[];
}

export interface InForceAnswer {
  on: string;
  kind: CatalogueKind;
  regionCode: string;
  version: VersionView | null;
  entries: EntryView[];
}

export interface ChangedEntry extends EntryView {
  before: { subsidyFen: number | null; digital: boolean };
  after: { subsidyFen: number | null; digital: boolean };
}

export interface DiffAnswer {
  from: VersionView;
  to: VersionView;
  added: EntryView[];
  removed: EntryView[];
  changed: ChangedEntry[];
  unchanged: number;
}

export interface ImportProblem {
  row: number;
  column: string;
  error: string;
  value: string;
}
