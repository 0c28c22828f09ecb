/**
 * Keeps one in-process SearchIndex per database current (ADR 0011).
 *
 * Freshness: the triggers of migration 0008 log every posting that is or was published, with the writing
 * transaction's id (xid8), in job_search_changes. Each search runs one small statement that returns the
 * snapshot's xmin and a signature (count, max seq) of the log rows with xid ≥ the xmin of the last sync,
 * plus PostgreSQL's parse of the query. A changed signature means some transaction has committed since:
 * the index reloads the current rows of every logged id at or above that xmin (idempotent), so a change
 * is visible to the next search after its commit, from any process or writer (service, import, expiry
 * task, plain SQL). Writers take no lock for it. Until the first build is done, and while a large change
 * (over REBUILD_AT postings) is rebuilt, searches are answered by the SQL path.
 */
import type { Database } from '../../db/client.js';
import { type IndexedJob, SearchIndex } from './jobs.search-index.js';

const CHUNK = 20_000;
const REBUILD_AT = 20_000;
/** Log rows older than this are pruned; an index that has not synced for half of it is rebuilt. */
const PRUNE_AFTER_MS = 24 * 3_600_000;

interface State {
  index: SearchIndex | null;
  /** xid8 (as text) of the snapshot xmin at the last sync; log rows at or above it are re-read. */
  xmin: string;
  /** count:max(seq) of the log rows with xid ≥ xmin at the last sync; null forces a sync. */
  sig: string | null;
  building: Promise<void> | null;
  syncing: Promise<void>;
  /** When the index last matched the log; an index idle past PRUNE_AFTER_MS is rebuilt (the log may be pruned). */
  syncedAt: number;
}

const states = new WeakMap<Database, State>();

function state(database: Database): State {
  let s = states.get(database);
  if (!s) {
    s = { index: null, xmin: '0', sig: null, building: null, syncing: Promise.resolve(), syncedAt: 0 };
    states.set(database, s);
  }
  return s;
}

interface CheckRow {
  xmin: string;
  n: number;
  max_seq: string;
  tsq: string | null;
}

async function check(database: Database, xmin: string, tsquery: string | null): Promise<CheckRow> {
  const [row] = await database.query<CheckRow>(
    `select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, count(*)::int as n, coalesce(max(seq), 0)::text as max_seq,
       case when $2::text is null then null else to_tsquery('simple', $2::text)::text end as tsq
     from job_search_changes where xid >= $1::xid8`,
    [xmin, tsquery],
  );
  if (!row) throw new Error('job search check returned no row');
  return row;
}

interface LoadRow {
  id: string;
  region_code: string;
  occupation_code: string;
  education_code: string | null;
  is_digital: boolean;
  salary_min_fen: number;
  salary_max_fen: number;
  published: number | null;
  vf: number;
  vu: number;
  title: string;
  lexemes: string;
}

const LOAD_COLUMNS = `id::text as id, region_code, occupation_code, education_code, is_digital, salary_min_fen, salary_max_fen,
  (extract(epoch from published_at) * 1000)::float8 as published, (valid_from - date '1970-01-01') as vf,
  (valid_until - date '1970-01-01') as vu, title, array_to_string(tsvector_to_array(search_tsv), ' ') as lexemes`;

function toJob(r: LoadRow): IndexedJob {
  return {
    id: r.id,
    regionCode: r.region_code,
    occupationCode: r.occupation_code,
    educationCode: r.education_code,
    isDigital: r.is_digital,
    salaryMinFen: Number(r.salary_min_fen),
    salaryMaxFen: Number(r.salary_max_fen),
    publishedAt: r.published === null ? null : Number(r.published),
    validFrom: Number(r.vf),
    validUntil: Number(r.vu),
    title: r.title,
    lexemes: r.lexemes ? r.lexemes.split(' ') : [],
  };
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

async function build(database: Database, s: State): Promise<void> {
  const t0 = performance.now();
  const started = await check(database, '0', null);
  const index = new SearchIndex();
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await database.query<LoadRow>(
      `select ${LOAD_COLUMNS} from job_postings where status = 'published' and job_postings.id > $1::uuid order by job_postings.id limit ${CHUNK}`,
      [after],
    );
    for (const r of rows) index.upsert(toJob(r));
    if (rows.length < CHUNK) break;
    after = (rows[rows.length - 1] as LoadRow).id;
    await yieldToRequests();
  }
  index.buildMs = performance.now() - t0;
  s.index = index;
  s.xmin = started.xmin;
  s.sig = null;
  s.syncedAt = Date.now();
}

