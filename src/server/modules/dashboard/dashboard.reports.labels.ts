/**
 * Chinese words the report files (xlsx, PDF) print. The names of the indicators are the dashboard's
 * (src/web/i18n/zh-CN.dashboard.ts); dashboard.reports.test.ts holds the two lists equal.
 */
import type { IndicatorDef, IndicatorKey } from '../../../shared/dashboard.js';

export const INDICATOR_NAMES: Record<IndicatorKey, string> = {
  digital_technicians_trained: '数字领域专业技术人才培训（人次）',
  entrepreneurs_trained: '数字经济企业家培训（人次）',
  digital_jobs_published: '数字岗位发布数',
  jobs_published: '岗位发布数',
  job_seekers_registered: '新注册求职者',
  applications_submitted: '投递数',
  digital_applications_submitted: '数字岗位投递数',
  hires: '录用人数',
  digital_hires: '数字岗位录用人数',
  median_days_to_hire: '录用用时中位数（天）',
  training_enrolments: '培训报名人次',
  training_completions: '培训结业人次',
  certificates_issued: '职业技能等级证书发放',
  subsidies_applied: '补贴申请数',
  subsidies_approved: '补贴批准数',
  subsidies_rejected: '补贴驳回数',
  subsidies_paid: '补贴发放笔数',
  subsidy_amount_paid: '补贴发放金额（元）',
  median_subsidy_processing_days: '补贴办理用时中位数（天）',
  recognition_applications: '高层次人才认定申请',
  recognition_on_time_share: '认定按时办结率（%）',
  events_held: '举办招聘活动',
  event_registrations: '招聘活动报名人次',
  literacy_participants: '数字素养活动参与人次',
  literacy_registrations: '数字素养活动报名人次',
  literacy_activities_held: '举办数字素养活动',
  stations_registered: '博士后工作站、创新实践基地',
  competition_entries: '竞赛报名',
  competition_winners: '竞赛获奖',
  ventures_published: '发布创业项目',
  ventures_incubated: '入驻孵化载体的创业项目',
  venture_introductions: '产融对接成功（项目方同意）',
};

export const UNIT_NAMES: Record<IndicatorDef['unit'], string> = { person: '人', item: '个', fen: '元', day: '天', percent: '%' };

/** The source module has not landed: no data, which is not zero. */
export const NO_DATA = '暂无数据';
/** The source is there but there is nothing to take a median or share of. */
export const NO_SAMPLE = '无样本';

export const DATA_NOTE =
  '数据来源：赣才平台自身业务记录（岗位、投递、招聘活动、培训、证书、补贴、认定等模块）在记录发生时写入的汇总表，与数据看板同源、口径一致。' +
  '“暂无数据”表示该来源模块尚未上线，不等于零；“无样本”表示该期间没有可计算中位数或比例的记录。' +
  '地区按记录所在地归集（县区计入所属设区市和全省）；金额单位为元；职业统计按年度汇总（截至生成时）。';

export const SHORT_NOTE = '数据来源：赣才平台业务记录汇总，与数据看板同源';

/** '2026年3月' */
export function monthTitle(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Asia/Shanghai wall time 'YYYY-MM-DD HH:mm' of an instant. */
export function shanghaiTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
