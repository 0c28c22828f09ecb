/**
 * 申请该岗位 on a live posting: talents send their profile with an optional note; anonymous visitors are
 * asked to sign in (and come back here); other roles see nothing. Without a profile the talent is sent to /profile.
 */
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError, api, newIdempotencyKey } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import type { ApplicationView } from './application-types.js';

function SignInPrompt() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  return (
    <Alert
      type="info"
      showIcon
      title={t('applications.apply.signInPrompt')}
      action={
        <Button type="primary" onClick={() => navigate('/login', { state: { from: location.pathname } })} data-testid="apply-sign-in">
          {t('applications.apply.signIn')}
        </Button>
      }
      style={{ marginTop: 24 }}
    />
  );
}

function ApplyError({ error }: { error: unknown }) {
  const i18n = useI18n();
  if (!error) return null;
  const needsProfile = error instanceof ApiError && error.code === 'APPLICATIONS_PROFILE_REQUIRED';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={formatError(i18n, error)}
      action={needsProfile ? <Link to="/profile">{i18n.t('applications.apply.profileFirst')}</Link> : undefined}
      style={{ marginBottom: 12 }}
    />
  );
}

/** Sends the application with an Idempotency-Key (renewed after each answer, so a retry after an error is a new attempt). */
function useApply(jobId: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<ApplicationView | null>(null);
  const key = useRef(newIdempotencyKey());
  const apply = async (coverNote: string | undefined) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<ApplicationView>('/api/applications', {
        method: 'POST',
        body: { jobId, ...(coverNote ? { coverNote } : {}) },
        headers: { 'idempotency-key': key.current },
      });
      setSent(created);
      return true;
    } catch (err) {
      setError(err);
      return false;
    } finally {
      key.current = newIdempotencyKey();
      setBusy(false);
    }
  };
  return { busy, error, sent, apply };
}

export function ApplySection({ job }: { job: { id: string; title: string; status: string } }) {
  const { t } = useI18n();
  const { state, me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ coverNote?: string }>();
  const [open, setOpen] = useState(false);
  const { busy, error, sent, apply } = useApply(job.id);
  if (job.status !== 'published' || state.status === 'loading') return null;
  if (state.status === 'anonymous') return <SignInPrompt />;
  if (me?.user.role !== 'talent') return null;
  const submit = async () => {
    const coverNote = (await form.validateFields()).coverNote?.trim();
    if (!(await apply(coverNote))) return;
    setOpen(false);
    void message.success(t('applications.apply.done'));
  };
  if (sent) {
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={t('applications.apply.done')}
        action={<Link to="/applications">{t('applications.apply.viewMine')}</Link>}
        style={{ marginTop: 24 }}
        data-testid="apply-done"
      />
    );
  }
  return (
    <div style={{ marginTop: 24 }}>
      <Button type="primary" size="large" onClick={() => setOpen(true)} data-testid="apply-button">
        {t('applications.apply.button')}
      </Button>
      <Modal
        open={open}
        title={t('applications.apply.title', { title: job.title })}
        okText={t('applications.apply.confirm')}
        okButtonProps={{ loading: busy, 'data-testid': 'apply-confirm' }}
        cancelText={t('common.cancel')}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <ApplyError error={error} />
        <Form form={form} layout="vertical">
          <Form.Item name="coverNote" label={t('applications.apply.coverNote')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={4} maxLength={1000} showCount placeholder={t('applications.apply.coverNotePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
