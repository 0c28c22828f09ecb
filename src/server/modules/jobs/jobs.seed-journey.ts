/**
 * The posting of the demo journey (docs/journey.md): 赣州云智信息技术有限公司 (employer.ganzhou) looks for
 * an 人工智能应用工程师 in 章贡区 (人工智能工程技术人员, 2-02-38-01). It asks for what the demo talent
 * 刘晓琳 already has (SQL, Excel, Python, pandas, Power BI) and two skills she lacks — 机器学习 and PyTorch — which the
 * subsidised 数字技术工程师 class of the demo provider (training.seed.ts) teaches. Created through the
 * jobs service like any posting: drafted and submitted by the employer, approved by official.ganzhou
 * (validated, vetted, tokenised, audited, workflow events, dashboard fact). Runs once: nothing is added
 * when the employer already has a posting of this title.
 */
import { and, eq } from 'drizzle-orm';
import { CreateJob } from '../../../shared/jobs.js';
import type { Actor, Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { jobPostings } from './jobs.tables.js';
import { createJob, transitionJob } from './jobs.service.js';
import { chinaDate } from './jobs.views.js';

export const JOURNEY_POSTING_TITLE = '人工智能应用工程师（数据智能方向）';
/** Catalogue skills of the posting the demo talent lacks; the demo 数字技术工程师 class teaches both. */
export const JOURNEY_MISSING_SKILLS = ['machine-learning', 'pytorch'] as const;

const DAY_MS = 86_400_000;

async function actorOf(ctx: Ctx, username: string): Promise<Actor | null> {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  return u
    ? {
        userId: u.id,
        username: u.username,
        role: u.role as Actor['role'],
        regionCode: u.regionCode,
        department: u.department as Actor['department'],
        orgId: u.orgId,
        sessionId: 'seed',
      }
    : null;
}

/** Returns the posting's id, or null when it exists already or a demo account is missing. */
export async function seedJourneyPosting(ctx: Ctx): Promise<string | null> {
  const employer = await actorOf(ctx, 'employer.ganzhou');
  const official = await actorOf(ctx, 'official.ganzhou');
  if (!employer?.orgId || !official) return null;
  const [exists] = await ctx.db
    .select({ id: jobPostings.id })
    .from(jobPostings)
    .where(and(eq(jobPostings.orgId, employer.orgId), eq(jobPostings.title, JOURNEY_POSTING_TITLE)));
  if (exists) return null;
  const input = CreateJob.parse({
    title: JOURNEY_POSTING_TITLE,
    description:
      '负责把机器学习模型用到销售预测、库存优化等业务场景：用 SQL、Excel 和 pandas 整理业务数据、用 Power BI 呈现结果，用 Python 和 PyTorch 训练、评估模型并部署上线，' +
      '与业务部门一起验证效果。欢迎有数据分析工作经验、希望转向人工智能方向的求职者；公司支持员工参加数字技术工程师培训和评价，' +
      '符合条件的可享受职业培训补贴和职业技能评价补贴。提供五险一金、带薪年假和技能培训。',
    occupationCode: '2-02-38-01',
    regionCode: '360702',
    requiredSkills: [
      { skillId: 'sql', level: 'proficient' },
      { name: 'Excel', level: 'proficient' },
      { skillId: 'python', level: 'familiar' },
      { skillId: 'pandas', level: 'familiar' },
      { skillId: 'powerbi', level: 'familiar' },
      { skillId: 'machine-learning', level: 'familiar' },
      { skillId: 'pytorch', level: 'familiar' },
    ],
    preferredSkills: [],
    educationCode: '21',
    experienceYearsMin: 2,
    salaryMinFen: 900_000,
    salaryMaxFen: 1_400_000,
    headcount: 3,
    workMode: 'on_site',
    validFrom: chinaDate(ctx.now),
    validUntil: chinaDate(new Date(ctx.now.getTime() + 180 * DAY_MS)),
  });
  const draft = await createJob({ ...ctx, actor: employer }, input);
  await transitionJob({ ...ctx, actor: employer }, draft.id, 'submit', { confirmNotDuplicate: true });
  await transitionJob({ ...ctx, actor: official }, draft.id, 'approve', {});
  return draft.id;
}
