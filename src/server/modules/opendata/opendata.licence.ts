/**
 * Licence and attribution carried by every open-data response (JSON fields; CSV and JSON headers).
 * The statistics are the platform's own; the occupation and place names come from reference catalogues whose
 * attribution (data/reference/SOURCES.md, LICENSE-DATA.md) travels with them.
 */
import type { FastifyReply } from 'fastify';
import { CATALOG_SOURCES } from '../catalog/index.js';

export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: '知识共享署名 4.0 国际许可协议 (Creative Commons Attribution 4.0 International)',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: '来源：江西省数字人才服务平台（赣才）开放数据',
} as const;

/** Attribution lines of the reference datasets whose names appear in the responses. */
export function referenceAttribution(): string[] {
  return CATALOG_SOURCES.filter((s) => s.id === 'occupations-2022' || s.id === 'jiangxi-divisions').map(
    (s) => `${s.title}：${s.publisher}${s.attribution ? `；${s.attribution}` : ''}（${s.licence}）`,
  );
}

/** Headers every open-data answer carries, JSON or CSV. */
export function licenceHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license", </open-data>; rel="describedby"`)
    .header('x-data-licence', OPEN_DATA_LICENCE.id)
    .header('cache-control', 'public, max-age=300');
}
