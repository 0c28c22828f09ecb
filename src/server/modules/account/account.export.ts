/**
 * The sections of the data subject's export (PIPL art. 45) held by the other modules: every record whose
 * subject is the person — what they entered and what was decided about them (status, dates, amounts in
 * integer 分, reasons, the name of the other party). Never another person's data: no official's, reviewer's,
 * judge's or team member's id or name, no other applicant. Sealed columns are opened only where they hold the
 * person's own value (the payee account they entered). Results that the person cannot see yet (evaluation
 * scores before publication, contest results before publishing) stay out, as in their own views.
 * Files are listed by their metadata; the files themselves are downloaded from the pages that show them.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { transferWorkflow } from '../../../shared/archives.js';
import { qualificationWorkflow } from '../../../shared/certificates.js';
import { entryWorkflow } from '../../../shared/competitions.js';
import { claimWorkflow } from '../../../shared/policies.js';
import { entitlementWorkflow, programmeWorkflow, recognitionWorkflow } from '../../../shared/recognition.js';
import { incubationWorkflow, introductionWorkflow, projectWorkflow } from '../../../shared/ventures.js';
import type { Ctx } from '../../context.js';
import { sessions } from '../auth/auth.tables.js';
import {
  certificates,
  evaluationCandidates,
  evaluationPlans,
  evaluationSessions,
  qualificationEvidence,
  qualifications,
} from '../certificates/certificates.tables.js';
import { competitionEntries, competitionJudges, competitionRounds, competitions, competitionScores } from '../competitions/competitions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { policies, policyClaims, policyPersonFacts } from '../policies/policies.tables.js';
import { recognitionAlerts, recognitionReviewers, recognitionReviews } from '../recognition/recognition.tables.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { exportArchive, exportCompetitionEntries, exportRecognition, exportVentures } from './account.export.programmes.js';
import { openValue } from './pi.js';

/** All sections, in the order of the document. `statusHistory` covers the records of the other sections. */
export async function exportSections(ctx: Ctx, userId: string) {
  const claims = await exportPolicyClaims(ctx, userId);
  const recognition = await exportRecognition(ctx, userId);
  const qualificationRows = await exportQualifications(ctx, userId);
  const archive = await exportArchive(ctx, userId);
  const ventures = await exportVentures(ctx, userId);
  const entries = await exportCompetitionEntries(ctx, userId);
  const sections = {
    certificates: await exportCertificates(ctx, userId),
    evaluationCandidacies: await exportCandidacies(ctx, userId),
    qualifications: qualificationRows,
    policyFacts: await exportPolicyFacts(ctx, userId),
    policyClaims: claims,
    competitionEntries: entries,
    ...recognition,
    archive: archive.archive,
    archiveTransfers: archive.transfers,
    ...ventures,
    // staff roles: what the person did as reviewer or judge and the reminders addressed to them (no applicant)
    reviewerProfile: await exportReviewerProfile(ctx, userId),
    reviewAssignments: await exportReviewAssignments(ctx, userId),
    competitionJudging: await exportJudging(ctx, userId),
    deadlineAlerts: await exportDeadlineAlerts(ctx, userId),
    sessions: await ctx.db
      .select({ createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(asc(sessions.createdAt)),
  };
  const history = await statusHistory(ctx, [
    [claimWorkflow.name, claims],
    [qualificationWorkflow.name, qualificationRows],
    [entryWorkflow.name, entries],
    [recognitionWorkflow.name, recognition.recognitionApplications],
    [programmeWorkflow.name, recognition.programmeApplications],
    [entitlementWorkflow.name, recognition.entitlements],
    [transferWorkflow.name, archive.transfers],
    [projectWorkflow.name, ventures.ventureProjects],
    [incubationWorkflow.name, ventures.ventureIncubations],
    [introductionWorkflow.name, ventures.ventureIntroductions],
  ]);
  return { ...sections, statusHistory: history };
}

/** 职业技能等级证书 held by the person (the issuer's name; never who revoked it). */
function exportCertificates(ctx: Ctx, userId: string) {
  return ctx.db
    .select({
      number: certificates.number,
      holderName: certificates.holderName,
      occupationCode: certificates.occupationCode,
      levelCode: certificates.levelCode,
      issuerName: certificates.issuerName,
      source: certificates.source,
      issuedOn: certificates.issuedOn,
      status: certificates.status,
      revokedAt: certificates.revokedAt,
      revokedReason: certificates.revokedReason,
    })
    .from(certificates)
    .where(eq(certificates.holderUserId, userId))
    .orderBy(asc(certificates.issuedOn));
}

/** 评价考生: registrations for evaluation sittings; result and scores once the body published them. */
async function exportCandidacies(ctx: Ctx, userId: string) {
  const rows = await ctx.db
    .select({ c: evaluationCandidates, s: evaluationSessions, plan: evaluationPlans.name, body: organisations.name })
    .from(evaluationCandidates)
    .innerJoin(evaluationSessions, eq(evaluationSessions.id, evaluationCandidates.sessionId))
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, evaluationSessions.planId))
    .innerJoin(organisations, eq(organisations.id, evaluationSessions.orgId))
    .where(eq(evaluationCandidates.userId, userId))
    .orderBy(asc(evaluationCandidates.createdAt));
  return rows.map(({ c, s, plan, body }) => {
    const published = s.status === 'published';
    return {
      plan,
      evaluationBody: body,
      occupationCode: s.occupationCode,
      levelCode: s.levelCode,
      examOn: s.examOn,
      venue: s.venue,
      sessionStatus: s.status,
      source: c.source,
      registeredAt: c.createdAt,
      result: published ? c.result : null,
      theoryScore: published ? c.theoryScore : null,
      practicalScore: published ? c.practicalScore : null,
    };
  });
}

