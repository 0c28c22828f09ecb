/**
 * 数据看板 (dashboards). The facts every module records (`recordMetric`), the indicators computed
 * from them, which department sees which indicator, and the request/response shapes shared by the
 * server and the web app.
 */
import { z } from 'zod';
import { LITERACY_EVENT_KINDS, RECRUITMENT_EVENT_KINDS } from './events.js';
import type { Department } from './roles.js';

/**
 * One fact per (metric, subjectId). Conventions for the optional fields:
 * - regionCode: the county (or city / province) where the fact belongs (job: its region; application and
 *   hire: the job's region; training: the class's region; subsidy: the claim's region; talent: 常住地).
 * - occupationCode: 细类 code when known. digital: the occupation (or job) is a digital one.
 * - dimension: training.* = programme type (see TECHNICIAN_PROGRAMMES / ENTREPRENEUR_PROGRAMMES);
 *   subsidy.* = subsidy kind; subsidy.rejected = reason code; recognition.decided = 'on_time' | 'late';
 *   event.held = event kind; event.registered = event kind; literacy.attended = event kind (literacy_*).
 * - literacy.attended: one fact per person-time at a finished digital-literacy activity: each checked-in
 *   registration (subject = registration id) and each counted walk-in (subject = `<event id>:walk-in:<n>`);
 *   occurredAt = the activity's start.
 * - amountFen: subsidy amounts (分). days: whole days (hire: submitted → hired; subsidy.paid / approved /
 *   rejected: applied → decision; recognition.decided: applied → decided).
 */
export const MetricKey = z.enum([
  'job.published',
  'application.submitted',
  'hire',
  'event.held',
  'event.registered',
  'literacy.attended',
  'training.enrolled',
  'training.completed',
  'certificate.issued',
  'subsidy.applied',
  'subsidy.approved',
  'subsidy.rejected',
  'subsidy.paid',
  'recognition.applied',
  'recognition.decided',
  'talent.registered',
  'station.registered',
  'competition.entered',
  'competition.won',
  // 助创业 (module ventures): dimension = digital field; region = the project's (incubated: the carrier's)
  'venture.published',
  'venture.incubated',
  'venture.introduced',
]);
export type MetricKey = z.infer<typeof MetricKey>;

export interface MetricFact {
  metric: MetricKey;
  subjectId: string;
  regionCode: string;
  occurredAt: Date;
  occupationCode?: string | null;
  dimension?: string | null;
  amountFen?: number | null;
  days?: number | null;
  digital?: boolean;
}

/**
 * Programme types (src/shared/training.ts ProgrammeType) that count towards measure 二: 专业技术人才知识更新工程
 * 高级研修 and 数字技术工程师培育项目 (target 10,000 person-times a year).
 */
export const TECHNICIAN_PROGRAMMES = ['advanced_seminar', 'digital_engineer'] as const;
/** Programme types that count towards measure 五 (数字经济企业家/投资人 digital-literacy training, target about 500). */
export const ENTREPRENEUR_PROGRAMMES = ['entrepreneur'] as const;

/** Modules that feed metrics. An indicator whose source module is not installed shows 暂无数据. */
export const MetricSource = z.enum([
  'jobs',
  'applications',
  'events',
  'auth',
  'training',
  'certificates',
  'subsidies',
  'recognition',
  'stations',
  'competitions',
  'ventures',
]);
export type MetricSource = z.infer<typeof MetricSource>;

export const METRIC_SOURCE: Record<MetricKey, MetricSource> = {
  'job.published': 'jobs',
  'application.submitted': 'applications',
  hire: 'applications',
  'event.held': 'events',
  'event.registered': 'events',
  'literacy.attended': 'events',
  'training.enrolled': 'training',
  'training.completed': 'training',
  'certificate.issued': 'certificates',
  'subsidy.applied': 'subsidies',
  'subsidy.approved': 'subsidies',
  'subsidy.rejected': 'subsidies',
  'subsidy.paid': 'subsidies',
  'recognition.applied': 'recognition',
  'recognition.decided': 'recognition',
  'talent.registered': 'auth',
  'station.registered': 'stations',
  'competition.entered': 'competitions',
  'competition.won': 'competitions',
  'venture.published': 'ventures',
  'venture.incubated': 'ventures',
  'venture.introduced': 'ventures',
};

/** How an indicator's value is taken from the rollups. */
export type IndicatorAgg = 'count' | 'amount' | 'median_days' | 'share';

export interface IndicatorDef {
  key: IndicatorKey;
  metric: MetricKey;
  agg: IndicatorAgg;
  /** Only facts flagged digital. */
  digitalOnly?: boolean;
  /** Only facts with one of these dimensions. */
  dimensions?: readonly string[];
  /** agg 'share': the share of facts with this dimension (e.g. on_time). */
  shareOf?: string;
  /** Has a target (configurable by year and region). */
  targeted?: boolean;
  /** agg 'count': no fact at all in the scope is 暂无数据 (null), not 0 (e.g. no literacy activity finished there yet). */
  nullWhenEmpty?: boolean;
  unit: 'person' | 'item' | 'fen' | 'day' | 'percent';
}

