/** Shapes of the JSON the server returns (mirrors the server's response schemas). */
import type { ConsentPurpose } from '../shared/consent.js';
import type { Department, OrgKind, Role } from '../shared/roles.js';

export type OrgStatus = 'pending' | 'verified' | 'returned' | 'rejected' | 'suspended';
export type OrgSize = 'micro' | 'small' | 'medium' | 'large';

export interface Paged<T> {
  items: T[];
  total: number;
}

export interface MeUser {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  regionCode: string;
  regionName: string | null;
  department: Department | null;
  organisation: { id: string; name: string; kind: OrgKind; status: OrgStatus } | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  secondFactor: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface Me {
  user: MeUser;
  csrfToken: string;
  idleMinutes: number;
  expiresAt: string;
}

export interface Occupation {
  code: string;
  level: number;
  name: string;
  parentCode: string | null;
  isDigital: boolean;
  isGreen: boolean;
  in2022Edition: boolean;
  addedBatch: string | null;
}

export interface DataSource {
  id: string;
  title: string;
  titleEn?: string;
  publisher: string;
  licence: string;
  url?: string | null;
  /** Attribution text a licence requires to be shown. */
  attribution?: string | null;
  note: string | null;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'special';
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export type IndustryLevel = 'section' | 'division' | 'group' | 'class';
export interface Industry {
  code: string;
  name: string;
  level: IndustryLevel;
  parentCode: string | null;
}

export interface OrganisationItem {
  id: string;
  kind: OrgKind;
  name: string;
  uscc: string;
  regionCode: string;
  regionName: string | null;
  industryCode: string | null;
  status: OrgStatus;
  createdAt: string;
  allowedActions: string[];
}

export interface WorkflowHistoryEntry {
  action: string;
  fromState: string | null;
  toState: string;
  actorRole: Role | null;
  reason: string | null;
  at: string;
}

export interface OrganisationDetail extends OrganisationItem {
  history: WorkflowHistoryEntry[];
  contactPhoneMasked: string | null;
  contactName?: string | null;
  address?: string | null;
  size?: OrgSize | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorRole: Role | null;
  actorRegion: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  regionCode: string | null;
  result: string;
  detail: unknown;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  headSeq: number;
  firstBad?: { seq: number; problem: string };
}

export interface AdminUser {
  id: string;
  username: string;
  role: Role;
  displayName: string;
  regionCode: string;
  regionName: string | null;
  department: Department | null;
  status: string;
  lastLoginAt: string | null;
}

export interface CreatedUser {
  user: AdminUser;
  totpSecret: string | null;
  totpUri: string | null;
}

export interface ConsentRecord {
  purpose: ConsentPurpose;
  policyVersion: string;
  grantedAt: string | null;
  withdrawnAt: string | null;
}

export interface AccountData {
  user: MeUser;
  consents: ConsentRecord[];
}

export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface Task {
  id: string;
  kind: string;
  status: TaskStatus;
  progress: number;
  total: number | null;
  message: string | null;
  result: unknown;
  error: unknown;
}