/** 专业技术资格 the person declared, with the evidence file's metadata (the decision's reason: statusHistory). */
function exportQualifications(ctx: Ctx, userId: string) {
  return ctx.db
    .select({
      id: qualifications.id,
      kind: qualifications.kind,
      title: qualifications.title,
      level: qualifications.level,
      certificateNo: qualifications.certificateNo,
      issuedOn: qualifications.issuedOn,
      authority: qualifications.authority,
      occupationCode: qualifications.occupationCode,
      status: qualifications.status,
      declaredAt: qualifications.createdAt,
      decidedAt: qualifications.decidedAt,
      evidence: {
        fileName: qualificationEvidence.fileName,
        mime: qualificationEvidence.mime,
        sizeBytes: qualificationEvidence.sizeBytes,
        uploadedAt: qualificationEvidence.createdAt,
      },
    })
    .from(qualifications)
    .innerJoin(qualificationEvidence, eq(qualificationEvidence.id, qualifications.evidenceId))
    .where(eq(qualifications.userId, userId))
    .orderBy(asc(qualifications.createdAt));
}

/** Self-declared facts for policy eligibility (户籍地, 就业地, 失业保险缴费月数). */
async function exportPolicyFacts(ctx: Ctx, userId: string) {
  const [row] = await ctx.db
    .select({
      hukouRegionCode: policyPersonFacts.hukouRegionCode,
      workplaceRegionCode: policyPersonFacts.workplaceRegionCode,
      insuredMonths: policyPersonFacts.insuredMonths,
      verified: policyPersonFacts.verified,
      updatedAt: policyPersonFacts.updatedAt,
    })
    .from(policyPersonFacts)
    .where(eq(policyPersonFacts.userId, userId));
  return row ?? null;
}

/** 补贴申领 of the person (not of their organisation): the payee account they entered, opened; no handler. */
async function exportPolicyClaims(ctx: Ctx, userId: string) {
  const rows = await ctx.db
    .select({ c: policyClaims, policyCode: policies.code, policyName: policies.name, provider: organisations.name })
    .from(policyClaims)
    .innerJoin(policies, eq(policies.id, policyClaims.policyId))
    .leftJoin(organisations, eq(organisations.id, policyClaims.providerOrgId))
    .where(eq(policyClaims.applicantUserId, userId))
    .orderBy(asc(policyClaims.createdAt));
  return rows.map(({ c, policyCode, policyName, provider }) => ({
    id: c.id,
    policyCode,
    policyName,
    status: c.status,
    handlingRegionCode: c.regionCode,
    subjectKind: c.subjectKind,
    occupationCode: c.occupationCode || null,
    levelCode: c.levelCode || null,
    provider,
    amountFen: c.amountFen,
    prefilled: c.prefilled,
    eligibility: c.evaluation,
    flags: c.flags,
    payeeBank: c.payeeBank,
    payeeAccount: openValue(ctx.platform.keys, c.payeeAccountEnc),
    submitIp: c.submitIp,
    noticeFrom: c.noticeFrom,
    noticeUntil: c.noticeUntil,
    lastReason: c.lastReason,
    paymentNote: c.paymentNote,
    createdAt: c.createdAt,
    submittedAt: c.submittedAt,
    approvedAt: c.approvedAt,
    paidAt: c.paidAt,
  }));
}

