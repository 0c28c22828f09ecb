import { z } from 'zod';

/** Platform roles (see REQUIREMENTS.md "Who uses it"). English identifiers; glossary in docs/glossary.md. */
export const Role = z.enum([
  'talent', // 个人
  'employer', // 企业
  'provider', // 培训机构
  'evaluator', // 评价机构
  'agency', // 人力资源服务机构
  'host', // 设站单位
  'reviewer', // 评审专家
  'official', // 主管部门
  'admin', // 系统管理员
  'auditor', // 审计管理员 (三权分立: reads the audit trail, changes nothing)
]);
export type Role = z.infer<typeof Role>;

/** Departments named in the notice; officials carry one. */
export const Department = z.enum([
  'hrss', // 人力资源社会保障
  'org', // 组织部
  'cac', // 网信办
  'ndrc', // 发展改革委
  'edu', // 教育
  'sci', // 科技
  'miit', // 工业和信息化
  'finance', // 财政
  'data', // 数据主管部门
]);
export type Department = z.infer<typeof Department>;

/** Organisation kinds; employer, provider, evaluator, agency and host accounts belong to one. */
export const OrgKind = z.enum(['employer', 'provider', 'evaluator', 'agency', 'host']);
export type OrgKind = z.infer<typeof OrgKind>;

/** Roles that must pass a TOTP second factor (等保 level 3: two factors for privileged users). */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['official', 'admin', 'auditor'];

/** Idle timeout per role, minutes (officials 15, everybody else 30); absolute lifetime 12 h. */
export function idleTimeoutMinutes(role: Role): number {
  return role === 'official' || role === 'admin' || role === 'auditor' ? 15 : 30;
}
export const ABSOLUTE_SESSION_HOURS = 12;
