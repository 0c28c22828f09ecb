/** 邀请沟通: sends a talent-pool invitation for the job (POST /api/talent-pool/invitations, retry-safe). */
import { App, Button, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { api, newIdempotencyKey } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export function InviteButton({ talentId, talentName, job }: { talentId: string; talentName: string; job: { id: string; title: string } }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [sent, setSent] = useState(false);
  const key = useRef<string | null>(null);
  const show = () => {
    setText(t('matching.talents.inviteDefault', { job: job.title }));
    setError(undefined);
    key.current = newIdempotencyKey();
    setOpen(true);
  };
  const send = async () => {
    setBusy(true);
    try {
      await api('/api/talent-pool/invitations', {
        method: 'POST',
        body: { talentId, jobId: job.id, message: text },
        headers: { 'idempotency-key': key.current ?? newIdempotencyKey() },
      });
      setSent(true);
      setOpen(false);
      void message.success(t('matching.talents.invited'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" size="small" onClick={show} disabled={sent}>
        {sent ? t('matching.talents.invited') : t('matching.talents.invite')}
      </Button>
      <Modal
        open={open}
        title={t('matching.talents.inviteTitle', { name: talentName })}
        onCancel={() => setOpen(false)}
        onOk={send}
        confirmLoading={busy}
        okButtonProps={{ disabled: text.trim().length < 2 }}
      >
        <ErrorAlert error={error} />
        <label htmlFor={`invite-${talentId}`}>{t('matching.talents.inviteMessage')}</label>
        <Input.TextArea id={`invite-${talentId}`} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} rows={4} showCount />
      </Modal>
    </>
  );
}
