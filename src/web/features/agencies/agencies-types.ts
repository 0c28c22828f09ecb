/** Shapes of the agencies API (src/server/modules/agencies: agencies.views.ts, agencies.reports.ts, agencies.report-table.ts). */
import type { AgencyService, FilingStatus, RegistrationStatus, ReportStatus, RevenueBand } from '../../../shared/agencies.js';
import type { WorkflowHistoryEntry } from '../../api-types.js';

/** A directory entry (public). */
export interface AgencyEntry {
  id: string;
  orgName: string;
  regionCode: string;
  regionName: string;
  licenceNumber: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
  businessScope: string;
  services: AgencyService[];
  description: string | null;
  licenceExpired: boolean;
  licenceExpiring: boolean;
}

/** The full view: the agency itself and officials of its region. */
export interface RegistrationView extends AgencyEntry {
  orgId: string;
  status: RegistrationStatus;
  submittedAt: string;
  decidedAt: string | null;
  allowedActions: string[];
  history?: WorkflowHistoryEntry[];
}

export interface MyAgency {
  organisation: { id: string; name: string; status: string; regionCode: string; regionName: string };
  registration: (RegistrationView & { history: WorkflowHistoryEntry[] }) | null;
}

export interface ReportView {
  id: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  regionName: string;
  year: number;
  status: ReportStatus;
  personsServed: number;
  employersServed: number;
  placements: number;
  eventsHeld: number;
  revenueBand: RevenueBand;
  staffCount: number;
  aiServices: string;
  deadline: string;
  late: boolean;
  submittedAt: string | null;
  decidedAt: string | null;
  allowedActions: string[];
  history?: WorkflowHistoryEntry[];
}

export interface ReportTableRow {
  registrationId: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  regionName: string;
  licenceNumber: string;
  registrationStatus: RegistrationStatus;
  services: AgencyService[];
  filingStatus: FilingStatus;
  reportId: string | null;
  late: boolean;
  overdue: boolean;
  submittedAt: string | null;
  personsServed: number | null;
  employersServed: number | null;
  placements: number | null;
  eventsHeld: number | null;
  revenueBand: RevenueBand | null;
  staffCount: number | null;
  aiServices: string | null;
}

export interface ReportTable {
  year: number;
  deadline: string;
  pastDeadline: boolean;
  counts: Record<FilingStatus | 'late' | 'overdue', number>;
  total: number;
  items: ReportTableRow[];
}
