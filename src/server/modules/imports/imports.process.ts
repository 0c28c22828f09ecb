/**
 * The import task: streams the rows of an uploaded file, validates them, and writes them in chunks of
 * CHUNK rows, each chunk in one transaction with its audit entry and the batch counters (a crash
 * leaves whole chunks only; re-importing the file then completes it, since every row is keyed).
 * Rejected rows go to a CSV beside the upload, with the original cells and 错误原因.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type ImportKind, REJECT_REASON_ZH, type RejectReason } from '../../../shared/imports.js';
import { JobStatus, jobWorkflow } from '../../../shared/jobs.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { blindIndex, encrypt, type Keys, sealStream } from '../../lib/crypto.js';
import { inRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { dedupeKey, isDigitalJob, normaliseSkills, postingTokens, skillIndex, vetPosting } from '../jobs/jobs.derive.js';
import { jobPostings } from '../jobs/jobs.tables.js';
import { chinaDate } from '../jobs/jobs.views.js';
import { organisations } from '../organisations/organisations.tables.js';
import { talentProfiles } from '../profiles/profiles.tables.js';
import type { ReportProgress, TaskHandler } from '../tasks/tasks.runner.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { type ClassifyFn, loadClassifier } from './imports.classify.js';
import { type ReadCounter, readRows, type SheetRow } from './imports.parse.js';
import {
  type Cells,
  cellReader,
  checkJobRow,
  checkTalentRow,
  type HeaderMap,
  type JobRow,
  mapHeader,
  type Reference,
  loadReference,
  type TalentRow,
} from './imports.rows.js';
import { rejectedPath, uploadPath } from './imports.service.js';
import { type ImportBatchRow, importBatches, importKeys } from './imports.tables.js';

/** Rows per transaction (and per multi-row INSERT). */
export const CHUNK = 1000;
const SAMPLE = 50;
const IMPORT_LOCK = 7302;

type Outcome = 'inserted' | 'updated' | 'unchanged';
interface Counts {
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  reasonCounts: Record<string, number>;
  rejectedSample: { row: number; reasons: string[] }[];
}

const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

