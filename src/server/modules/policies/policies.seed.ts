/**
 * Demo policy catalogue: the subsidies measure 十七 of the notice names (职业培训补贴, 职业技能评价补贴,
 * 失业保险技能提升补贴) and the build subsidy of measure 四 (博士后工作站 / 创新实践基地建站补贴), with
 * plain-language explanations, Q&A, materials, amount rules and 2025–2026 budgets for 赣州 and 南昌.
 * Amounts are demonstration figures (marked so on every page): the real standards are those the
 * provincial and city departments publish. Legal basis cites only the documents the notice names.
 * The demo talent declares facts (户籍 新余, 就业 赣州 章贡区, 14 months insured) so the cross-region rule
 * shows; then 免申即享 runs once. Runs once: nothing is added when policies exist.
 */
import { and, asc, count, eq, like, ne } from 'drizzle-orm';
import type { AmountRule, Rule } from '../../../shared/policies.js';
import type { Department, Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { transitionClaim } from './policies.claims.js';
import { prefillClaims } from './policies.prefill.js';
import { policies, policyBudgets, policyClaims, policyPersonFacts } from './policies.tables.js';

const NOTICE = { title: '关于印发《江西省加快数字人才培育支撑数字经济发展行动若干举措》的通知', issuer: '中共江西省委组织部、江西省人力资源和社会保障厅等' };
const MEASURES = (n: string) => ({
  title: `《江西省加快数字人才培育支撑数字经济发展行动若干举措》${n}`,
  issuer: '中共江西省委组织部、江西省人力资源和社会保障厅等',
});
const NATIONAL = { title: '《加快数字人才培育支撑数字经济发展行动方案（2024—2026年）》', issuer: '人力资源社会保障部等9部门', docNo: '人社部发〔2024〕37号' };
const DEMO_NOTE = '（演示数据：金额为演示标准，实际以省、市人社和财政部门公布的标准为准。）';

/** Lives or works in the policy's region (支持跨地区就业创业人员在常住地或就业创业地享受政策). */
const LIVES_OR_WORKS_HERE: Rule = {
  any: [
    { fact: 'residenceCity', op: 'within', value: '$policyRegion' },
    { fact: 'workplaceCity', op: 'within', value: '$policyRegion' },
  ],
};

/** The start-up project judged is in the policy's region and is past the idea stage (已创办). */
const VENTURE_HERE: Rule[] = [
  { fact: 'venture.city', op: 'within', value: '$policyRegion' },
  { fact: 'venture.stage', op: 'in', value: ['startup', 'growth'], label: '创业项目已进入初创或成长阶段（已创办经营实体）' },
];

interface SeedPolicy {
  code: string;
  name: string;
  applicantKind: 'person' | 'organisation';
  subjectKind: 'certificate' | 'enrolment' | 'organisation' | 'venture';
  department: string;
  summary: string;
  explanation: string;
  legalBasis: { title: string; issuer?: string; docNo?: string }[];
  qa: { q: string; a: string }[];
  materials: string[];
  amountRule: AmountRule;
  eligibility: Rule;
  autoGrant: boolean;
  budgetsYuan: Record<string, number>;
}

/**
 * 助创业 (measures 七 and 九): start-up support judged per 创业项目 (subject `venture`, facts from the ventures
 * module). Amounts are demonstration figures; 创业担保贷款 interest subsidies are assessed by the handling bank.
 */
const STARTUP_POLICIES: readonly SeedPolicy[] = [
  {
    code: 'startup-once-subsidy',
    name: '一次性创业补贴',
    applicantKind: 'person',
    subjectKind: 'venture',
    department: 'hrss',
    summary: '在省内常住或就业创业、首次创办数字经济领域经营实体并在平台发布创业项目的，给予一次性创业补贴。',
    explanation:
      '通知第（九）条实施数字人才创新创业专项行动，第（七）条支持跨地区就业创业人员在常住地或就业创业地按规定享受就业创业扶持政策。' +
      '简单说：您在本省常住或就业创业，创办的数字经济项目已进入初创或成长阶段（已登记经营实体），并在平台“助创业”发布了项目，就可以申请一次性创业补贴。' +
      '每人只能享受一次；平台按您发布的项目自动核对条件。' +
      DEMO_NOTE,
    legalBasis: [MEASURES('（九）实施数字人才创新创业专项行动'), MEASURES('（七）充分发挥5+2就业之家桥梁作用'), NATIONAL],
    qa: [
      { q: '还在创意阶段可以申请吗？', a: '暂不可以。项目须已进入初创或成长阶段（已创办经营实体），可在项目进展后更新项目阶段再申请。' },
      { q: '户籍不在江西可以申请吗？', a: '可以。按常住地或就业创业地判断，项目所在地须在省内。' },
      { q: '办了两个项目能领两次吗？', a: '不能。一次性创业补贴每人只享受一次。' },
    ],
    materials: ['居民身份证（平台已实名，无需上传）', '营业执照或其他经营实体登记证明', '本人银行账户（用于收款）'],
    amountRule: { kind: 'fixed', fen: 500_000 },
    eligibility: {
      all: [LIVES_OR_WORKS_HERE, ...VENTURE_HERE, { fact: 'venture.published', op: 'is_true' }, { fact: 'previousClaims', op: 'eq', value: 0 }],
    },
    autoGrant: false,
    budgetsYuan: { '360700': 500_000, '360100': 800_000 },
  },
  {
    code: 'startup-guaranteed-loan-interest',
    name: '创业担保贷款贴息（个人）',
    applicantKind: 'person',
    subjectKind: 'venture',
    department: 'finance',
    summary: '在孵化载体孵化的数字经济创业项目负责人申请创业担保贷款的，按规定给予财政贴息。',
    explanation:
      '通知第（九）条要求为中小企业和创客搭建项目培育、孵化、加速的产融对接服务平台，第（七）条要求按规定落实就业创业扶持政策。' +
      '简单说：您的创业项目在省内、已进入初创或成长阶段，并正在平台登记的孵化器、加速器或众创空间孵化，可以通过平台提出创业担保贷款贴息申请，' +
      '经办银行和担保机构按实际贷款额度、期限和利率核定贴息，平台只登记申请和核定结果。' +
      DEMO_NOTE,
    legalBasis: [MEASURES('（九）实施数字人才创新创业专项行动'), MEASURES('（七）充分发挥5+2就业之家桥梁作用'), NATIONAL],
    qa: [
      { q: '贴息给谁？金额多少？', a: '贴息资金按规定拨付经办银行，借款人按贴息后的利率还款；具体额度、期限和利率以经办银行和担保机构核定为准。' },
      { q: '为什么要求项目在孵化？', a: '本演示政策以入驻孵化载体作为项目经过专业评估的依据；各地实际条件以当地公布的政策为准。' },
    ],
    materials: ['居民身份证（平台已实名）', '营业执照', '孵化载体出具的入驻证明（平台已核对入驻状态）'],
    amountRule: { kind: 'assessed' },
    eligibility: {
      all: [LIVES_OR_WORKS_HERE, ...VENTURE_HERE, { fact: 'venture.incubating', op: 'is_true' }, { fact: 'previousClaims', op: 'eq', value: 0 }],
    },
    autoGrant: false,
    budgetsYuan: { '360700': 1_000_000, '360100': 1_500_000 },
  },
  {
    code: 'startup-guaranteed-loan-interest-sme',
    name: '创业担保贷款贴息（小微企业）',
    applicantKind: 'organisation',
    subjectKind: 'venture',
    department: 'finance',
    summary: '经认证的数字经济领域小微企业在平台发布创业项目的，可申请小微企业创业担保贷款并按规定享受贴息。',
    explanation:
      '通知第（九）条支持培育带动就业明显、发展前景好的数字经济企业。' +
      '简单说：贵单位已在平台通过认证，在省内，以单位名义发布了已进入初创或成长阶段的创业项目，可以申请小微企业创业担保贷款贴息，额度和贴息由经办银行核定。' +
      DEMO_NOTE,
    legalBasis: [MEASURES('（九）实施数字人才创新创业专项行动'), NATIONAL],
    qa: [{ q: '哪些单位可以申请？', a: '在平台认证的用人单位（小微企业），以单位名义发布了创业项目。' }],
    materials: ['营业执照（平台已认证）', '贷款用途说明'],
    amountRule: { kind: 'assessed' },
    eligibility: {
      all: [
        { fact: 'org.kind', op: 'eq', value: 'employer' },
        { fact: 'org.verified', op: 'is_true' },
        { fact: 'org.city', op: 'within', value: '$policyRegion' },
        ...VENTURE_HERE,
        { fact: 'venture.published', op: 'is_true' },
        { fact: 'previousClaims', op: 'eq', value: 0 },
      ],
    },
    autoGrant: false,
    budgetsYuan: { '360700': 2_000_000, '360100': 3_000_000 },
  },
];

export const SEED_POLICIES: readonly SeedPolicy[] = [
  {
    code: 'vocational-training-subsidy',
    name: '职业培训补贴',
    applicantKind: 'person',
    subjectKind: 'enrolment',
    department: 'hrss',
    summary: '参加职业培训补贴目录内数字职业（工种）培训并结业的，按目录标准给予补贴。',
    explanation:
      '通知第（十七）条要求各地把符合本地需要的数字职业（工种）培训纳入职业培训补贴目录，对符合条件的人员落实职业培训补贴。' +
      '简单说：您在本省常住或就业，参加了补贴目录里的数字职业（工种）培训班并顺利结业，就可以按该职业、该等级在目录里的标准拿到培训补贴。' +
      '平台已掌握您的结业记录，符合条件的会自动为您生成“待确认”的申请，您只需填写收款银行账户确认即可，不用再交材料。' +
      '同一职业（工种）同一等级只能享受一次。' +
      DEMO_NOTE,
    legalBasis: [MEASURES('（十七）加大培育投入'), NATIONAL, NOTICE],
    qa: [
      { q: '户籍不在江西，在赣州工作能申请吗？', a: '可以。本政策按常住地或就业地判断：在省内常住或就业的，都可以在常住地或就业地申请，不看户籍。' },
      { q: '需要自己上传结业证明吗？', a: '不需要。结业记录由培训机构在平台登记，平台自动核对。' },
      { q: '同一个职业学了两次可以领两次吗？', a: '不可以。同一职业（工种）同一等级只补贴一次；考取更高等级的，可按更高等级再享受。' },
    ],
    materials: ['居民身份证（平台已实名，无需上传）', '本人银行账户（用于收款）'],
    amountRule: { kind: 'catalogue' },
    eligibility: {
      all: [
        LIVES_OR_WORKS_HERE,
        { fact: 'course.completed', op: 'is_true' },
        { fact: 'course.subsidised', op: 'is_true' },
        { fact: 'previousClaims', op: 'eq', value: 0 },
      ],
    },
    autoGrant: true,
    budgetsYuan: { '360700': 2_000_000, '360100': 3_000_000 },
  },
  {
    code: 'skill-evaluation-subsidy',
    name: '职业技能评价补贴',
    applicantKind: 'person',
    subjectKind: 'certificate',
    department: 'hrss',
    summary: '通过职业技能等级认定取得补贴目录内数字职业（工种）证书的，按等级给予评价补贴。',
    explanation:
      '通知第（十七）条要求对符合条件人员落实职业技能评价补贴。' +
      '简单说：您取得了补贴目录内数字职业（工种）的职业技能等级证书（以发证当天有效的目录为准），且在本省常住或就业，就可以按证书等级领取评价补贴。' +
      '证书由评价机构在平台核发，平台自动核对，符合条件的会为您生成待确认申请。' +
      DEMO_NOTE,
    legalBasis: [MEASURES('（十七）加大培育投入'), MEASURES('（十五）健全评价体系'), NOTICE],
    qa: [
      { q: '目录调整了怎么办？', a: '以证书发证当天有效的补贴目录为准：发证时在目录内的，之后目录调整也不影响。' },
      { q: '证书等级和补贴金额有什么关系？', a: '等级越高标准越高，具体见本页“补贴标准”。' },
    ],
    materials: ['职业技能等级证书（平台已核验，无需上传）', '本人银行账户（用于收款）'],
    amountRule: { kind: 'by_level', fenByLevel: { '5': 30_000, '4': 50_000, '3': 80_000, '2': 120_000, '1': 150_000 } },
    eligibility: {
      all: [LIVES_OR_WORKS_HERE, { fact: 'certificate.inCatalogue', op: 'is_true' }, { fact: 'previousClaims', op: 'eq', value: 0 }],
    },
    autoGrant: true,
    budgetsYuan: { '360700': 800_000, '360100': 1_200_000 },
  },
  {
    code: 'unemployment-insurance-skill-upgrade',
    name: '失业保险技能提升补贴',
    applicantKind: 'person',
    subjectKind: 'certificate',
    department: 'hrss',
    summary: '参加失业保险的职工取得职业技能等级证书的，按证书等级从失业保险基金给予技能提升补贴。',
    explanation:
      '通知第（十七）条要求对符合条件人员落实失业保险技能提升补贴。' +
      '简单说：您是参加失业保险的职工，累计缴费满 12 个月，在证书发证之日起 12 个月内，凭职业技能等级证书可以领取一笔技能提升补贴，按证书等级定额。' +
      '缴费月数目前由您自行填报（经办时以社保记录核验），证书由平台核验。' +
      DEMO_NOTE,
    legalBasis: [MEASURES('（十七）加大培育投入'), NATIONAL],
    qa: [
      { q: '缴费月数怎么算？', a: '按失业保险累计缴费月数计算，不同单位、不同城市的缴费可以累计。请在“我的政策资格”中如实填写，经办人员会与社保记录核对。' },
      { q: '证书拿了两年了还能申请吗？', a: '本政策要求在证书核发之日起 12 个月内申请，超过的不再受理。' },
      { q: '和职业技能评价补贴能同时领吗？', a: '两项资金来源不同，按当地规定执行；平台分别判断条件。' },
    ],
    materials: ['职业技能等级证书（平台已核验）', '失业保险缴费情况（自行填报，经办核验）', '本人银行账户'],
    amountRule: { kind: 'by_level', fenByLevel: { '5': 100_000, '4': 150_000, '3': 200_000, '2': 200_000, '1': 200_000 } },
    eligibility: {
      all: [
        LIVES_OR_WORKS_HERE,
        { fact: 'insuredMonths', op: 'gte', value: 12 },
        { fact: 'certificate.levelCode', op: 'in', value: ['5', '4', '3', '2', '1'] },
        { fact: 'certificate.ageMonths', op: 'lte', value: 12, label: '在证书核发之日起 12 个月内申请' },
        { fact: 'previousClaims', op: 'eq', value: 0 },
      ],
    },
    autoGrant: true,
    budgetsYuan: { '360700': 1_000_000, '360100': 1_500_000 },
  },
  {
    code: 'postdoc-station-subsidy',
    name: '博士后科研工作站建站补贴',
    applicantKind: 'organisation',
    subjectKind: 'organisation',
    department: 'hrss',
    summary: '经批准新增的数字经济领域博士后科研工作站，给予一次性建站补贴。',
    explanation:
      '通知第（四）条鼓励有创新创业能力的数字经济领域企事业单位按规定程序设立博士后站和创新实践基地，对经批准新增的数字经济领域博士后科研流动站、工作站和创新实践基地分别给予相应建站补贴。' +
      '简单说：贵单位属于数字经济领域，经批准新设了博士后科研工作站，可以申请一次性建站补贴。单位须已在平台通过认证。' +
      DEMO_NOTE,
    legalBasis: [MEASURES('（四）强化青年数字人才培育'), NOTICE],
    qa: [
      { q: '哪些单位可以申请？', a: '经批准新增博士后科研工作站的数字经济领域企事业单位（在平台以用人单位或设站单位身份认证）。' },
      { q: '同一个工作站可以申请几次？', a: '建站补贴为一次性补贴，每个单位只能享受一次。' },
    ],
    materials: ['博士后科研工作站批准文件', '单位银行账户（用于收款）'],
    amountRule: { kind: 'fixed', fen: 50_000_000 },
    eligibility: {
      all: [
        { fact: 'org.kind', op: 'in', value: ['employer', 'host'] },
        { fact: 'org.verified', op: 'is_true' },
        { fact: 'org.city', op: 'within', value: '$policyRegion' },
        { fact: 'org.approvedDigitalStations', op: 'gte', value: 1 },
        { fact: 'previousClaims', op: 'eq', value: 0 },
      ],
    },
    autoGrant: false,
    budgetsYuan: { '360700': 2_000_000, '360100': 3_000_000 },
  },
  ...STARTUP_POLICIES,
];

export async function seedPolicies(ctx: Ctx): Promise<{ policies: number; prefilled: number; advanced: number }> {
  const [existing] = await ctx.db.select({ n: count() }).from(policies);
  if ((existing?.n ?? 0) > 0) return { policies: 0, prefilled: 0, advanced: 0 };
  const year = Number(new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  for (const p of SEED_POLICIES) {
    const [row] = await ctx.db
      .insert(policies)
      .values({
        code: p.code,
        name: p.name,
        applicantKind: p.applicantKind,
        subjectKind: p.subjectKind,
        regionCode: '360000',
        department: p.department,
        summary: p.summary,
        explanation: p.explanation,
        legalBasis: p.legalBasis,
        qa: p.qa,
        materials: p.materials,
        amountRule: p.amountRule,
        eligibility: p.eligibility,
        autoGrant: p.autoGrant,
        noticeWorkingDays: 5,
        windowFrom: '2025-06-01',
        // these subsidies are standing national/provincial policies (就业补助资金), not tied to the notice's 2024–2026
        // term: no closing date, so a demo (or a test run) started next year still has open policies
        windowTo: null,
        status: 'published',
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: policies.id });
    if (!row) continue;
    for (const y of [year - 1, year, year + 1])
      for (const [region, yuan] of Object.entries(p.budgetsYuan))
        await ctx.db.insert(policyBudgets).values({ policyId: row.id, regionCode: region, year: y, totalFen: yuan * 100, updatedAt: ctx.now });
  }
  const [talent] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'talent.ganzhou'));
  if (talent)
    await ctx.db
      .insert(policyPersonFacts)
      .values({ userId: talent.id, hukouRegionCode: '360502', workplaceRegionCode: '360702', insuredMonths: 14, verified: false, updatedAt: ctx.now })
      .onConflictDoNothing();
  const { created } = await prefillClaims(ctx);
  const advanced = await advanceDemoClaims(ctx);
  return { policies: SEED_POLICIES.length, prefilled: created, advanced };
}

