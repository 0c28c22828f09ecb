/**
 * A background task whose process is killed (SIGKILL, no clean-up) is started again by a live process
 * and finishes exactly once. PostgreSQL only: it needs two processes on one database.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../src/server/lib/clock.js';
import { deriveKeys } from '../src/server/lib/crypto.js';
import { createTaskRunner } from '../src/server/modules/tasks/tasks.runner.js';
import { openTestDatabase } from './helpers.js';
import { testConfig } from './test-config.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(!onPostgres)('a task whose process is killed', () => {
  it('is queued again by a live process, runs once more and succeeds', async () => {
    const { database, url, drop } = await openTestDatabase();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures/task-crash-child.ts')], {
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
      });
      const taskId = await until('the child to start the task', async () => (/^running$/m.test(out) ? /^task (\S+)$/m.exec(out)?.[1] : undefined));
      const [before] = await database.query<{ status: string; progress: number; attempts: number }>(
        'select status, progress, attempts from tasks where id = $1',
        [taskId],
      );
      expect(before).toEqual({ status: 'running', progress: 1, attempts: 1 });
      child.kill('SIGKILL');
      await once(child, 'exit');

      const config = testConfig();
      let runs = 0;
      const tasks = createTaskRunner('pg', { heartbeatMs: 200, staleAfterMs: 1_500, sweepMs: 300 });
      tasks.register('test.crash', async (_ctx, params, report) => {
        runs++;
        await report(2, 2, 'done');
        return { attempt: params.attempt };
      });
      const platform = { database, config, keys: deriveKeys(config.masterKey), clock: systemClock, tasks };
      await tasks.start(platform);
      try {
        const after = await until('the task to finish', async () => {
          const [row] = await database.query<{ status: string; attempts: number; result: unknown }>(
            'select status, attempts, result from tasks where id = $1',
            [taskId],
          );
          return row?.status === 'succeeded' || row?.status === 'failed' ? row : undefined;
        });
        expect(after).toEqual({ status: 'succeeded', attempts: 2, result: { attempt: 2 } });
        expect(runs).toBe(1);
      } finally {
        await tasks.stop();
      }
    } finally {
      await drop();
    }
  }, 90_000);
});
