/** Job-posting rows (岗位): keyed by organisation plus external id, or by the duplicate key. */
import { and, eq, inArray } from 'drizzle-orm';
import type { RejectReason } from '../../../shared/imports.js';
import { JobStatus, jobWorkflow } from '../../../shared/jobs.js';
import { inRegion } from '../access/region-scope.js';
import { dedupeKey, isDigitalJob, normaliseSkills, postingTokens, vetPosting } from '../jobs/jobs.derive.js';
import { jobPostings } from '../jobs/jobs.tables.js';
import { chinaDate } from '../jobs/jobs.views.js';
import { organisations } from '../organisations/organisations.tables.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { type ClassifyFn, loadClassifier } from './imports.classify.js';
import type { SheetRow } from './imports.parse.js';
import { checkJobRow, type JobRow, type Reference } from './imports.rows.js';
import { type ImportBatchRow, importKeys } from './imports.tables.js';
import { type ImportCtx, type Processor, type Rejection, digest } from './imports.processor.js';

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

export async function jobProcessor(ctx: ImportCtx, batch: ImportBatchRow, ref: Reference): Promise<Processor<Map<number, string | null>>> {
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
