/** Puts a server error next to the form field it names (params.field like `org.uscc`), if that field exists. */
import type { FormInstance } from 'antd';
import type { I18n } from '../../i18n/I18nProvider.js';
import { errorField, formatError } from '../../i18n/format-error.js';

export function showOnField(form: FormInstance, i18n: I18n, err: unknown, knownFields: readonly string[]): boolean {
  const field = errorField(err);
  if (!field || !knownFields.includes(field)) return false;
  form.setFields([{ name: field.split('.'), errors: [formatError(i18n, err)] }]);
  form.scrollToField(field.split('.'));
  return true;
}