export const IndicatorKey = z.enum([
  'digital_technicians_trained',
  'entrepreneurs_trained',
  'digital_jobs_published',
  'jobs_published',
  'job_seekers_registered',
  'applications_submitted',
  'digital_applications_submitted',
  'hires',
  'digital_hires',
  'median_days_to_hire',
  'training_enrolments',
  'training_completions',
  'certificates_issued',
  'subsidies_applied',
  'subsidies_approved',
  'subsidies_rejected',
  'subsidies_paid',
  'subsidy_amount_paid',
  'median_subsidy_processing_days',
  'recognition_applications',
  'recognition_on_time_share',
  'events_held',
  'event_registrations',
  'literacy_participants',
  'literacy_registrations',
  'literacy_activities_held',
  'stations_registered',
  'competition_entries',
  'competition_winners',
  'ventures_published',
  'ventures_incubated',
  'venture_introductions',
]);
export type IndicatorKey = z.infer<typeof IndicatorKey>;

export const INDICATORS: Record<IndicatorKey, IndicatorDef> = {
  digital_technicians_trained: {
    key: 'digital_technicians_trained',
    metric: 'training.completed',
    agg: 'count',
    dimensions: TECHNICIAN_PROGRAMMES,
    targeted: true,
    unit: 'person',
  },
  entrepreneurs_trained: {
    key: 'entrepreneurs_trained',
    metric: 'training.completed',
    agg: 'count',
    dimensions: ENTREPRENEUR_PROGRAMMES,
    targeted: true,
    unit: 'person',
  },
  digital_jobs_published: { key: 'digital_jobs_published', metric: 'job.published', agg: 'count', digitalOnly: true, targeted: true, unit: 'item' },
  jobs_published: { key: 'jobs_published', metric: 'job.published', agg: 'count', unit: 'item' },
  job_seekers_registered: { key: 'job_seekers_registered', metric: 'talent.registered', agg: 'count', targeted: true, unit: 'person' },
  applications_submitted: { key: 'applications_submitted', metric: 'application.submitted', agg: 'count', unit: 'item' },
  digital_applications_submitted: {
    key: 'digital_applications_submitted',
    metric: 'application.submitted',
    agg: 'count',
    digitalOnly: true,
    unit: 'item',
  },
  hires: { key: 'hires', metric: 'hire', agg: 'count', targeted: true, unit: 'person' },
  digital_hires: { key: 'digital_hires', metric: 'hire', agg: 'count', digitalOnly: true, targeted: true, unit: 'person' },
  median_days_to_hire: { key: 'median_days_to_hire', metric: 'hire', agg: 'median_days', unit: 'day' },
  training_enrolments: { key: 'training_enrolments', metric: 'training.enrolled', agg: 'count', targeted: true, unit: 'person' },
  training_completions: { key: 'training_completions', metric: 'training.completed', agg: 'count', targeted: true, unit: 'person' },
  certificates_issued: { key: 'certificates_issued', metric: 'certificate.issued', agg: 'count', targeted: true, unit: 'item' },
  subsidies_applied: { key: 'subsidies_applied', metric: 'subsidy.applied', agg: 'count', unit: 'item' },
  subsidies_approved: { key: 'subsidies_approved', metric: 'subsidy.approved', agg: 'count', unit: 'item' },
  subsidies_rejected: { key: 'subsidies_rejected', metric: 'subsidy.rejected', agg: 'count', unit: 'item' },
  subsidies_paid: { key: 'subsidies_paid', metric: 'subsidy.paid', agg: 'count', unit: 'item' },
  subsidy_amount_paid: { key: 'subsidy_amount_paid', metric: 'subsidy.paid', agg: 'amount', targeted: true, unit: 'fen' },
  median_subsidy_processing_days: { key: 'median_subsidy_processing_days', metric: 'subsidy.paid', agg: 'median_days', unit: 'day' },
  recognition_applications: { key: 'recognition_applications', metric: 'recognition.applied', agg: 'count', unit: 'item' },
  recognition_on_time_share: {
    key: 'recognition_on_time_share',
    metric: 'recognition.decided',
    agg: 'share',
    shareOf: 'on_time',
    unit: 'percent',
  },
  events_held: { key: 'events_held', metric: 'event.held', agg: 'count', dimensions: RECRUITMENT_EVENT_KINDS, targeted: true, unit: 'item' },
  event_registrations: { key: 'event_registrations', metric: 'event.registered', agg: 'count', dimensions: RECRUITMENT_EVENT_KINDS, unit: 'person' },
  literacy_participants: {
    key: 'literacy_participants',
    metric: 'literacy.attended',
    agg: 'count',
    nullWhenEmpty: true,
    targeted: true,
    unit: 'person',
  },
  literacy_registrations: {
    key: 'literacy_registrations',
    metric: 'event.registered',
    agg: 'count',
    dimensions: LITERACY_EVENT_KINDS,
    unit: 'person',
  },
  literacy_activities_held: { key: 'literacy_activities_held', metric: 'event.held', agg: 'count', dimensions: LITERACY_EVENT_KINDS, unit: 'item' },
  stations_registered: { key: 'stations_registered', metric: 'station.registered', agg: 'count', unit: 'item' },
  competition_entries: { key: 'competition_entries', metric: 'competition.entered', agg: 'count', unit: 'item' },
  competition_winners: { key: 'competition_winners', metric: 'competition.won', agg: 'count', unit: 'person' },
  ventures_published: { key: 'ventures_published', metric: 'venture.published', agg: 'count', unit: 'item' },
  ventures_incubated: { key: 'ventures_incubated', metric: 'venture.incubated', agg: 'count', unit: 'item' },
  venture_introductions: { key: 'venture_introductions', metric: 'venture.introduced', agg: 'count', unit: 'item' },
};

