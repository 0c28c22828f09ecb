/** Small shared pieces: status tags, the field list of a certificate, the revoke button with its reason. */
import { Button, Input, Modal } from 'antd';
import { useState } from 'react';
import type { CertificateStatus, QualificationStatus, SessionStatus } from '../../../shared/certificates.js';
import { api } from '../../api.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';

export function CertStatusTag({ status }: { status: CertificateStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={status === 'valid' ? 'success' : 'error'}>{t(`certificates.certStatus.${status}`)}</ToneTag>;
}

export function QualStatusTag({ status }: { status: QualificationStatus }) {
  const { t } = useI18n();
  const tone = ({ submitted: 'warning', verified: 'success', rejected: 'error', withdrawn: 'neutral' } as const)[status];
  return <ToneTag tone={tone}>{t(`certificates.qualStatus.${status}`)}</ToneTag>;
}

export function SessionStatusTag({ status }: { status: SessionStatus }) {
  const { t } = useI18n();
  const tone = ({ open: 'info', closed: 'warning', published: 'success', cancelled: 'neutral' } as const)[status];
  return <ToneTag tone={tone}>{t(`certificates.sessionStatus.${status}`)}</ToneTag>;
}

export function Fields({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="cert-fields">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Revoke with a reason (required, shown publicly); `onDone` after success. */
export function RevokeButton({ id, number, onDone }: { id: string; number: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/certificates/${id}/transitions/revoke`, { method: 'POST', body: { reason } });
      setOpen(false);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="revoke-open" aria-label={`${t('certificates.common.revoke')} ${number}`}>
        {t('certificates.common.revoke')}
      </Button>
      <Modal
        open={open}
        title={`${t('certificates.common.revoke')} ${number}`}
        okText={t('certificates.common.revokeConfirm')}
        cancelText={t('certificates.common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0, loading: busy, 'data-testid': 'revoke-confirm' } as never}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <label htmlFor="revoke-reason">{t('certificates.common.revokeReason')}</label>
        <Input.TextArea id="revoke-reason" value={reason} maxLength={500} rows={3} onChange={(e) => setReason(e.target.value)} data-testid="revoke-reason" />
        {error ? (
          <p role="alert" style={{ color: '#cf1322' }}>
            {formatError(i18n, error)}
          </p>
        ) : null}
      </Modal>
    </>
  );
}
