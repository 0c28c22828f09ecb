/**
 * 批量导入 (bulk import of job-seekers and job postings from the 5+2 就业之家 outlets and other systems):
 * kinds, template columns and the reason codes of rejected rows. Shared by the server (validation,
 * rejected-rows file) and the web app (labels).
 */
import { z } from 'zod';

export const ImportKind = z.enum(['talents', 'jobs']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportStatus = z.enum(['queued', 'running', 'succeeded', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

export interface ImportColumn {
  key: string;
  /** The header in the template (Chinese); `*` in the template marks required columns. */
  header: string;
  required: boolean;
  /** Other headers accepted for the same column (files from other systems). */
  aliases?: readonly string[];
  /** One line of guidance for the template's 填写说明 sheet. */
  note: string;
  example: string;
}

export const TALENT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', header: '姓名', required: true, note: '2–30 个字', example: '张三' },
  {
    key: 'idNumber',
    header: '身份证号',
    required: true,
    aliases: ['公民身份号码', '身份证号码'],
    note: '18 位居民身份证号码（15 位旧号自动升位）；请把单元格设为文本，以免丢失末位',
    example: '360702199001011236',
  },
  { key: 'phone', header: '手机号', required: true, aliases: ['联系电话', '手机号码'], note: '11 位手机号码', example: '13800138000' },
  {
    key: 'regionCode',
    header: '所在地区代码',
    required: true,
    aliases: ['行政区划代码', '常住地区代码'],
    note: '6 位行政区划代码（县区或设区市），须在导入人员的管辖范围内',
    example: '360702',
  },
  {
    key: 'education',
    header: '最高学历',
    required: false,
    aliases: ['学历', '学历代码'],
    note: 'GB/T 4658 学历代码或名称（如 21 或 大学本科）；填写时须同时填写毕业院校和毕业年份',
    example: '大学本科',
  },
  { key: 'school', header: '毕业院校', required: false, note: '2–60 个字', example: '江西理工大学' },
  { key: 'major', header: '所学专业', required: false, note: '最多 60 个字', example: '计算机科学与技术' },
  { key: 'graduationYear', header: '毕业年份', required: false, note: '四位年份', example: '2012' },
  { key: 'skills', header: '技能', required: false, note: '多个技能用 、或 ; 分隔，最多 30 个', example: 'Python、SQL' },
  { key: 'desiredOccupations', header: '意向职业代码', required: false, note: '职业分类大典细类代码，多个用 、分隔，最多 5 个', example: '2-02-10-07' },
  { key: 'desiredCities', header: '意向城市代码', required: false, note: '6 位行政区划代码，多个用 、分隔，最多 5 个', example: '360700' },
  { key: 'desiredSalary', header: '期望月薪(元)', required: false, aliases: ['期望月薪', '期望薪资'], note: '元/月，可写 6000、6k、0.6万', example: '6000' },
];

export const JOB_COLUMNS: readonly ImportColumn[] = [
  {
    key: 'uscc',
    header: '统一社会信用代码',
    required: false,
    aliases: ['单位信用代码'],
    note: '招聘单位的 18 位代码；人社部门导入时必填，单位须已认证且在管辖范围内；单位自行导入时可不填',
    example: '91360702MA35X8KQ16',
  },
  {
    key: 'externalId',
    header: '外部编号',
    required: false,
    aliases: ['岗位编号'],
    note: '来源系统中的岗位编号（最多 64 个字符）；再次导入同一编号时更新该岗位',
    example: 'GZ-2026-0001',
  },
  { key: 'title', header: '岗位名称', required: true, aliases: ['职位名称'], note: '2–60 个字', example: '大数据分析师' },
  {
    key: 'description',
    header: '岗位描述',
    required: true,
    aliases: ['岗位职责', '职位描述'],
    note: '10–5000 个字',
    example: '负责业务数据的采集、清洗与分析，搭建数据看板。',
  },
  {
    key: 'occupationCode',
    header: '职业代码',
    required: false,
    aliases: ['职业分类代码'],
    note: '职业分类大典细类代码；不填时按岗位名称自动归类',
    example: '2-02-30-09',
  },
  { key: 'regionCode', header: '工作地区代码', required: true, aliases: ['工作地点代码', '行政区划代码'], note: '6 位行政区划代码', example: '360702' },
  { key: 'salaryMin', header: '最低月薪(元)', required: true, aliases: ['最低月薪', '薪资下限'], note: '元/月，可写 8000、8k、0.8万', example: '8000' },
  { key: 'salaryMax', header: '最高月薪(元)', required: true, aliases: ['最高月薪', '薪资上限'], note: '元/月，不低于最低月薪', example: '12000' },
  { key: 'education', header: '学历要求', required: false, aliases: ['学历'], note: 'GB/T 4658 学历代码或名称，不填为不限', example: '大学本科' },
  { key: 'experience', header: '工作经验(年)', required: false, aliases: ['工作经验'], note: '0–30 的整数，默认 0', example: '2' },
  { key: 'headcount', header: '招聘人数', required: false, note: '1–9999，默认 1', example: '2' },
  { key: 'workMode', header: '工作方式', required: false, note: '现场、远程或混合，默认现场', example: '现场' },
  { key: 'validFrom', header: '有效期开始', required: false, note: '日期，如 2026-12-01，默认导入当天', example: '' },
  { key: 'validUntil', header: '有效期截止', required: false, note: '日期，默认开始后 30 天', example: '' },
  { key: 'requiredSkills', header: '必备技能', required: false, note: '多个用 、分隔，最多 20 个', example: 'Python、SQL' },
  { key: 'preferredSkills', header: '加分技能', required: false, note: '多个用 、分隔，最多 20 个', example: 'Tableau' },
];

export function importColumns(kind: ImportKind): readonly ImportColumn[] {
  return kind === 'talents' ? TALENT_COLUMNS : JOB_COLUMNS;
}

/** Why a row was rejected. The rejected-rows file carries the Chinese text and the code. */
export const RejectReason = z.enum([
  'required',
  'too_long',
  'name_invalid',
  'id_number_invalid',
  'id_number_checksum',
  'id_number_legacy',
  'id_number_other_account',
  'phone_invalid',
  'region_unknown',
  'region_outside',
  'education_unknown',
  'education_incomplete',
  'school_invalid',
  'graduation_year_invalid',
  'skills_invalid',
  'occupation_unknown',
  'occupation_unclassified',
  'desired_city_unknown',
  'salary_invalid',
  'salary_range',
  'title_invalid',
  'description_invalid',
  'experience_invalid',
  'headcount_invalid',
  'work_mode_invalid',
  'date_invalid',
  'date_range',
  'uscc_invalid',
  'org_not_found',
  'org_not_verified',
  'org_outside_region',
  'org_mismatch',
  'external_id_invalid',
  'duplicate_in_file',
  'duplicate_posting',
  'posting_not_editable',
]);
export type RejectReason = z.infer<typeof RejectReason>;

/** Chinese text of each reason, for the downloadable file (the UI uses the same text via i18n). */
export const REJECT_REASON_ZH: Record<RejectReason, string> = {
  required: '必填项为空',
  too_long: '内容过长',
  name_invalid: '姓名应为 2–30 个字',
  id_number_invalid: '身份证号格式或出生日期不正确',
  id_number_checksum: '身份证号校验位错误',
  id_number_legacy: '15 位身份证号无法升位',
  id_number_other_account: '该身份证号已属于非求职者账号',
  phone_invalid: '手机号不正确',
  region_unknown: '行政区划代码不存在',
  region_outside: '地区不在本人管辖范围内',
  education_unknown: '学历代码或名称不存在',
  education_incomplete: '填写学历时须同时填写毕业院校和毕业年份',
  school_invalid: '毕业院校应为 2–60 个字',
  graduation_year_invalid: '毕业年份不正确',
  skills_invalid: '技能过多或过长',
  occupation_unknown: '职业代码不是职业分类大典的细类',
  occupation_unclassified: '未填职业代码，且无法按岗位名称自动归类',
  desired_city_unknown: '意向城市代码不存在或过多',
  salary_invalid: '月薪不是有效金额',
  salary_range: '最低月薪高于最高月薪',
  title_invalid: '岗位名称应为 2–60 个字',
  description_invalid: '岗位描述应为 10–5000 个字',
  experience_invalid: '工作经验应为 0–30 的整数',
  headcount_invalid: '招聘人数应为 1–9999 的整数',
  work_mode_invalid: '工作方式应为 现场、远程 或 混合',
  date_invalid: '日期不正确',
  date_range: '有效期开始晚于截止日期',
  uscc_invalid: '统一社会信用代码不正确',
  org_not_found: '平台上没有该统一社会信用代码的单位',
  org_not_verified: '该单位尚未通过认证',
  org_outside_region: '该单位不在本人管辖范围内',
  org_mismatch: '只能导入本单位的岗位',
  external_id_invalid: '外部编号过长',
  duplicate_in_file: '与文件中前面的行重复',
  duplicate_posting: '本单位已有相同的在招岗位',
  posting_not_editable: '该岗位已发布或已结束，不能通过导入修改',
};

export const ImportListQuery = z.object({
  kind: ImportKind.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Largest upload accepted (bytes): a 200,000-row job-seeker xlsx is about 15 MB, the CSV about 25 MB. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;
