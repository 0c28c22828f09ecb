/**
 * How the platform's own records become dashboard facts. One SQL definition per metric, used three ways:
 *  - live: the owning service calls `recordFactsFor(tx, metric, id)` in its own transaction (jobs approve,
 *    applications submit / hire, events finish / register, talent registration);
 *  - sync: `syncFacts` (background task, every 30 s, and at start) appends whatever bulk paths (imports,
 *    seeding) created without going through a service, within the freshness goal of 60 s;
 *  - backfill: the same sync with no watermark, idempotent (facts are unique on (metric, subject)).
 * New facts update the rollups in the same statement as they are appended (see ADR 0015).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { MetricKey } from '../../../shared/dashboard.js';
import { LITERACY_EVENT_KINDS } from '../../../shared/events.js';
import type { Db } from '../../db/client.js';
import { PROVINCE_CODE } from '../access/region-scope.js';

interface SourceDef {
  metric: MetricKey;
  /** Columns: subject_id, region_code, occurred_at, occupation_code, dimension, digital, amount_fen, days. */
  select: (where: { id?: string; since?: Date }) => SQL;
}

const LITERACY_KINDS = sql`(${sql.join(
  LITERACY_EVENT_KINDS.map((k) => sql`${k}`),
  sql`, `,
)})`;
const sinceCond = (col: SQL, since?: Date) => (since ? sql`and ${col} >= ${since.toISOString()}::timestamptz` : sql``);
const idCond = (col: SQL, id?: string) => (id ? sql`and ${col} = ${id}::uuid` : sql``);

/** Modules whose facts this module derives itself (the rest call recordMetric). */
export const SOURCES: SourceDef[] = [
  {
    metric: 'job.published',
    select: (w) => sql`
      select j.id::text as subject_id, j.region_code, j.published_at as occurred_at, j.occupation_code, '' as dimension,
             j.is_digital as digital, null::bigint as amount_fen, null::int as days
      from job_postings j
      where j.published_at is not null ${idCond(sql`j.id`, w.id)} ${sinceCond(sql`j.updated_at`, w.since)}`,
  },
  {
    metric: 'application.submitted',
    select: (w) => sql`
      select a.id::text, a.region_code, a.submitted_at, j.occupation_code, '', j.is_digital, null::bigint, null::int
      from job_applications a join job_postings j on j.id = a.job_id
      where true ${idCond(sql`a.id`, w.id)} ${sinceCond(sql`a.updated_at`, w.since)}`,
  },
  {
    metric: 'hire',
    select: (w) => sql`
      select a.id::text, a.region_code, a.hired_at, j.occupation_code, '', j.is_digital, null::bigint,
             greatest(0, floor(extract(epoch from (a.hired_at - a.submitted_at)) / 86400))::int
      from job_applications a join job_postings j on j.id = a.job_id
      where a.hired_at is not null ${idCond(sql`a.id`, w.id)} ${sinceCond(sql`a.updated_at`, w.since)}`,
  },
  {
    metric: 'event.held',
    select: (w) => sql`
      select e.id::text, e.region_code, least(e.ends_at, e.updated_at), null::text, e.kind, false, null::bigint, null::int
      from recruitment_events e
      where e.status = 'finished' ${idCond(sql`e.id`, w.id)} ${sinceCond(sql`e.updated_at`, w.since)}`,
  },
  {
    metric: 'event.registered',
    select: (w) => sql`
      select r.id::text, r.region_code, r.registered_at, null::text, e.kind, false, null::bigint, null::int
      from event_registrations r join recruitment_events e on e.id = r.event_id
      where true ${idCond(sql`r.id`, w.id)} ${sinceCond(sql`r.updated_at`, w.since)}`,
  },
  {
    // person-times at finished digital-literacy activities: checked-in registrations and counted walk-ins
    metric: 'literacy.attended',
    select: (w) => sql`
      select r.id::text, e.region_code, e.starts_at, null::text, e.kind, false, null::bigint, null::int
      from recruitment_events e join event_registrations r on r.event_id = e.id
      where e.status = 'finished' and e.kind in ${LITERACY_KINDS} and r.status = 'registered' and r.checked_in_at is not null
        ${idCond(sql`e.id`, w.id)} ${sinceCond(sql`e.updated_at`, w.since)}
      union all
      select e.id::text || ':walk-in:' || n, e.region_code, e.starts_at, null::text, e.kind, false, null::bigint, null::int
      from recruitment_events e cross join lateral generate_series(1, e.walk_in_count) as n
      where e.status = 'finished' and e.kind in ${LITERACY_KINDS} ${idCond(sql`e.id`, w.id)} ${sinceCond(sql`e.updated_at`, w.since)}`,
  },
  {
    metric: 'talent.registered',
    select: (w) => sql`
      select u.id::text, u.region_code, u.created_at, null::text, '', false, null::bigint, null::int
      from users u
      where u.role = 'talent' ${idCond(sql`u.id`, w.id)} ${sinceCond(sql`u.created_at`, w.since)}`,
  },
];