function startBuild(database: Database, s: State) {
  s.index = null;
  s.building ??= build(database, s)
    // a failed build (database closed or down) leaves no index: the next search answers from SQL and retries
    .catch(() => {})
    .finally(() => {
      s.building = null;
    });
  return s.building;
}

/** Re-reads the logged postings since the last sync; rebuilds when the change is large. */
async function sync(database: Database, s: State): Promise<void> {
  if (!s.index) return;
  const now = await check(database, s.xmin, null);
  const sig = `${now.n}:${now.max_seq}`;
  if (sig === s.sig) return;
  const changes = await database.query<{ id: string; xid: string; seq: string }>(
    'select job_id::text as id, xid::text as xid, seq::text as seq from job_search_changes where xid >= $1::xid8',
    [s.xmin],
  );
  const ids = [...new Set(changes.map((c) => c.id))];
  if (ids.length > REBUILD_AT) {
    void startBuild(database, s);
    return;
  }
  const index = s.index;
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    const rows = await database.query<LoadRow>(`select ${LOAD_COLUMNS} from job_postings where status = 'published' and id = any($1::uuid[])`, [part]);
    for (const id of part) index.remove(id);
    for (const r of rows) index.upsert(toJob(r));
  }
  if (s.index !== index) return; // a rebuild replaced it meanwhile
  if (index.needsCompaction()) index.compact();
  const floor = BigInt(now.xmin);
  let n = 0;
  let max = 0n;
  for (const c of changes) {
    if (BigInt(c.xid) < floor) continue;
    n++;
    const seq = BigInt(c.seq);
    if (seq > max) max = seq;
  }
  s.xmin = now.xmin;
  s.sig = `${n}:${max}`;
  s.syncedAt = Date.now();
}

export interface FreshIndex {
  index: SearchIndex;
  /** PostgreSQL's to_tsquery('simple', …)::text of the query, or null when none was given. */
  tsquery: string | null;
}

/**
 * The index, current as of this call, with the query's parsed tsquery; null when it is still being
 * built (the caller answers from SQL).
 */
export async function freshIndex(database: Database, tsquery: string | null): Promise<FreshIndex | null> {
  const s = state(database);
  if (!s.index) {
    void startBuild(database, s);
    return null;
  }
  if (Date.now() - s.syncedAt > PRUNE_AFTER_MS / 2) {
    void startBuild(database, s);
    return null;
  }
  const seen = await check(database, s.xmin, tsquery);
  if (`${seen.n}:${seen.max_seq}` === s.sig) s.syncedAt = Date.now();
  else {
    const next = s.syncing.then(() => sync(database, s));
    s.syncing = next.catch(() => {});
    await next;
  }
  return s.index ? { index: s.index, tsquery: seen.tsq } : null;
}

/** Builds (or finishes building) the index and syncs it; start-up warm-up and tests. */
export async function prepareSearchIndex(database: Database): Promise<SearchIndex | null> {
  const s = state(database);
  if (!s.index) await startBuild(database, s);
  await freshIndex(database, null);
  return s.index;
}

/** Deletes change-log rows older than a day that every running transaction has passed (daily expiry task). */
export async function pruneSearchChanges(database: Database): Promise<number> {
  const rows = await database.query<{ n: number }>(
    `with gone as (delete from job_search_changes
       where changed_at < now() - make_interval(secs => $1) and xid < pg_snapshot_xmin(pg_current_snapshot()) returning 1)
     select count(*)::int as n from gone`,
    [PRUNE_AFTER_MS / 1000],
  );
  return rows[0]?.n ?? 0;
}
