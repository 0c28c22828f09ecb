/**
 * 人力资源服务机构 (HR service agencies, measure 十): the licence rule, the services they offer, the registration
 * and annual-report workflows and the request schemas, shared by the server (applyTransition) and the web app.
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

/** Services an agency offers (English identifiers; Chinese labels below and in i18n `agencies.service.*`). */
export const AgencyService = z.enum([
  'internet_recruitment', // "互联网+"招聘
  'ai_recruitment', // "人工智能+"招聘、智能匹配
  'labour_dispatch', // 劳务派遣
  'hr_outsourcing', // 人力资源外包
  'talent_assessment', // 人才测评
  'headhunting', // 猎头
  'training', // 培训
  'personnel_agency', // 人事代理、档案
]);
export type AgencyService = z.infer<typeof AgencyService>;

/** Chinese labels, the one source for the web app (zh-CN) and the Excel export. */
export const AGENCY_SERVICE_LABELS: Record<AgencyService, string> = {
  internet_recruitment: '“互联网+”招聘',
  ai_recruitment: '“人工智能+”招聘/智能匹配',
  labour_dispatch: '劳务派遣',
  hr_outsourcing: '人力资源外包',
  talent_assessment: '人才测评',
  headhunting: '猎头',
  training: '培训',
  personnel_agency: '人事代理/档案',
};

/**
 * 人力资源服务许可证编号. Two forms are accepted, after NFKC (full-width digits, brackets and letters fold)
 * and removing spaces:
 *  1. the certificate wording: optional brackets around 赣, 人服证字, the year in 〔〕 [] 【】 or (), 第, 6–12 digits, 号
 *     — e.g. "(赣)人服证字〔2023〕第0100001号", "赣人服证字[2021]第3601120032号";
 *     stored canonically as "（赣）人服证字〔2023〕第0100001号";
 *  2. a plain code: the serial alone, 6–18 digits (e.g. "3601002023000123"), stored as typed.
 * The year must lie in 1995–2099. Anything else: 400 AGENCIES_LICENCE_NUMBER_INVALID { field: 'licenceNumber' }.
 */
const LICENCE_WORDING = /^[(【[]?赣[)】\]]?人服证字[〔[【(](\d{4})[〕\]】)]第(\d{6,12})号$/;
const LICENCE_PLAIN = /^\d{6,18}$/;

export type LicenceNumberResult = { ok: true; value: string } | { ok: false; error: 'AGENCIES_LICENCE_NUMBER_INVALID' };

export function parseLicenceNumber(raw: string): LicenceNumberResult {
  // NFKC folds （）［］ into ()[]; 〔〕 and 【】 have no compatibility form and stay
  const v = raw.normalize('NFKC').replace(/\s+/g, '');
  if (LICENCE_PLAIN.test(v)) return { ok: true, value: v };
  const m = LICENCE_WORDING.exec(v);
  const year = Number(m?.[1]);
  if (!m || year < 1995 || year > 2099) return { ok: false, error: 'AGENCIES_LICENCE_NUMBER_INVALID' };
  return { ok: true, value: `（赣）人服证字〔${m[1]}〕第${m[2]}号` };
}

/** The zod rule: a string that parses, transformed to its canonical form (the web form and tests use it). */
export const LicenceNumber = z
  .string()
  .max(60)
  .transform((s, ctx) => {
    const r = parseLicenceNumber(s);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.error, params: { code: r.error } });
    return z.NEVER;
  });

