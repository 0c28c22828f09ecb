/**
 * 开放数据 API: no account, rate-limited per route and client address, licence in every answer (fields
 * `licence`/`attribution` in JSON; `Link: rel="license"` and `X-Data-Licence` headers on JSON and CSV).
 * JSON by default; CSV with `?format=csv` or `Accept: text/csv`. Described in docs/open-data.md.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  COUNT_SUPPRESS_BELOW,
  OpenDemandQuery,
  OpenTrainingQuery,
  OpenWagesQuery,
  type OpenEnvelope,
  WAGE_MIN_OBSERVATIONS,
  type WageCell,
} from '../../../shared/wages.js';
import { requestCtx } from '../../plugins/request-context.js';
import { queryWages } from '../wages/index.js';
import { type CsvColumn, toCsv } from './opendata.csv.js';
import { type DemandCell, queryDemand } from './opendata.demand.js';
import { licenceHeaders, OPEN_DATA_LICENCE, referenceAttribution } from './opendata.licence.js';
import { queryTraining, type TrainingCell } from './opendata.training.js';

const TAGS = ['open-data'];
const yuan = (fen: number | null) => (fen === null ? null : (fen / 100).toFixed(2));

export const WAGES_METHOD =
  `月薪百分位（P10/P25/P50/P75/P90，线性插值，同 PostgreSQL percentile_cont / Excel PERCENTILE.INC）。` +
  `来源 postings：已发布过的数字职业（S）岗位，每个岗位一个观测值 = 月薪下限与上限的中点，面议（无下限）不计，年份按首次发布；` +
  `来源 survey：主管部门上传的企业薪酬调查，每名职工一个观测值，年薪 ÷ 12、日薪 × 21.75、时薪 × 174 折算为月薪。` +
  `观测值少于 ${WAGE_MIN_OBSERVATIONS} 个的单元格不公布百分位（suppressed）。city 360000 为全省。金额单位：分（fen），CSV 另附元。`;
const DEMAND_METHOD = '每月首次发布的数字职业（S）岗位数和招聘人数，按职业细类 × 设区市；岗位是公开信息，不做小数抑制。';
const TRAINING_METHOD =
  `培训报名、结业人次与证书发放数，按数字职业细类 × 设区市 × 年份，取自平台看板汇总（training.enrolled、training.completed、certificate.issued）。` +
  `涉及个人的计数 1–${COUNT_SUPPRESS_BELOW - 1} 不公布（null），0 照常公布；不提供全省合计，以免相减推出被隐藏的数。`;

function wantsCsv(request: FastifyRequest, format: 'json' | 'csv' | undefined): boolean {
  if (format) return format === 'csv';
  return /\btext\/csv\b/.test(request.headers.accept ?? '');
}

function send<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  opts: { dataset: string; method: string; notes: string[]; q: { limit: number; offset: number; format?: 'json' | 'csv' | undefined } },
  data: { total: number; items: T[] },
  columns: readonly CsvColumn<T>[],
) {
  licenceHeaders(reply).header('x-total-count', String(data.total));
  if (wantsCsv(request, opts.q.format)) {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${opts.dataset}.csv"`)
      .send(toCsv(columns, data.items));
  }
  const body: OpenEnvelope<T> = {
    dataset: opts.dataset,
    licence: OPEN_DATA_LICENCE,
    attribution: referenceAttribution(),
    method: opts.method,
    notes: opts.notes,
    total: data.total,
    limit: opts.q.limit,
    offset: opts.q.offset,
    items: data.items,
  };
  return reply.send(body);
}

const WAGE_COLUMNS: CsvColumn<WageCell>[] = [
  { header: 'source', value: (r) => r.source },
  { header: 'year', value: (r) => r.year },
  { header: 'city_code', value: (r) => r.cityCode },
  { header: 'city_name', value: (r) => r.cityName },
  { header: 'occupation_code', value: (r) => r.occupationCode },
  { header: 'occupation_name', value: (r) => r.occupationName },
  { header: 'observations', value: (r) => r.observations },
  { header: 'p10_yuan', value: (r) => yuan(r.p10Fen) },
  { header: 'p25_yuan', value: (r) => yuan(r.p25Fen) },
  { header: 'p50_yuan', value: (r) => yuan(r.p50Fen) },
  { header: 'p75_yuan', value: (r) => yuan(r.p75Fen) },
  { header: 'p90_yuan', value: (r) => yuan(r.p90Fen) },
  { header: 'suppressed', value: (r) => r.suppressed },
  { header: 'licence', value: () => OPEN_DATA_LICENCE.id },
];
const DEMAND_COLUMNS: CsvColumn<DemandCell>[] = [
  { header: 'month', value: (r) => r.month },
  { header: 'city_code', value: (r) => r.cityCode },
  { header: 'city_name', value: (r) => r.cityName },
  { header: 'occupation_code', value: (r) => r.occupationCode },
  { header: 'occupation_name', value: (r) => r.occupationName },
  { header: 'postings', value: (r) => r.postings },
  { header: 'headcount', value: (r) => r.headcount },
  { header: 'licence', value: () => OPEN_DATA_LICENCE.id },
];
const TRAINING_COLUMNS: CsvColumn<TrainingCell>[] = [
  { header: 'year', value: (r) => r.year },
  { header: 'city_code', value: (r) => r.cityCode },
  { header: 'city_name', value: (r) => r.cityName },
  { header: 'occupation_code', value: (r) => r.occupationCode },
  { header: 'occupation_name', value: (r) => r.occupationName },
  { header: 'enrolled', value: (r) => r.enrolled },
  { header: 'completed', value: (r) => r.completed },
  { header: 'certificates_issued', value: (r) => r.certificatesIssued },
  { header: 'suppressed', value: (r) => r.suppressed.join(';') || null },
  { header: 'licence', value: () => OPEN_DATA_LICENCE.id },
];

export const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const rateLimit = { max: app.platform.config.rateLimit.openDataPerMinute ?? 60, timeWindow: 60_000 };
  const config = { public: true, rateLimit };

  app.get(
    '/',
    { config, schema: { tags: TAGS, summary: '开放数据目录', description: 'Datasets, licence, limits and suppression rules of the open-data API.' } },
    async (_request, reply) =>
      licenceHeaders(reply).send({
        licence: OPEN_DATA_LICENCE,
        attribution: referenceAttribution(),
        rateLimitPerMinute: rateLimit.max,
        suppression: { wageMinObservations: WAGE_MIN_OBSERVATIONS, countSuppressBelow: COUNT_SUPPRESS_BELOW },
        datasets: [
          { id: 'wages', path: '/api/open/wages', method: WAGES_METHOD },
          { id: 'demand', path: '/api/open/demand', method: DEMAND_METHOD },
          { id: 'training', path: '/api/open/training', method: TRAINING_METHOD },
        ],
      }),
  );

  app.get(
    '/wages',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '工资价位（数字职业 × 设区市 × 年份）',
        description: `${WAGES_METHOD} Filters: year, city (360000 = province), occupation (code prefix), source (postings | survey). JSON or CSV (?format=csv or Accept: text/csv). 429 RATE_LIMITED.`,
        querystring: OpenWagesQuery,
      },
    },
    async (request, reply) =>
      send(
        request,
        reply,
        { dataset: 'wages', method: WAGES_METHOD, notes: [], q: request.query },
        await queryWages(requestCtx(request).db, request.query),
        WAGE_COLUMNS,
      ),
  );

  app.get(
    '/demand',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '数字职业岗位需求（职业 × 设区市 × 月份）',
        description: `${DEMAND_METHOD} Filters: year, month (YYYY-MM), city, occupation. JSON or CSV. 429 RATE_LIMITED.`,
        querystring: OpenDemandQuery,
      },
    },
    async (request, reply) =>
      send(
        request,
        reply,
        { dataset: 'demand', method: DEMAND_METHOD, notes: [], q: request.query },
        await queryDemand(requestCtx(request).db, request.query),
        DEMAND_COLUMNS,
      ),
  );

  app.get(
    '/training',
    {
      config,
      schema: {
        tags: TAGS,
        summary: '培训供给与证书发放（职业 × 设区市 × 年份）',
        description: `${TRAINING_METHOD} Filters: year, city, occupation. JSON or CSV. 429 RATE_LIMITED.`,
        querystring: OpenTrainingQuery,
      },
    },
    async (request, reply) => {
      const data = await queryTraining(requestCtx(request).db, request.query);
      const notes = data.available ? [] : ['source_not_available: 培训与证书汇总尚未建立，暂无数据。'];
      return send(request, reply, { dataset: 'training', method: TRAINING_METHOD, notes, q: request.query }, data, TRAINING_COLUMNS);
    },
  );
};
