/** 证书查验 (public, no account): a form at /verify, the answer at /verify/:number in plain Chinese. */
import { CheckCircleFilled, CloseCircleFilled, StopFilled } from '@ant-design/icons';
import { Alert, Button, Card, Input, Skeleton } from 'antd';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Fields } from './CertificateBits.js';
import type { VerifyAnswer } from './certificate-types.js';
import './certificates.css';

function Answer({ answer }: { answer: VerifyAnswer }) {
  const { t } = useI18n();
  const c = answer.certificate;
  const details = c ? (
    <Card title={t('certificates.verify.details')} size="small" style={{ marginTop: 12 }}>
      <Fields
        rows={[
          [
            t('certificates.common.number'),
            <span key="n" className="cert-number">
              {c.numberDisplay}
            </span>,
          ],
          [t('certificates.common.holder'), c.holderMasked],
          [t('certificates.common.occupation'), `${c.occupationName ?? ''}（${c.occupationCode}）`],
          [t('certificates.common.level'), c.levelName ?? c.levelCode],
          [t('certificates.common.issuer'), c.issuerName],
          [t('certificates.common.issuedOn'), c.issuedOn],
          ...(c.revokedOn ? ([[t('certificates.common.revokedOn'), c.revokedOn]] as [string, string][]) : []),
          ...(c.revokedReason ? ([[t('certificates.common.revokedReason'), c.revokedReason]] as [string, string][]) : []),
        ]}
      />
    </Card>
  ) : null;
  if (answer.result === 'valid')
    return (
      <div className="verify-result" data-testid="verify-result" data-result="valid">
        <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t('certificates.verify.valid')} description={t('certificates.verify.validDesc')} />
        {details}
      </div>
    );
  if (answer.result === 'revoked')
    return (
      <div className="verify-result" data-testid="verify-result" data-result="revoked">
        <Alert
          type="error"
          showIcon
          icon={<StopFilled />}
          title={t('certificates.verify.revoked')}
          description={t('certificates.verify.revokedDesc', { date: c?.revokedOn ?? '', reason: c?.revokedReason ?? '' })}
        />
        {details}
      </div>
    );
  return (
    <div className="verify-result" data-testid="verify-result" data-result={answer.result}>
      <Alert
        type="error"
        showIcon
        icon={<CloseCircleFilled />}
        title={t(`certificates.verify.${answer.result}`)}
        description={t(`certificates.verify.${answer.result}Desc`, { number: answer.number })}
      />
    </div>
  );
}

export function VerifyPage() {
  const { t } = useI18n();
  const { number } = useParams();
  const navigate = useNavigate();
  const [value, setValue] = useState(number ?? '');
  useEffect(() => setValue(number ?? ''), [number]);
  const { data, error, loading, reload } = useApi<VerifyAnswer>(number ? `/api/certificates/verify/${encodeURIComponent(number)}` : null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (v) navigate(`/verify/${encodeURIComponent(v)}`);
  };
  return (
    <>
      <PageHeader title={t('certificates.verify.title')} intro={t('certificates.verify.intro')} />
      <form className="verify-form" onSubmit={submit} aria-label={t('certificates.verify.title')}>
        <label htmlFor="verify-number" className="sr-only">
          {t('certificates.verify.label')}
        </label>
        <Input
          id="verify-number"
          size="large"
          value={value}
          maxLength={40}
          autoComplete="off"
          spellCheck={false}
          placeholder={t('certificates.verify.placeholder')}
          onChange={(e) => setValue(e.target.value)}
          data-testid="verify-input"
        />
        <Button type="primary" size="large" htmlType="submit" data-testid="verify-submit">
          {t('certificates.verify.submit')}
        </Button>
      </form>
      <ErrorAlert error={error} onRetry={reload} />
      {number && loading ? <Skeleton active style={{ marginTop: 20 }} /> : null}
      {number && data && !loading ? <Answer answer={data} /> : null}
      {number && data && !loading ? (
        <p style={{ marginTop: 16 }}>
          <Link to="/verify">{t('certificates.verify.another')}</Link>
        </p>
      ) : null}
    </>
  );
}
