/** Shapes of the /api/providers answers the pages read. */
import type { AccreditationAction, AccreditationPurpose, AccreditationStatus, ProviderCategory } from '../../../shared/providers.js';
import type { WorkflowHistoryEntry } from '../../api-types.js';

export interface MyOrganisation {
  id: string;
  name: string;
  kind: string;
  status: string;
  regionCode: string;
  regionName: string;
  category: ProviderCategory | null;
  description: string | null;
}

export interface AccreditationItemView {
  occupationCode: string;
  occupationName: string;
  levelCode: string;
  digital: boolean;
}

export interface AccreditationView {
  id: string;
  orgId: string;
  orgName: string;
  orgKind: string;
  category: ProviderCategory | null;
  regionCode: string;
  regionName: string;
  purpose: AccreditationPurpose;
  status: AccreditationStatus;
  statement: string;
  validUntil: string | null;
  inForce: boolean;
  submittedAt: string;
  decidedAt: string | null;
  items: AccreditationItemView[];
  allowedActions: AccreditationAction[];
}

export interface AccreditationDetail extends AccreditationView {
  history: WorkflowHistoryEntry[];
}
