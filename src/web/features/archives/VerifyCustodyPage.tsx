/** 存档证明核验 (public): is this custody certificate genuine, and is the archive still held there? */
import { Alert, Card, Typography } from 'antd';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Verify {
  result: 'valid' | 'superseded' | 'not_found';
  certificate: { code: string; holderName: string; custodianName: string; issuedAt: string } | null;
}

export function VerifyCustodyPage() {
  const { t } = useI18n();
  const { code } = useParams();
  const { data, error, reload } = useApi<Verify>(code ? `/api/archives/custody/verify/${encodeURIComponent(code)}` : null);
  const c = data?.certificate;
  return (
    <>
      <PageHeader title={t('archives.verify.title')} />
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <Card data-testid="custody-verify" data-result={data.result}>
          <Alert
            showIcon
            type={data.result === 'valid' ? 'success' : data.result === 'superseded' ? 'warning' : 'error'}
            title={
              data.result === 'not_found'
                ? t('archives.verify.notFound')
                : t(data.result === 'valid' ? 'archives.verify.valid' : 'archives.verify.superseded', { custodian: c?.custodianName ?? '' })
            }
          />
          {c ? (
            <Typography.Paragraph style={{ marginTop: 12 }}>
              {t('archives.verify.holder', { name: c.holderName })}
              <br />
              {t('archives.verify.issued', { date: c.issuedAt.slice(0, 10) })}
              <br />
              {c.code}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
