/**
 * Bulk synthetic data for `gancai seed --size ci|demo|province` and the first start (SEED_SIZE):
 * organisations, each with one member account, then talents with sealed 身份证号 and phone numbers
 * and their consent records. Rows come from the shared builders (builders.ts); row i is a pure
 * function of i, so the data are the same however many runs built them.
 *
 * Sizes are totals, not increments ("top up to the target"). A run continues numbering after the
 * highest generated username present (t0000000…, o000000…): a second `seed --size demo` inserts
 * nothing, and `--size demo` after `--size ci` adds the difference. Two runs racing cannot fail:
 * a row whose username or USCC exists already is skipped (ON CONFLICT DO NOTHING) with its
 * dependent rows.
 *
 * Speed (docs/benchmarks.md): one statement per batch, INSERT … SELECT FROM unnest($arrays) with the
 * dependent rows (consents, member accounts) inserted by the same statement, so a batch is atomic
 * (one implicit transaction) and takes a fixed dozen bind parameters whatever its size (PostgreSQL
 * allows 65,535). The next batch is generated and encrypted while the database writes the previous
 * one. Ids are time-ordered UUIDs (version 7), so primary-key and user_id indexes grow at one edge.
 *
 * Jobs: published postings for the verified employers, from the jobs module's `seedJobs`.
 */
import { randomUUID } from 'node:crypto';
import { and, between, count, max, type SQL, sql } from 'drizzle-orm';
import { ConsentPurpose, PRIVACY_POLICY_VERSION, REQUIRED_CONSENTS } from '../../shared/consent.js';
import type { Ctx } from '../context.js';
import { blindIndex, encrypt } from '../lib/crypto.js';
import type { Progress } from '../lib/progress.js';
import { users } from '../modules/auth/auth.tables.js';
import { jobPostings, seedJobs } from '../modules/jobs/index.js';
import { seedProfiles } from '../modules/profiles/index.js';
import { industries, regions } from '../modules/catalog/catalog.tables.js';
import { aTalent, anOrganisation, type IdSequence, idSequenceAllocator, type IndustryLike, pickOrgKind, type RegionLike, rngFor } from './builders.js';

export type SeedSize = 'ci' | 'demo' | 'province';
export interface SeedCounts {
  talents: number;
  organisations: number;
  jobs: number;
}
/** What a run inserted: talents, organisations (each with one member account) and consent records. */
export interface SeedResult extends SeedCounts {
  consents: number;
}
export const SEED_SIZES: Record<SeedSize, SeedCounts> = {
  ci: { talents: 200, organisations: 60, jobs: 150 },
  demo: { talents: 3000, organisations: 400, jobs: 1500 },
  province: { talents: 1_000_000, organisations: 40_000, jobs: 200_000 },
};

const TALENT_SEED = 0x7a1e47;
const ORG_SEED = 0x0c9a17;
const TALENT_BATCH = 2000;
const ORG_BATCH = 1000;
const DAY_MS = 86_400_000;

interface Catalogue {
  regions: RegionLike[];
  industries: IndustryLike[];
}
interface Tally {
  rows: number;
  consents: number;
}

export async function seedBulk(ctx: Ctx, counts: SeedCounts, progress: Progress): Promise<SeedResult> {
  const catalogue: Catalogue = {
    regions: await ctx.db
      .select({ code: regions.code, name: regions.name, level: regions.level, parentCode: regions.parentCode, kind: regions.kind })
      .from(regions),
    industries: await ctx.db.select({ code: industries.code, level: industries.level }).from(industries),
  };
  const orgs = await seedOrganisations(ctx, catalogue, counts.organisations, progress);
  const talents = await seedTalents(ctx, catalogue, counts.talents, progress);
  // Statistics before the profiles pass reads the new users back in batches: with the empty table's
  // estimate the planner scans every remaining user per batch (quadratic: a province seed on PostgreSQL
  // wrote ~750 profiles/s, falling), with fresh ones it walks the username index.
  if (orgs.rows + talents.rows > 0) await ctx.db.execute(sql`analyze users, organisations, consents`);
  // Profiles (some opened to employers, so the talent pool is not empty) for talents that have none yet.
  const profiles = await seedProfiles(ctx, progress);
  // Jobs belong to verified employers, so they come after the organisations. Sizes are totals here too.
  const [existingJobs] = await ctx.db.select({ n: count() }).from(jobPostings);
  const jobs = await seedJobs(ctx, Math.max(0, counts.jobs - (existingJobs?.n ?? 0)), progress);
  // Fresh statistics: PGlite has no autovacuum, and the planner should know about a million new rows.
  if (orgs.rows + talents.rows + jobs.inserted + profiles.inserted > 0)
    await ctx.db.execute(sql`analyze users, organisations, consents, job_postings, talent_profiles`);
  return { talents: talents.rows, organisations: orgs.rows, jobs: jobs.inserted, consents: orgs.consents + talents.consents };
}

