/**
 * 求职者档案: a talent reads and replaces their own profile. Catalogue codes are checked and named by
 * field; skills are normalised like job skills; certificates are stored as declared (unverified).
 * Every save is audited (counts and visibility only, never the content).
 */
import { eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { ProfileFields } from '../../../shared/profiles.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { checkOccupationCode, getRegion } from '../catalog/index.js';
import { educationLevels } from '../catalog/catalog.tables.js';
import { normaliseSkills } from '../jobs/jobs.derive.js';
import { profileSearchTokens } from './profiles.search.js';
import { type TalentProfileRow, talentProfiles } from './profiles.tables.js';

type ActorCtx = Ctx & { actor: Actor };

export function profileView(row: TalentProfileRow) {
  return {
    regionCode: row.regionCode,
    education: row.education,
    workHistory: row.workHistory,
    skills: row.skills,
    certificates: row.certificates,
    desiredOccupations: row.desiredOccupations,
    desiredCities: row.desiredCities,
    desiredSalaryMinFen: row.desiredSalaryMinFen,
    visibility: row.visibility as ProfileFields['visibility'],
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ProfileView = ReturnType<typeof profileView>;

export async function findProfile(ctx: Pick<Ctx, 'db'>, userId: string): Promise<TalentProfileRow | undefined> {
  const [row] = await ctx.db.select().from(talentProfiles).where(eq(talentProfiles.userId, userId));
  return row;
}

/** 200 { profile: null } until the talent saves one. */
export async function getOwnProfile(ctx: ActorCtx) {
  const row = await findProfile(ctx, ctx.actor.userId);
  return { profile: row ? profileView(row) : null };
}

async function checkEducation(ctx: Ctx, input: ProfileFields) {
  const codes = [...new Set(input.education.map((e) => e.educationCode))];
  if (codes.length === 0) return;
  const known = new Set(
    (await ctx.db.select({ code: educationLevels.code }).from(educationLevels).where(inArray(educationLevels.code, codes))).map((r) => r.code),
  );
  input.education.forEach((e, i) => {
    if (!known.has(e.educationCode))
      throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: `education.${i}.educationCode`, code: e.educationCode } });
  });
}

/** Checks every catalogue code; returns the names of the desired occupations (for search tokens). */
async function checkCodes(ctx: Ctx, input: ProfileFields): Promise<Map<string, string>> {
  await checkEducation(ctx, input);
  const occupationNames = new Map<string, string>();
  for (const [i, code] of input.desiredOccupations.entries()) {
    const occupation = await checkOccupationCode(ctx, code, `desiredOccupations.${i}`);
    if (occupation.level !== 4) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: `desiredOccupations.${i}`, code } });
    occupationNames.set(code, occupation.name);
  }
  for (const [i, code] of input.desiredCities.entries()) await getRegion(ctx, code, `desiredCities.${i}`);
  return occupationNames;
}

/** PUT: replaces the whole profile (creating it the first time). */
export async function replaceProfile(ctx: ActorCtx, input: ProfileFields) {
  const occupationNames = await checkCodes(ctx, input);
  const skills = await normaliseSkills(ctx, input.skills, 'skills');
  const [user] = await ctx.db.select({ regionCode: users.regionCode }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!user) throw new AppError('NOT_FOUND', { status: 404 });
  const columns = {
    regionCode: user.regionCode,
    education: input.education,
    workHistory: input.workHistory,
    skills,
    certificates: input.certificates.map((c) => ({ ...c, verified: false as const })),
    desiredOccupations: [...new Set(input.desiredOccupations)],
    desiredCities: [...new Set(input.desiredCities)],
    desiredSalaryMinFen: input.desiredSalaryMinFen,
    visibility: input.visibility,
    updatedAt: ctx.now,
  };
  const searchTokens = profileSearchTokens({ ...columns, skills }, occupationNames, ctx.now);
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const existing = await findProfile(t, ctx.actor.userId);
    const [row] = await t.db
      .insert(talentProfiles)
      .values({ userId: ctx.actor.userId, createdAt: ctx.now, ...columns, searchTokens })
      .onConflictDoUpdate({ target: talentProfiles.userId, set: { ...columns, searchTokens } })
      .returning();
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, {
      action: existing ? 'profile.update' : 'profile.create',
      objectType: 'profile',
      objectId: ctx.actor.userId,
      regionCode: row.regionCode,
      detail: {
        visibility: row.visibility,
        education: row.education.length,
        workHistory: row.workHistory.length,
        skills: row.skills.length,
        certificates: row.certificates.length,
      },
    });
    return { profile: profileView(row) };
  });
}
