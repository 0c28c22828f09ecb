/** 我的投递 (talent): every application with its progress, the 7-day "no answer" warning and withdraw. */
import { Alert, App, Card, Empty, Popconfirm, Space, Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { ApplicationStatusTag, ApplicationSteps } from './ApplicationBits.js';
import type { ApplicationView } from './application-types.js';
import { useApplicationTransition } from './useApplicationTransition.js';

function ApplicationCard({ item, onChanged }: { item: ApplicationView; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, send } = useApplicationTransition();
  const withdraw = async () => {
    const done = await send(item.id, 'withdraw');
    if (done) {
      void message.success(t('applications.mine.withdrawn'));
      onChanged();
    }
  };
  return (
    <Card data-testid="my-application" data-status={item.status}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            <Link to={`/jobs/${item.jobId}`}>{item.jobTitle}</Link>
          </Typography.Title>
          <ApplicationStatusTag status={item.status} />
        </Space>
        <Typography.Text type="secondary">
          {item.orgName ?? '—'} · {t('applications.mine.submittedAt', { date: dayjs(item.submittedAt).format('YYYY-MM-DD') })}
        </Typography.Text>
        {item.stale ? <Alert type="warning" showIcon title={t('applications.mine.stale')} data-testid="stale-warning" /> : null}
        <ApplicationSteps status={item.status} history={item.history ?? []} />
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        {item.allowedActions.includes('withdraw') ? (
          <Popconfirm
            title={t('applications.mine.withdrawConfirm', { title: item.jobTitle })}
            okText={t('applications.mine.withdraw')}
            cancelText={t('common.cancel')}
            onConfirm={() => void withdraw()}
          >
            <Button danger loading={busy} aria-label={`${t('applications.mine.withdraw')}：${item.jobTitle}`}>
              {t('applications.mine.withdraw')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Card>
  );
}

export function MyApplicationsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: ApplicationView[] }>('/api/applications/mine');
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('applications.mine.title')} intro={t('applications.mine.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? (
        <Empty description={t('applications.mine.empty')}>
          <Link to="/jobs">{t('nav.jobs')}</Link>
        </Empty>
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-applications">
        {items.map((item) => (
          <ApplicationCard key={item.id} item={item} onChanged={reload} />
        ))}
      </Space>
    </>
  );
}
