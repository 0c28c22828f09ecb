/**
 * Attribution for every dataset in data/reference, served by GET /api/catalog/sources and shown
 * on the about page. Keep in step with data/reference/SOURCES.md and LICENSE-DATA.md.
 */

export interface CatalogSource {
  id: string;
  /** Chinese title of the dataset. */
  title: string;
  titleEn: string;
  publisher: string;
  licence: string;
  url?: string;
  /** Attribution text that must be shown wherever the data is redistributed, when the licence requires one. */
  attribution?: string;
  /** Files below data/reference. */
  files: readonly string[];
  note: string;
}

export const JOBE_ATTRIBUTION = 'JobE ontology (kangvcar/JobE), CC BY 4.0';
export const ONET_ATTRIBUTION =
  'Includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration ' +
  '(USDOL/ETA), used under the CC BY 4.0 licence. O*NET® is a trademark of USDOL/ETA.';

export const CATALOG_SOURCES: readonly CatalogSource[] = [
  {
    id: 'occupations-2022',
    title: '中华人民共和国职业分类大典（2022年版）',
    titleEn: 'Occupational Classification of the PRC, 2022 edition (with later additions)',
    publisher: '人力资源和社会保障部（人社部）',
    licence: 'Official state classification; no licence file in the source repositories. Public reference data, cite 人社部.',
    url: 'https://github.com/solisamicus/occstructor',
    files: ['occupations/occupation_classification_2022.csv', 'occupations/digital_occupations_S.csv'],
    note:
      'Structure and the 2022 book from solisamicus/occstructor (OCR of the printed edition); current list with the ' +
      'official S (数字职业) and L (绿色职业) marks from gqy20/hiro2 (osta.org.cn catalogue). 108 S (97 in the 2022 ' +
      'book, 11 added later), 139 L. 450 小类 rows against the official 449. Two 2022 codes re-coded in 2024 are kept ' +
      'with status superseded_by_….',
  },
  {
    id: 'new-occupation-batches',
    title: '人社部新职业发布（2019–2025 第一至七批，第八批公示）',
    titleEn: 'MOHRSS new-occupation announcements, batches 1–8',
    publisher: 'JobE ontology (kangvcar/JobE), compiled from 人社部 announcements',
    licence: 'CC BY 4.0',
    url: 'https://github.com/kangvcar/JobE',
    attribution: JOBE_ATTRIBUTION,
    files: ['occupations/new_occupations_mohrss_batches.csv'],
    note:
      '110 published occupations (batches 1–7) and batch 8 (12 occupations and 4 工种), which was still a public-comment ' +
      'list in the source and is unverified. Batches 2, 3, 4 and 7 have no verified public-comment date.',
  },
  {
    id: 'jiangxi-divisions',
    title: '江西省行政区划（统计用区划代码，2022年）',
    titleEn: 'Jiangxi administrative divisions (NBS statistical division codes, 2022)',
    publisher: '国家统计局 (National Bureau of Statistics)',
    licence: 'WTFPL (modood/Administrative-divisions-of-China); the codes themselves are official public data.',
    url: 'https://github.com/modood/Administrative-divisions-of-China',
    files: ['admin_divisions/jiangxi_admin_divisions.csv', 'admin_divisions/jiangxi_townships_nbs2022.csv'],
    note:
      'Cut-off 2022-10-31. County-level codes coincide with GB/T 2260. 赣江新区 has no official code; the platform uses ' +
      'the project-internal code 369900. Township codes are 9-digit NBS statistical codes, not GB/T 2260.',
  },
  {
    id: 'jiangxi-map',
    title: '江西省地级市边界（GeoJSON）',
    titleEn: 'Jiangxi prefecture-level city boundaries (GeoJSON)',
    publisher: 'DataV GeoAtlas (data originating from AMap/高德), via tnnevol/gmap',
    licence: 'No licence file in the source repository; reuse terms of DataV GeoAtlas are unclear.',
    url: 'https://github.com/tnnevol/gmap',
    files: ['geo/jiangxi_cities.geojson'],
    note:
      'Not an officially approved map (no 审图号). For illustration of statistics only; a published government ' +
      'platform should use an approved base map (天地图 / 标准地图服务).',
  },
  {
    id: 'industries-gbt4754',
    title: '国民经济行业分类（GB/T 4754-2017）',
    titleEn: 'Industrial classification for national economic activities (GB/T 4754-2017)',
    publisher: '国家统计局 / 国家标准化管理委员会',
    licence: 'National standard code list; no licence file in the source repositories.',
    url: 'https://github.com/zmshe/capital',
    files: ['industry/gbt4754_2017_industry_classification.csv'],
    note:
      'From zmshe/capital, cross-checked with Czsx-525/Vue-init; 199 single-class 中类 restored. 1,381 小类 against ' +
      '1,380 in the 2017 text and 1,382 after amendment No. 1 (2019): 门类/大类/中类 are reliable, 小类 very likely correct.',
  },
  {
    id: 'education-gbt4658',
    title: '学历代码（GB/T 4658-2006）',
    titleEn: 'Codes for educational attainment (GB/T 4658-2006)',
    publisher: '国家标准化管理委员会',
    licence: 'MIT (tourze/gb-t-4658)',
    url: 'https://github.com/tourze/gb-t-4658',
    files: ['education/gbt4658_2006_education_levels.csv'],
    note: '9 categories and 31 detailed codes. Code 50 is unused in the standard; 72 and 82 do not exist.',
  },
  {
    id: 'vocational-skill-levels',
    title: '职业技能等级（五级）与“八级工”职业技能等级制度',
    titleEn: 'Vocational skill levels (five levels) and the 2022 eight-level ladder',
    publisher: '人社部; 中共中央办公厅、国务院办公厅 (2022 opinion on high-skilled talent)',
    licence: 'Compiled by the project from public policy texts.',
    files: ['education/vocational_skill_levels.csv'],
    note:
      'Compiled, not copied. 学徒工, 特级技师 and 首席技师 have no numeric level; the platform codes them apprentice, ' +
      'special_technician and chief_technician (project-internal).',
  },
  {
    id: 'it-skills',
    title: '数字技能图谱（人工智能、大数据、智能系统、物联网）',
    titleEn: 'IT skills taxonomy: AI, big data, intelligent systems, IoT',
    publisher: 'JobE ontology (kangvcar/JobE) v0.1.0; some items derive from O*NET (USDOL/ETA)',
    licence: 'CC BY 4.0 (JobE ontology data); O*NET data CC BY 4.0',
    url: 'https://github.com/kangvcar/JobE',
    attribution: `${JOBE_ATTRIBUTION}. ${ONET_ATTRIBUTION}`,
    files: ['skills/jobe_skill_clusters.csv', 'skills/jobe_it_skills.csv'],
    note:
      '36 clusters and 822 skills. Not an official taxonomy; technical skills only. Upstream marks some records as ' +
      'partly LLM-generated and none has been reviewed by people. Only Chinese aliases were kept.',
  },
];
