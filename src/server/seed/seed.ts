/**
 * Seeding by size: `ci` (small, for tests), `demo` (a realistic province in miniature, first start),
 * `province` (1,000,000 talents and 40,000 employers, for benchmarks).
 */
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import type { Db } from '../db/client.js';
import { record } from '../modules/audit/audit.service.js';
import type { Progress } from '../lib/progress.js';
import { auditLog } from '../modules/audit/audit.tables.js';
import { seedEvents, seedLiteracyActivities } from '../modules/events/index.js';
import { seedJourneyPosting } from '../modules/jobs/index.js';
import { seedCompetitions } from '../modules/competitions/index.js';
import { seedArchives } from '../modules/archives/index.js';
import { seedVentures } from '../modules/ventures/index.js';
import { seedAgencies } from '../modules/agencies/index.js';
import { seedRecognition } from '../modules/recognition/index.js';
import { seedCertificates } from '../modules/certificates/index.js';
import { seedPolicies } from '../modules/policies/index.js';
import { seedTraining } from '../modules/training/index.js';
import { seedProviders } from '../modules/providers/index.js';
import { seedSkillCatalogues } from '../modules/skillcatalog/index.js';
import { syncFacts } from '../modules/dashboard/index.js';
import { seedWages } from '../modules/wages/index.js';
import { seedBulk, SEED_SIZES, type SeedSize } from './bulk.js';
import { seedDemoAccounts } from './demo-accounts.js';
import { seedDemoTalentProfile } from './demo-profile.js';

export type { SeedSize };

/** A finished seed leaves a `system.seed` audit entry; an interrupted one is resumed on the next start. */
export async function isSeeded(ctx: Ctx): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'system.seed'));
  return (row?.n ?? 0) > 0;
}

export async function seed(ctx: Ctx, size: SeedSize, progress: Progress) {
  const started = Date.now();
  await seedDemoAccounts(ctx);
  const counts = await seedBulk(ctx, SEED_SIZES[size], progress);
  // the journey's posting (docs/journey.md): after the bulk postings, which count towards the size's total
  const journeyPosting = (await seedJourneyPosting(ctx)) !== null;
  const events = await seedEvents(ctx);
  // 数字素养活动 in 赣州 (a finished 提升月 activity with check-ins and walk-ins, a rural one open for registration)
  const literacy = await seedLiteracyActivities(ctx);
  const catalogues = await seedSkillCatalogues(ctx);
  const accreditations = await seedProviders(ctx);
  const training = await seedTraining(ctx);
  const certificates = await seedCertificates(ctx);
  const demoProfile = await seedDemoTalentProfile(ctx);
  // after training and certificates: 免申即享 finds the seeded eligible people
  const policies = await seedPolicies(ctx);
  // 高层次人才认定 (categories, applications in every state, one overdue), programmes, 柔性引才, stations
  const recognition = await seedRecognition(ctx);
  // dashboard facts for everything seeded in bulk (idempotent backfill, ADR 0015)
  await syncFacts(ctx.db);
  // 工资价位 and open-data demand from the seeded postings, plus a demo wage survey for 赣州
  const wages = await seedWages(ctx);
  // 竞赛 (a 数据要素× contest in judging, a skills contest, 中国创新创业大赛) and 流动人员人事档案
  const competitions = await seedCompetitions(ctx);
  const archives = await seedArchives(ctx);
  // 助创业: two carriers, three published projects (one incubating with milestones), an investor interest, 小巨人 list
  const ventures = await seedVentures(ctx);
  // 人力资源服务机构: agency.nanchang approved with last year's accepted report, one registration waiting for review
  const agencies = await seedAgencies(ctx);
  const result = {
    size,
    ...counts,
    journeyPosting,
    events,
    literacy,
    catalogues,
    accreditations,
    training,
    certificates,
    demoProfile,
    policies,
    recognition,
    wages,
    competitions,
    archives,
    ventures,
    agencies,
    seconds: (Date.now() - started) / 1000,
  };
  await ctx.db.transaction((tx) => record({ ...ctx, db: tx as unknown as Db }, { action: 'system.seed', detail: { ...result } }));
  return result;
}
