/**
 * The matching engine: the in-memory index of published jobs and of talents who opened their profile
 * to employers, built from the database at start-up and refreshed incrementally (rows changed since the
 * last refresh, polled every `pollMs` and on demand through refresh()). One engine per platform.
 */
import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Platform } from '../../context.js';
import { type CacheStats, RankingCache } from './matching.cache.js';
import type { Db } from '../../db/client.js';
import { paged } from '../../db/paged.js';
import { users } from '../auth/auth.tables.js';
import { occupations } from '../catalog/catalog.tables.js';
import { evidenceChangedSince, evidenceMarkMs, verifiedEvidence } from '../certificates/index.js';
import { jobPostings } from '../jobs/index.js';
import { talentProfiles } from '../profiles/index.js';
import { jobFeatures, type MatchableJob, talentFeatures } from './matching.features.js';
import type { Ranked, SideIndex } from './matching.index.js';
import { inferOccupation, type LearntModel, ModelLearner } from './matching.model.js';
import {
  describeJob,
  describeTalent,
  type IndexedJob,
  jobEntry,
  jobExact,
  jobRefine,
  jobRest,
  jobScorer,
  jobsQuery,
  newJobIndex,
  newTalentIndex,
  talentEntry,
  talentExact,
  talentRefine,
  talentRest,
  talentScorer,
  talentsQuery,
  today,
} from './matching.queries.js';
import { type JobFeatures, jobAsTalent, type MatchResult, type TalentFeatures } from './matching.score.js';

export type { IndexedJob } from './matching.queries.js';

export interface EngineLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const OPEN_VISIBILITY = ['employers', 'public'];
const OVERLAP_MS = 60_000;
/** Rows per statement when the index is built (default). */
const PAGE = 50_000;

const jobColumns = {
  id: jobPostings.id,
  orgId: jobPostings.orgId,
  regionCode: jobPostings.regionCode,
  occupationCode: jobPostings.occupationCode,
  workMode: jobPostings.workMode,
  requiredSkills: jobPostings.requiredSkills,
  preferredSkills: jobPostings.preferredSkills,
  educationCode: jobPostings.educationCode,
  experienceYearsMin: jobPostings.experienceYearsMin,
  salaryMinFen: jobPostings.salaryMinFen,
  salaryMaxFen: jobPostings.salaryMaxFen,
  publishedAt: jobPostings.publishedAt,
  createdAt: jobPostings.createdAt,
  validFrom: jobPostings.validFrom,
  validUntil: jobPostings.validUntil,
  status: jobPostings.status,
  updatedAt: jobPostings.updatedAt,
};
/** The profile columns matching reads (MatchableProfile: not the search tokens, whose reading costs more than the ranking). */
export const matchableProfileColumns = {
  userId: talentProfiles.userId,
  regionCode: talentProfiles.regionCode,
  education: talentProfiles.education,
  workHistory: talentProfiles.workHistory,
  skills: talentProfiles.skills,
  certificates: talentProfiles.certificates,
  desiredOccupations: talentProfiles.desiredOccupations,
  desiredCities: talentProfiles.desiredCities,
  desiredSalaryMinFen: talentProfiles.desiredSalaryMinFen,
  updatedAt: talentProfiles.updatedAt,
};
const profileColumns = { ...matchableProfileColumns, visibility: talentProfiles.visibility, accountStatus: users.status };

interface Snapshot {
  model: LearntModel;
  jobs: SideIndex<IndexedJob>;
  talents: SideIndex<TalentFeatures>;
  occupationNames: Map<string, string>;
  builtAtMs: number;
  jobsMark: number;
  profilesMark: number;
  /** Newest certificate / qualification change seen (verified evidence of talents). */
  evidenceMark: number;
}

export interface EngineStats {
  jobs: number;
  talents: number;
  postings: number;
  typedBytes: number;
  buildMs: number;
  lastRefreshMs: number;
  /** The ranking cache of each direction (jobs for talents, talents for jobs). */
  rankings: { jobs: CacheStats; talents: CacheStats };
}

