/**
 * Sign-in. When the server answers AUTH_TOTP_REQUIRED the 6-digit code field appears and the form
 * is sent again with `totp`. After sign-in the person returns to where they came from, else /workbench.
 */
import { Alert, Button, Card, Form, type FormInstance, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError, api } from '../../api.js';
import type { Me } from '../../api-types.js';
import { type LoginNotice, useAuth } from '../../auth/AuthProvider.js';
import { PageHeader } from '../../components/PageHeader.js';
import { type I18n, useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';

interface LoginValues {
  username: string;
  password: string;
  totp?: string;
}

function noticeText(i18n: I18n, notice: LoginNotice | null): string | null {
  const reason = notice?.reason;
  if (!reason) return null;
  if (reason === 'login_required') return i18n.t('auth.login.loginRequired');
  if (reason === 'account_closed') return i18n.t('auth.login.accountClosed');
  if (reason === 'AUTH_SESSION_EXPIRED') return i18n.t('errors.AUTH_SESSION_EXPIRED');
  return i18n.t('auth.login.sessionEnded');
}

function safeReturnPath(from: string | undefined): string {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/workbench';
}

function useLogin(form: FormInstance<LoginValues>, from: string | undefined) {
  const { signedIn } = useAuth();
  const navigate = useNavigate();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = { username: values.username.trim(), password: values.password, ...(needTotp ? { totp: values.totp } : {}) };
      signedIn(await api<Me>('/api/auth/login', { method: 'POST', body }));
      navigate(safeReturnPath(from), { replace: true });
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      if (code === 'AUTH_TOTP_REQUIRED') setNeedTotp(true);
      else setError(err);
      if (code === 'AUTH_TOTP_INVALID') form.setFieldValue('totp', '');
    } finally {
      setBusy(false);
    }
  };
  return { needTotp, error, busy, submit };
}

function TotpStep() {
  const { t } = useI18n();
  return (
    <>
      <Alert type="info" showIcon title={t('auth.login.totpTitle')} description={t('auth.login.totpHint')} style={{ marginBottom: 16 }} />
      <Form.Item name="totp" label={t('fields.totp')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('validation.totpPattern') }]}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus style={{ maxWidth: 200, letterSpacing: 4 }} />
      </Form.Item>
    </>
  );
}

export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state } = useAuth();
  const location = useLocation();
  const notice = (location.state as LoginNotice | null) ?? null;
  const [form] = Form.useForm<LoginValues>();
  const { needTotp, error, busy, submit } = useLogin(form, notice?.from);
  if (state.status === 'signed-in' && !busy) return <Navigate to="/workbench" replace />;
  const noticeMsg = noticeText(i18n, notice);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('validation.required', { field: label }) }];
  return (
    <Card className="auth-card">
      <PageHeader title={t('auth.login.title')} intro={t('auth.login.intro')} />
      {noticeMsg ? <Alert type="info" showIcon title={noticeMsg} style={{ marginBottom: 16 }} /> : null}
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
      <Form<LoginValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
        <Form.Item name="username" label={t('fields.username')} rules={required(t('fields.username'))}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={required(t('fields.password'))}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        {needTotp ? <TotpStep /> : null}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('auth.login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.login.noAccount')} <Link to="/register">{t('auth.login.goRegister')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