/** The index after the highest generated username `<letter><digits>` present, 0 when none is. */
async function nextIndex(ctx: Ctx, letter: string, digits: number): Promise<number> {
  const pattern = `^${letter}[0-9]{${digits}}$`;
  const [row] = await ctx.db
    .select({ top: max(users.username) })
    .from(users)
    .where(and(between(users.username, letter + '0'.repeat(digits), letter + '9'.repeat(digits)), sql`${users.username} ~ ${pattern}`));
  return row?.top ? Number(row.top.slice(1)) + 1 : 0;
}

/** A version-7 UUID: 48 bits of milliseconds, then random bits. */
function timeOrderedId(ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randomUUID().slice(15)}`;
}

/**
 * Writes [first, end) in batches: while the database writes batch k (one statement), batch k+1 is
 * built. At most one statement is in flight, so what is committed is always a prefix of the indices.
 */
async function inBatches<B>(
  range: { first: number; end: number; size: number },
  build: (from: number, to: number) => B,
  write: (batch: B) => Promise<Tally>,
  report: (done: number) => void,
): Promise<Tally> {
  const total: Tally = { rows: 0, consents: 0 };
  let pending: Promise<void> | undefined;
  for (let from = range.first; from < range.end; from += range.size) {
    const to = Math.min(range.end, from + range.size);
    const batch = build(from, to);
    await pending;
    pending = write(batch).then((t) => {
      total.rows += t.rows;
      total.consents += t.consents;
      report(to - range.first);
    });
    // awaited on the next turn; until then this keeps Node from reporting a failure as unhandled
    pending.catch(() => {});
    // let the driver send the statement before the next batch occupies the thread
    await new Promise((resolve) => setImmediate(resolve));
  }
  await pending;
  return total;
}

async function execute(ctx: Ctx, statement: SQL): Promise<Tally> {
  const result = (await ctx.db.execute(statement)) as unknown as { rows: { inserted: number; consents: number }[] };
  const row = result.rows[0];
  return { rows: Number(row?.inserted ?? 0), consents: Number(row?.consents ?? 0) };
}

const array = (values: unknown[]) => sql.param(values);
/** Consent purposes as a bit each: a talent's consents travel as one integer per row. */
const PURPOSES = sql`(values ${sql.join(
  ConsentPurpose.options.map((name, i) => sql`(${1 << i}::int, ${name}::text)`),
  sql`, `,
)}) as purpose(bit, name)`;
const consentMask = (purposes: readonly ConsentPurpose[]) => purposes.reduce((mask, p) => mask | (1 << ConsentPurpose.options.indexOf(p)), 0);
const REQUIRED_MASK = consentMask(REQUIRED_CONSENTS);

// ------------------------------------------------------------------------------------------- talents

type TalentBatch = Record<'id' | 'username' | 'displayName' | 'regionCode' | 'idEnc' | 'idBidx' | 'phoneEnc' | 'phoneBidx' | 'createdAt', string[]> & {
  consents: number[];
};

function buildTalents(ctx: Ctx, catalogue: Catalogue, sequence: IdSequence, from: number, to: number): TalentBatch {
  const keys = ctx.platform.keys;
  const now = ctx.now.getTime();
  const ms = Date.now();
  const b: TalentBatch = {
    id: [],
    username: [],
    displayName: [],
    regionCode: [],
    idEnc: [],
    idBidx: [],
    phoneEnc: [],
    phoneBidx: [],
    createdAt: [],
    consents: [],
  };
  for (let i = from; i < to; i++) {
    const t = aTalent(rngFor(TALENT_SEED, i), catalogue.regions, { index: i, sequence });
    b.id.push(timeOrderedId(ms));
    b.username.push(t.username);
    b.displayName.push(t.displayName);
    b.regionCode.push(t.regionCode);
    b.idEnc.push(encrypt(keys, t.idNumber));
    b.idBidx.push(blindIndex(keys, 'id_number', t.idNumber));
    b.phoneEnc.push(encrypt(keys, t.phone));
    b.phoneBidx.push(blindIndex(keys, 'phone', t.phone));
    b.createdAt.push(new Date(now - t.registeredDaysAgo * DAY_MS - ((i * 7919) % DAY_MS)).toISOString());
    b.consents.push(consentMask(t.consents));
  }
  return b;
}

function talentStatement(b: TalentBatch): SQL {
  return sql`with input as (
      select * from unnest(${array(b.id)}::uuid[], ${array(b.username)}::text[], ${array(b.displayName)}::text[], ${array(b.regionCode)}::text[],
        ${array(b.idEnc)}::text[], ${array(b.idBidx)}::text[], ${array(b.phoneEnc)}::text[], ${array(b.phoneBidx)}::text[],
        ${array(b.createdAt)}::timestamptz[], ${array(b.consents)}::int[])
        as t(id, username, display_name, region_code, id_enc, id_bidx, phone_enc, phone_bidx, created_at, consents)
    ), talents as (
      insert into users (id, username, role, display_name, region_code, id_number_enc, id_number_bidx, phone_enc, phone_bidx, is_demo, created_at)
      select id, username, 'talent', display_name, region_code, id_enc, id_bidx, phone_enc, phone_bidx, false, created_at from input
      on conflict do nothing
      returning id
    ), granted as (
      insert into consents (user_id, purpose, policy_version, granted_at)
      select input.id, purpose.name, ${PRIVACY_POLICY_VERSION}, input.created_at
      from talents join input using (id) join ${PURPOSES} on (input.consents & purpose.bit) <> 0
      returning 1
    )
    select (select count(*) from talents)::int as inserted, (select count(*) from granted)::int as consents`;
}

async function seedTalents(ctx: Ctx, catalogue: Catalogue, target: number, progress: Progress): Promise<Tally> {
  const first = await nextIndex(ctx, 't', 7);
  if (first >= target) return { rows: 0, consents: 0 };
  const sequence = idSequenceAllocator();
  // replay the earlier indices (no encryption): same 身份证号 sequences as if one run had made them all
  for (let i = 0; i < first; i++) aTalent(rngFor(TALENT_SEED, i), catalogue.regions, { index: i, sequence });
  progress(0, target - first, '人才');
  return inBatches(
    { first, end: target, size: TALENT_BATCH },
    (from, to) => buildTalents(ctx, catalogue, sequence, from, to),
    (batch) => execute(ctx, talentStatement(batch)),
    (done) => progress(done, target - first, '人才'),
  );
}

// ------------------------------------------------------------------------------------- organisations

type OrgBatch = Record<
  | 'id'
  | 'memberId'
  | 'memberUsername'
  | 'kind'
  | 'name'
  | 'uscc'
  | 'regionCode'
  | 'industryCode'
  | 'size'
  | 'address'
  | 'contactName'
  | 'phoneEnc'
  | 'phoneBidx'
  | 'status'
  | 'createdAt',
  string[]
>;

function buildOrganisations(ctx: Ctx, catalogue: Catalogue, from: number, to: number): OrgBatch {
  const keys = ctx.platform.keys;
  const now = ctx.now.getTime();
  const ms = Date.now();
  const b: OrgBatch = {
    id: [],
    memberId: [],
    memberUsername: [],
    kind: [],
    name: [],
    uscc: [],
    regionCode: [],
    industryCode: [],
    size: [],
    address: [],
    contactName: [],
    phoneEnc: [],
    phoneBidx: [],
    status: [],
    createdAt: [],
  };
  for (let i = from; i < to; i++) {
    const rng = rngFor(ORG_SEED, i);
    const o = anOrganisation(rng, catalogue.regions, catalogue.industries, pickOrgKind(rng), { index: i });
    b.id.push(timeOrderedId(ms));
    b.memberId.push(timeOrderedId(ms));
    b.memberUsername.push(o.memberUsername);
    b.kind.push(o.kind);
    b.name.push(o.name);
    b.uscc.push(o.uscc);
    b.regionCode.push(o.regionCode);
    b.industryCode.push(o.industryCode);
    b.size.push(o.size);
    b.address.push(o.address);
    b.contactName.push(o.contactName);
    b.phoneEnc.push(encrypt(keys, o.contactPhone));
    b.phoneBidx.push(blindIndex(keys, 'phone', o.contactPhone));
    b.status.push(o.status);
    b.createdAt.push(new Date(now - o.registeredDaysAgo * DAY_MS - ((i * 7919) % DAY_MS)).toISOString());
  }
  return b;
}

/** The organisation, its member account (role = kind, no password; contact phone as its phone) and the member's required consents. */
function organisationStatement(b: OrgBatch): SQL {
  return sql`with input as (
      select * from unnest(${array(b.id)}::uuid[], ${array(b.memberId)}::uuid[], ${array(b.memberUsername)}::text[], ${array(b.kind)}::text[],
        ${array(b.name)}::text[], ${array(b.uscc)}::text[], ${array(b.regionCode)}::text[], ${array(b.industryCode)}::text[], ${array(b.size)}::text[],
        ${array(b.address)}::text[], ${array(b.contactName)}::text[], ${array(b.phoneEnc)}::text[], ${array(b.phoneBidx)}::text[],
        ${array(b.status)}::text[], ${array(b.createdAt)}::timestamptz[])
        as t(id, member_id, member_username, kind, name, uscc, region_code, industry_code, size, address, contact_name, phone_enc, phone_bidx, status, created_at)
    ), orgs as (
      insert into organisations (id, kind, name, uscc, region_code, industry_code, size, address, contact_name, contact_phone_enc, contact_phone_bidx,
        status, created_by, created_at, updated_at)
      select id, kind, name, uscc, region_code, industry_code, size, address, contact_name, phone_enc, phone_bidx, status, member_id, created_at, created_at
      from input
      on conflict do nothing
      returning id
    ), members as (
      insert into users (id, username, role, display_name, region_code, org_id, phone_enc, phone_bidx, is_demo, created_at)
      select input.member_id, input.member_username, input.kind, input.contact_name, input.region_code, input.id, input.phone_enc, input.phone_bidx, false,
        input.created_at
      from orgs join input using (id)
      on conflict do nothing
      returning id, created_at
    ), granted as (
      insert into consents (user_id, purpose, policy_version, granted_at)
      select members.id, purpose.name, ${PRIVACY_POLICY_VERSION}, members.created_at
      from members join ${PURPOSES} on (${REQUIRED_MASK}::int & purpose.bit) <> 0
      returning 1
    )
    select (select count(*) from orgs)::int as inserted, (select count(*) from granted)::int as consents`;
}

async function seedOrganisations(ctx: Ctx, catalogue: Catalogue, target: number, progress: Progress): Promise<Tally> {
  const first = await nextIndex(ctx, 'o', 6);
  if (first >= target) return { rows: 0, consents: 0 };
  progress(0, target - first, '单位');
  return inBatches(
    { first, end: target, size: ORG_BATCH },
    (from, to) => buildOrganisations(ctx, catalogue, from, to),
    (batch) => execute(ctx, organisationStatement(batch)),
    (done) => progress(done, target - first, '单位'),
  );
}
