/**
 * The data subject's rights (PIPL art. 44–47): see what is held, export a full copy, close the account.
 * Export and closure need the password again (re-authentication). The export's sections held by the other
 * modules (certificates, policy claims, contests, recognition, archive, ventures, …) are in account.export.ts.
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { auditLog } from '../audit/audit.tables.js';
import { sessions, users } from '../auth/auth.tables.js';
import { accountSummary, assertPassword } from '../auth/auth.service.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { listConsents } from './consents.service.js';
import { consents } from './account.tables.js';
import { jobApplications } from '../applications/applications.tables.js';
import { eventRegistrations, recruitmentEvents } from '../events/events.tables.js';
import { trainingClasses, trainingEnrolments } from '../training/training.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { talentProfiles } from '../profiles/profiles.tables.js';
import { talentInvitations } from '../talentpool/talentpool.tables.js';
import { exportSections } from './account.export.js';
import { openValue } from './pi.js';

async function reauthenticate(ctx: Ctx & { actor: Actor }, password: string) {
  const [u] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!(await verifyPassword(u?.hash, password))) {
    throw new AppError('AUTH_REAUTH_REQUIRED', { status: 401, params: { field: 'password' } });
  }
}

export async function myData(ctx: Ctx & { actor: Actor }) {
  return { user: await accountSummary(ctx, ctx.actor.userId), consents: await listConsents(ctx, ctx.actor.userId) };
}

/**
 * Everything held about the person, identifiers in full (their own data), as one JSON document: the account,
 * consents, profile, job applications, invitations, event registrations, training enrolments; certificates,
 * evaluation candidacies, qualifications, policy facts and claims, contest entries, 人才认定 and 人才计划
 * applications with materials and 待遇, the 人事档案 and its transfers, venture projects with incubations and
 * introductions, reviewer / judge work and deadline alerts (staff), sessions, the status history of those
 * records (exportSections); and the person's own audit activity. Never another person's data.
 */
export async function exportMyData(ctx: Ctx & { actor: Actor }, password: string) {
  await reauthenticate(ctx, password);
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.userId));
  if (!u) throw new AppError('NOT_FOUND', { status: 404 });
  const keys = ctx.platform.keys;
  const activity = await ctx.db
    .select({ at: auditLog.at, action: auditLog.action, objectType: auditLog.objectType, result: auditLog.result })
    .from(auditLog)
    .where(eq(auditLog.actorId, u.id));
  await ctx.db.transaction(async (tx) =>
    record({ ...ctx, db: tx as unknown as Db }, { action: 'account.export', objectType: 'user', objectId: u.id, regionCode: u.regionCode }),
  );
  return {
    exportedAt: ctx.now.toISOString(),
    controller: '江西省人力资源和社会保障厅（赣才 数字人才服务平台）',
    account: {
      username: u.username,
      role: u.role,
      displayName: u.displayName,
      regionCode: u.regionCode,
      idNumber: openValue(keys, u.idNumberEnc),
      phone: openValue(keys, u.phoneEnc),
      createdAt: u.createdAt.toISOString(),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    },
    consents: await listConsents(ctx, u.id),
    profile: await exportProfile(ctx, u.id),
    applications: await ctx.db
      .select({ jobId: jobApplications.jobId, status: jobApplications.status, coverNote: jobApplications.coverNote, submittedAt: jobApplications.submittedAt })
      .from(jobApplications)
      .where(eq(jobApplications.talentId, u.id)),
    invitations: await ctx.db
      .select({
        employer: organisations.name,
        jobId: talentInvitations.jobId,
        status: talentInvitations.status,
        message: talentInvitations.message,
        sentAt: talentInvitations.sentAt,
        answeredAt: talentInvitations.answeredAt,
      })
      .from(talentInvitations)
      .innerJoin(organisations, eq(organisations.id, talentInvitations.orgId))
      .where(eq(talentInvitations.talentId, u.id)),
    eventRegistrations: await ctx.db
      .select({
        event: recruitmentEvents.title,
        status: eventRegistrations.status,
        registeredAt: eventRegistrations.registeredAt,
        checkedInAt: eventRegistrations.checkedInAt,
      })
      .from(eventRegistrations)
      .innerJoin(recruitmentEvents, eq(recruitmentEvents.id, eventRegistrations.eventId))
      .where(eq(eventRegistrations.talentId, u.id)),
    trainingEnrolments: await ctx.db
      .select({
        class: trainingClasses.name,
        status: trainingEnrolments.status,
        enrolledAt: trainingEnrolments.enrolledAt,
        attendedSessions: trainingEnrolments.attendedSessions,
        examPassed: trainingEnrolments.examPassed,
        examScore: trainingEnrolments.examScore,
        outcomeReason: trainingEnrolments.outcomeReason,
        completedAt: trainingEnrolments.completedAt,
        ratingStars: trainingEnrolments.ratingStars,
        ratingComment: trainingEnrolments.ratingComment,
      })
      .from(trainingEnrolments)
      .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
      .where(eq(trainingEnrolments.talentId, u.id)),
    ...(await exportSections(ctx, u.id)),
    activity: activity.map((a) => ({ ...a, at: a.at.toISOString() })),
  };
}

