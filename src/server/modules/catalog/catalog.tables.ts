import { boolean, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** Jiangxi divisions: province, 11 设区市, 100 county-level units, 赣江新区 (project-internal code 369900). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'special'] }).notNull(),
    parentCode: text('parent_code'),
    kind: text('kind').notNull(),
    note: text('note'),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
export type RegionRow = typeof regions.$inferSelect;

/** 职业分类大典 2022 (with later batches): 大类 … 细类. */
export const occupations = pgTable(
  'occupations',
  {
    code: text('code').primaryKey(),
    level: integer('level').notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    gbmCode: text('gbm_code'),
    isDigital: boolean('is_digital').notNull().default(false),
    isGreen: boolean('is_green').notNull().default(false),
    in2022Edition: boolean('in_2022_edition').notNull(),
    status: text('status').notNull(),
    addedBatch: text('added_batch'),
  },
  (t) => [index('occupations_parent_idx').on(t.parentCode), index('occupations_digital_idx').on(t.isDigital)],
);
export type OccupationRow = typeof occupations.$inferSelect;

/** 人社部 new-occupation announcements, batches 1–8 (JobE ontology, CC BY 4.0). */
export const occupationAnnouncements = pgTable('occupation_announcements', {
  id: integer('id').primaryKey(),
  batch: integer('batch').notNull(),
  batchName: text('batch_name').notNull(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  occupationCode: text('occupation_code'),
  status: text('status').notNull(),
  documentNo: text('document_no'),
  publishedDate: text('published_date'),
  officialUrl: text('official_url'),
});

/** GB/T 4754-2017 国民经济行业分类. */
export const industries = pgTable(
  'industries',
  {
    code: text('code').primaryKey(),
    level: text('level', { enum: ['section', 'division', 'group', 'class'] }).notNull(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    section: text('section').notNull(),
    remark: text('remark'),
  },
  (t) => [index('industries_parent_idx').on(t.parentCode)],
);

/** GB/T 4658-2006 学历代码. */
export const educationLevels = pgTable('education_levels', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  isCategory: boolean('is_category').notNull(),
});

/** 职业技能等级 (five levels) and the 八级工 ladder. */
export const skillLevels = pgTable(
  'skill_levels',
  {
    scheme: text('scheme').notNull(),
    levelCode: text('level_code').notNull(),
    rank: integer('rank').notNull(),
    nameNumeric: text('name_numeric').notNull(),
    nameTraditional: text('name_traditional').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scheme, t.levelCode] })],
);

export const skillClusters = pgTable('skill_clusters', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  direction: text('direction').notNull(),
});

/** IT-skills taxonomy (JobE ontology, CC BY 4.0). */
export const skills = pgTable(
  'skills',
  {
    id: text('id').primaryKey(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    clusterId: text('cluster_id').notNull(),
    direction: text('direction').notNull(),
    parentId: text('parent_id'),
    aliasesZh: text('aliases_zh').array().notNull().default([]),
  },
  (t) => [index('skills_cluster_idx').on(t.clusterId)],
);