/** A reviewer's own entry in the 评审专家库. */
async function exportReviewerProfile(ctx: Ctx, userId: string) {
  const [row] = await ctx.db
    .select({
      affiliationName: recognitionReviewers.affiliationName,
      expertise: recognitionReviewers.expertise,
      active: recognitionReviewers.active,
      updatedAt: recognitionReviewers.updatedAt,
    })
    .from(recognitionReviewers)
    .where(eq(recognitionReviewers.userId, userId));
  return row ?? null;
}

/** A reviewer's assignments and the scores and comments they gave (which application, and whose, is left out). */
function exportReviewAssignments(ctx: Ctx, userId: string) {
  return ctx.db
    .select({
      subjectKind: recognitionReviews.subjectKind,
      assignedAt: recognitionReviews.assignedAt,
      score: recognitionReviews.score,
      comment: recognitionReviews.comment,
      scoredAt: recognitionReviews.scoredAt,
    })
    .from(recognitionReviews)
    .where(eq(recognitionReviews.reviewerUserId, userId))
    .orderBy(asc(recognitionReviews.assignedAt));
}

/** A judge's round assignments and the score sheets they submitted (entries by their anonymous code). */
async function exportJudging(ctx: Ctx, userId: string) {
  const rows = await ctx.db
    .select({
      roundId: competitionJudges.roundId,
      competition: competitions.title,
      roundSeq: competitionRounds.seq,
      roundKind: competitionRounds.kind,
      affiliation: organisations.name,
      assignedAt: competitionJudges.assignedAt,
    })
    .from(competitionJudges)
    .innerJoin(competitionRounds, eq(competitionRounds.id, competitionJudges.roundId))
    .innerJoin(competitions, eq(competitions.id, competitionRounds.competitionId))
    .leftJoin(organisations, eq(organisations.id, competitionJudges.affiliationOrgId))
    .where(eq(competitionJudges.judgeUserId, userId))
    .orderBy(asc(competitionJudges.assignedAt));
  if (rows.length === 0) return [];
  const sheets = await ctx.db
    .select({
      roundId: competitionScores.roundId,
      entryCode: competitionEntries.code,
      scores: competitionScores.scores,
      total: competitionScores.total,
      submittedAt: competitionScores.submittedAt,
    })
    .from(competitionScores)
    .innerJoin(competitionEntries, eq(competitionEntries.id, competitionScores.entryId))
    .where(eq(competitionScores.judgeUserId, userId))
    .orderBy(asc(competitionScores.submittedAt));
  return rows.map(({ roundId, ...r }) => ({ ...r, scoreSheets: sheets.filter((s) => s.roundId === roundId).map(({ roundId: _r, ...s }) => s) }));
}

/** Deadline reminders and escalations addressed to the person (an official); the application is not identified. */
function exportDeadlineAlerts(ctx: Ctx, userId: string) {
  return ctx.db
    .select({
      kind: recognitionAlerts.kind,
      deadline: recognitionAlerts.deadline,
      workingDaysLeft: recognitionAlerts.workingDaysLeft,
      regionCode: recognitionAlerts.regionCode,
      createdAt: recognitionAlerts.createdAt,
    })
    .from(recognitionAlerts)
    .where(eq(recognitionAlerts.recipientUserId, userId))
    .orderBy(asc(recognitionAlerts.createdAt));
}

/**
 * Every status change of the exported records, with the reason given and the acting role (never who acted).
 * Filtered by workflow and entity id, so the (workflow, entity_id) index answers.
 */
async function statusHistory(ctx: Ctx, records: [workflow: string, rows: { id: string }[]][]) {
  const conditions = records
    .filter(([, rows]) => rows.length > 0)
    .map(([workflow, rows]) =>
      and(
        eq(workflowEvents.workflow, workflow),
        inArray(
          workflowEvents.entityId,
          rows.map((r) => r.id),
        ),
      ),
    );
  if (conditions.length === 0) return [];
  return ctx.db
    .select({
      workflow: workflowEvents.workflow,
      recordId: workflowEvents.entityId,
      action: workflowEvents.action,
      fromState: workflowEvents.fromState,
      toState: workflowEvents.toState,
      byRole: workflowEvents.actorRole,
      reason: workflowEvents.reason,
      at: workflowEvents.at,
    })
    .from(workflowEvents)
    .where(or(...conditions))
    .orderBy(asc(workflowEvents.id));
}
