/**
 * What every service receives: `ctx = { db, actor, now, ... }`. No Fastify types below the routes.
 */
import type { Department, Role } from '../shared/roles.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import type { Clock } from './lib/clock.js';
import type { Keys } from './lib/crypto.js';
import type { TaskRunner } from './modules/tasks/tasks.runner.js';

export interface Actor {
  userId: string;
  username: string;
  role: Role;
  regionCode: string;
  department: Department | null;
  orgId: string | null;
  sessionId: string;
}

/** Long-lived parts of the running platform, built once by buildApp(). */
export interface Platform {
  database: Database;
  config: Config;
  keys: Keys;
  clock: Clock;
  tasks: TaskRunner;
}

export interface Ctx {
  db: Db;
  platform: Platform;
  actor: Actor | null;
  now: Date;
  requestId: string;
  ip: string | null;
}

/** A context for work that runs outside a request (CLI, background tasks, seeding). */
export function systemCtx(platform: Platform, requestId = 'system'): Ctx {
  return { db: platform.database.db, platform, actor: null, now: platform.clock.now(), requestId, ip: null };
}

/** Same context, bound to a transaction. */
export function withDb(ctx: Ctx, db: Db): Ctx {
  return { ...ctx, db };
}
