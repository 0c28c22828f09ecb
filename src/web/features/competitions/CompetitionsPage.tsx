/** 竞赛 (public, no account): published competitions. */
import { Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { KindTag, StatusTag } from './CompetitionBits.js';
import type { CompetitionSummary } from './types.js';

export function CompetitionsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: CompetitionSummary[] }>('/api/competitions');
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('competitions.list.title')} intro={t('competitions.list.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('competitions.list.empty')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((c) => (
          <Card size="small" key={c.id} data-testid="competition-card">
            <Space wrap size={[8, 4]}>
              <KindTag kind={c.kind} />
              <StatusTag status={c.status} />
            </Space>
            <Typography.Title level={2} style={{ fontSize: 18, margin: '8px 0' }}>
              <Link to={`/competitions/${c.id}`}>{c.title}</Link>
            </Typography.Title>
            <Typography.Text type="secondary">
              {c.organiser} · {t('competitions.list.deadline', { date: c.registrationDeadline.slice(0, 10) })}
            </Typography.Text>
          </Card>
        ))}
      </Space>
    </>
  );
}
