/**
 * The demo job-seeker's own profile (刘晓琳, 赣州市章贡区), so the journey of the notice can be walked
 * at once: she sees recommended digital jobs in 赣州 with the skills she lacks. Saved through the
 * profiles service like any talent's save (validated, tokenised, audited). Not part of the test template.
 */
import { eq } from 'drizzle-orm';
import { ProfileFields } from '../../shared/profiles.js';
import type { Ctx } from '../context.js';
import { users } from '../modules/auth/auth.tables.js';
import { findProfile, replaceProfile } from '../modules/profiles/profiles.service.js';

export async function seedDemoTalentProfile(ctx: Ctx): Promise<boolean> {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, 'talent.ganzhou'));
  if (!u || (await findProfile(ctx, u.id))) return false;
  const actor = { userId: u.id, username: u.username, role: 'talent' as const, regionCode: u.regionCode, department: null, orgId: null, sessionId: 'seed' };
  await replaceProfile(
    { ...ctx, actor },
    ProfileFields.parse({
      education: [{ educationCode: '21', school: '江西理工大学', major: '信息管理与信息系统', graduationYear: 2019 }],
      workHistory: [
        {
          employerName: '赣州某商贸有限公司',
          title: '数据专员',
          fromMonth: '2019-07',
          toMonth: null,
          description: '整理销售与库存数据，用 Excel、SQL 和 pandas 制作周报、月报，用 Power BI 做销售看板。',
        },
      ],
      skills: [
        { name: 'SQL', level: 'proficient' },
        { name: 'Excel', level: 'proficient' },
        { name: 'Python', level: 'familiar' },
        { name: 'pandas', level: 'familiar' },
        { name: 'Power BI', level: 'familiar' },
      ],
      certificates: [{ name: '全国计算机等级考试二级', issuer: '教育部教育考试院' }],
      // 数据分析处理工程技术人员, 商务数据分析师, and 人工智能工程技术人员: she wants to move into AI (the journey)
      desiredOccupations: ['2-02-30-09', '4-07-02-05', '2-02-38-01'],
      desiredCities: ['360700'],
      desiredSalaryMinFen: 600_000,
      visibility: 'employers',
    }),
  );
  return true;
}
