/**
 * Is an organisation accredited for an occupation and level on a day? Training classes and skill
 * evaluations call these before publishing or issuing. An accreditation counts while it is `approved`
 * and `valid_until` has not passed (the daily expiry task only makes the status catch up).
 */
import { and, desc, eq, gte } from 'drizzle-orm';
import type { AccreditationPurpose as Purpose } from '../../../shared/providers.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../../db/client.js';
import { accreditationItems, accreditations } from './providers.tables.js';

export type AccreditationPurpose = Purpose;

export interface AccreditationQuery {
  organisationId: string;
  purpose: AccreditationPurpose;
  occupationCode: string;
  levelCode: string;
  on: string;
}

export async function findAccreditation(db: Db, q: AccreditationQuery): Promise<{ id: string; regionCode: string; validUntil: string } | null> {
  const [row] = await db
    .select({ id: accreditations.id, regionCode: accreditations.regionCode, validUntil: accreditations.validUntil })
    .from(accreditations)
    .innerJoin(accreditationItems, eq(accreditationItems.accreditationId, accreditations.id))
    .where(
      and(
        eq(accreditations.orgId, q.organisationId),
        eq(accreditations.purpose, q.purpose),
        eq(accreditations.status, 'approved'),
        gte(accreditations.validUntil, q.on),
        eq(accreditationItems.occupationCode, q.occupationCode),
        eq(accreditationItems.levelCode, q.levelCode),
      ),
    )
    .orderBy(desc(accreditations.validUntil))
    .limit(1);
  if (!row?.validUntil) return null;
  return { id: row.id, regionCode: row.regionCode, validUntil: row.validUntil };
}

/** throws AppError('ACCREDITATION_REQUIRED', { status: 409, params: { occupationCode, levelCode } }) */
export async function assertAccredited(db: Db, q: AccreditationQuery): Promise<void> {
  const found = await findAccreditation(db, q);
  if (!found) {
    throw new AppError('ACCREDITATION_REQUIRED', {
      status: 409,
      params: { occupationCode: q.occupationCode, levelCode: q.levelCode, purpose: q.purpose },
    });
  }
}
