/**
 * 工资价位 (wage-price information) and the open-data API: constants, query schemas and row shapes shared
 * by the server and the web app. Money is integer 分 per month.
 *
 * Method (docs/open-data.md):
 * - Percentiles by linear interpolation between closest ranks (Hyndman–Fan type 7, the same as PostgreSQL
 *   `percentile_cont`, Excel PERCENTILE.INC, numpy's default): for sorted x₁…xₙ and p, h = (n − 1)·p,
 *   value = x⌊h⌋₊₁ + (h − ⌊h⌋)·(x⌊h⌋₊₂ − x⌊h⌋₊₁), rounded to the nearest 分.
 * - A cell (source × occupation × city × year) with fewer than WAGE_MIN_OBSERVATIONS observations is
 *   published with null percentiles and `suppressed: 'fewer_than_10_observations'`.
 */
import { z } from 'zod';

export const WAGE_MIN_OBSERVATIONS = 10;
/** Counts of people (enrolments, completions, certificates) from 1 to COUNT_SUPPRESS_BELOW − 1 are withheld. */
export const COUNT_SUPPRESS_BELOW = 5;
export const PROVINCE_CODE = '360000';

export const WageSource = z.enum(['postings', 'survey']);
export type WageSource = z.infer<typeof WageSource>;

export const WageSuppression = z.enum(['fewer_than_10_observations']);
export const CountSuppression = z.enum(['fewer_than_5']);

/**
 * 计薪周期 of a wage-survey row and its monthly factor: yearly ÷ 12; daily × 21.75 and hourly × 174 (月计薪天数
 * and 月计薪小时数 of 劳社部发〔2008〕3号).
 */
export const PayPeriod = z.enum(['month', 'year', 'day', 'hour']);
export type PayPeriod = z.infer<typeof PayPeriod>;
export const PAY_PERIOD_LABELS: Record<PayPeriod, readonly string[]> = {
  month: ['月', '月薪', '按月', 'month', 'monthly'],
  year: ['年', '年薪', '按年', 'year', 'yearly', 'annual'],
  day: ['日', '天', '日薪', '按日', 'day', 'daily'],
  hour: ['小时', '时', '时薪', '按小时', 'hour', 'hourly'],
};
export function monthlyFen(amountFen: number, period: PayPeriod): number {
  switch (period) {
    case 'month':
      return Math.round(amountFen);
    case 'year':
      return Math.round(amountFen / 12);
    case 'day':
      return Math.round(amountFen * 21.75);
    case 'hour':
      return Math.round(amountFen * 174);
  }
}

const Year = z.coerce.number().int().min(2000).max(2100);
const CityCode = z.string().regex(/^\d{6}$/);
const OccupationPrefix = z.string().regex(/^\d(-\d{2}){0,3}$/);

export const OpenFormat = z.enum(['json', 'csv']);

const Paging = {
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  format: OpenFormat.optional(),
};

export const OpenWagesQuery = z.object({
  year: Year.optional(),
  /** 设区市 code, or 360000 for the whole province. */
  city: CityCode.optional(),
  /** 职业分类大典 code or prefix ('4-04', '2-02-38-01'). */
  occupation: OccupationPrefix.optional(),
  source: WageSource.optional(),
  ...Paging,
});
export type OpenWagesQuery = z.infer<typeof OpenWagesQuery>;

export const OpenDemandQuery = z.object({
  year: Year.optional(),
  /** 'YYYY-MM' */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  city: CityCode.optional(),
  occupation: OccupationPrefix.optional(),
  ...Paging,
});
export type OpenDemandQuery = z.infer<typeof OpenDemandQuery>;

export const OpenTrainingQuery = z.object({
  year: Year.optional(),
  city: CityCode.optional(),
  occupation: OccupationPrefix.optional(),
  ...Paging,
});
export type OpenTrainingQuery = z.infer<typeof OpenTrainingQuery>;

export interface WageCell {
  source: WageSource;
  year: number;
  cityCode: string;
  cityName: string;
  occupationCode: string;
  occupationName: string;
  observations: number;
  p10Fen: number | null;
  p25Fen: number | null;
  p50Fen: number | null;
  p75Fen: number | null;
  p90Fen: number | null;
  suppressed: z.infer<typeof WageSuppression> | null;
  computedAt: string;
}

export interface OpenEnvelope<T> {
  dataset: string;
  licence: { id: string; name: string; url: string; attribution: string };
  attribution: string[];
  method: string;
  notes: string[];
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** Options of the public wage page: what has data. */
export interface WageOptions {
  years: number[];
  yearsBySource: Record<WageSource, number[]>;
  cities: { code: string; name: string }[];
  occupations: { code: string; name: string }[];
}

/** Survey upload result. */
export interface WageSurveyBatch {
  id: string;
  regionCode: string;
  year: number;
  fileName: string;
  rowCount: number;
  skippedNotDigital: number;
  uploadedAt: string;
  withdrawnAt: string | null;
  duplicate?: boolean;
}

export interface SurveyRowError {
  row: number;
  column: string;
  reason: string;
}
