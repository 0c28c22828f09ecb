/**
 * 流动人员人事档案. Custodians (HR service agencies, public service centres), which custodian holds each
 * person's archive, the archive view (with its digitised materials and transfers; current custodian and the
 * person only), the custodian desk and custody certificates. Every view of an archive or its materials is
 * audited (`archive.view`, `archive.material_read`); material uploads, reads and the staff's materials list
 * are in archives.materials.ts; requesting and moving transfers (the archive_transfer workflow; custody moves
 * exactly once, on receipt) is in archives.transfers.ts.
 */
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import { type CreateCustodian, type RecordArchive, type TransferStatus, transferWorkflow } from '../../../shared/archives.js';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inRegion, regionContains, regionFilter } from '../access/region-scope.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { getRegion } from '../catalog/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import {
  type ArchiveTransferRow,
  archiveCustodians,
  archiveMaterials,
  archiveTransfers,
  type CustodianRow,
  custodyCertificates,
  type PersonArchiveRow,
  personArchives,
} from './archives.tables.js';

type ActorCtx = Ctx & { actor: Actor };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function tx<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (d) => fn({ ...ctx, db: d as unknown as Db }));
}

/** Staff of a custodian: accounts of its agency organisation; officials of its region for a public centre. */
export function isStaffOf(actor: Actor, c: Pick<CustodianRow, 'kind' | 'orgId' | 'regionCode'>): boolean {
  if (c.kind === 'agency') return actor.role === 'agency' && !!actor.orgId && actor.orgId === c.orgId;
  return actor.role === 'official' && inRegion(actor, c.regionCode);
}

/** Custodians the actor works for. */
export async function staffedCustodians(ctx: ActorCtx): Promise<CustodianRow[]> {
  if (ctx.actor.role === 'agency' && ctx.actor.orgId) return ctx.db.select().from(archiveCustodians).where(eq(archiveCustodians.orgId, ctx.actor.orgId));
  if (ctx.actor.role === 'official')
    return ctx.db
      .select()
      .from(archiveCustodians)
      .where(and(eq(archiveCustodians.kind, 'public_centre'), regionFilter(ctx.actor, archiveCustodians.regionCode)));
  return [];
}

/** Official: add a custodian of the region (an agency organisation, or a public service centre). */
export async function createCustodian(ctx: ActorCtx, input: CreateCustodian) {
  await getRegion(ctx, input.regionCode);
  if (!regionContains(ctx.actor.regionCode, input.regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403, params: { field: 'regionCode' } });
  if (input.kind === 'agency') {
    const [org] = input.orgId ? await ctx.db.select().from(organisations).where(eq(organisations.id, input.orgId)) : [];
    if (org?.kind !== 'agency' || org.status !== 'verified') throw new AppError('ARCHIVES_CUSTODIAN_ORG_INVALID', { status: 422 });
  }
  return tx(ctx, async (t) => {
    const [row] = await t.db
      .insert(archiveCustodians)
      .values({
        kind: input.kind,
        name: input.name,
        regionCode: input.regionCode,
        orgId: input.kind === 'agency' ? input.orgId : null,
        address: input.address,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('VALIDATION_FAILED', { status: 409, params: { fields: ['orgId'] } });
    await record(t, {
      action: 'archive.custodian_create',
      objectType: 'archive_custodian',
      objectId: row.id,
      regionCode: row.regionCode,
      detail: { kind: row.kind },
    });
    return custodianView(row);
  });
}

function custodianView(c: CustodianRow) {
  return { id: c.id, kind: c.kind, name: c.name, regionCode: c.regionCode, address: c.address };
}

/** Any signed-in user: the custodian directory (to choose a transfer target); ?region limits to a city. */
export async function listCustodians(ctx: Ctx) {
  const rows = await ctx.db.select().from(archiveCustodians).orderBy(asc(archiveCustodians.regionCode), asc(archiveCustodians.name));
  return { items: rows.map(custodianView) };
}

/** Custodian staff: record an archive taken in (first custody on the platform). 201; 409 ARCHIVES_ARCHIVE_EXISTS. */
export async function recordArchive(ctx: ActorCtx, input: RecordArchive) {
  return tx(ctx, async (t) => {
    const [c] = await t.db.select().from(archiveCustodians).where(eq(archiveCustodians.id, input.custodianId));
    if (!c || !isStaffOf(ctx.actor, c)) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'custodianId' } });
    const [person] = await t.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.username, input.username));
    if (person?.role !== 'talent') throw new AppError('NOT_FOUND', { status: 404, params: { field: 'username' } });
    const [row] = await t.db
      .insert(personArchives)
      .values({
        personUserId: person.id,
        custodianId: c.id,
        regionCode: c.regionCode,
        archiveNo: input.archiveNo,
        since: input.since,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('ARCHIVES_ARCHIVE_EXISTS', { status: 409 });
    await record(t, { action: 'archive.record', objectType: 'person_archive', objectId: row.id, regionCode: c.regionCode, detail: { custodianId: c.id } });
    return { id: row.id };
  });
}

