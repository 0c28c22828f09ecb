/**
 * Background tasks. One interface, two engines:
 *  - PostgreSQL: pg-boss (durable queue, several app processes share the work);
 *  - PGlite: an in-process queue (PGlite has one connection and no LISTEN across processes).
 * The `tasks` table holds status and progress for the UI in both cases.
 *
 * Crashes: a running task beats `heartbeat_at` (database time). A task whose process died stops beating;
 * any live process's sweeper puts it back in the queue (up to `maxAttempts` starts, then it fails), and
 * the claim in `run()` lets exactly one process start it. Handlers must therefore be idempotent.
 */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Ctx, Platform } from '../../context.js';
import { systemCtx } from '../../context.js';
import { tasks } from './tasks.tables.js';

export type ReportProgress = (progress: number, total?: number, message?: string) => Promise<void>;
export type TaskHandler = (ctx: Ctx, params: Record<string, unknown>, report: ReportProgress) => Promise<Record<string, unknown> | undefined>;

export interface EnqueueOptions {
  ownerId?: string | null;
  regionCode?: string | null;
}

export interface TaskRunner {
  register(kind: string, handler: TaskHandler): void;
  enqueue(ctx: Ctx, kind: string, params: Record<string, unknown>, opts?: EnqueueOptions): Promise<string>;
  start(platform: Platform): Promise<void>;
  stop(): Promise<void>;
  /** Resolves when every queued task has finished (tests, CLI). */
  idle(): Promise<void>;
}

const QUEUE = 'gancai-tasks';

export interface TaskRunnerOptions {
  /** How often a running task beats its heartbeat (default 15 s). */
  heartbeatMs?: number;
  /** A running task silent for this long belonged to a dead process (default 2 min). */
  staleAfterMs?: number;
  /** How often the sweeper looks for such tasks (default 30 s; PostgreSQL only). */
  sweepMs?: number;
  /** Starts allowed per task, crashes included (default 3). */
  maxAttempts?: number;
}

export function createTaskRunner(kind: 'pglite' | 'pg', options: TaskRunnerOptions = {}): TaskRunner {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const staleAfterMs = options.staleAfterMs ?? 120_000;
  const sweepMs = options.sweepMs ?? 30_000;
  const maxAttempts = options.maxAttempts ?? 3;
  const handlers = new Map<string, TaskHandler>();
  let platform: Platform | undefined;
  let boss: PgBoss | undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const waiters: (() => void)[] = [];
  const staleBefore = sql`now() - make_interval(secs => ${staleAfterMs / 1000})`;

  async function run(taskId: string): Promise<void> {
    if (!platform) return;
    const ctx = systemCtx(platform, `task:${taskId}`);
    // the claim: only a queued task, or one whose runner stopped beating, is started, by one process
    const [task] = await ctx.db
      .update(tasks)
      .set({ status: 'running', startedAt: platform.clock.now(), heartbeatAt: sql`now()`, attempts: sql`${tasks.attempts} + 1` })
      .where(and(eq(tasks.id, taskId), sql`(${tasks.status} = 'queued' or (${tasks.status} = 'running' and ${tasks.heartbeatAt} < ${staleBefore}))`))
      .returning();
    if (!task) return;
    const handler = handlers.get(task.kind);
    const beat = setInterval(() => {
      ctx.db
        .update(tasks)
        .set({ heartbeatAt: sql`now()` })
        .where(and(eq(tasks.id, taskId), eq(tasks.status, 'running')))
        .catch(() => {});
    }, heartbeatMs);
    beat.unref();
    const report: ReportProgress = async (progress, total, message) => {
      await ctx.db
        .update(tasks)
        .set({ progress, ...(total !== undefined ? { total } : {}), ...(message !== undefined ? { message } : {}) })
        .where(eq(tasks.id, taskId));
    };
    try {
      if (!handler) throw new Error(`no handler for task kind ${task.kind}`);
      const result = await handler(ctx, { ...(task.params ?? {}), attempt: task.attempts }, report);
      await ctx.db
        .update(tasks)
        .set({ status: 'succeeded', result: result ?? null, finishedAt: platform.clock.now() })
        .where(eq(tasks.id, taskId));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await ctx.db
        .update(tasks)
        .set({ status: 'failed', error: message.slice(0, 500), finishedAt: platform.clock.now() })
        .where(eq(tasks.id, taskId));
    } finally {
      clearInterval(beat);
    }
  }

  /**
   * Tasks whose runner died: queued again (and sent to pg-boss) while starts remain, else failed. The
   * conditional update makes one sweeper win when several processes sweep at once.
   */
  async function sweep(p: Platform, everythingRunning = false): Promise<string[]> {
    const ctx = systemCtx(p, 'task-sweeper');
    const dead = everythingRunning ? eq(tasks.status, 'running') : and(eq(tasks.status, 'running'), lt(tasks.heartbeatAt, staleBefore));
    await ctx.db
      .update(tasks)
      .set({ status: 'failed', error: `interrupted ${maxAttempts} times`, finishedAt: p.clock.now() })
      .where(and(dead, sql`${tasks.attempts} >= ${maxAttempts}`));
    const again = await ctx.db
      .update(tasks)
      .set({ status: 'queued', message: 'interrupted; queued again' })
      .where(and(dead, sql`${tasks.attempts} < ${maxAttempts}`))
      .returning({ id: tasks.id });
    return again.map((r) => r.id);
  }

  function schedule(taskId: string) {
    pending++;
    chain = chain
      .then(() => run(taskId))
      .catch(() => {})
      .finally(() => {
        pending--;
        if (pending === 0) for (const w of waiters.splice(0)) w();
      });
  }

  return {
    register(k, handler) {
      handlers.set(k, handler);
    },
    async enqueue(ctx, k, params, opts = {}) {
      const [row] = await ctx.db
        .insert(tasks)
        .values({ kind: k, status: 'queued', params, ownerId: opts.ownerId ?? null, regionCode: opts.regionCode ?? null, createdAt: ctx.now })
        .returning({ id: tasks.id });
      const id = row!.id;
      if (boss) await boss.send(QUEUE, { taskId: id });
      else schedule(id);
      return id;
    },
    async start(p) {
      platform = p;
      if (kind === 'pg' && p.database.pool) {
        boss = new PgBoss({ db: { executeSql: (text: string, values: unknown[]) => p.database.pool!.query(text, values) } });
        boss.on('error', () => {});
        await boss.start();
        await boss.createQueue(QUEUE);
        await boss.work<{ taskId: string }>(QUEUE, { pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) {
            pending++;
            try {
              await run(job.data.taskId);
            } finally {
              pending--;
              if (pending === 0) for (const w of waiters.splice(0)) w();
            }
          }
        });
        const sweepAndSend = async () => {
          const again = await sweep(p).catch(() => [] as string[]);
          for (const id of again) await boss?.send(QUEUE, { taskId: id }).catch(() => {});
        };
        await sweepAndSend();
        sweeper = setInterval(() => void sweepAndSend(), sweepMs);
        sweeper.unref();
      } else {
        // One process owns a PGlite directory: whatever was running was cut off by the last stop.
        const ctx = systemCtx(p);
        await sweep(p, true);
        const queued = await ctx.db
          .select({ id: tasks.id })
          .from(tasks)
          .where(inArray(tasks.status, ['queued']));
        for (const t of queued) schedule(t.id);
      }
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
      if (boss) await boss.stop({ graceful: true, timeout: 5000 }).catch(() => {});
      boss = undefined;
      await chain;
    },
    idle() {
      return pending === 0 ? Promise.resolve() : new Promise((r) => waiters.push(r));
    },
  };
}
