/**
 * How each reference CSV in data/reference maps onto a catalogue table. Pure: no I/O.
 * Mapping is strict: an unknown level, a malformed boolean or a missing key throws, naming
 * the file and record, so a bad data update fails at start-up instead of loading nonsense.
 */
import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { educationLevels, industries, occupationAnnouncements, occupations, regions, skillClusters, skills, skillLevels } from './catalog.tables.js';

type CsvRecord = Record<string, string>;

export interface Dataset {
  /** The table's SQL name; also the key in the loader's result. */
  name: string;
  table: PgTable;
  /** Path below data/reference. */
  file: string;
  toRows(records: CsvRecord[]): Record<string, unknown>[];
}

/** 赣江新区 has no GB/T 2260 / NBS code; the platform gives it this project-internal one. */
export const GANJIANG_NEW_AREA_CODE = '369900';

const GANJIANG_NOTE =
  'Project-internal code 369900: 赣江新区 has no GB/T 2260 / 民政部 code and no NBS county-level code. ' +
  'National-level new area (functional zone, approved 2016) spanning parts of 南昌市 (青山湖区, 新建区) ' +
  'and 九江市 (永修县, 共青城市); map statistics to those counties.';

const PROJECT_REGION_CODES: Record<string, { code: string; note: string }> = {
  赣江新区: { code: GANJIANG_NEW_AREA_CODE, note: GANJIANG_NOTE },
};

const REGION_LEVELS = { province: 'province', prefecture: 'city', county: 'county', functional_zone: 'special' } as const;
const INDUSTRY_LEVELS = { 门类: 'section', 大类: 'division', 中类: 'group', 小类: 'class' } as const;

/** The 八级工 rungs without a numeric level; the table's key needs a code, so these are project-internal. */
const UNNUMBERED_SKILL_LEVELS: Record<string, string> = {
  学徒工: 'apprentice',
  特级技师: 'special_technician',
  首席技师: 'chief_technician',
};

function field(record: CsvRecord, column: string): string {
  const value = record[column];
  if (value === undefined) throw new Error(`missing column ${column}`);
  return value.trim();
}

function required(record: CsvRecord, column: string): string {
  const value = field(record, column);
  if (value === '') throw new Error(`${column} is empty`);
  return value;
}

function optional(record: CsvRecord, column: string): string | null {
  return field(record, column) || null;
}

/** 'true' / 'false'; an empty cell means false (superseded occupations carry no S/L marks). */
function flag(record: CsvRecord, column: string): boolean {
  const value = field(record, column);
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  throw new Error(`${column} is not a boolean: ${value}`);
}

function integer(record: CsvRecord, column: string): number {
  const value = required(record, column);
  if (!/^\d+$/.test(value)) throw new Error(`${column} is not an integer: ${value}`);
  return Number(value);
}

function lookup<T>(map: Readonly<Record<string, T>>, record: CsvRecord, column: string): T {
  const value = required(record, column);
  const mapped = Object.hasOwn(map, value) ? map[value] : undefined;
  if (mapped === undefined) throw new Error(`unknown ${column}: ${value}`);
  return mapped;
}

/** Declares a dataset whose rows are type-checked against the table's insert type. */
function define<T extends PgTable>(table: T, file: string, toRow: (record: CsvRecord, index: number) => T['$inferInsert']): Dataset {
  return {
    name: getTableName(table),
    table,
    file,
    toRows: (records) =>
      records.map((record, index) => {
        try {
          return toRow(record, index) as Record<string, unknown>;
        } catch (error) {
          throw new Error(`${file} record ${index + 1}: ${(error as Error).message}`);
        }
      }),
  };
}

function regionRow(record: CsvRecord): typeof regions.$inferInsert {
  const name = required(record, 'name');
  const code = field(record, 'code');
  const internal = code === '' ? PROJECT_REGION_CODES[name] : undefined;
  if (code === '' && !internal) throw new Error(`region ${name} has no code and no project-internal code`);
  return {
    code: internal?.code ?? code,
    name,
    level: lookup(REGION_LEVELS, record, 'level'),
    parentCode: optional(record, 'parent_code'),
    kind: required(record, 'kind'),
    note: internal?.note ?? optional(record, 'note'),
  };
}

