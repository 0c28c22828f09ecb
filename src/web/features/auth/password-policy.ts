/** The password policy of the server (auth/password.ts), checked as the person types. */
import type { FormRule } from 'antd';
import type { I18n } from '../../i18n/I18nProvider.js';

export type PasswordProblem = 'too_short' | 'too_long' | 'classes' | 'contains_username';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < 8) return 'too_short';
  if (password.length > 128) return 'too_long';
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3) return 'classes';
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) return 'contains_username';
  return null;
}

/** antd rule: checks the policy against the username at `usernamePath`. */
export function passwordRule(i18n: I18n, usernamePath: (string | number)[]): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) => {
      const problem = passwordProblem(String(value ?? ''), String(getFieldValue(usernamePath) ?? ''));
      return problem ? Promise.reject(new Error(i18n.t(`auth.password.${problem}`))) : Promise.resolve();
    },
  });
}

export const USERNAME_PATTERN = /^[A-Za-z0-9_.@-]{3,40}$/;
