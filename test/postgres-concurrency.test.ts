/**
 * Races and outages, on PostgreSQL only (PGlite has one connection and hides races).
 * Runs when DATABASE_URL is set, as in `.ci/run`.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { usccCheckChar } from '../src/shared/identifiers.js';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import type { Db } from '../src/server/db/client.js';
import { record } from '../src/server/modules/audit/audit.service.js';
import { verifyAuditChain } from '../src/server/modules/audit/audit.verify.js';
import { createTestApp, type TestApp } from './helpers.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
beforeAll(async () => {
  if (onPostgres) t = await createTestApp();
});
afterAll(async () => t?.close());

async function pendingOrg(n: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/organisation',
    payload: {
      org: {
        kind: 'employer',
        name: `并发测试公司${n}`,
        uscc: `91360702MA3C${String(n).padStart(4, '0')}0${usccCheckChar(`91360702MA3C${String(n).padStart(4, '0')}0`)}`,
        regionCode: '360702',
        contactName: '赵六',
        contactPhone: '13907970009',
      },
      account: { username: `race${n}`, password: 'Ganzhou#2026', displayName: '赵六' },
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().user.organisation.id as string;
}

describe.skipIf(!onPostgres)('on PostgreSQL', () => {
  it('keeps the audit chain linear under 200 concurrent writers', async () => {
    const ctx = t.ctx();
    // The writers queue for the pool's 10 connections behind one advisory lock; the 3 s wait that makes a
    // request fail fast in production is too short for 200 queued writers on a busy CI machine.
    const pool = t.database.pool as unknown as { options: { connectionTimeoutMillis: number } };
    const waitBefore = pool.options.connectionTimeoutMillis;
    pool.options.connectionTimeoutMillis = 60_000;
    onTestFinished(() => {
      pool.options.connectionTimeoutMillis = waitBefore;
    });
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        ctx.db.transaction((tx) => record({ ...ctx, db: tx as unknown as Db }, { action: 'race.write', objectId: String(i) })),
      ),
    );
    const r = await verifyAuditChain(ctx);
    expect(r.ok).toBe(true);
    const [row] = await t.database.query<{ n: number; max: number }>('select count(*)::int as n, max(seq)::int as max from audit_log');
    expect(row?.n).toBe(row?.max);
  });

  it('lets exactly one of 20 simultaneous reviewers verify an organisation', async () => {
    const orgId = await pendingOrg(1);
    const official = await t.signIn('official.ganzhou');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => official.request({ method: 'POST', url: `/api/organisations/${orgId}/transitions/verify`, payload: {} })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    const [events] = await t.database.query<{ n: number }>('select count(*)::int as n from workflow_events where entity_id = $1', [orgId]);
    expect(events?.n).toBe(1);
  });

  it('runs a command once when the same Idempotency-Key arrives 10 times at once', async () => {
    const orgId = await pendingOrg(2);
    const official = await t.signIn('official.ganzhou');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        official.request({
          method: 'POST',
          url: `/api/organisations/${orgId}/transitions/verify`,
          payload: {},
          headers: { 'idempotency-key': `same-${orgId}` },
        }),
      ),
    );
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const [events] = await t.database.query<{ n: number }>('select count(*)::int as n from workflow_events where entity_id = $1', [orgId]);
    expect(events?.n).toBe(1);
  });

  it('answers 503 while the database is unreachable and recovers by itself', async () => {
    const target = new URL(process.env.DATABASE_URL as string);
    const dbName = (await t.database.query<{ d: string }>('select current_database() as d'))[0]?.d;
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop);
      upstream.on('error', drop);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as net.AddressInfo).port;
    const url = new URL(process.env.DATABASE_URL as string);
    url.host = `127.0.0.1:${port}`;
    url.pathname = `/${dbName}`;
    const database = await openDatabase({ url: url.toString() });
    const app = await buildApp({ database, config: t.app.platform.config, logger: false, startTasks: false });
    expect((await app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);

    const closed = new Promise<void>((r) => proxy.close(() => r()));
    for (const s of sockets) s.destroy();
    await closed;
    const down = await app.inject({ url: '/api/health/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.json().code).toBe('SERVICE_UNAVAILABLE');
    expect((await app.inject({ url: '/api/health/live' })).statusCode).toBe(200);
    const write = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'talent.ganzhou', password: 'x' } });
    expect(write.statusCode).toBe(503);

    await new Promise<void>((r) => proxy.listen(port, '127.0.0.1', r));
    let ready = 0;
    for (let i = 0; i < 25 && ready !== 200; i++) {
      ready = (await app.inject({ url: '/api/health/ready' })).statusCode;
      if (ready !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready).toBe(200);
    await app.close();
    await database.close();
    proxy.close();
  });
});
