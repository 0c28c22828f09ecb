/**
 * Export sections for the programmes a person takes part in: contest entries (竞赛), talent recognition and
 * programmes (人才认定、人才计划), the personnel archive (档案) and venture projects (创业). Same rules as
 * account.export.ts: the person's own records and decisions about them, never another person's data.
 */
import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../context.js';
import { archiveCustodians, archiveMaterials, archiveTransfers, custodyCertificates, personArchives } from '../archives/archives.tables.js';
import {
  competitionAwards,
  competitionEntries,
  competitionMaterials,
  competitionResults,
  competitionRounds,
  competitions,
} from '../competitions/competitions.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { programmeApplications, recognitionApplications, recognitionMaterials, talentEntitlements } from '../recognition/recognition.tables.js';
import { ventureCarriers, ventureIncubations, ventureIntroductions, ventureMilestones, ventureProjects } from '../ventures/ventures.tables.js';

/**
 * 参赛作品 the person leads or is a member of: what was entered, their role, the materials' metadata, and —
 * once the results are published — round results and the award with the person's own certificates. The
 * other members are not named (their ids are not exported).
 */
export async function exportCompetitionEntries(ctx: Ctx, userId: string) {
  const rows = await ctx.db
    .select({ e: competitionEntries, title: competitions.title, kind: competitions.kind, compStatus: competitions.status, org: organisations.name })
    .from(competitionEntries)
    .innerJoin(competitions, eq(competitions.id, competitionEntries.competitionId))
    .leftJoin(organisations, eq(organisations.id, competitionEntries.orgId))
    .where(or(eq(competitionEntries.leaderUserId, userId), sql`${competitionEntries.memberIds} @> ${JSON.stringify([userId])}::jsonb`))
    .orderBy(asc(competitionEntries.createdAt));
  const ids = rows.map((r) => r.e.id);
  const [materials, results, awards] = ids.length
    ? await Promise.all([
        ctx.db
          .select({
            entryId: competitionMaterials.entryId,
            fileName: competitionMaterials.fileName,
            mime: competitionMaterials.mime,
            sizeBytes: competitionMaterials.sizeBytes,
            uploadedAt: competitionMaterials.createdAt,
          })
          .from(competitionMaterials)
          .where(inArray(competitionMaterials.entryId, ids)),
        ctx.db
          .select({
            entryId: competitionResults.entryId,
            roundSeq: competitionRounds.seq,
            roundKind: competitionRounds.kind,
            rank: competitionResults.rank,
            aggregate: competitionResults.aggregate,
            advanced: competitionResults.advanced,
          })
          .from(competitionResults)
          .innerJoin(competitionRounds, eq(competitionRounds.id, competitionResults.roundId))
          .where(inArray(competitionResults.entryId, ids))
          .orderBy(asc(competitionRounds.seq)),
        ctx.db.select().from(competitionAwards).where(inArray(competitionAwards.entryId, ids)),
      ])
    : [[], [], []];
  return rows.map(({ e, title, kind, compStatus, org }) => {
    const published = compStatus === 'results_published';
    const award = published ? awards.find((a) => a.entryId === e.id) : undefined;
    return {
      id: e.id,
      competition: title,
      competitionKind: kind,
      competitionStatus: compStatus,
      code: e.code,
      name: e.name,
      role: e.leaderUserId === userId ? 'leader' : 'member',
      teamSize: e.memberIds.length,
      groupCode: e.groupCode,
      categoryCode: e.categoryCode,
      organisation: org,
      declared: e.declared,
      summary: e.summary,
      status: e.status,
      reachedSeq: e.reachedSeq,
      registeredAt: e.createdAt,
      materials: materials.filter((m) => m.entryId === e.id).map(({ entryId: _e, ...m }) => m),
      results: published ? results.filter((r) => r.entryId === e.id).map(({ entryId: _e, ...r }) => r) : [],
      award: award
        ? {
            name: award.awardName,
            rank: award.rank,
            grantedAt: award.grantedAt,
            myGrants: award.grants.filter((g) => g.userId === userId).map(({ userId: _u, ...g }) => g),
          }
        : null,
    };
  });
}

