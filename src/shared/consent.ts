import { z } from 'zod';

/** Purposes a person can consent to (PIPL art. 14: a change of purpose needs new consent). */
export const ConsentPurpose = z.enum([
  'privacy_policy', // 隐私政策与用户协议 (required for an account)
  'sensitive_pi', // 处理敏感个人信息（身份证号）单独同意 (PIPL art. 29)
  'profile_to_employers', // 向已认证用人单位开放简历
  'recommendations', // 个性化岗位推荐
  'policy_notices', // 免申即享政策主动告知
]);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;
export const REQUIRED_CONSENTS: readonly ConsentPurpose[] = ['privacy_policy', 'sensitive_pi'];
export const PRIVACY_POLICY_VERSION = '2026-11-v1';
