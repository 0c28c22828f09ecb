/** Server-side sessions: random token in an HttpOnly cookie, SM3 digest in the database. */
import { and, eq, lte, sql } from 'drizzle-orm';
import { ABSOLUTE_SESSION_HOURS, type Department, idleTimeoutMinutes, type Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import { prepared } from '../../db/prepared.js';
import { randomToken, sm3 } from '../../lib/crypto.js';
import { sessions, users } from './auth.tables.js';

export interface LoadedSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  idleMinutes: number;
}

export type SessionProblem = 'missing' | 'expired';

export async function createSession(ctx: Ctx, user: { id: string; role: string }, mfaPassed: boolean) {
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  const idle = idleTimeoutMinutes(user.role as Role);
  const expiresAt = new Date(ctx.now.getTime() + ABSOLUTE_SESSION_HOURS * 3600_000);
  // housekeeping: this account's sessions that have passed their absolute lifetime
  await ctx.db.delete(sessions).where(and(eq(sessions.userId, user.id), lte(sessions.expiresAt, ctx.now)));
  await ctx.db.insert(sessions).values({
    id: sm3(token),
    userId: user.id,
    csrfToken,
    mfaPassed,
    createdAt: ctx.now,
    lastSeenAt: ctx.now,
    expiresAt,
    idleMinutes: idle,
  });
  return { token, expiresAt, csrfToken, idleMinutes: idle };
}

/** Loads and refreshes a session; expired ones (idle or absolute) are deleted. */
export async function loadSession(ctx: Ctx, token: string): Promise<LoadedSession | SessionProblem> {
  const id = sm3(token);
  // every request passes here: only the columns it needs (not the account's encrypted identifiers), prepared once
  const statement = prepared(ctx.db, 'session_load', (db, name) =>
    db
      .select({
        s: { lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt, idleMinutes: sessions.idleMinutes, csrfToken: sessions.csrfToken },
        u: {
          id: users.id,
          username: users.username,
          role: users.role,
          regionCode: users.regionCode,
          department: users.department,
          orgId: users.orgId,
          status: users.status,
        },
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, sql.placeholder('id')))
      .prepare(name),
  );
  const [row] = await statement.execute({ id });
  if (!row) return 'missing';
  const { s, u } = row;
  const now = ctx.now.getTime();
  const idleExpired = now - s.lastSeenAt.getTime() > s.idleMinutes * 60_000;
  if (idleExpired || now >= s.expiresAt.getTime() || u.status !== 'active') {
    await ctx.db.delete(sessions).where(eq(sessions.id, id));
    return 'expired';
  }
  if (now - s.lastSeenAt.getTime() > 30_000) {
    await ctx.db.update(sessions).set({ lastSeenAt: ctx.now }).where(eq(sessions.id, id));
  }
  return {
    actor: {
      userId: u.id,
      username: u.username,
      role: u.role as Role,
      regionCode: u.regionCode,
      department: (u.department as Department | null) ?? null,
      orgId: u.orgId,
      sessionId: id,
    },
    csrfToken: s.csrfToken,
    expiresAt: s.expiresAt,
    idleMinutes: s.idleMinutes,
  };
}

export async function destroySession(ctx: Ctx, sessionId: string) {
  await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(ctx: Ctx, userId: string) {
  await ctx.db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function markReauthenticated(ctx: Ctx, sessionId: string) {
  await ctx.db.update(sessions).set({ reauthAt: ctx.now }).where(eq(sessions.id, sessionId));
}