export const RegistrationStatus = z.enum(['submitted', 'returned', 'approved', 'suspended', 'revoked', 'expired']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

/**
 * 机构登记: the agency submits its licence; an official (人社) of its region approves or returns it with a
 * reason (resubmit). An approved registration may be suspended / reinstated / revoked with a reason; after a
 * licence renewal the agency amends it (back to review). `expire` has no role: the daily task takes it when
 * the licence's valid_to has passed.
 */
export const registrationWorkflow = defineWorkflow({
  name: 'agency_registration',
  states: RegistrationStatus.options,
  initial: 'submitted',
  transitions: {
    approve: { from: ['submitted'], to: 'approved', roles: ['official'], reason: 'optional' },
    return: { from: ['submitted'], to: 'returned', roles: ['official'], reason: 'required' },
    resubmit: { from: ['returned'], to: 'submitted', roles: ['agency'] },
    amend: { from: ['approved', 'expired'], to: 'submitted', roles: ['agency'] },
    suspend: { from: ['approved'], to: 'suspended', roles: ['official'], reason: 'required' },
    reinstate: { from: ['suspended'], to: 'approved', roles: ['official'], reason: 'required' },
    revoke: { from: ['approved', 'suspended', 'expired'], to: 'revoked', roles: ['official'], reason: 'required' },
    expire: { from: ['approved', 'suspended'], to: 'expired', roles: [] },
  },
});
export type RegistrationAction = keyof typeof registrationWorkflow.transitions;

const IsoDate = z.iso.date();

/** The licence and services as the agency states them (registration, resubmission, amendment). */
export const RegistrationFields = z
  .object({
    licenceNumber: z.string().trim().min(6).max(60),
    issuingAuthority: z.string().trim().min(4).max(60),
    validFrom: IsoDate,
    validTo: IsoDate,
    businessScope: z.string().trim().min(4).max(1000),
    services: z
      .array(AgencyService)
      .min(1)
      .max(AgencyService.options.length)
      .refine((s) => new Set(s).size === s.length, { message: 'duplicate' }),
    description: z.string().trim().max(500).nullable().optional(),
  })
  .refine((v) => v.validFrom < v.validTo, { path: ['validTo'], message: 'valid_from_after_to' });
export type RegistrationFields = z.infer<typeof RegistrationFields>;

export const RegistrationTransitionBody = z.object({
  reason: z.string().trim().max(500).optional(),
  /** resubmit / amend: the corrected or renewed licence and services. */
  registration: RegistrationFields.optional(),
});
export type RegistrationTransitionBody = z.infer<typeof RegistrationTransitionBody>;

const Page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

export const DirectoryQuery = z.object({
  /** A city (3601 00: all its counties) or a county code. */
  region: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  service: AgencyService.optional(),
  q: z.string().trim().max(40).optional(),
  ...Page,
});
export type DirectoryQuery = z.infer<typeof DirectoryQuery>;

export const RegistrationListQuery = z.object({ status: RegistrationStatus.optional(), ...Page });

/** Days before valid_to from which a licence is flagged as expiring. */
export const LICENCE_EXPIRING_DAYS = 60;

export const ReportStatus = z.enum(['draft', 'submitted', 'accepted', 'returned']);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** 年度报告: the agency drafts and submits; an official (人社) of its region accepts or returns it with a reason. */
export const reportWorkflow = defineWorkflow({
  name: 'agency_report',
  states: ReportStatus.options,
  initial: 'draft',
  transitions: {
    submit: { from: ['draft', 'returned'], to: 'submitted', roles: ['agency'] },
    accept: { from: ['submitted'], to: 'accepted', roles: ['official'], reason: 'optional' },
    return: { from: ['submitted'], to: 'returned', roles: ['official'], reason: 'required' },
  },
});
export type ReportAction = keyof typeof reportWorkflow.transitions;

/** 营业收入 bands (元). */
export const RevenueBand = z.enum(['under_1m', 'from_1m_to_10m', 'from_10m_to_50m', 'from_50m_to_100m', 'over_100m']);
export type RevenueBand = z.infer<typeof RevenueBand>;
export const REVENUE_BAND_LABELS: Record<RevenueBand, string> = {
  under_1m: '100万元以下',
  from_1m_to_10m: '100万–1000万元',
  from_10m_to_50m: '1000万–5000万元',
  from_50m_to_100m: '5000万–1亿元',
  over_100m: '1亿元以上',
};

const Count = z.number().int().min(0).max(10_000_000);

/** The figures of one year's report. */
export const ReportFields = z.object({
  personsServed: Count,
  employersServed: Count,
  placements: Count,
  eventsHeld: z.number().int().min(0).max(100_000),
  revenueBand: RevenueBand,
  staffCount: z.number().int().min(0).max(1_000_000),
  aiServices: z.string().trim().max(2000).default(''),
});
export type ReportFields = z.infer<typeof ReportFields>;

export const CreateReport = ReportFields.extend({ year: z.number().int().min(2000).max(2100) });
export type CreateReport = z.infer<typeof CreateReport>;

export const ReportTransitionBody = z.object({ reason: z.string().trim().max(500).optional() });

/** Filing status of an agency for a year in the officials' table (a draft counts as not filed). */
export const FilingStatus = z.enum(['not_filed', 'submitted', 'accepted', 'returned']);
export type FilingStatus = z.infer<typeof FilingStatus>;

export const ReportTableQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional(), filing: FilingStatus.optional() });

export const SetDeadline = z.object({ year: z.number().int().min(2000).max(2100), dueOn: IsoDate });

/** Default filing deadline of the report for `year`: 31 March of the following year (officials may set another). */
export function defaultReportDeadline(year: number): string {
  return `${year + 1}-03-31`;
}