function csvCell(v: string): string {
  // a cell that a spreadsheet would run as a formula is prefixed with ' (CSV injection)
  const safe = /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Writes the rejected rows as CSV, sealed with SM4 on the way to disk (they hold identifiers in clear). */
class RejectedWriter {
  private out: Transform;
  private done: Promise<void>;
  constructor(
    file: string,
    keys: Keys,
    private width: number,
  ) {
    this.out = sealStream(keys);
    const sink: WriteStream = createWriteStream(file);
    this.done = pipeline(this.out, sink);
    this.out.write('\uFEFF');
  }
  async line(cells: string[]) {
    if (!this.out.write(`${cells.map(csvCell).join(',')}\r\n`)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }
  async header(cells: string[]) {
    await this.line(['行号', ...cells, '错误原因', '错误代码']);
  }
  async row(row: SheetRow, reasons: RejectReason[]) {
    const cells = Array.from({ length: this.width }, (_, i) => row.cells[i] ?? '');
    await this.line([String(row.row), ...cells, reasons.map((r) => REJECT_REASON_ZH[r]).join('；'), reasons.join(';')]);
  }
  close(): Promise<void> {
    this.out.end();
    return this.done;
  }
}

interface Rejection {
  row: SheetRow;
  reasons: RejectReason[];
}

type ImportCtx = Ctx & { actor: Actor };

type Rows = { row: SheetRow; get: Cells }[];

/**
 * `prepare` does what needs no transaction (checks, blind indexes, digests, the classifier) and may run
 * while the previous chunk's transaction is still writing; `chunk` runs inside the chunk's transaction.
 * Both are called in file order.
 */
interface Processor<P = unknown> {
  prepare(rows: Rows): Promise<P>;
  chunk(t: ImportCtx, rows: Rows, prepared: P): Promise<{ rejections: Rejection[]; write: (t: ImportCtx) => Promise<Record<Outcome, number>> }>;
}

/** A text[] built by the server from one JSON parameter (instead of one bind parameter per element). */
function textArray(values: string[]) {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

async function insertKeys(t: Ctx, kind: 'talent' | 'job', keys: { k: string; e: string; h: string }[], batchId: string) {
  await t.db.execute(sql`
    insert into import_keys (kind, natural_key, entity_id, content_hash, batch_id, updated_at)
    select ${kind}, v.k, v.e, v.h, ${batchId}, ${t.now}
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as v(k text, e uuid, h text)`);
}

// --------------------------------------------------------------------------------------- job-seekers

interface TalentPrepared {
  rejections: Rejection[];
  valid: { row: SheetRow; v: TalentRow; bidx: string; hash: string }[];
}

function talentProcessor(ctx: ImportCtx, batch: ImportBatchRow, ref: Reference): Processor<TalentPrepared> {
  const keys = ctx.platform.keys;
  const seen = new Set<string>();
  const year = Number(chinaDate(ctx.now).slice(0, 4));
  const inScope = (code: string) => inRegion(ctx.actor, code);
  return {
    async prepare(rows) {
      const rejections: Rejection[] = [];
      const valid: TalentPrepared['valid'] = [];
      for (const { row, get } of rows) {
        const c = checkTalentRow(get, ref, inScope, year);
        if (!c.ok) {
          rejections.push({ row, reasons: c.reasons });
          continue;
        }
        const bidx = blindIndex(keys, 'id_number', c.value.idNumber);
        if (seen.has(bidx)) {
          rejections.push({ row, reasons: ['duplicate_in_file'] });
          continue;
        }
        seen.add(bidx);
        valid.push({ row, v: c.value, bidx, hash: digest(c.value) });
      }
      return { rejections, valid };
    },
    async chunk(t, _rows, { rejections, valid }) {
      const bidxs = valid.map((r) => r.bidx);
      const [existingUsers, existingKeys] = bidxs.length
        ? await Promise.all([
            t.db
              .select({ id: users.id, bidx: users.idNumberBidx, role: users.role, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
              .from(users)
              .where(sql`${users.idNumberBidx} = any(${textArray(bidxs)})`),
            t.db
              .select({ key: importKeys.naturalKey, hash: importKeys.contentHash })
              .from(importKeys)
              .where(and(eq(importKeys.kind, 'talent'), sql`${importKeys.naturalKey} = any(${textArray(bidxs)})`)),
          ])
        : [[], []];
      const userByBidx = new Map(existingUsers.map((u) => [u.bidx as string, u]));
      const hashByKey = new Map(existingKeys.map((k) => [k.key, k.hash]));
      const inserts: typeof valid = [];
      const updates: ((typeof valid)[number] & { userId: string })[] = [];
      let unchanged = 0;
      for (const r of valid) {
        const user = userByBidx.get(r.bidx);
        const hash = hashByKey.get(r.bidx);
        if (!user) inserts.push(r);
        else if (user.role !== 'talent') rejections.push({ row: r.row, reasons: ['id_number_other_account'] });
        // same content, or an account its owner has activated or registered: the person keeps it up to date
        else if (hash === r.hash || hash === undefined || user.hasPassword) unchanged++;
        else updates.push({ ...r, userId: user.id });
      }
      const skills = new Map<string, Awaited<ReturnType<typeof normaliseSkills>>>();
      for (const r of [...inserts, ...updates])
        skills.set(
          r.bidx,
          await normaliseSkills(
            ctx,
            r.v.skills.map((name) => ({ name })),
            'skills',
          ),
        );
      const profile = (r: (typeof valid)[number]) => ({
        regionCode: r.v.regionCode,
        education: r.v.education ? [r.v.education] : [],
        skills: skills.get(r.bidx) ?? [],
        desiredOccupations: r.v.desiredOccupations,
        desiredCities: r.v.desiredCities,
        desiredSalaryMinFen: r.v.desiredSalaryMinFen,
        updatedAt: ctx.now,
      });
      return {
        rejections,
        async write(w) {
          if (inserts.length) {
            // one parameter per statement (a JSON array unpacked by the server): thousands of bind
            // parameters per INSERT cost more than the insert itself, on PGlite most of all
            const userData = inserts.map((r) => ({
              // a placeholder login name: the person chooses their own when activating the account
              username: `imp_${randomBytes(9).toString('base64url')}`,
              display_name: r.v.name,
              region_code: r.v.regionCode,
              id_enc: encrypt(keys, r.v.idNumber),
              id_bidx: r.bidx,
              phone_enc: encrypt(keys, r.v.phone),
              phone_bidx: blindIndex(keys, 'phone', r.v.phone),
            }));
            const created = rowsOf<{ id: string; bidx: string }>(
              await w.db.execute(sql`
                insert into users (username, password_hash, role, display_name, region_code, id_number_enc, id_number_bidx, phone_enc, phone_bidx, created_at)
                select v.username, null, 'talent', v.display_name, v.region_code, v.id_enc, v.id_bidx, v.phone_enc, v.phone_bidx, ${ctx.now}
                from jsonb_to_recordset(${JSON.stringify(userData)}::jsonb)
                  as v(username text, display_name text, region_code text, id_enc text, id_bidx text, phone_enc text, phone_bidx text)
                returning id, id_number_bidx as bidx`),
            );
            const idByBidx = new Map(created.map((u) => [u.bidx, u.id]));
            const profileData = inserts.map((r) => {
              const p = profile(r);
              return {
                user_id: idByBidx.get(r.bidx),
                region_code: p.regionCode,
                education: p.education,
                skills: p.skills,
                desired_occupations: p.desiredOccupations,
                desired_cities: p.desiredCities,
                desired_salary_min_fen: p.desiredSalaryMinFen,
              };
            });
            await w.db.execute(sql`
              insert into talent_profiles (user_id, region_code, education, skills, desired_occupations, desired_cities, desired_salary_min_fen, visibility, created_at, updated_at)
              select v.user_id, v.region_code, v.education, v.skills, v.desired_occupations, v.desired_cities, v.desired_salary_min_fen, 'private', ${ctx.now}, ${ctx.now}
              from jsonb_to_recordset(${JSON.stringify(profileData)}::jsonb)
                as v(user_id uuid, region_code text, education jsonb, skills jsonb, desired_occupations jsonb, desired_cities jsonb, desired_salary_min_fen integer)`);
            await insertKeys(
              w,
              'talent',
              inserts.map((r) => ({ k: r.bidx, e: idByBidx.get(r.bidx) as string, h: r.hash })),
              batch.id,
            );
          }
          if (updates.length) {
            const data = updates.map((r) => ({
              id: r.userId,
              display_name: r.v.name,
              region_code: r.v.regionCode,
              phone_enc: encrypt(keys, r.v.phone),
              phone_bidx: blindIndex(keys, 'phone', r.v.phone),
            }));
            await w.db.execute(sql`
              update users u set display_name = v.display_name, region_code = v.region_code, phone_enc = v.phone_enc, phone_bidx = v.phone_bidx
              from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as v(id uuid, display_name text, region_code text, phone_enc text, phone_bidx text)
              where u.id = v.id and u.password_hash is null`);
            for (const r of updates) {
              const p = profile(r);
              await w.db
                .insert(talentProfiles)
                .values({ userId: r.userId, visibility: 'private', createdAt: ctx.now, ...p })
                .onConflictDoUpdate({ target: talentProfiles.userId, set: p });
            }
            const keyData = updates.map((r) => ({ k: r.bidx, h: r.hash }));
            await w.db.execute(sql`
              update import_keys k set content_hash = v.h, batch_id = ${batch.id}, updated_at = ${ctx.now}
              from jsonb_to_recordset(${JSON.stringify(keyData)}::jsonb) as v(k text, h text)
              where k.kind = 'talent' and k.natural_key = v.k`);
          }
          return { inserted: inserts.length, updated: updates.length, unchanged };
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------- jobs

interface OrgRef {
  id: string;
  uscc: string;
  regionCode: string;
  status: string;
  kind: string;
}

const EDITABLE: readonly string[] = [JobStatus.enum.draft, JobStatus.enum.returned, JobStatus.enum.pending_review];

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

async function jobProcessor(ctx: ImportCtx, batch: ImportBatchRow, ref: Reference): Promise<Processor<Map<number, string | null>>> {
  const { actor } = ctx;
  const seen = new Set<string>();
  const today = chinaDate(ctx.now);
  const classify: ClassifyFn | null = await loadClassifier(ctx.platform.database);
  const orgCache = new Map<string, OrgRef | null>();
  let ownOrg: OrgRef | null = null;
  if (actor.role === 'employer' && actor.orgId) {
    const [o] = await ctx.db
      .select({ id: organisations.id, uscc: organisations.uscc, regionCode: organisations.regionCode, status: organisations.status, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, actor.orgId));
    ownOrg = o ?? null;
  }
  const occupationName = (code: string) => ref.occupations.get(code)?.name ?? '';

  async function resolveOrgs(t: ImportCtx, usccs: string[]) {
    const missing = [...new Set(usccs)].filter((u) => u && !orgCache.has(u));
    if (!missing.length) return;
    const rows = await t.db
      .select({ id: organisations.id, uscc: organisations.uscc, regionCode: organisations.regionCode, status: organisations.status, kind: organisations.kind })
      .from(organisations)
      .where(inArray(organisations.uscc, missing));
    for (const u of missing) orgCache.set(u, rows.find((r) => r.uscc === u) ?? null);
  }

  function orgFor(v: JobRow): { org: OrgRef } | { reason: RejectReason } {
    if (actor.role === 'employer') {
      if (ownOrg?.status !== 'verified') return { reason: 'org_not_verified' };
      if (v.uscc && v.uscc !== ownOrg.uscc) return { reason: 'org_mismatch' };
      return { org: ownOrg };
    }
    if (!v.uscc) return { reason: 'required' };
    const org = orgCache.get(v.uscc);
    if (!org) return { reason: 'org_not_found' };
    if (org.status !== 'verified' || org.kind !== 'employer') return { reason: 'org_not_verified' };
    if (!inRegion(actor, org.regionCode)) return { reason: 'org_outside_region' };
    return { org };
  }

  return {
    async prepare(rows) {
      const guesses = new Map<number, string | null>();
      for (const { row, get } of rows) {
        const title = get('title');
        if (get('occupationCode') || !title) continue;
        const guess = classify ? await classify(title, get('description') || undefined) : null;
        guesses.set(row.row, guess && ref.occupations.has(guess.code) ? guess.code : null);
      }
      return guesses;
    },
    async chunk(t, rows, guesses) {
      const rejections: Rejection[] = [];
      const checked: { row: SheetRow; v: JobRow }[] = [];
      for (const { row, get } of rows) {
        const c = checkJobRow(get, ref, today, addDays);
        if (c.ok) checked.push({ row, v: c.value });
        else rejections.push({ row, reasons: c.reasons });
      }
      await resolveOrgs(
        t,
        checked.map((c) => c.v.uscc),
      );
      type Ready = { row: SheetRow; key: string; hash: string; orgId: string; columns: Omit<typeof jobPostings.$inferInsert, 'orgId' | 'status'> };
      const ready: Ready[] = [];
      for (const { row, v } of checked) {
        const reasons: RejectReason[] = [];
        const o = orgFor(v);
        if ('reason' in o) reasons.push(o.reason);
        if (actor.role === 'official' && !inRegion(actor, v.regionCode)) reasons.push('region_outside');
        let occupationCode = v.occupationCode;
        if (!occupationCode) {
          occupationCode = guesses.get(row.row) ?? '';
          if (!occupationCode) reasons.push('occupation_unclassified');
        }
        if (reasons.length || !('org' in o)) {
          rejections.push({ row, reasons });
          continue;
        }
        const dk = dedupeKey(v.title, occupationCode, v.regionCode);
        const key = `${o.org.id}|${v.externalId ? `x:${v.externalId}` : `c:${dk}`}`;
        if (seen.has(key)) {
          rejections.push({ row, reasons: ['duplicate_in_file'] });
          continue;
        }
        seen.add(key);
        const requiredSkills = await normaliseSkills(
          ctx,
          v.requiredSkills.map((name) => ({ name })),
          'requiredSkills',
        );
        const preferredSkills = await normaliseSkills(
          ctx,
          v.preferredSkills.map((name) => ({ name })),
          'preferredSkills',
        );
        const columns = {
          regionCode: v.regionCode,
          title: v.title,
          description: v.description,
          occupationCode,
          requiredSkills,
          preferredSkills,
          educationCode: v.educationCode,
          experienceYearsMin: v.experienceYearsMin,
          salaryMinFen: v.salaryMinFen,
          salaryMaxFen: v.salaryMaxFen,
          headcount: v.headcount,
          workMode: v.workMode,
          validFrom: v.validFrom,
          validUntil: v.validUntil,
          isDigital: isDigitalJob(ref.occupations.get(occupationCode)?.isDigital ?? false, requiredSkills),
          vetting: vetPosting(v.title, v.description),
          dedupeKey: dk,
          searchTokens: postingTokens({ title: v.title, description: v.description, requiredSkills, preferredSkills }, occupationName(occupationCode)),
        };
        ready.push({ row, key, orgId: o.org.id, hash: digest({ ...v, uscc: o.org.id, occupationCode }), columns });
      }
      const keysIn = ready.map((r) => r.key);
      const existing = keysIn.length
        ? await t.db
            .select({ key: importKeys.naturalKey, hash: importKeys.contentHash, id: importKeys.entityId, status: jobPostings.status })
            .from(importKeys)
            .innerJoin(jobPostings, eq(jobPostings.id, importKeys.entityId))
            .where(and(eq(importKeys.kind, 'job'), inArray(importKeys.naturalKey, keysIn)))
        : [];
      const byKey = new Map(existing.map((e) => [e.key, e]));
      const fresh = ready.filter((r) => !byKey.has(r.key));
      const open = fresh.length
        ? await t.db
            .select({ orgId: jobPostings.orgId, dk: jobPostings.dedupeKey })
            .from(jobPostings)
            .where(
              and(
                inArray(jobPostings.orgId, [...new Set(fresh.map((r) => r.orgId))]),
                inArray(
                  jobPostings.dedupeKey,
                  fresh.map((r) => r.columns.dedupeKey),
                ),
                inArray(jobPostings.status, [JobStatus.enum.pending_review, JobStatus.enum.published]),
              ),
            )
        : [];
      const openKeys = new Set(open.map((o) => `${o.orgId}|${o.dk}`));
      const inserts: Ready[] = [];
      const updates: (Ready & { id: string; from: string })[] = [];
      let unchanged = 0;
      for (const r of ready) {
        const e = byKey.get(r.key);
        if (!e) {
          if (openKeys.has(`${r.orgId}|${r.columns.dedupeKey}`)) rejections.push({ row: r.row, reasons: ['duplicate_posting'] });
          else inserts.push(r);
        } else if (e.hash === r.hash) unchanged++;
        else if (!EDITABLE.includes(e.status)) rejections.push({ row: r.row, reasons: ['posting_not_editable'] });
        else updates.push({ ...r, id: e.id, from: e.status });
      }
      const event = (id: string, from: string) => ({
        workflow: jobWorkflow.name,
        entityId: id,
        action: 'submit',
        fromState: from,
        toState: JobStatus.enum.pending_review,
        actorId: actor.userId,
        actorRole: actor.role,
        reason: `批量导入 ${batch.id}`,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      return {
        rejections,
        async write(w) {
          if (inserts.length) {
            // imported postings are submitted for review: vetting findings block approval as for any posting
            const created = await w.db
              .insert(jobPostings)
              .values(
                inserts.map((r) => ({
                  ...r.columns,
                  orgId: r.orgId,
                  status: JobStatus.enum.pending_review,
                  createdBy: actor.userId,
                  createdAt: ctx.now,
                  updatedAt: ctx.now,
                })),
              )
              .returning({ id: jobPostings.id });
            await w.db.insert(workflowEvents).values(created.map((c) => event(c.id, JobStatus.enum.draft)));
            await w.db.insert(importKeys).values(
              inserts.map((r, i) => ({
                kind: 'job',
                naturalKey: r.key,
                entityId: created[i]?.id as string,
                contentHash: r.hash,
                batchId: batch.id,
                updatedAt: ctx.now,
              })),
            );
          }
          for (const u of updates) {
            await w.db
              .update(jobPostings)
              .set({ ...u.columns, status: JobStatus.enum.pending_review, updatedAt: ctx.now })
              .where(eq(jobPostings.id, u.id));
            if (u.from !== JobStatus.enum.pending_review) await w.db.insert(workflowEvents).values(event(u.id, u.from));
            await w.db
              .update(importKeys)
              .set({ contentHash: u.hash, batchId: batch.id, updatedAt: ctx.now })
              .where(and(eq(importKeys.kind, 'job'), eq(importKeys.naturalKey, u.key)));
          }
          return { inserted: inserts.length, updated: updates.length, unchanged };
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------- task

async function importerCtx(ctx: Ctx, batch: ImportBatchRow): Promise<ImportCtx> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, batch.ownerId));
  if (!u) throw new Error('importer not found');
  const actor: Actor = {
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    regionCode: u.regionCode,
    department: u.department as Actor['department'],
    orgId: u.orgId,
    sessionId: '',
  };
  return { ...ctx, actor };
}

function tally(c: Counts, rejections: Rejection[]) {
  for (const r of rejections) {
    c.rejected++;
    for (const reason of r.reasons) c.reasonCounts[reason] = (c.reasonCounts[reason] ?? 0) + 1;
    if (c.rejectedSample.length < SAMPLE) c.rejectedSample.push({ row: r.row.row, reasons: r.reasons });
  }
}

/** Processes one batch; throws (and marks the batch failed) when the file cannot be read to the end. */
export async function runImport(base: Ctx, batchId: string, report: ReportProgress): Promise<Counts> {
  const [batch] = await base.db.select().from(importBatches).where(eq(importBatches.id, batchId));
  if (batch?.status !== 'queued') throw new Error('import batch not queued');
  const ctx = await importerCtx(base, batch);
  await ctx.db.update(importBatches).set({ status: 'running', startedAt: ctx.now }).where(eq(importBatches.id, batchId));
  const counts: Counts = { totalRows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, reasonCounts: {}, rejectedSample: [] };
  const file = uploadPath(ctx, batchId);
  const counter: ReadCounter = { bytes: 0 };
  let writer: RejectedWriter | undefined;
  try {
    const ref = await loadReference(ctx);
    // the skills index is built once on the base handle, before any chunk transaction opens
    await skillIndex(ctx);
    const processor: Processor =
      batch.kind === ('talents' satisfies ImportKind) ? (talentProcessor(ctx, batch, ref) as Processor) : ((await jobProcessor(ctx, batch, ref)) as Processor);
    let header: HeaderMap | undefined;
    let pending: Rows = [];
    // at most one chunk transaction in flight: the next chunk is read and prepared meanwhile
    let inFlight: Promise<void> = Promise.resolve();
    let failure: unknown;
    const commit = async (rows: Rows, prepared: unknown) => {
      const rejections = await ctx.db.transaction(async (tx) => {
        const t = { ...ctx, db: tx as unknown as Db };
        // one import of a kind writes at a time, so two files with the same person cannot both insert them
        await t.db.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, ${batch.kind === 'talents' ? 1 : 2})`);
        const { rejections, write } = await processor.chunk(t, rows, prepared);
        const outcome = await write(t);
        const next = {
          totalRows: counts.totalRows + rows.length,
          inserted: counts.inserted + outcome.inserted,
          updated: counts.updated + outcome.updated,
          unchanged: counts.unchanged + outcome.unchanged,
          rejected: counts.rejected,
          reasonCounts: { ...counts.reasonCounts },
          rejectedSample: [...counts.rejectedSample],
        };
        tally(next, rejections);
        await t.db
          .update(importBatches)
          .set({
            totalRows: next.totalRows,
            inserted: next.inserted,
            updated: next.updated,
            unchanged: next.unchanged,
            rejected: next.rejected,
            reasonCounts: next.reasonCounts,
            rejectedSample: next.rejectedSample,
          })
          .where(eq(importBatches.id, batchId));
        if (outcome.inserted || outcome.updated) {
          await record(t, {
            action: `import.${batch.kind}.rows`,
            objectType: 'import',
            objectId: batchId,
            regionCode: batch.regionCode,
            detail: { fromRow: rows[0]?.row.row, toRow: rows.at(-1)?.row.row, ...outcome, rejected: rejections.length },
          });
        }
        Object.assign(counts, next);
        return rejections;
      });
      for (const r of rejections.sort((a, b) => a.row.row - b.row.row)) await writer?.row(r.row, r.reasons);
      const estimate = counter.bytes > 0 ? Math.max(counts.totalRows, Math.round((counts.totalRows * batch.fileBytes) / counter.bytes)) : undefined;
      await report(counts.totalRows, estimate);
    };
    const flush = async () => {
      if (!pending.length) return;
      const rows = pending;
      pending = [];
      const prepared = await processor.prepare(rows);
      await inFlight;
      if (failure) throw failure;
      inFlight = commit(rows, prepared).catch((err: unknown) => {
        failure = err;
      });
    };
    for await (const row of readRows(file, batch.fileFormat === 'xlsx' ? 'xlsx' : 'csv', counter)) {
      if (!header) {
        header = mapHeader(batch.kind as ImportKind, row.cells);
        writer = new RejectedWriter(rejectedPath(ctx, batchId), ctx.platform.keys, row.cells.length);
        await writer.header(row.cells);
        continue;
      }
      pending.push({ row, get: cellReader(header, row.cells) });
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
    await inFlight;
    if (failure) throw failure;
    await writer?.close();
    writer = undefined;
    await report(counts.totalRows, counts.totalRows);
    await ctx.db.transaction(async (tx) => {
      const t = { ...ctx, db: tx as unknown as Db };
      await t.db.update(importBatches).set({ status: 'succeeded', finishedAt: base.platform.clock.now() }).where(eq(importBatches.id, batchId));
      await record(t, {
        action: `import.${batch.kind}.finish`,
        objectType: 'import',
        objectId: batchId,
        regionCode: batch.regionCode,
        detail: { totalRows: counts.totalRows, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected: counts.rejected },
      });
    });
    return counts;
  } catch (err) {
    await writer?.close().catch(() => {});
    const message = err instanceof Error ? err.message : String(err);
    await ctx.db
      .update(importBatches)
      .set({ status: 'failed', error: message.slice(0, 500), finishedAt: base.platform.clock.now() })
      .where(eq(importBatches.id, batchId));
    throw err;
  } finally {
    // the upload holds personal data in clear: it does not outlive its processing
    await unlink(file).catch(() => {});
  }
}

export const importTask: TaskHandler = async (ctx, params, report) => {
  const counts = await runImport(ctx, String(params.batchId), report);
  const { reasonCounts: _r, rejectedSample: _s, ...summary } = counts;
  return summary;
};
