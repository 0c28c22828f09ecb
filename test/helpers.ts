/**
 * createTestApp(): the real app on a fresh database per test file (PGlite from the template dump, or a
 * PostgreSQL database cloned from the template when DATABASE_URL is set). No mocks.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../src/server/app.js';
import type { Config } from '../src/server/config.js';
import { type Ctx, systemCtx } from '../src/server/context.js';
import { type Database, openDatabase } from '../src/server/db/client.js';
import { manualClock } from '../src/server/lib/clock.js';
import { currentTotp } from '../src/server/modules/auth/totp.js';
import { DEMO_PASSWORD, demoAccountInfo } from '../src/server/seed/demo-accounts.js';
import { adminUrl } from './global-setup.js';
import { testConfig } from './test-config.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** The app's clock; tests move it to expire sessions and locks. */
  clock: ReturnType<typeof manualClock>;
  ctx: () => Ctx;
  close(): Promise<void>;
  /** Signs in a demo account (computing its TOTP when it needs one). */
  signIn(username: string, opts?: { password?: string }): Promise<Session>;
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A fresh database; `url` is set on PostgreSQL so another process (a crash test's child) can reach it. */
export async function openTestDatabase(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  const tpl = inject('pgTemplate');
  if (url && tpl) {
    const name = `gancai_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${tpl}`);
        break;
      } catch (err) {
        if (attempt >= 10) throw err;
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 300));
      }
    }
    const database = await openDatabase({ url: adminUrl(url, name) });
    return {
      database,
      url: adminUrl(url, name),
      async drop() {
        await database.close();
        await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
        await admin.end();
      },
    };
  }
  const file = inject('pgliteTemplate');
  const database = await openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
  return { database, drop: () => database.close() };
}

export async function createTestApp(opts: { config?: Partial<Config> } = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  const clock = manualClock();
  // each test app has its own data directory (import uploads, rejected-row files), so files never cross tests
  mkdirSync('.test-artifacts', { recursive: true });
  const dataDir = mkdtempSync(path.join('.test-artifacts', 'data-'));
  const app = await buildApp({ database, config: testConfig({ dataDir, ...opts.config }), logger: false, clock });
  await app.ready();
  const ctx = () => systemCtx(app.platform);
  return {
    app,
    database,
    clock,
    ctx,
    async close() {
      await app.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async signIn(username, o = {}) {
      const info = (await demoAccountInfo(ctx())).find((a) => a.username === username);
      // a TOTP code is single use: move to the next 30 s step before each second-factor sign-in
      if (info?.totpSecret) clock.advance(31_000);
      const now = clock.now();
      const totp = info?.totpSecret ? currentTotp(info.totpSecret, now) : undefined;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: o.password ?? DEMO_PASSWORD, ...(totp ? { totp } : {}) },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
      return sessionFrom(app, res);
    },
  };
}

export function sessionFrom(app: FastifyInstance, res: LightMyRequestResponse): Session {
  const setCookie = res.cookies.find((c) => c.name.endsWith('gancai_sid'));
  if (!setCookie) throw new Error('no session cookie');
  const body = res.json() as { csrfToken: string; user: { id: string } };
  const cookie = `${setCookie.name}=${setCookie.value}`;
  return {
    cookie,
    csrf: body.csrfToken,
    userId: body.user.id,
    request(o) {
      return app.inject({ ...o, headers: { ...(o.headers ?? {}), cookie, 'x-csrf-token': body.csrfToken } });
    },
  };
}
