/** Form validators for 身份证号, phone and 统一社会信用代码 (the shared parsers; the server checks again). */
import { parseIdNumber, parsePhone, parseUscc } from '../../../shared/identifiers.js';
import type { I18n } from '../../i18n/I18nProvider.js';

type Check = (_rule: unknown, value: unknown) => Promise<void>;

function check(i18n: I18n, parse: (v: string) => { ok: true } | { ok: false; error: string }): Check {
  return (_rule, value) => {
    const v = String(value ?? '');
    if (!v.trim()) return Promise.resolve();
    const r = parse(v);
    return r.ok ? Promise.resolve() : Promise.reject(new Error(i18n.tx(`errors.${r.error}`, r.error)));
  };
}

export const idNumberCheck = (i18n: I18n): Check => check(i18n, parseIdNumber);
export const phoneCheck = (i18n: I18n): Check => check(i18n, parsePhone);
export const usccCheck = (i18n: I18n): Check => check(i18n, parseUscc);
