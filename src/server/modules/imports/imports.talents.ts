/** Job-seeker rows (求职者): one account and profile per 身份证号, keyed by its blind index. */
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { blindIndex, encrypt } from '../../lib/crypto.js';
import { inRegion } from '../access/region-scope.js';
import { users } from '../auth/auth.tables.js';
import { normaliseSkills } from '../jobs/jobs.derive.js';
import { chinaDate } from '../jobs/jobs.views.js';
import { talentProfiles } from '../profiles/profiles.tables.js';
import type { SheetRow } from './imports.parse.js';
import { checkTalentRow, type Reference, type TalentRow } from './imports.rows.js';
import { type ImportBatchRow, importKeys } from './imports.tables.js';
import { type ImportCtx, type Processor, type Rejection, digest, insertKeys, rowsOf, textArray } from './imports.processor.js';

interface TalentPrepared {
  rejections: Rejection[];
  valid: { row: SheetRow; v: TalentRow; bidx: string; hash: string }[];
}

export function talentProcessor(ctx: ImportCtx, batch: ImportBatchRow, ref: Reference): Processor<TalentPrepared> {
  const keys = ctx.platform.keys;
  const seen = new Set<string>();
  const year = Number(chinaDate(ctx.now).slice(0, 4));
  const inScope = (code: string) => inRegion(ctx.actor, code);
  return {
    async prepare(rows) {
      const rejections: Rejection[] = [];
      const valid: TalentPrepared['valid'] = [];
      for (const { row, get } of rows) {
        const c = checkTalentRow(get, ref, inScope, year);
        if (!c.ok) {
          rejections.push({ row, reasons: c.reasons });
          continue;
        }
        const bidx = blindIndex(keys, 'id_number', c.value.idNumber);
        if (seen.has(bidx)) {
          rejections.push({ row, reasons: ['duplicate_in_file'] });
          continue;
        }
        seen.add(bidx);
        valid.push({ row, v: c.value, bidx, hash: digest(c.value) });
      }
      return { rejections, valid };
    },
    async chunk(t, _rows, { rejections, valid }) {
      const bidxs = valid.map((r) => r.bidx);
      const [existingUsers, existingKeys] = bidxs.length
        ? await Promise.all([
            t.db
              .select({ id: users.id, bidx: users.idNumberBidx, role: users.role, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
              .from(users)
              .where(sql`${users.idNumberBidx} = any(${textArray(bidxs)})`),
            t.db
              .select({ key: importKeys.naturalKey, hash: importKeys.contentHash })
              .from(importKeys)
              .where(and(eq(importKeys.kind, 'talent'), sql`${importKeys.naturalKey} = any(${textArray(bidxs)})`)),
          ])
        : [[], []];
      const userByBidx = new Map(existingUsers.map((u) => [u.bidx as string, u]));
      const hashByKey = new Map(existingKeys.map((k) => [k.key, k.hash]));
      const inserts: typeof valid = [];
      const updates: ((typeof valid)[number] & { userId: string })[] = [];
      let unchanged = 0;
      for (const r of valid) {
        const user = userByBidx.get(r.bidx);
        const hash = hashByKey.get(r.bidx);
        if (!user) inserts.push(r);
        else if (user.role !== 'talent') rejections.push({ row: r.row, reasons: ['id_number_other_account'] });
        // same content, or an account its owner has activated or registered: the person keeps it up to date
        else if (hash === r.hash || hash === undefined || user.hasPassword) unchanged++;
        else updates.push({ ...r, userId: user.id });
      }
      const skills = new Map<string, Awaited<ReturnType<typeof normaliseSkills>>>();
      for (const r of [...inserts, ...updates])
        skills.set(
          r.bidx,
          await normaliseSkills(
            ctx,
            r.v.skills.map((name) => ({ name })),
            'skills',
          ),
        );
      const profile = (r: (typeof valid)[number]) => ({
        regionCode: r.v.regionCode,
        education: r.v.education ? [r.v.education] : [],
        skills: skills.get(r.bidx) ?? [],
        desiredOccupations: r.v.desiredOccupations,
        desiredCities: r.v.desiredCities,
        desiredSalaryMinFen: r.v.desiredSalaryMinFen,
        updatedAt: ctx.now,
      });
      return {
        rejections,
        async write(w) {
          if (inserts.length) {
            // one parameter per statement (a JSON array unpacked by the server): thousands of bind
            // parameters per INSERT cost more than the insert itself, on PGlite most of all
            const userData = inserts.map((r) => ({
              // a placeholder login name: the person chooses their own when activating the account
              username: `imp_${randomBytes(9).toString('base64url')}`,
              display_name: r.v.name,
              region_code: r.v.regionCode,
              id_enc: encrypt(keys, r.v.idNumber),
              id_bidx: r.bidx,
              phone_enc: encrypt(keys, r.v.phone),
              phone_bidx: blindIndex(keys, 'phone', r.v.phone),
            }));
            const created = rowsOf<{ id: string; bidx: string }>(
              await w.db.execute(sql`
                insert into users (username, password_hash, role, display_name, region_code, id_number_enc, id_number_bidx, phone_enc, phone_bidx, created_at)
                select v.username, null, 'talent', v.display_name, v.region_code, v.id_enc, v.id_bidx, v.phone_enc, v.phone_bidx, ${ctx.now}
                from jsonb_to_recordset(${JSON.stringify(userData)}::jsonb)
                  as v(username text, display_name text, region_code text, id_enc text, id_bidx text, phone_enc text, phone_bidx text)
                returning id, id_number_bidx as bidx`),
            );
            const idByBidx = new Map(created.map((u) => [u.bidx, u.id]));
            const profileData = inserts.map((r) => {
              const p = profile(r);
              return {
                user_id: idByBidx.get(r.bidx),
                region_code: p.regionCode,
                education: p.education,
                skills: p.skills,
                desired_occupations: p.desiredOccupations,
                desired_cities: p.desiredCities,
                desired_salary_min_fen: p.desiredSalaryMinFen,
              };
            });
            await w.db.execute(sql`
              insert into talent_profiles (user_id, region_code, education, skills, desired_occupations, desired_cities, desired_salary_min_fen, visibility, created_at, updated_at)
              select v.user_id, v.region_code, v.education, v.skills, v.desired_occupations, v.desired_cities, v.desired_salary_min_fen, 'private', ${ctx.now}, ${ctx.now}
              from jsonb_to_recordset(${JSON.stringify(profileData)}::jsonb)
                as v(user_id uuid, region_code text, education jsonb, skills jsonb, desired_occupations jsonb, desired_cities jsonb, desired_salary_min_fen integer)`);
            await insertKeys(
              w,
              'talent',
              inserts.map((r) => ({ k: r.bidx, e: idByBidx.get(r.bidx) as string, h: r.hash })),
              batch.id,
            );
          }
          if (updates.length) {
            const data = updates.map((r) => ({
              id: r.userId,
              display_name: r.v.name,
              region_code: r.v.regionCode,
              phone_enc: encrypt(keys, r.v.phone),
              phone_bidx: blindIndex(keys, 'phone', r.v.phone),
            }));
            await w.db.execute(sql`
              update users u set display_name = v.display_name, region_code = v.region_code, phone_enc = v.phone_enc, phone_bidx = v.phone_bidx
              from jsonb_to_recordset(${JSON.stringify(data)}::jsonb) as v(id uuid, display_name text, region_code text, phone_enc text, phone_bidx text)
              where u.id = v.id and u.password_hash is null`);
            for (const r of updates) {
              const p = profile(r);
              await w.db
                .insert(talentProfiles)
                .values({ userId: r.userId, visibility: 'private', createdAt: ctx.now, ...p })
                .onConflictDoUpdate({ target: talentProfiles.userId, set: p });
            }
            const keyData = updates.map((r) => ({ k: r.bidx, h: r.hash }));
            await w.db.execute(sql`
              update import_keys k set content_hash = v.h, batch_id = ${batch.id}, updated_at = ${ctx.now}
              from jsonb_to_recordset(${JSON.stringify(keyData)}::jsonb) as v(k text, h text)
              where k.kind = 'talent' and k.natural_key = v.k`);
          }
          return { inserted: inserts.length, updated: updates.length, unchanged };
        },
      };
    },
  };
}