/** The profile as the person entered it; the derived search index columns are not personal data of theirs. */
async function exportProfile(ctx: Ctx, userId: string) {
  const row = (await ctx.db.select().from(talentProfiles).where(eq(talentProfiles.userId, userId)))[0];
  if (!row) return null;
  const { searchTokens: _tokens, searchTsv: _tsv, ...profile } = row;
  return profile;
}

/**
 * Closes the account: personal data is deleted or anonymised, sessions end. The audit trail keeps
 * its entries (retention required by law) but they hold ids, never personal identifiers.
 */
export async function closeMyAccount(ctx: Ctx & { actor: Actor }, password: string) {
  await reauthenticate(ctx, password);
  const id = ctx.actor.userId;
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx
      .update(users)
      .set({
        status: 'closed',
        username: `closed-${id}`,
        displayName: '已注销用户',
        passwordHash: null,
        idNumberEnc: null,
        idNumberBidx: null,
        phoneEnc: null,
        phoneBidx: null,
        totpSecretEnc: null,
        closedAt: ctx.now,
      })
      .where(eq(users.id, id));
    await tx
      .update(consents)
      .set({ withdrawnAt: ctx.now })
      .where(and(eq(consents.userId, id), isNull(consents.withdrawnAt)));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    // the job-seeker profile goes; applications stay as anonymous records of what employers received
    await tx.delete(talentProfiles).where(eq(talentProfiles.userId, id));
    await tx.update(jobApplications).set({ coverNote: null }).where(eq(jobApplications.talentId, id));
    await record({ ...ctx, db: tx }, { action: 'account.close', objectType: 'user', objectId: id, regionCode: ctx.actor.regionCode });
  });
}

/** Changes the password after re-authentication; every other session of the account ends. */
export async function changeMyPassword(ctx: Ctx & { actor: Actor }, currentPassword: string, newPassword: string) {
  await reauthenticate(ctx, currentPassword);
  await assertPassword(newPassword, ctx.actor.username);
  if (newPassword === currentPassword) {
    throw new AppError('AUTH_PASSWORD_POLICY', { status: 400, params: { field: 'newPassword', problem: 'same_as_current' } });
  }
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now }).where(eq(users.id, ctx.actor.userId));
    await tx.delete(sessions).where(and(eq(sessions.userId, ctx.actor.userId), ne(sessions.id, ctx.actor.sessionId)));
    await record({ ...ctx, db: tx }, { action: 'account.password_change', objectType: 'user', objectId: ctx.actor.userId, regionCode: ctx.actor.regionCode });
  });
}
