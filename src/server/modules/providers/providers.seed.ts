/**
 * Demo providers: categories for the demo provider (培训机构) and evaluator (评价中心); provider.ganzhou
 * accredited for training in digital occupations at 五/四/三级 (incl. the 数字技术工程师 occupations of the
 * subsidy catalogue), evaluator.nanchang accredited for evaluation, one 赣州 application waiting for review,
 * and a 赣州 产教融合共同体. Runs once (nothing is added when accreditations exist).
 */
import { count, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { occupations } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { chinaDate } from '../skillcatalog/skillcatalog.lookup.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { addYears } from './providers.service.js';
import {
  accreditationItems,
  accreditations,
  communityBases,
  communityMembers,
  communityProgrammes,
  integrationCommunities,
  providerProfiles,
} from './providers.tables.js';

const PROVIDER_USCC = '52360702MJD47651XR'; // 赣州市数字技能职业培训学校 (provider.ganzhou)
const EVALUATOR_USCC = '12360000MB1C856219'; // 江西省数字技术工程师评价中心 (evaluator.nanchang)
const EMPLOYER_USCC = '91360702MA35X8KQ16'; // 赣州云智信息技术有限公司 (employer.ganzhou)

const TRAINING = ['4-04-05-05', '4-04-05-01', '4-04-05-02', '4-01-06-01', '4-01-06-02', '4-07-02-05', '2-02-38-01', '2-02-38-03', '2-02-38-04'];
const EVALUATION = [...TRAINING, '4-04-04-02', '6-31-07-01', '2-02-38-06', '2-02-38-12'];
const LEVELS = ['5', '4', '3'];

export async function seedProviders(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(accreditations);
  if ((existing?.n ?? 0) > 0) return 0;
  const orgs = await ctx.db
    .select()
    .from(organisations)
    .where(inArray(organisations.uscc, [PROVIDER_USCC, EVALUATOR_USCC, EMPLOYER_USCC]));
  const provider = orgs.find((o) => o.uscc === PROVIDER_USCC);
  const evaluator = orgs.find((o) => o.uscc === EVALUATOR_USCC);
  const employer = orgs.find((o) => o.uscc === EMPLOYER_USCC);
  if (!provider || !evaluator) return 0;
  const known = new Set(
    (
      await ctx.db
        .select({ code: occupations.code })
        .from(occupations)
        .where(inArray(occupations.code, [...EVALUATION, '4-04-05-13']))
    ).map((r) => r.code),
  );
  const today = chinaDate(ctx.now);
  let made = 0;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(providerProfiles)
      .values([
        {
          orgId: provider.id,
          category: 'training_institution',
          regionCode: provider.regionCode,
          description: '人社部门备案的民办职业培训学校，开展数字技能和数字技术工程师培训。',
          updatedAt: ctx.now,
        },
        {
          orgId: evaluator.id,
          category: 'evaluation_center',
          regionCode: evaluator.regionCode,
          description: '面向数字技术工程师和数字技能职业开展职业技能等级认定。',
          updatedAt: ctx.now,
        },
      ])
      .onConflictDoNothing();
    const accredit = async (
      orgId: string,
      regionCode: string,
      purpose: 'training' | 'evaluation',
      codes: string[],
      levels: string[],
      status: 'approved' | 'submitted',
      statement: string,
    ) => {
      const [row] = await tx
        .insert(accreditations)
        .values({
          orgId,
          regionCode,
          purpose,
          status,
          statement,
          validUntil: status === 'approved' ? addYears(today, 3) : null,
          decidedAt: status === 'approved' ? ctx.now : null,
          submittedAt: ctx.now,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: accreditations.id });
      const id = (row as { id: string }).id;
      const items = codes.filter((c) => known.has(c)).flatMap((c) => levels.map((levelCode) => ({ accreditationId: id, occupationCode: c, levelCode })));
      if (items.length) await tx.insert(accreditationItems).values(items);
      const event = (action: string, from: string, to: string) => ({
        workflow: 'accreditation',
        entityId: id,
        action,
        fromState: from,
        toState: to,
        actorId: null,
        actorRole: null,
        reason: null,
        requestId: ctx.requestId,
        at: ctx.now,
      });
      const events = status === 'approved' ? [event('approve', 'submitted', 'approved')] : [];
      if (events.length) await tx.insert(workflowEvents).values(events);
      made++;
    };
    await accredit(
      provider.id,
      provider.regionCode,
      'training',
      TRAINING,
      LEVELS,
      'approved',
      '具备数字技能培训师资 18 人、实训机房 4 间（200 工位），近三年累计培训 3,200 人次。',
    );
    await accredit(
      evaluator.id,
      evaluator.regionCode,
      'evaluation',
      EVALUATION,
      LEVELS,
      'approved',
      '具备考评员 46 人、标准化考场 6 个，已完成省级评价机构备案。',
    );
    await accredit(
      provider.id,
      provider.regionCode,
      'training',
      ['4-04-05-13'],
      ['5', '4'],
      'submitted',
      '新增生成式人工智能系统应用员培训，已配备大模型实训平台和专职教师 4 名。',
    );
    const [community] = await tx
      .insert(integrationCommunities)
      .values({
        name: '赣州电子信息产业产教融合共同体',
        regionCode: '360700',
        leadOrgId: provider.id,
        description: '由培训学校牵头，联合电子信息企业共建课程、共用实训基地，开展订单式数字技能人才培养。',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: integrationCommunities.id });
    const communityId = (community as { id: string }).id;
    await tx
      .insert(communityMembers)
      .values([
        { communityId, orgId: provider.id, memberRole: 'school', joinedAt: ctx.now },
        ...(employer ? [{ communityId, orgId: employer.id, memberRole: 'enterprise', joinedAt: ctx.now }] : []),
      ]);
    await tx.insert(communityProgrammes).values({
      communityId,
      name: '人工智能训练师订单班',
      description: '企业提出岗位标准，学校按四级/中级工组织教学，结业后优先录用。',
      createdAt: ctx.now,
    });
    await tx.insert(communityBases).values({
      communityId,
      name: '章贡区数字技能公共实训基地',
      address: '赣州市章贡区长征大道 8 号',
      hostOrgId: employer?.id ?? null,
      createdAt: ctx.now,
    });
  });
  return made;
}
