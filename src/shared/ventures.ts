/**
 * 助创业 (measure 九 and 十二): 创业项目展示, 孵化载体 (孵化器 / 加速器 / 众创空间) with incubations and
 * milestones, 产融对接 (investor interests, explainable matches, introductions with consent), and the
 * 专精特新"小巨人" cultivation list. Workflows and fixed lists are data, shared by the server and the web app.
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

/** 数字经济领域: the fixed list projects, carriers, interests and the 小巨人 list choose from. */
export const DigitalField = z.enum([
  'ai', // 人工智能
  'big_data', // 大数据
  'cloud', // 云计算
  'industrial_internet', // 工业互联网
  'iot', // 物联网（移动物联网）
  'vr', // 虚拟现实
  'integrated_circuit', // 集成电路
  'software', // 软件和信息技术服务
  'smart_manufacturing', // 智能制造
  'digital_commerce', // 数字商贸（电子商务、互联网营销）
  'data_elements', // 数据要素
]);
export type DigitalField = z.infer<typeof DigitalField>;

export const DIGITAL_FIELD_NAMES: Record<DigitalField, string> = {
  ai: '人工智能',
  big_data: '大数据',
  cloud: '云计算',
  industrial_internet: '工业互联网',
  iot: '物联网',
  vr: '虚拟现实',
  integrated_circuit: '集成电路',
  software: '软件和信息技术服务',
  smart_manufacturing: '智能制造',
  digital_commerce: '数字商贸',
  data_elements: '数据要素',
};

/** 创意 / 初创 / 成长. */
export const VentureStage = z.enum(['idea', 'startup', 'growth']);
export type VentureStage = z.infer<typeof VentureStage>;
export const VENTURE_STAGE_NAMES: Record<VentureStage, string> = { idea: '创意', startup: '初创', growth: '成长' };

/** What a project needs: 融资 / 场地 / 导师 / 市场. */
export const VentureNeed = z.enum(['funding', 'space', 'mentor', 'market']);
export type VentureNeed = z.infer<typeof VentureNeed>;

