/**
 * Hand-written rule tables of the job-title classifier (occupations.classifier.ts), from general knowledge
 * of the two taxonomies and of how job titles are worded, never from evaluation data:
 * - SKILL_CLUSTER_OCCUPATION: skill cluster → the 细类 whose work it is (skill names become weak phrases);
 * - NAME_SUFFIXES: generic endings stripped from official names to get their cores, with the core's weight;
 * - HEAD_RULES: head-noun priors, a title's last word (…工程师, …工, …老师) → the code prefixes it boosts.
 */

/** Skill cluster (JobE ontology) → the 细类 whose work it is; general knowledge of the two taxonomies. */
export const SKILL_CLUSTER_OCCUPATION: Record<string, string> = {
  accel: '2-02-38-01',
  agent: '2-02-38-01',
  cv: '2-02-38-01',
  eval: '2-02-38-01',
  'llm-genai': '2-02-38-01',
  'ml-framework': '2-02-38-01',
  'ml-theory': '2-02-38-01',
  mlops: '2-02-38-01',
  multimodal: '2-02-38-01',
  nlp: '2-02-38-01',
  recsys: '2-02-38-01',
  rl: '2-02-38-01',
  speech: '2-02-38-01',
  'prog-lang': '2-02-10-03',
  'batch-compute': '2-02-38-03',
  'cloud-data': '2-02-38-04',
  db: '4-04-05-04',
  'de-tools': '2-02-38-03',
  governance: '2-02-38-03',
  lakehouse: '2-02-38-03',
  olap: '2-02-38-03',
  stream: '2-02-38-03',
  bi: '2-02-30-09',
  'digital-twin': '4-04-05-10',
  eda: '2-02-38-09',
  embedded: '2-02-10-06',
  industrial: '2-02-38-05',
  robotics: '2-02-38-10',
  vehicle: '2-02-07-11',
  'vr-ar': '2-02-38-07',
  edge: '2-02-38-02',
  'iot-hw': '2-02-38-02',
  'iot-platform': '2-02-38-02',
  'iot-protocol': '2-02-38-02',
  'iot-security': '2-02-38-02',
  'iot-wireless': '2-02-38-02',
};

/** Generic endings stripped to get a name's core (计算机软件工程技术人员 → 计算机软件). */
export const NAME_SUFFIXES: [RegExp, number][] = [
  [/工程技术人员$/u, 0.7],
  [/专业人员$/u, 0.8],
  [/技术人员$/u, 0.7],
  [/服务人员$/u, 0.6],
  [/人员$/u, 0.6],
];

export interface HeadRule {
  suffix: RegExp;
  prefixes: string[];
  factor: number;
  label: string;
}

export const HEAD_RULES: HeadRule[] = [
  { suffix: /工程师$/u, prefixes: ['2-02', '2-01'], factor: 1.3, label: '工程师' },
  { suffix: /(?:医生|医师|大夫)$/u, prefixes: ['2-05-01', '2-05-02', '2-05-03', '2-05-09'], factor: 1.3, label: '医生' },
  { suffix: /(?:护士|护师)$/u, prefixes: ['2-05-08'], factor: 1.3, label: '护士' },
  { suffix: /(?:老师|教师|讲师|教员)$/u, prefixes: ['2-08', '4-07-03-05', '4-13-04'], factor: 1.25, label: '老师' },
  { suffix: /设计(?:师|员)?$/u, prefixes: ['4-08-08', '2-09-06', '2-02-18-01', '2-02-34', '2-02-07-01'], factor: 1.2, label: '设计' },
  { suffix: /分析(?:师|员)?$/u, prefixes: ['2-02-30-09', '4-07-02-05', '2-02-10-05'], factor: 1.2, label: '分析师' },
  { suffix: /(?:销售|业务员|销售员|顾问)$/u, prefixes: ['4-01-02', '2-06-07', '4-06-02', '4-05-03', '2-06-11-04'], factor: 1.15, label: '销售' },
  { suffix: /(?:司机|驾驶员)$/u, prefixes: ['4-02-02', '6-30', '4-10-08'], factor: 1.2, label: '司机' },
  { suffix: /(?:技术员|技工)$/u, prefixes: ['4-08', '5-05', '6-'], factor: 1.1, label: '技术员' },
  { suffix: /(?:[^技]工|操作员|作业员|工人)$/u, prefixes: ['6-', '5-', '4-09', '4-12', '4-02-05'], factor: 1.2, label: '…工' },
  { suffix: /(?:开发|研发|编程)$/u, prefixes: ['2-02-10', '2-02-38', '4-04-05'], factor: 1.15, label: '开发' },
  { suffix: /(?:运维|维护)$/u, prefixes: ['2-02-10-08', '4-04', '6-31-01', '6-28'], factor: 1.1, label: '运维' },
];
