/** What the API returns for a registration: the full view (the agency, officials of its region) and the public directory entry. */
import { type AgencyService, LICENCE_EXPIRING_DAYS, type RegistrationStatus, registrationWorkflow } from '../../../shared/agencies.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor } from '../../context.js';
import { inRegion } from '../access/region-scope.js';
import type { AgencyRegistrationRow } from './agencies.tables.js';

/** Calendar day in China (UTC+8), YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface RegistrationJoin {
  r: AgencyRegistrationRow;
  orgName: string;
  regionName: string | null;
}

/** Licence flags on `today`: past valid_to, or within LICENCE_EXPIRING_DAYS of it. */
export function licenceFlags(validTo: string, today: string) {
  return { licenceExpired: validTo < today, licenceExpiring: validTo >= today && validTo <= addDays(today, LICENCE_EXPIRING_DAYS) };
}

export function publicRegistrationView({ r, orgName, regionName }: RegistrationJoin, today: string) {
  return {
    id: r.id,
    orgName,
    regionCode: r.regionCode,
    regionName: regionName ?? r.regionCode,
    licenceNumber: r.licenceNumber,
    issuingAuthority: r.issuingAuthority,
    validFrom: r.validFrom,
    validTo: r.validTo,
    businessScope: r.businessScope,
    services: r.services as AgencyService[],
    description: r.description,
    ...licenceFlags(r.validTo, today),
  };
}

/** Officials act only as 人社 officials of the registration's region; the agency only on its own. */
function mayAct(actor: Actor | null, r: AgencyRegistrationRow): boolean {
  if (!actor) return false;
  if (actor.role === 'official') return actor.department === 'hrss' && inRegion(actor, r.regionCode);
  return actor.orgId === r.orgId;
}

export function registrationView(join: RegistrationJoin, actor: Actor | null, today: string) {
  const { r } = join;
  return {
    ...publicRegistrationView(join, today),
    orgId: r.orgId,
    status: r.status as RegistrationStatus,
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    allowedActions: actor && mayAct(actor, r) ? allowedActions(registrationWorkflow, r.status as RegistrationStatus, [actor.role]) : [],
  };
}
export type RegistrationView = ReturnType<typeof registrationView>;