async function actorFor(ctx: Ctx, userId: string): Promise<Actor | null> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
  return u
    ? {
        userId: u.id,
        username: u.username,
        role: u.role as Role,
        regionCode: u.regionCode,
        department: (u.department as Department | null) ?? null,
        orgId: u.orgId,
        sessionId: 'seed',
      }
    : null;
}

/**
 * A few prefilled claims of other 赣州 people taken further through the real workflow (the person confirms,
 * official.ganzhou takes them), so the review queue and the public 公示 list show something on first start.
 * The demo talent's own claims stay prefilled for the 免申即享 walkthrough.
 */
async function advanceDemoClaims(ctx: Ctx): Promise<number> {
  const [official] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'official.ganzhou'));
  const [demo] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'talent.ganzhou'));
  const officialActor = official ? await actorFor(ctx, official.id) : null;
  if (!officialActor) return 0;
  const rows = await ctx.db
    .select({ id: policyClaims.id, applicant: policyClaims.applicantUserId })
    .from(policyClaims)
    .where(and(eq(policyClaims.status, 'prefilled'), like(policyClaims.regionCode, '3607%'), demo ? ne(policyClaims.applicantKey, demo.id) : undefined))
    .orderBy(asc(policyClaims.createdAt))
    .limit(3);
  let advanced = 0;
  for (const [i, r] of rows.entries()) {
    const applicant = r.applicant ? await actorFor(ctx, r.applicant) : null;
    if (!applicant) continue;
    const account = `6222021507${String(100_000_000 + i * 7_919).padStart(9, '0')}`;
    const confirmed = await transitionClaim({ ...ctx, actor: applicant }, r.id, 'confirm', { payee: { bankName: '中国工商银行赣州分行', account } });
    advanced++;
    if (confirmed.status !== 'submitted' || i === 0) continue;
    await transitionClaim({ ...ctx, actor: officialActor }, r.id, 'assign', {});
    if (i === 1) await transitionClaim({ ...ctx, actor: officialActor }, r.id, 'start_notice', {});
    else await transitionClaim({ ...ctx, actor: officialActor }, r.id, 'return', { reason: '请核对收款账户户名与身份证姓名是否一致后重新提交' });
  }
  return advanced;
}
