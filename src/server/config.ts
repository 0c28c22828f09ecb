import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('.data'),
  /** 32-byte master key, hex. Required in production; generated into DATA_DIR for local use. */
  GANCAI_MASTER_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().default(365),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SEED_SIZE: z.enum(['none', 'ci', 'demo']).optional(),
  RATE_LIMIT_GLOBAL: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_LOGIN: z.coerce.number().int().min(1).default(20),
  /** Open-data API (/api/open/*): requests per minute per client address, each route. */
  RATE_LIMIT_OPEN_DATA: z.coerce.number().int().min(1).default(60),
  API_DOCS: z.enum(['on', 'off']).optional(),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: Buffer;
  logLevel: string;
  auditRetentionDays: number;
  trustProxy: boolean;
  seedSize: 'none' | 'ci' | 'demo';
  /** Requests per minute per client address: all API routes, and sign-in attempts. */
  rateLimit: { globalPerMinute: number; loginPerMinute: number; openDataPerMinute?: number };
  /** OpenAPI document and docs page; off in production unless asked for. */
  apiDocs: boolean;
}

/** Parses the environment once. Refuses unsafe settings instead of running with them. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`invalid configuration: ${fields}`);
  }
  const e = parsed.data;
  if (e.AUDIT_RETENTION_DAYS < 180) throw new Error('AUDIT_RETENTION_DAYS must be at least 180 (网络安全法 第二十一条)');
  const production = e.NODE_ENV === 'production';
  // Production runs on PostgreSQL and never creates demo accounts with published passwords.
  if (production && !e.DATABASE_URL) throw new Error('DATABASE_URL is required in production (PGlite is for development)');
  if (production && e.SEED_SIZE && e.SEED_SIZE !== 'none') throw new Error('SEED_SIZE must be none in production');
  const dataDir = path.resolve(e.DATA_DIR);
  let masterKey: Buffer;
  if (e.GANCAI_MASTER_KEY) masterKey = Buffer.from(e.GANCAI_MASTER_KEY, 'hex');
  else if (e.NODE_ENV === 'production') throw new Error('GANCAI_MASTER_KEY is required in production');
  else masterKey = developmentKey(dataDir);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    masterKey,
    logLevel: e.LOG_LEVEL,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    trustProxy: e.TRUST_PROXY === 'true',
    seedSize: e.SEED_SIZE ?? (production ? 'none' : 'demo'),
    rateLimit: { globalPerMinute: e.RATE_LIMIT_GLOBAL, loginPerMinute: e.RATE_LIMIT_LOGIN, openDataPerMinute: e.RATE_LIMIT_OPEN_DATA },
    apiDocs: e.API_DOCS ? e.API_DOCS === 'on' : e.NODE_ENV !== 'production',
  };
}

/** A development key kept in DATA_DIR (outside git), created on first local start. */
function developmentKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'dev-master-key.hex');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex'), { mode: 0o600 });
  return key;
}