export class MatchingEngine {
  private snap: Snapshot | null = null;
  private building: Promise<Snapshot> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private buildMs = 0;
  private lastRefreshMs = 0;
  /** Recent rankings each way (matching.cache.ts): a person back at the same list is not searched for again. */
  private readonly jobRankings = new RankingCache<IndexedJob>();
  private readonly talentRankings = new RankingCache<TalentFeatures>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => number,
    private readonly log: EngineLog | null = null,
    readonly pollMs = 15_000,
    readonly rebuildEveryMs = 30 * 60_000,
    /** Rows per statement when the index is built. */
    readonly pageRows = PAGE,
  ) {}

  /** The built index (building it on first use). */
  async ready(): Promise<Snapshot> {
    if (this.snap) return this.snap;
    if (!this.building) this.building = this.build().finally(() => (this.building = null));
    return this.building;
  }

  /** Picks up rows changed since the last refresh (or rebuilds when the index is old or sparse). Services may call it after a write. */
  refresh(): Promise<void> {
    const run = this.chain.then(() => this.refreshNow());
    this.chain = run.catch(() => {});
    return run;
  }

  start() {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) => this.log?.warn({ err }, 'matching refresh failed'));
    }, this.pollMs);
    this.timer.unref();
  }

  /** Stops polling and waits for a build or refresh in flight (so nothing queries a closed database). */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([this.chain, this.building]);
  }

  stats(): EngineStats | null {
    const s = this.snap;
    if (!s) return null;
    return {
      jobs: s.jobs.size,
      talents: s.talents.size,
      postings: s.jobs.postingCount + s.talents.postingCount,
      typedBytes: s.jobs.typedBytes() + s.talents.typedBytes(),
      buildMs: this.buildMs,
      lastRefreshMs: this.lastRefreshMs,
      rankings: { jobs: this.jobRankings.stats(), talents: this.talentRankings.stats() },
    };
  }

  private async build(): Promise<Snapshot> {
    const started = performance.now();
    const occRows = await this.db.select({ code: occupations.code, name: occupations.name }).from(occupations).where(eq(occupations.level, 4));
    const occupationNames = new Map(occRows.map((o) => [o.code, o.name]));
    const evidenceMark = await evidenceMarkMs(this.db);
    const evidence = await verifiedEvidence(this.db);
    let jobsMark = 0;
    // the model learns each posting as its page is mapped (in steps), not in one pass afterwards
    const learner = new ModelLearner();
    const jobs = await paged(
      this.pageRows,
      (after) =>
        this.db
          .select(jobColumns)
          .from(jobPostings)
          .where(and(eq(jobPostings.status, 'published'), after === null ? undefined : gt(jobPostings.id, after)))
          .orderBy(jobPostings.id)
          .limit(this.pageRows),
      (r) => r.id,
      (r) => {
        jobsMark = Math.max(jobsMark, r.updatedAt.getTime());
        const job = this.indexedJob(r, occupationNames);
        learner.add(job);
        return job;
      },
    );
    const model = learner.finish();
    const now = this.clock();
    let profilesMark = 0;
    const talents = await paged(
      this.pageRows,
      (after) =>
        this.db
          .select(profileColumns)
          .from(talentProfiles)
          .innerJoin(users, eq(users.id, talentProfiles.userId))
          .where(
            and(
              inArray(talentProfiles.visibility, OPEN_VISIBILITY),
              eq(users.status, 'active'),
              // on both sides of the join, so that neither is read from its start on every page
              after === null ? undefined : gt(talentProfiles.userId, after),
              after === null ? undefined : gt(users.id, after),
            ),
          )
          .orderBy(talentProfiles.userId)
          .limit(this.pageRows),
      (r) => r.userId,
      (p) => {
        profilesMark = Math.max(profilesMark, p.updatedAt.getTime());
        return inferOccupation(talentFeatures(p, now, evidence.get(p.userId)), model);
      },
    );
    const snap: Snapshot = {
      model,
      jobs: newJobIndex(),
      talents: newTalentIndex(),
      occupationNames,
      builtAtMs: Date.now(),
      jobsMark,
      profilesMark,
      evidenceMark,
    };
    // in steps: requests go on being answered (from the old index, on a rebuild) while it loads
    await snap.jobs.loadInSteps(jobs, (j, sink) => describeJob(j, model, sink));
    await snap.talents.loadInSteps(talents, describeTalent);
    this.snap = snap;
    // (an entry holds its index: kept, the old one would stay in memory)
    this.jobRankings.clear();
    this.talentRankings.clear();
    this.buildMs = performance.now() - started;
    this.log?.info({ jobs: snap.jobs.size, talents: snap.talents.size, ms: Math.round(this.buildMs) }, 'matching index built');
    return snap;
  }

  private indexedJob(r: MatchableJob & { orgId: string; validFrom: string; validUntil: string; updatedAt: Date }, names: Map<string, string>): IndexedJob {
    return {
      ...jobFeatures(r, names.get(r.occupationCode) ?? null),
      orgId: r.orgId,
      validFrom: r.validFrom,
      validUntil: r.validUntil,
      changedAtMs: r.updatedAt.getTime(),
    };
  }

  private async refreshNow() {
    const s = this.snap;
    if (!s) {
      await this.ready();
      return;
    }
    const started = performance.now();
    if (Date.now() - s.builtAtMs >= this.rebuildEveryMs || s.jobs.emptySlots + s.talents.emptySlots > 1000 + s.jobs.size + s.talents.size) {
      // built beside the old index, which answers every query until the new one is swapped in (at
      // province size a build takes about 20 s: queries must not wait for it)
      await this.build();
      return;
    }
    const jobRows = await this.db
      .select(jobColumns)
      .from(jobPostings)
      .where(gt(jobPostings.updatedAt, new Date(s.jobsMark - OVERLAP_MS)));
    const profileRows = await this.db
      .select(profileColumns)
      .from(talentProfiles)
      .innerJoin(users, eq(users.id, talentProfiles.userId))
      .where(gt(talentProfiles.updatedAt, new Date(s.profilesMark - OVERLAP_MS)));
    // talents whose verified evidence changed (certificate issued or revoked, qualification verified)
    const changed = await evidenceChangedSince(this.db, new Date(s.evidenceMark - OVERLAP_MS));
    const seen = new Set(profileRows.map((r) => r.userId));
    const more = changed.userIds.filter((id) => !seen.has(id));
    if (more.length)
      profileRows.push(
        ...(await this.db
          .select(profileColumns)
          .from(talentProfiles)
          .innerJoin(users, eq(users.id, talentProfiles.userId))
          .where(inArray(talentProfiles.userId, more))),
      );
    const evidence = await verifiedEvidence(
      this.db,
      profileRows.map((r) => r.userId),
    );
    // closed or disabled accounts (closure also deletes the profile row, so no updated_at to see)
    const inactive = await this.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'talent'), ne(users.status, 'active')));
    // the window overlaps the previous one (and stays put while nothing changes): a row already indexed
    // as it is now is skipped, not indexed again into a new slot
    for (const r of jobRows) {
      s.jobsMark = Math.max(s.jobsMark, r.updatedAt.getTime());
      if (r.status !== 'published') s.jobs.remove(r.id);
      else if (s.jobs.get(r.id)?.changedAtMs !== r.updatedAt.getTime()) s.jobs.upsert(jobEntry(this.indexedJob(r, s.occupationNames), s.model));
    }
    const now = this.clock();
    const evidenceChanged = new Set(changed.userIds);
    for (const r of profileRows) {
      s.profilesMark = Math.max(s.profilesMark, r.updatedAt.getTime());
      if (!OPEN_VISIBILITY.includes(r.visibility) || r.accountStatus !== 'active') s.talents.remove(r.userId);
      else if (evidenceChanged.has(r.userId) || s.talents.get(r.userId)?.updatedAtMs !== r.updatedAt.getTime())
        s.talents.upsert(talentEntry(inferOccupation(talentFeatures(r, now, evidence.get(r.userId)), s.model)));
    }
    for (const u of inactive) s.talents.remove(u.id);
    s.evidenceMark = Math.max(s.evidenceMark, changed.markMs);
    this.lastRefreshMs = performance.now() - started;
  }

  /** Top published, live jobs for a talent. */
  async jobsForTalent(talent: TalentFeatures, k: number, exceptJobId: string | null = null): Promise<Ranked<IndexedJob, MatchResult>[]> {
    const s = await this.ready();
    const t = inferOccupation(talent, s.model);
    const now = this.clock();
    const score = jobScorer(t, s.model, now, exceptJobId);
    return this.jobRankings.rank(`${t.id}|${exceptJobId ?? ''}`, stampOf(t, now), s.jobs, k, score, () =>
      s.jobs.search<MatchResult>({
        ...jobsQuery(t, s.model),
        k,
        score,
        exact: jobExact(t, s.model, now, exceptJobId),
        rest: jobRest(s.jobs, t, now),
        refine: jobRefine(s.jobs, t),
      }),
    );
  }

  /** Top talents (opened to employers) for a job. */
  async talentsForJob(j: JobFeatures, k: number): Promise<Ranked<TalentFeatures, MatchResult>[]> {
    const s = await this.ready();
    const now = this.clock();
    const score = talentScorer(j, s.model, now);
    return this.talentRankings.rank(j.id, stampOf(j, now), s.talents, k, score, () =>
      s.talents.search<MatchResult>({
        ...talentsQuery(j, s.model),
        k,
        score,
        exact: talentExact(j, s.model, now),
        rest: talentRest(s.talents, j, now),
        refine: talentRefine(s.talents, j),
      }),
    );
  }

  /** Published, live jobs most like this one (the job seen as its own ideal candidate). */
  async similarJobs(j: JobFeatures, k: number) {
    return this.jobsForTalent(jobAsTalent(j), k, j.id);
  }

  /** The exhaustive scorer (every indexed document): the evaluation path. */
  async exhaustiveJobsForTalent(t: TalentFeatures, k: number) {
    const s = await this.ready();
    return s.jobs.exhaustive<MatchResult>({ k, score: jobScorer(inferOccupation(t, s.model), s.model, this.clock(), null) });
  }

  async exhaustiveTalentsForJob(j: JobFeatures, k: number) {
    const s = await this.ready();
    return s.talents.exhaustive<MatchResult>({ k, score: talentScorer(j, s.model, this.clock()) });
  }

  /** The learnt model, the occupation names and the job index (for gaps and statistics). */
  async snapshot() {
    const s = await this.ready();
    return { model: s.model, occupationNames: s.occupationNames, jobs: s.jobs, talents: s.talents };
  }
}

/** A query as the ranking cache tells it apart: its features and the day (postings' validity is by day). */
const stampOf = (features: object, nowMs: number) => `${today(nowMs)}|${JSON.stringify(features)}`;

const engines = new WeakMap<Platform, MatchingEngine>();

/** The platform's engine (created on first use). */
export function matchingEngine(platform: Platform, log: EngineLog | null = null): MatchingEngine {
  let e = engines.get(platform);
  if (!e) {
    e = new MatchingEngine(platform.database.db, () => platform.clock.now().getTime(), log);
    engines.set(platform, e);
  }
  return e;
}