/** 人才认定 and 人才计划 applications, the person's uploaded materials, and the 待遇 decided for them (no handler, no reviews). */
export async function exportRecognition(ctx: Ctx, userId: string) {
  const recognitionRows = await ctx.db
    .select({
      id: recognitionApplications.id,
      categoryCode: recognitionApplications.categoryCode,
      grantedCategoryCode: recognitionApplications.grantedCategoryCode,
      employerName: recognitionApplications.employerName,
      field: recognitionApplications.field,
      achievements: recognitionApplications.achievements,
      status: recognitionApplications.status,
      regionCode: recognitionApplications.regionCode,
      acceptedOn: recognitionApplications.acceptedOn,
      deadline: recognitionApplications.deadline,
      pausedWorkingDays: recognitionApplications.pausedWorkingDays,
      decisionReason: recognitionApplications.decisionReason,
      decidedAt: recognitionApplications.decidedAt,
      submittedAt: recognitionApplications.submittedAt,
    })
    .from(recognitionApplications)
    .where(eq(recognitionApplications.talentUserId, userId))
    .orderBy(asc(recognitionApplications.submittedAt));
  const programmeRows = await ctx.db
    .select({
      id: programmeApplications.id,
      programme: programmeApplications.programme,
      employerName: programmeApplications.employerName,
      projectTitle: programmeApplications.projectTitle,
      summary: programmeApplications.summary,
      status: programmeApplications.status,
      decisionReason: programmeApplications.decisionReason,
      decidedAt: programmeApplications.decidedAt,
      submittedAt: programmeApplications.submittedAt,
    })
    .from(programmeApplications)
    .where(eq(programmeApplications.talentUserId, userId))
    .orderBy(asc(programmeApplications.submittedAt));
  const materials = await ctx.db
    .select({
      attachedTo: recognitionMaterials.subjectKind,
      applicationId: recognitionMaterials.subjectId,
      fileName: recognitionMaterials.fileName,
      mime: recognitionMaterials.mime,
      sizeBytes: recognitionMaterials.sizeBytes,
      sha256: recognitionMaterials.sha256,
      uploadedAt: recognitionMaterials.createdAt,
    })
    .from(recognitionMaterials)
    .where(eq(recognitionMaterials.ownerUserId, userId))
    .orderBy(asc(recognitionMaterials.createdAt));
  const entitlementRows = await ctx.db
    .select({
      id: talentEntitlements.id,
      applicationId: talentEntitlements.applicationId,
      benefit: talentEntitlements.benefit,
      department: talentEntitlements.department,
      status: talentEntitlements.status,
      note: talentEntitlements.note,
      decidedAt: talentEntitlements.decidedAt,
      createdAt: talentEntitlements.createdAt,
    })
    .from(talentEntitlements)
    .where(eq(talentEntitlements.talentUserId, userId))
    .orderBy(asc(talentEntitlements.createdAt));
  return {
    recognitionApplications: recognitionRows,
    recognitionMaterials: materials,
    programmeApplications: programmeRows,
    entitlements: entitlementRows,
  };
}

/**
 * 人事档案 of which the person is the subject (where it is kept, the digitised materials' metadata, custody
 * certificates issued to them) and the transfers of it or requested by them (without who handled them).
 */
export async function exportArchive(ctx: Ctx, userId: string) {
  const [row] = await ctx.db
    .select({ a: personArchives, custodian: archiveCustodians })
    .from(personArchives)
    .innerJoin(archiveCustodians, eq(archiveCustodians.id, personArchives.custodianId))
    .where(eq(personArchives.personUserId, userId));
  const fromCustodian = alias(archiveCustodians, 'from_custodian');
  const toCustodian = alias(archiveCustodians, 'to_custodian');
  const transfers = await ctx.db
    .select({
      id: archiveTransfers.id,
      from: fromCustodian.name,
      to: toCustodian.name,
      status: archiveTransfers.status,
      reason: archiveTransfers.reason,
      trackingNumber: archiveTransfers.trackingNumber,
      requestedAt: archiveTransfers.requestedAt,
      updatedAt: archiveTransfers.updatedAt,
    })
    .from(archiveTransfers)
    .innerJoin(personArchives, eq(personArchives.id, archiveTransfers.archiveId))
    .innerJoin(fromCustodian, eq(fromCustodian.id, archiveTransfers.fromCustodianId))
    .innerJoin(toCustodian, eq(toCustodian.id, archiveTransfers.toCustodianId))
    .where(or(eq(personArchives.personUserId, userId), eq(archiveTransfers.requestedBy, userId)))
    .orderBy(asc(archiveTransfers.requestedAt));
  if (!row) return { archive: null, transfers };
  const materials = await ctx.db
    .select({
      title: archiveMaterials.title,
      category: archiveMaterials.category,
      fileName: archiveMaterials.fileName,
      mime: archiveMaterials.mime,
      sizeBytes: archiveMaterials.sizeBytes,
      uploadedAt: archiveMaterials.createdAt,
    })
    .from(archiveMaterials)
    .where(eq(archiveMaterials.archiveId, row.a.id))
    .orderBy(asc(archiveMaterials.createdAt));
  const custodyProofs = await ctx.db
    .select({ code: custodyCertificates.code, custodian: archiveCustodians.name, issuedAt: custodyCertificates.issuedAt })
    .from(custodyCertificates)
    .innerJoin(archiveCustodians, eq(archiveCustodians.id, custodyCertificates.custodianId))
    .where(eq(custodyCertificates.archiveId, row.a.id))
    .orderBy(asc(custodyCertificates.issuedAt));
  return {
    archive: {
      archiveNo: row.a.archiveNo,
      since: row.a.since,
      custodian: { name: row.custodian.name, kind: row.custodian.kind, regionCode: row.custodian.regionCode, address: row.custodian.address },
      recordedAt: row.a.createdAt,
      updatedAt: row.a.updatedAt,
      materials,
      custodyCertificates: custodyProofs,
    },
    transfers,
  };
}

