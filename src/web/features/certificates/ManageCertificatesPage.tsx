/** 证书与资格核验 (official): the region's qualification declarations to verify or reject, and certificate lookup with revocation. */
import { Alert, App, Button, Card, Empty, Input, Modal, Space, Tabs, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { CertStatusTag, Fields, QualStatusTag, RevokeButton } from './CertificateBits.js';
import type { CertificateView, QualificationView } from './certificate-types.js';
import './certificates.css';

function Queue() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { data, error, reload } = useApi<QualificationView[]>('/api/certificates/qualifications/queue');
  const [rejecting, setRejecting] = useState<QualificationView | null>(null);
  const [reason, setReason] = useState('');
  const [cmdError, setCmdError] = useState<unknown>(null);
  const act = async (id: string, action: 'verify' | 'reject', body: Record<string, unknown> = {}) => {
    setCmdError(null);
    try {
      await api(`/api/certificates/qualifications/${id}/transitions/${action}`, { method: 'POST', body });
      void message.success(t(`certificates.qualStatus.${action === 'verify' ? 'verified' : 'rejected'}`));
      setRejecting(null);
      setReason('');
      reload();
    } catch (err) {
      setCmdError(err);
    }
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <ErrorAlert error={error} onRetry={reload} />
      {cmdError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmdError)} /> : null}
      {data && data.length === 0 ? <Empty description={t('certificates.manage.queueEmpty')} /> : null}
      {(data ?? []).map((q) => (
        <Card
          key={q.id}
          size="small"
          data-testid="qualification"
          title={`${q.holderName ?? ''} · ${q.title}（${t(`certificates.qualLevel.${q.level}`)}）`}
          extra={<QualStatusTag status={q.status} />}
        >
          <Fields
            rows={[
              [t('certificates.mine.kind'), t(`certificates.qualKind.${q.kind}`)],
              [t('certificates.mine.certificateNo'), q.certificateNo],
              [t('certificates.mine.authority'), q.authority],
              [t('certificates.mine.qualIssuedOn'), q.issuedOn],
              ...(q.occupationName ? ([[t('certificates.mine.qualOccupation'), q.occupationName]] as [string, string][]) : []),
              [
                t('certificates.mine.evidence'),
                <a key="evidence" href={`/api/certificates/qualifications/${q.id}/evidence`} target="_blank" rel="noreferrer">
                  {q.evidence?.fileName ?? t('certificates.mine.viewEvidence')}
                </a>,
              ],
            ]}
          />
          <Space wrap style={{ marginTop: 8 }}>
            {q.allowedActions.includes('verify') ? (
              <Button type="primary" onClick={() => void act(q.id, 'verify')}>
                {t('certificates.manage.verify')}
              </Button>
            ) : null}
            {q.allowedActions.includes('reject') ? (
              <Button danger onClick={() => setRejecting(q)}>
                {t('certificates.manage.reject')}
              </Button>
            ) : null}
          </Space>
        </Card>
      ))}
      <Modal
        open={rejecting !== null}
        title={t('certificates.manage.reject')}
        okText={t('certificates.common.submit')}
        cancelText={t('certificates.common.cancel')}
        okButtonProps={{ danger: true, disabled: reason.trim().length === 0 }}
        onOk={() => rejecting && void act(rejecting.id, 'reject', { reason })}
        onCancel={() => setRejecting(null)}
      >
        <label htmlFor="reject-reason">{t('certificates.manage.rejectReason')}</label>
        <Input.TextArea id="reject-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}

function Lookup() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [value, setValue] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const { data, error, reload } = useApi<{ items: CertificateView[]; numberCheck: string | null }>(
    number ? '/api/certificates' : null,
    number ? { number } : undefined,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setNumber(value.trim() || null);
  };
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <form className="verify-form" onSubmit={submit} aria-label={t('certificates.manage.lookup')}>
        <Input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t('certificates.manage.lookupPlaceholder')}
          aria-label={t('certificates.common.number')}
          maxLength={40}
        />
        <Button htmlType="submit" type="primary">
          {t('certificates.manage.lookupSubmit')}
        </Button>
      </form>
      <ErrorAlert error={error} onRetry={reload} />
      {data?.numberCheck ? <Alert type="warning" showIcon title={t('certificates.manage.numberInvalid')} /> : null}
      {data && !data.numberCheck && data.items.length === 0 ? <Empty description={t('certificates.manage.lookupEmpty')} /> : null}
      {(data?.items ?? []).map((c) => (
        <Card key={c.id} size="small" data-testid="lookup-certificate">
          <Space wrap style={{ marginBottom: 8 }}>
            <span className="cert-number">{c.numberDisplay}</span>
            <CertStatusTag status={c.status} />
          </Space>
          <Fields
            rows={[
              [t('certificates.common.holder'), c.holderName],
              [t('certificates.common.occupation'), `${c.occupationName ?? c.occupationCode} · ${c.levelName ?? ''}`],
              [t('certificates.common.issuer'), c.issuerName],
              [t('certificates.common.issuedOn'), c.issuedOn],
              ...(c.revokedReason ? ([[t('certificates.common.revokedReason'), c.revokedReason]] as [string, string][]) : []),
            ]}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Link to={c.verifyPath}>{t('certificates.common.openVerify')}</Link>
            {c.allowedActions.includes('revoke') ? (
              <RevokeButton
                id={c.id}
                number={c.numberDisplay}
                onDone={() => {
                  void message.success(t('certificates.common.revoked'));
                  reload();
                }}
              />
            ) : null}
          </Space>
        </Card>
      ))}
      <Typography.Text type="secondary">{t('certificates.manage.intro')}</Typography.Text>
    </Space>
  );
}

export function ManageCertificatesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('certificates.manage.title')} intro={t('certificates.manage.intro')} />
      <Tabs
        items={[
          { key: 'queue', label: t('certificates.manage.queue'), children: <Queue /> },
          { key: 'lookup', label: t('certificates.manage.lookup'), children: <Lookup /> },
        ]}
      />
    </>
  );
}
