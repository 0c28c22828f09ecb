/** 邀约: choose one of the organisation's published jobs (or "just talk") and write a message. */
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useRef, useState } from 'react';
import { TALENTPOOL_DAILY_INVITATION_LIMIT } from '../../../shared/talentpool.js';
import { api, newIdempotencyKey } from '../../api.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import type { InvitationView } from './talentpool-types.js';

const TALK = '__talk__';

interface Props {
  talent: { talentId: string; displayName: string } | null;
  onClose: () => void;
  onSent: () => void;
}

export function InviteModal({ talent, onClose, onSent }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ jobId: string; message: string }>();
  const jobs = useApi<{ items: { id: string; title: string }[] }>(talent ? '/api/jobs/mine' : null, { status: 'published', pageSize: 100 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef<{ sig: string; key: string } | null>(null);
  const options = [...(jobs.data?.items ?? []).map((j) => ({ value: j.id, label: j.title })), { value: TALK, label: t('talentpool.invite.talk') }];
  const submit = async (values: { jobId: string; message: string }) => {
    if (!talent) return;
    const body = { talentId: talent.talentId, jobId: values.jobId === TALK ? null : values.jobId, message: values.message };
    const sig = JSON.stringify(body);
    if (key.current?.sig !== sig) key.current = { sig, key: newIdempotencyKey() };
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ invitation: InvitationView; created: boolean }>('/api/talent-pool/invitations', {
        method: 'POST',
        body,
        headers: { 'idempotency-key': key.current.key },
      });
      key.current = null;
      void message.success(res.created ? t('talentpool.invite.sent') : t('talentpool.invite.already'));
      form.resetFields();
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={talent !== null}
      title={talent ? t('talentpool.invite.title', { name: talent.displayName }) : ''}
      okText={t('talentpool.invite.send')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'invite-send' } as Record<string, string>}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ jobId: undefined, message: '' }} data-testid="invite-form">
        <Form.Item
          name="jobId"
          label={t('talentpool.invite.job')}
          rules={[{ required: true, message: t('validation.select', { field: t('talentpool.invite.job') }) }]}
        >
          <Select options={options} loading={jobs.loading} placeholder={t('talentpool.invite.jobPlaceholder')} data-testid="invite-job" />
        </Form.Item>
        {!jobs.loading && jobs.data && jobs.data.items.length === 0 ? (
          <Alert type="info" showIcon title={t('talentpool.invite.noJobs')} style={{ marginBottom: 12 }} />
        ) : null}
        <Form.Item
          name="message"
          label={t('talentpool.invite.message')}
          rules={[{ required: true, min: 2, max: 500, whitespace: true, message: t('validation.required', { field: t('talentpool.invite.message') }) }]}
        >
          <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('talentpool.invite.messagePlaceholder')} />
        </Form.Item>
        <p className="talentpool-hint">{t('talentpool.invite.limit', { limit: TALENTPOOL_DAILY_INVITATION_LIMIT })}</p>
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
      </Form>
    </Modal>
  );
}
