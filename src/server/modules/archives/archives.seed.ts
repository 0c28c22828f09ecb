/**
 * Demo personnel archives: custodians (赣州市 and 南昌市人才服务中心 as public centres, 江西赣才人力资源服务有限公司
 * as an agency), the demo talent's archive at the 赣州 centre, a few seeded talents' archives at the agency, and one
 * transfer request waiting for the agency (so agency.nanchang has something to approve). Runs once.
 */
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { archiveCustodians, archiveTransfers, personArchives } from './archives.tables.js';

export async function seedArchives(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(archiveCustodians);
  if ((existing?.n ?? 0) > 0) return 0;
  const [agencyOrg] = await ctx.db
    .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode })
    .from(organisations)
    .where(eq(organisations.uscc, '91360113MA38P6LW2W'));
  const at = ctx.now;
  const [ganzhou] = await ctx.db
    .insert(archiveCustodians)
    .values({ kind: 'public_centre', name: '赣州市人才服务中心', regionCode: '360700', address: '赣州市章贡区长征大道1号', createdAt: at })
    .returning();
  const [nanchang] = await ctx.db
    .insert(archiveCustodians)
    .values({ kind: 'public_centre', name: '南昌市人才服务中心', regionCode: '360100', address: '南昌市红谷滩区丰和中大道1099号', createdAt: at })
    .returning();
  const [agency] = agencyOrg
    ? await ctx.db
        .insert(archiveCustodians)
        .values({ kind: 'agency', name: agencyOrg.name, regionCode: agencyOrg.regionCode, orgId: agencyOrg.id, address: '南昌市高新区', createdAt: at })
        .returning()
    : [];
  if (!ganzhou || !nanchang) return 0;
  const [demo] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'talent.ganzhou'));
  let n = 0;
  if (demo) {
    await ctx.db.insert(personArchives).values({
      personUserId: demo.id,
      custodianId: ganzhou.id,
      regionCode: '360700',
      archiveNo: 'GZRC-2019-00317',
      since: '2019-07-05',
      createdAt: at,
      updatedAt: at,
    });
    n++;
  }
  const others = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(sql`${users.role} = 'talent' and ${users.username} ~ '^t[0-9]{7}$'`)
    .orderBy(asc(users.username))
    .offset(20)
    .limit(6);
  const holders = [agency ?? nanchang, agency ?? nanchang, agency ?? nanchang, nanchang, nanchang, ganzhou];
  for (const [i, p] of others.entries()) {
    const holder = holders[i] ?? nanchang;
    const [row] = await ctx.db
      .insert(personArchives)
      .values({
        personUserId: p.id,
        custodianId: holder.id,
        regionCode: holder.regionCode,
        archiveNo: `DA-${2020 + (i % 5)}-${String(1001 + i)}`,
        since: `${2020 + (i % 5)}-0${1 + (i % 8)}-15`,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    n++;
    if (i === 0 && row)
      await ctx.db.insert(archiveTransfers).values({
        archiveId: row.id,
        fromCustodianId: holder.id,
        toCustodianId: ganzhou.id,
        regionCode: holder.regionCode,
        status: 'requested',
        reason: '已在赣州就业，申请将档案转至赣州市人才服务中心',
        requestedBy: p.id,
        requestedAt: at,
        updatedAt: at,
      });
  }
  return n;
}