/**
 * 创业项目 the person created (their own, or entered for their organisation: `organisation` names it), the
 * incubation applications with their milestones, and the introduction requests investors sent about them.
 */
export async function exportVentures(ctx: Ctx, userId: string) {
  const projects = await ctx.db
    .select({
      id: ventureProjects.id,
      name: ventureProjects.name,
      organisation: organisations.name,
      stage: ventureProjects.stage,
      industryCode: ventureProjects.industryCode,
      digitalField: ventureProjects.digitalField,
      regionCode: ventureProjects.regionCode,
      summary: ventureProjects.summary,
      teamSize: ventureProjects.teamSize,
      fundingSoughtFen: ventureProjects.fundingSoughtFen,
      needs: ventureProjects.needs,
      status: ventureProjects.status,
      returnReason: ventureProjects.returnReason,
      publishedAt: ventureProjects.publishedAt,
      createdAt: ventureProjects.createdAt,
      updatedAt: ventureProjects.updatedAt,
    })
    .from(ventureProjects)
    .leftJoin(organisations, eq(organisations.id, ventureProjects.ownerOrgId))
    .where(eq(ventureProjects.ownerUserId, userId))
    .orderBy(asc(ventureProjects.createdAt));
  const ids = projects.map((p) => p.id);
  if (ids.length === 0) return { ventureProjects: projects, ventureIncubations: [], ventureIntroductions: [] };
  const incubations = await ctx.db
    .select({
      id: ventureIncubations.id,
      projectId: ventureIncubations.projectId,
      carrier: ventureCarriers.name,
      status: ventureIncubations.status,
      note: ventureIncubations.note,
      appliedAt: ventureIncubations.appliedAt,
      startedAt: ventureIncubations.startedAt,
      endedAt: ventureIncubations.endedAt,
    })
    .from(ventureIncubations)
    .innerJoin(ventureCarriers, eq(ventureCarriers.id, ventureIncubations.carrierId))
    .where(inArray(ventureIncubations.projectId, ids))
    .orderBy(asc(ventureIncubations.appliedAt));
  const milestones = incubations.length
    ? await ctx.db
        .select({
          incubationId: ventureMilestones.incubationId,
          title: ventureMilestones.title,
          plannedOn: ventureMilestones.plannedOn,
          doneOn: ventureMilestones.doneOn,
          evidence: ventureMilestones.evidence,
        })
        .from(ventureMilestones)
        .where(
          inArray(
            ventureMilestones.incubationId,
            incubations.map((i) => i.id),
          ),
        )
        .orderBy(asc(ventureMilestones.plannedOn))
    : [];
  const introductions = await ctx.db
    .select({
      id: ventureIntroductions.id,
      projectId: ventureIntroductions.projectId,
      investor: organisations.name,
      message: ventureIntroductions.message,
      status: ventureIntroductions.status,
      requestedAt: ventureIntroductions.createdAt,
      decidedAt: ventureIntroductions.decidedAt,
    })
    .from(ventureIntroductions)
    .innerJoin(organisations, eq(organisations.id, ventureIntroductions.investorOrgId))
    .where(inArray(ventureIntroductions.projectId, ids))
    .orderBy(asc(ventureIntroductions.createdAt));
  return {
    ventureProjects: projects,
    ventureIncubations: incubations.map((i) => ({
      ...i,
      milestones: milestones.filter((m) => m.incubationId === i.id).map(({ incubationId: _i, ...m }) => m),
    })),
    ventureIntroductions: introductions,
  };
}
