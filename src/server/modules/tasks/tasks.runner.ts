/**
 * Background tasks. One interface, two engines:
 *  - PostgreSQL: pg-boss (durable queue, several app processes share the work);
 *  - PGlite: an in-process queue (PGlite has one connection and no LISTEN across processes).
 * The `tasks` table holds status and progress for the UI in both cases.
 */
import { eq, inArray } from 'drizzle-orm';
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

export function createTaskRunner(kind: 'pglite' | 'pg'): TaskRunner {
  const handlers = new Map<string, TaskHandler>();
  let platform: Platform | undefined;
  let boss: PgBoss | undefined;
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const waiters: (() => void)[] = [];

  async function run(taskId: string): Promise<void> {
    if (!platform) return;
    const ctx = systemCtx(platform, `task:${taskId}`);
    const [task] = await ctx.db.select().from(tasks).where(eq(tasks.id, taskId));
    if (task?.status !== 'queued') return;
    const handler = handlers.get(task.kind);
    await ctx.db.update(tasks).set({ status: 'running', startedAt: platform.clock.now() }).where(eq(tasks.id, taskId));
    const report: ReportProgress = async (progress, total, message) => {
      await ctx.db
        .update(tasks)
        .set({ progress, ...(total !== undefined ? { total } : {}), ...(message !== undefined ? { message } : {}) })
        .where(eq(tasks.id, taskId));
    };
    try {
      if (!handler) throw new Error(`no handler for task kind ${task.kind}`);
      const result = await handler(ctx, task.params ?? {}, report);
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
    }
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
      } else {
        // Tasks left queued by a previous process run now; tasks cut off mid-run are marked failed.
        const ctx = systemCtx(p);
        await ctx.db.update(tasks).set({ status: 'failed', error: 'interrupted by restart' }).where(eq(tasks.status, 'running'));
        const queued = await ctx.db
          .select({ id: tasks.id })
          .from(tasks)
          .where(inArray(tasks.status, ['queued']));
        for (const t of queued) schedule(t.id);
      }
    },
    async stop() {
      if (boss) await boss.stop({ graceful: true, timeout: 5000 }).catch(() => {});
      boss = undefined;
      await chain;
    },
    idle() {
      return pending === 0 ? Promise.resolve() : new Promise((r) => waiters.push(r));
    },
  };
}