/** Province-wide defaults from the notice (measure 二: 10,000 person-times; measure 五: about 500). */
export const DEFAULT_PROVINCE_TARGETS: Partial<Record<IndicatorKey, number>> = {
  digital_technicians_trained: 10_000,
  entrepreneurs_trained: 500,
};

/** Indicators each department's view shows (all indicators remain reachable from the selector). */
export const DEPARTMENT_VIEWS: Record<Department, readonly IndicatorKey[]> = {
  hrss: [
    'digital_technicians_trained',
    'digital_jobs_published',
    'job_seekers_registered',
    'applications_submitted',
    'hires',
    'median_days_to_hire',
    'training_enrolments',
    'training_completions',
    'certificates_issued',
    'subsidies_applied',
    'subsidies_paid',
    'subsidy_amount_paid',
    'median_subsidy_processing_days',
    'events_held',
    'event_registrations',
    'literacy_participants',
  ],
  org: ['recognition_applications', 'recognition_on_time_share', 'digital_technicians_trained', 'stations_registered', 'literacy_participants'],
  cac: [
    'entrepreneurs_trained',
    'training_enrolments',
    'events_held',
    'event_registrations',
    'literacy_participants',
    'literacy_registrations',
    'literacy_activities_held',
  ],
  ndrc: ['digital_jobs_published', 'digital_hires', 'entrepreneurs_trained', 'competition_entries'],
  edu: ['training_enrolments', 'training_completions', 'certificates_issued', 'job_seekers_registered'],
  sci: [
    'digital_technicians_trained',
    'stations_registered',
    'competition_entries',
    'competition_winners',
    'ventures_published',
    'ventures_incubated',
    'venture_introductions',
  ],
  miit: ['digital_jobs_published', 'digital_hires', 'entrepreneurs_trained', 'certificates_issued', 'ventures_published'],
  finance: ['subsidies_applied', 'subsidies_approved', 'subsidies_rejected', 'subsidies_paid', 'subsidy_amount_paid', 'median_subsidy_processing_days'],
  data: ['digital_jobs_published', 'digital_applications_submitted', 'digital_hires', 'certificates_issued', 'training_completions'],
};

// ---- API shapes ----

export const DashboardQuery = z.object({
  regionCode: z.string().regex(/^\d{6}$/),
  year: z.coerce.number().int().min(2020).max(2100),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** null value = 暂无数据 (the source module has not landed, or there is nothing to take a median of). */
export interface IndicatorValue {
  key: IndicatorKey;
  value: number | null;
  available: boolean;
  target: number | null;
}

export interface SummaryResponse {
  regionCode: string;
  regionName: string;
  year: number;
  indicators: IndicatorValue[];
  asOf: string;
}

export interface RegionBreakdownRow {
  regionCode: string;
  regionName: string;
  value: number | null;
  target: number | null;
}

export interface BreakdownResponse {
  regionCode: string;
  indicator: IndicatorKey;
  year: number;
  /** Children of the region (cities of the province, counties of a city). */
  rows: RegionBreakdownRow[];
  /** Facts recorded at the parent level itself (e.g. 市本级), not inside any child. */
  unattributed: number | null;
  available: boolean;
}

export interface TrendPoint {
  month: string;
  value: number | null;
}

export interface TrendResponse {
  regionCode: string;
  indicator: IndicatorKey;
  year: number;
  points: TrendPoint[];
  available: boolean;
}

export interface OccupationRow {
  occupationCode: string;
  occupationName: string | null;
  enrolled: number;
  completed: number;
  certified: number;
}

export interface OccupationResponse {
  regionCode: string;
  year: number;
  rows: OccupationRow[];
  available: { training: boolean; certificates: boolean };
}

export const TargetInput = z.object({
  indicator: IndicatorKey,
  year: z.number().int().min(2020).max(2100),
  regionCode: z.string().regex(/^\d{6}$/),
  value: z.number().int().min(0).max(1_000_000_000_000),
});
export type TargetInput = z.infer<typeof TargetInput>;

export interface TargetRow {
  indicator: IndicatorKey;
  year: number;
  regionCode: string;
  regionName: string;
  value: number;
  updatedAt: string;
}