/** The person, or staff of the current custodian; 404 for anyone else. */
export async function archiveFor(ctx: ActorCtx, archiveId: string): Promise<{ archive: PersonArchiveRow; custodian: CustodianRow; asStaff: boolean }> {
  const [archive] = await ctx.db.select().from(personArchives).where(eq(personArchives.id, archiveId));
  if (!archive) throw new AppError('NOT_FOUND', { status: 404 });
  const [custodian] = await ctx.db.select().from(archiveCustodians).where(eq(archiveCustodians.id, archive.custodianId));
  if (!custodian) throw new AppError('NOT_FOUND', { status: 404 });
  const asStaff = isStaffOf(ctx.actor, custodian);
  if (!asStaff && archive.personUserId !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
  return { archive, custodian, asStaff };
}

async function archiveView(ctx: ActorCtx, archive: PersonArchiveRow, custodian: CustodianRow, asStaff: boolean) {
  const [person] = await ctx.db.select({ displayName: users.displayName }).from(users).where(eq(users.id, archive.personUserId));
  const mats = await ctx.db.select().from(archiveMaterials).where(eq(archiveMaterials.archiveId, archive.id)).orderBy(asc(archiveMaterials.createdAt));
  const transfers = await ctx.db.select().from(archiveTransfers).where(eq(archiveTransfers.archiveId, archive.id)).orderBy(desc(archiveTransfers.requestedAt));
  const names = await custodianNames(
    ctx.db,
    transfers.flatMap((x) => [x.fromCustodianId, x.toCustodianId]),
  );
  return {
    id: archive.id,
    archiveNo: archive.archiveNo,
    since: archive.since,
    personName: asStaff ? maskName(person?.displayName ?? '') : (person?.displayName ?? ''),
    custodian: custodianView(custodian),
    materials: mats.map((m) => ({
      id: m.id,
      title: m.title,
      category: m.category,
      fileName: m.fileName,
      mime: m.mime,
      sizeBytes: m.sizeBytes,
      uploadedAt: m.createdAt.toISOString(),
    })),
    transfers: transfers.map((x) => transferView(ctx, x, names)),
  };
}

async function custodianNames(db: Db, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await db.select().from(archiveCustodians).where(inArray(archiveCustodians.id, unique)) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

function transferView(ctx: ActorCtx, x: ArchiveTransferRow, custodians: Map<string, CustodianRow>) {
  const from = custodians.get(x.fromCustodianId);
  const to = custodians.get(x.toCustodianId);
  const staffFrom = !!from && isStaffOf(ctx.actor, from);
  const staffTo = !!to && isStaffOf(ctx.actor, to);
  const actions = allowedActions(transferWorkflow, x.status as TransferStatus, [ctx.actor.role]).filter((a) =>
    a === 'receive' ? staffTo : a === 'cancel' ? ctx.actor.role === 'talent' : staffFrom,
  );
  return {
    id: x.id,
    status: x.status,
    from: from ? custodianView(from) : null,
    to: to ? custodianView(to) : null,
    reason: x.reason,
    trackingNumber: x.trackingNumber,
    requestedAt: x.requestedAt.toISOString(),
    updatedAt: x.updatedAt.toISOString(),
    allowedActions: actions,
  };
}

/** Talent: my archive (where it is, materials, transfers); the view is audited. null when none is recorded. */
export async function myArchive(ctx: ActorCtx) {
  const [archive] = await ctx.db.select().from(personArchives).where(eq(personArchives.personUserId, ctx.actor.userId));
  if (!archive) return { archive: null };
  return tx(ctx, async (t) => {
    const { custodian } = await archiveFor(t, archive.id);
    await record(t, { action: 'archive.view', objectType: 'person_archive', objectId: archive.id, regionCode: archive.regionCode, detail: { as: 'person' } });
    return { archive: await archiveView(t, archive, custodian, false) };
  });
}

/** Custodian staff or the person: one archive; audited. */
export async function getArchive(ctx: ActorCtx, id: string) {
  return tx(ctx, async (t) => {
    const { archive, custodian, asStaff } = await archiveFor(t, id);
    await record(t, {
      action: 'archive.view',
      objectType: 'person_archive',
      objectId: archive.id,
      regionCode: archive.regionCode,
      detail: { as: asStaff ? 'custodian' : 'person' },
    });
    return archiveView(t, archive, custodian, asStaff);
  });
}

/** Custodian staff: archives held, and transfers in and out. */
export async function custodianDesk(ctx: ActorCtx) {
  const mine = await staffedCustodians(ctx);
  const ids = mine.map((c) => c.id);
  if (ids.length === 0) return { custodians: [], archives: [], incoming: [], outgoing: [] };
  const held = await ctx.db
    .select({
      id: personArchives.id,
      archiveNo: personArchives.archiveNo,
      since: personArchives.since,
      custodianId: personArchives.custodianId,
      name: users.displayName,
    })
    .from(personArchives)
    .innerJoin(users, eq(users.id, personArchives.personUserId))
    .where(inArray(personArchives.custodianId, ids))
    .orderBy(asc(personArchives.archiveNo))
    .limit(500);
  const transfers = await ctx.db
    .select()
    .from(archiveTransfers)
    .where(or(inArray(archiveTransfers.fromCustodianId, ids), inArray(archiveTransfers.toCustodianId, ids)) as SQL)
    .orderBy(desc(archiveTransfers.requestedAt))
    .limit(500);
  const names = await custodianNames(
    ctx.db,
    transfers.flatMap((x) => [x.fromCustodianId, x.toCustodianId]),
  );
  const archiveNos = new Map(
    (transfers.length
      ? await ctx.db
          .select({ id: personArchives.id, no: personArchives.archiveNo })
          .from(personArchives)
          .where(
            inArray(
              personArchives.id,
              transfers.map((x) => x.archiveId),
            ),
          )
      : []
    ).map((r) => [r.id, r.no]),
  );
  // the list shows archive numbers and masked names: audited as one view of the held archives
  await recordAlone(ctx, {
    action: 'archive.desk_view',
    objectType: 'archive_custodian',
    objectId: ids[0],
    detail: { custodians: ids.length, archives: held.length },
  });
  const view = (x: ArchiveTransferRow) => ({ ...transferView(ctx, x, names), archiveId: x.archiveId, archiveNo: archiveNos.get(x.archiveId) ?? '' });
  return {
    custodians: mine.map(custodianView),
    archives: held.map((h) => ({ id: h.id, archiveNo: h.archiveNo, since: h.since, custodianId: h.custodianId, personName: maskName(h.name) })),
    incoming: transfers.filter((x) => ids.includes(x.toCustodianId)).map(view),
    outgoing: transfers.filter((x) => ids.includes(x.fromCustodianId)).map(view),
  };
}

/** 404 unless the actor is staff of the archive's current custodian (runs before validation: checks the id's shape). */
export async function assertArchiveStaff(ctx: ActorCtx, archiveId: string): Promise<void> {
  if (!UUID.test(archiveId)) throw new AppError('NOT_FOUND', { status: 404 });
  const { asStaff } = await archiveFor(ctx, archiveId);
  if (!asStaff) throw new AppError('NOT_FOUND', { status: 404 });
}

function newCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `DA-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** Talent: a certificate of custody for my archive (recorded, audited); returns the code and the facts to print. */
export async function issueCustodyCertificate(ctx: ActorCtx) {
  const [archive] = await ctx.db.select().from(personArchives).where(eq(personArchives.personUserId, ctx.actor.userId));
  if (!archive) throw new AppError('ARCHIVES_NO_ARCHIVE', { status: 404 });
  return tx(ctx, async (t) => {
    const [custodian] = await t.db.select().from(archiveCustodians).where(eq(archiveCustodians.id, archive.custodianId));
    const [person] = await t.db.select({ name: users.displayName }).from(users).where(eq(users.id, archive.personUserId));
    // a download repeated for the same custody (same custodian and version) reuses the code: one certificate per custody
    const [issued] = await t.db
      .select({ code: custodyCertificates.code })
      .from(custodyCertificates)
      .where(
        and(
          eq(custodyCertificates.archiveId, archive.id),
          eq(custodyCertificates.archiveVersion, archive.version),
          eq(custodyCertificates.custodianId, archive.custodianId),
        ),
      );
    const code = issued?.code ?? newCode();
    if (!issued)
      await t.db
        .insert(custodyCertificates)
        .values({ code, archiveId: archive.id, custodianId: archive.custodianId, archiveVersion: archive.version, issuedAt: ctx.now });
    await record(t, {
      action: 'archive.custody_certificate',
      objectType: 'person_archive',
      objectId: archive.id,
      regionCode: archive.regionCode,
      detail: { code },
    });
    return {
      code,
      personName: person?.name ?? '',
      custodianName: custodian?.name ?? '',
      archiveNo: archive.archiveNo,
      since: archive.since,
      issuedAt: ctx.now,
    };
  });
}

/** Public: is this custody certificate genuine, and does the custodian still hold the archive? */
export async function verifyCustody(ctx: Ctx, code: string) {
  const [c] = await ctx.db.select().from(custodyCertificates).where(eq(custodyCertificates.code, code.trim().toUpperCase()));
  if (!c) return { result: 'not_found' as const, certificate: null };
  const [archive] = await ctx.db.select().from(personArchives).where(eq(personArchives.id, c.archiveId));
  const [custodian] = await ctx.db.select().from(archiveCustodians).where(eq(archiveCustodians.id, c.custodianId));
  const [person] = archive ? await ctx.db.select({ name: users.displayName }).from(users).where(eq(users.id, archive.personUserId)) : [];
  const current = !!archive && archive.custodianId === c.custodianId && archive.version === c.archiveVersion;
  return {
    result: current ? ('valid' as const) : ('superseded' as const),
    certificate: { code: c.code, holderName: maskName(person?.name ?? ''), custodianName: custodian?.name ?? '', issuedAt: c.issuedAt.toISOString() },
  };
}