function occupationRow(record: CsvRecord): typeof occupations.$inferInsert {
  const level = integer(record, 'level');
  if (level < 1 || level > 4) throw new Error(`level out of range: ${level}`);
  return {
    code: required(record, 'code'),
    level,
    name: required(record, 'name'),
    parentCode: optional(record, 'parent_code'),
    gbmCode: optional(record, 'gbm_code'),
    isDigital: flag(record, 'is_digital_S'),
    isGreen: flag(record, 'is_green_L'),
    in2022Edition: flag(record, 'in_2022_edition'),
    status: required(record, 'status'),
    addedBatch: optional(record, 'added_batch'),
  };
}

function announcementRow(record: CsvRecord, index: number): typeof occupationAnnouncements.$inferInsert {
  return {
    id: index + 1,
    batch: integer(record, 'batch'),
    batchName: required(record, 'batch_name'),
    kind: required(record, 'kind'),
    name: required(record, 'name'),
    occupationCode: optional(record, 'current_code'),
    status: required(record, 'status'),
    documentNo: optional(record, 'document_no'),
    publishedDate: optional(record, 'published_date'),
    officialUrl: optional(record, 'official_url'),
  };
}

function industryRow(record: CsvRecord): typeof industries.$inferInsert {
  return {
    code: required(record, 'code'),
    level: lookup(INDUSTRY_LEVELS, record, 'level'),
    name: required(record, 'name'),
    parentCode: optional(record, 'parent_code'),
    section: required(record, 'section'),
    remark: optional(record, 'remark'),
  };
}

function educationRow(record: CsvRecord): typeof educationLevels.$inferInsert {
  const isCategory = field(record, 'is_category');
  if (isCategory !== 'true' && isCategory !== 'false') throw new Error(`is_category is not a boolean: ${isCategory}`);
  return {
    code: required(record, 'code'),
    name: required(record, 'name'),
    parentCode: optional(record, 'parent_code'),
    isCategory: isCategory === 'true',
  };
}

function skillLevelRow(record: CsvRecord): typeof skillLevels.$inferInsert {
  const nameTraditional = required(record, 'name_traditional');
  const levelCode = field(record, 'level_code') || UNNUMBERED_SKILL_LEVELS[nameTraditional];
  if (!levelCode) throw new Error(`skill level ${nameTraditional} has no level code`);
  return {
    scheme: required(record, 'scheme'),
    levelCode,
    rank: integer(record, 'rank_low_to_high'),
    nameNumeric: field(record, 'name_numeric'),
    nameTraditional,
  };
}

function skillClusterRow(record: CsvRecord): typeof skillClusters.$inferInsert {
  return {
    id: required(record, 'cluster_id'),
    nameZh: required(record, 'name_zh'),
    nameEn: required(record, 'name_en'),
    direction: required(record, 'direction'),
  };
}

function skillRow(record: CsvRecord): typeof skills.$inferInsert {
  return {
    id: required(record, 'skill_id'),
    nameZh: required(record, 'name_zh'),
    nameEn: required(record, 'name_en'),
    clusterId: required(record, 'cluster_id'),
    direction: required(record, 'direction'),
    parentId: optional(record, 'parent_id'),
    aliasesZh: field(record, 'aliases_zh')
      .split('|')
      .map((alias) => alias.trim())
      .filter((alias) => alias !== ''),
  };
}

/** In load order. Every file is read from data/reference, never from outside the repository. */
export const DATASETS: readonly Dataset[] = [
  define(regions, 'admin_divisions/jiangxi_admin_divisions.csv', regionRow),
  define(occupations, 'occupations/occupation_classification_2022.csv', occupationRow),
  define(occupationAnnouncements, 'occupations/new_occupations_mohrss_batches.csv', announcementRow),
  define(industries, 'industry/gbt4754_2017_industry_classification.csv', industryRow),
  define(educationLevels, 'education/gbt4658_2006_education_levels.csv', educationRow),
  define(skillLevels, 'education/vocational_skill_levels.csv', skillLevelRow),
  define(skillClusters, 'skills/jobe_skill_clusters.csv', skillClusterRow),
  define(skills, 'skills/jobe_it_skills.csv', skillRow),
];
