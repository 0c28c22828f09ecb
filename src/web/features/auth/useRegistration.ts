/**
 * Shared submit logic of both registration forms: POST, sign in with the returned `Me`, go to the
 * workbench; a server error naming a form field is shown on that field, anything else above the form.
 */
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api.js';
import type { Me } from '../../api-types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { showOnField } from './server-errors.js';

export interface Registration {
  busy: boolean;
  error: unknown;
  submit: (body: unknown) => Promise<void>;
}

export function useRegistration(opts: { form: FormInstance; path: string; fields: readonly string[]; done: MessageKey; state?: unknown }): Registration {
  const i18n = useI18n();
  const { signedIn } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>(opts.path, { method: 'POST', body });
      signedIn(me);
      void message.success(i18n.t(opts.done));
      navigate('/workbench', { replace: true, state: opts.state });
    } catch (err) {
      if (!showOnField(opts.form, i18n, err, opts.fields)) setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

/** antd rules: required text / required choice, with the field's label in the message. */
export function useRules() {
  const { t } = useI18n();
  return {
    required: (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) }),
    select: (label: string) => ({ required: true, message: t('validation.select', { field: label }) }),
  };
}