const ANCESTORS = sql.raw(`(values (b.region_code),
  (case when b.region_code not in ('${PROVINCE_CODE}', '369900') and right(b.region_code, 2) <> '00' then left(b.region_code, 4) || '00' end),
  (case when b.region_code <> '${PROVINCE_CODE}' then '${PROVINCE_CODE}' end)) as r(code)`);

/**
 * Appends the facts `source` selects (those not recorded yet) and adds them to the rollups, in one
 * statement. Returns how many facts were new.
 */
export async function applyFacts(db: Db, metric: MetricKey, source: SQL): Promise<number> {
  const result = (await db.execute(sql`
    with src (subject_id, region_code, occurred_at, occupation_code, dimension, digital, amount_fen, days) as (${source}),
    ins as (
      insert into metric_events (metric, subject_id, region_code, month, occurred_at, occupation_code, dimension, digital, amount_fen, days)
      select ${metric}, s.subject_id, s.region_code, to_char((s.occurred_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM'),
             s.occurred_at, s.occupation_code, coalesce(s.dimension, ''), coalesce(s.digital, false), s.amount_fen, s.days
      from src s where s.region_code ~ '^[0-9]{6}$' and s.occurred_at is not null
      on conflict do nothing
      returning metric, region_code, month, occupation_code, dimension, digital, amount_fen, days
    ),
    r1 as (
      insert into metric_rollups (metric, region_code, month, dimension, digital, count, amount_fen)
      select b.metric, r.code, b.month, b.dimension, b.digital, count(*), coalesce(sum(b.amount_fen), 0)
      from ins b cross join lateral ${ANCESTORS} where r.code is not null
      group by 1, 2, 3, 4, 5
      on conflict (metric, region_code, month, dimension, digital)
      do update set count = metric_rollups.count + excluded.count, amount_fen = metric_rollups.amount_fen + excluded.amount_fen
      returning 1
    ),
    r2 as (
      insert into metric_rollup_occupations (metric, region_code, year, occupation_code, digital, count)
      select b.metric, r.code, substr(b.month, 1, 4)::int, b.occupation_code, b.digital, count(*)
      from ins b cross join lateral ${ANCESTORS} where r.code is not null and b.occupation_code is not null
      group by 1, 2, 3, 4, 5
      on conflict (metric, region_code, year, occupation_code, digital)
      do update set count = metric_rollup_occupations.count + excluded.count
      returning 1
    ),
    r3 as (
      insert into metric_days_histogram (metric, region_code, month, days, count)
      select b.metric, r.code, b.month, b.days, count(*)
      from ins b cross join lateral ${ANCESTORS} where r.code is not null and b.days is not null
      group by 1, 2, 3, 4
      on conflict (metric, region_code, month, days)
      do update set count = metric_days_histogram.count + excluded.count
      returning 1
    )
    select (select count(*) from ins)::int as inserted, (select count(*) from r1)::int as r1,
           (select count(*) from r2)::int as r2, (select count(*) from r3)::int as r3
  `)) as unknown as { rows: Array<{ inserted: number }> };
  return Number(result.rows[0]?.inserted ?? 0);
}

/**
 * Live path: records the fact `metric` for one record (job, application, event, registration, user) in the
 * caller's transaction. Does nothing when the record does not (yet) qualify, or was recorded before.
 */
export async function recordFactsFor(db: Db, metric: MetricKey, id: string): Promise<void> {
  const def = SOURCES.find((s) => s.metric === metric);
  if (!def) throw new Error(`no fact source for ${metric}`);
  await applyFacts(db, metric, def.select({ id }));
}

/**
 * Sync / backfill: appends every fact the records imply and the table lacks. `since` limits the scan to
 * records changed after it (the task passes its previous start minus a margin); omit it for a full backfill.
 */
export async function syncFacts(db: Db, since?: Date): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const def of SOURCES) {
    out[def.metric] = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      // a full backfill reads every source row (1M accounts at province size): longer than the pool's statement timeout (15 s)
      if (!since) await tx.execute(sql`set local statement_timeout = 0`);
      return applyFacts(tx, def.metric, def.select(since ? { since } : {}));
    });
  }
  return out;
}
