/** The message catalogue: every server error code is translated, English only uses known keys, params work. */
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors.js';
import { ApiError } from '../api.js';
import { enUS } from './en-US.js';
import { formatError } from './format-error.js';
import type { I18n } from './I18nProvider.js';
import { type Lang, lookup, translate } from './messages.js';
import { zhCN } from './zh-CN.js';

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
}

function i18n(lang: Lang): I18n {
  return {
    lang,
    setLang: () => undefined,
    t: (key, params) => translate(lang, key, params),
    tx: (key, fallback, params) => (lookup(lang, key) === undefined ? fallback : translate(lang, key, params)),
  };
}

describe('messages', () => {
  it('has Chinese and English wording for every error code', () => {
    for (const code of ErrorCode.options) {
      expect(lookup('zh-CN', `errors.${code}`), code).toMatch(/[\u4e00-\u9fff]/);
      expect(lookup('en-US', `errors.${code}`), code).toMatch(/[A-Za-z]/);
    }
  });

  it('uses no English key that Chinese lacks', () => {
    const zh = new Set(leaves(zhCN as unknown as Tree));
    expect(leaves(enUS as unknown as Tree).filter((k) => !zh.has(k))).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    for (const key of leaves(enUS as unknown as Tree)) {
      const names = (s: string | undefined) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(lookup('en-US', key)), key).toEqual(names(lookup('zh-CN', key)));
    }
  });

  it('falls back to Chinese and then to the key', () => {
    expect(translate('en-US', 'nav.home')).toBe('Home');
    expect(translate('zh-CN', 'nav.home')).toBe('首页');
    expect(translate('en-US', 'no.such.key')).toBe('no.such.key');
  });
});

describe('formatError', () => {
  it('shows the lock end in local time', () => {
    const text = formatError(i18n('zh-CN'), new ApiError('AUTH_ACCOUNT_LOCKED', { until: '2026-11-27T02:30:00.000Z' }, [], 423));
    expect(text).toMatch(/^登录失败次数过多，账号已临时锁定，请于 2026-11-27 \d{2}:30 后再试$/);
  });

  it('names the failing fields of a validation error', () => {
    const err = new ApiError(
      'VALIDATION_FAILED',
      {},
      [
        { path: 'body/org/uscc', code: 'invalid' },
        { path: 'body/phone', code: 'too_small' },
      ],
      400,
    );
    expect(formatError(i18n('zh-CN'), err)).toBe('提交的信息有误，请检查后重试 请检查：统一社会信用代码、手机号');
    expect(formatError(i18n('en-US'), err)).toContain('Please check: Unified social credit code, Mobile phone');
  });

  it('names the field a validation error points at through params.field', () => {
    const err = new ApiError('VALIDATION_FAILED', { field: 'consents', missing: 'sensitive_pi' }, [], 400);
    expect(formatError(i18n('zh-CN'), err)).toBe('提交的信息有误，请检查后重试 请检查：授权同意');
  });

  it('explains which password rule failed', () => {
    const err = new ApiError('AUTH_PASSWORD_POLICY', { field: 'password', problem: 'contains_username' }, [], 400);
    expect(formatError(i18n('zh-CN'), err)).toBe('密码不符合安全要求：不能包含用户名');
  });

  it('translates workflow states and actions of a refused transition', () => {
    const err = new ApiError('WORKFLOW_TRANSITION_NOT_ALLOWED', { status: 'verified', action: 'verify', allowed: ['suspend'] }, [], 409);
    expect(formatError(i18n('zh-CN'), err)).toBe('当前状态为“已认证”，不能执行“通过” 可执行的操作：暂停');
  });

  it('falls back to a generic message for unknown codes and non-API errors', () => {
    expect(formatError(i18n('zh-CN'), new ApiError('SOMETHING_NEW'))).toBe('系统繁忙，请稍后再试');
    expect(formatError(i18n('zh-CN'), new Error('boom'))).toBe('系统繁忙，请稍后再试');
  });
});