export const ProjectStatus = z.enum(['draft', 'submitted', 'returned', 'published', 'archived']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;

const OWNERS = ['talent', 'employer'] as const;

/**
 * 创业项目: the owner (a talent 创客, or a verified small enterprise) submits; an official of the project's
 * region publishes or returns it with a reason; the owner archives it, or an official takes it down.
 */
export const projectWorkflow = defineWorkflow({
  name: 'venture_project',
  states: ProjectStatus.options,
  initial: 'draft',
  transitions: {
    submit: { from: ['draft', 'returned'], to: 'submitted', roles: OWNERS },
    publish: { from: ['submitted'], to: 'published', roles: ['official'] },
    return: { from: ['submitted'], to: 'returned', roles: ['official'], reason: 'required' },
    archive: { from: ['draft', 'returned', 'published'], to: 'archived', roles: OWNERS, reason: 'optional' },
    take_down: { from: ['published'], to: 'archived', roles: ['official'], reason: 'required' },
  },
});
export type ProjectAction = keyof typeof projectWorkflow.transitions;

export const CarrierKind = z.enum(['incubator', 'accelerator', 'maker_space']);
export type CarrierKind = z.infer<typeof CarrierKind>;
export const CarrierLevel = z.enum(['national', 'provincial', 'municipal']);
export type CarrierLevel = z.infer<typeof CarrierLevel>;

export const IncubationStatus = z.enum(['applied', 'accepted', 'declined', 'incubating', 'graduated', 'withdrawn']);
export type IncubationStatus = z.infer<typeof IncubationStatus>;
export const OPEN_INCUBATION_STATUSES = ['applied', 'accepted', 'incubating'] as const satisfies readonly IncubationStatus[];

/**
 * 入驻孵化: a published project applies to a carrier. The carrier's manager — the accounts of the `host`
 * organisation that operates it (set by the official who registers the carrier) — accepts or declines,
 * starts the incubation (within capacity) and graduates it; the owner may withdraw until graduation.
 */
export const incubationWorkflow = defineWorkflow({
  name: 'venture_incubation',
  states: IncubationStatus.options,
  initial: 'applied',
  transitions: {
    accept: { from: ['applied'], to: 'accepted', roles: ['host'] },
    decline: { from: ['applied'], to: 'declined', roles: ['host'], reason: 'required' },
    start: { from: ['accepted'], to: 'incubating', roles: ['host'] },
    graduate: { from: ['incubating'], to: 'graduated', roles: ['host'] },
    withdraw: { from: ['applied', 'accepted', 'incubating'], to: 'withdrawn', roles: OWNERS, reason: 'optional' },
  },
});
export type IncubationAction = keyof typeof incubationWorkflow.transitions;

/** 投资机构 / 天使投资 / 银行 / 融资担保. */
export const InvestorKind = z.enum(['vc', 'angel', 'bank', 'guarantee']);
export type InvestorKind = z.infer<typeof InvestorKind>;

/**
 * Investors are verified organisations of kind `employer` whose industry (GB/T 4754) is 金融业 (门类 J:
 * codes 66–69) or 7212 投资与资产管理: banks, venture-capital firms and guarantee companies register as
 * enterprises like any other.
 */
export function isInvestorIndustry(code: string | null | undefined): boolean {
  return !!code && (/^6[6-9]/.test(code) || code.startsWith('7212'));
}

export const IntroductionStatus = z.enum(['requested', 'consented', 'declined', 'withdrawn']);
export type IntroductionStatus = z.infer<typeof IntroductionStatus>;
export const OPEN_INTRODUCTION_STATUSES = ['requested', 'consented'] as const satisfies readonly IntroductionStatus[];

/**
 * 对接请求: an investor asks to be introduced; only the project owner consents or declines (the contact
 * is revealed to that investor after consent, each reveal audited); the investor may withdraw while pending.
 */
export const introductionWorkflow = defineWorkflow({
  name: 'venture_introduction',
  states: IntroductionStatus.options,
  initial: 'requested',
  transitions: {
    consent: { from: ['requested'], to: 'consented', roles: OWNERS },
    decline: { from: ['requested'], to: 'declined', roles: OWNERS, reason: 'optional' },
    withdraw: { from: ['requested'], to: 'withdrawn', roles: ['employer'] },
  },
});
export type IntroductionAction = keyof typeof introductionWorkflow.transitions;

/** 专精特新"小巨人"培育库: 培育 → 入库 → 认定; removal with a reason. Officials of the enterprise's region. */
export const GiantStatus = z.enum(['cultivating', 'listed', 'recognised', 'removed']);
export type GiantStatus = z.infer<typeof GiantStatus>;
export const giantWorkflow = defineWorkflow({
  name: 'venture_giant',
  states: GiantStatus.options,
  initial: 'cultivating',
  transitions: {
    list: { from: ['cultivating'], to: 'listed', roles: ['official'] },
    recognise: { from: ['listed'], to: 'recognised', roles: ['official'] },
    remove: { from: ['cultivating', 'listed', 'recognised'], to: 'removed', roles: ['official'], reason: 'required' },
  },
});

// ---- request schemas ----

const RegionCode = z.string().regex(/^\d{6}$/);
/** 元 amounts are sent as integer 分; a project seeks at most 10 亿元. */
const Fen = z.number().int().min(0).max(100_000_000_000);
const Day = z.iso.date();

export const ProjectInput = z.object({
  name: z.string().trim().min(2).max(60),
  stage: VentureStage,
  industryCode: z.string().regex(/^[A-T]$|^\d{2,4}$/),
  digitalField: DigitalField,
  regionCode: RegionCode,
  summary: z.string().trim().min(10).max(2000),
  teamSize: z.number().int().min(1).max(10_000),
  fundingSoughtFen: Fen,
  needs: z.array(VentureNeed).max(4).default([]),
});
export type ProjectInput = z.infer<typeof ProjectInput>;
export const ProjectPatch = ProjectInput.partial();
export type ProjectPatch = z.infer<typeof ProjectPatch>;

export const ProjectListQuery = z.object({
  field: DigitalField.optional(),
  stage: VentureStage.optional(),
  city: RegionCode.optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const ManageQuery = z.object({
  status: z
    .string()
    .regex(/^[a-z_]{2,20}$/)
    .optional(),
});

export const CarrierInput = z.object({
  name: z.string().trim().min(4).max(80),
  kind: CarrierKind,
  level: CarrierLevel,
  regionCode: RegionCode,
  focusFields: z.array(DigitalField).min(1).max(11),
  capacity: z.number().int().min(1).max(10_000),
  /** 统一社会信用代码 of the verified `host` organisation that operates the carrier (its manager). */
  managerUscc: z.string().trim().length(18),
  address: z.string().trim().max(120).default(''),
  description: z.string().trim().max(2000).default(''),
});
export type CarrierInput = z.infer<typeof CarrierInput>;
export const CarrierPatch = CarrierInput.partial().extend({ active: z.boolean().optional() });
export type CarrierPatch = z.infer<typeof CarrierPatch>;

export const ApplyToCarrier = z.object({ carrierId: z.uuid(), note: z.string().trim().max(500).default('') });
export const MilestoneInput = z.object({ title: z.string().trim().min(2).max(80), plannedOn: Day });
export const MilestoneDone = z.object({ doneOn: Day, evidence: z.string().trim().min(2).max(1000) });

export const InterestInput = z
  .object({
    title: z.string().trim().min(2).max(60),
    investorKind: InvestorKind,
    fields: z.array(DigitalField).min(1).max(11),
    stages: z.array(VentureStage).min(1).max(3),
    ticketMinFen: Fen,
    ticketMaxFen: Fen,
    /** Province (360000) or city codes the investor looks at. */
    regions: z.array(RegionCode).min(1).max(13),
    note: z.string().trim().max(500).default(''),
    active: z.boolean().default(true),
  })
  .refine((v) => v.ticketMinFen <= v.ticketMaxFen, { path: ['ticketMaxFen'], message: 'range' });
export type InterestInput = z.infer<typeof InterestInput>;

export const RequestIntroduction = z.object({
  projectId: z.uuid(),
  interestId: z.uuid().nullable().default(null),
  message: z.string().trim().min(2).max(500),
});
export type RequestIntroduction = z.infer<typeof RequestIntroduction>;

export const GiantInput = z.object({
  /** 统一社会信用代码 of a verified employer organisation. */
  uscc: z.string().trim().length(18),
  field: DigitalField,
  year: z.number().int().min(2020).max(2100),
  note: z.string().trim().max(500).default(''),
});
export type GiantInput = z.infer<typeof GiantInput>;

export const TransitionBody = z.object({ reason: z.string().trim().max(500).optional() });

// ---- 产融对接: the one scorer, pure, with reasons that are true of the data ----

export interface MatchableProject {
  digitalField: string;
  stage: string;
  fundingSoughtFen: number;
  regionCode: string;
  needs: readonly string[];
}
export interface MatchableInterest {
  fields: readonly string[];
  stages: readonly string[];
  ticketMinFen: number;
  ticketMaxFen: number;
  regions: readonly string[];
}

export type MatchReasonCode = 'field' | 'stage' | 'amount' | 'region';
export interface MatchReason {
  code: MatchReasonCode;
  points: number;
  /** Codes and numbers for the Chinese / English sentence (the web app words it). */
  params: Record<string, string | number>;
}

/** Points per criterion: field 40, stage 25, amount within the ticket range 20, region 15 (total 100). */
export const MATCH_WEIGHTS: Record<MatchReasonCode, number> = { field: 40, stage: 25, amount: 20, region: 15 };

/** `inner` lies in `outer` (province 360000 holds every 36…, a city its counties, a county itself). */
export function regionWithinCode(outer: string, inner: string): boolean {
  if (outer.endsWith('0000')) return inner.startsWith(outer.slice(0, 2));
  if (outer.endsWith('00')) return inner.startsWith(outer.slice(0, 4));
  return inner === outer;
}

/**
 * Score one published project against one interest. Only projects that seek funding match at all. A
 * reason is given for each criterion that holds, and only then: the score is the sum of their points.
 */
export function matchProject(interest: MatchableInterest, p: MatchableProject): { score: number; reasons: MatchReason[] } {
  if (!p.needs.includes('funding') || p.fundingSoughtFen <= 0) return { score: 0, reasons: [] };
  const reasons: MatchReason[] = [];
  if (interest.fields.includes(p.digitalField)) reasons.push({ code: 'field', points: MATCH_WEIGHTS.field, params: { field: p.digitalField } });
  if (interest.stages.includes(p.stage)) reasons.push({ code: 'stage', points: MATCH_WEIGHTS.stage, params: { stage: p.stage } });
  if (p.fundingSoughtFen >= interest.ticketMinFen && p.fundingSoughtFen <= interest.ticketMaxFen)
    reasons.push({
      code: 'amount',
      points: MATCH_WEIGHTS.amount,
      params: { soughtFen: p.fundingSoughtFen, minFen: interest.ticketMinFen, maxFen: interest.ticketMaxFen },
    });
  const region = interest.regions.find((r) => regionWithinCode(r, p.regionCode));
  if (region) reasons.push({ code: 'region', points: MATCH_WEIGHTS.region, params: { regionCode: p.regionCode, within: region } });
  return { score: reasons.reduce((s, r) => s + r.points, 0), reasons };
}

/** 分 → "300 万元" / "5,000 元" (whole 元; 万 when a multiple of 10 000 元). */
export function yuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  if (yuan >= 10_000 && yuan % 10_000 === 0) return `${(yuan / 10_000).toLocaleString('en-US')} 万元`;
  return `${yuan.toLocaleString('en-US')} 元`;
}
