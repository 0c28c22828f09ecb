/** 孵化载体工作台 (host: the operator of carriers): applications and incubations at my carriers, with milestones. */
import { Empty, Space } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { IncubationCard } from './IncubationCard.js';
import type { IncubationView } from './types.js';

/** Also the officials' 在孵项目 tab (read-only: the server sends them no actions). */
export function IncubationList() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: IncubationView[] }>('/api/ventures/incubations');
  const items = data?.items ?? [];
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.carrier.empty')} /> : null}
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {items.map((i) => (
          <IncubationCard key={i.id} inc={i} onChanged={reload} showProject />
        ))}
      </Space>
    </>
  );
}

export function CarrierDeskPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('ventures.carrier.title')} intro={t('ventures.carrier.intro')} />
      <IncubationList />
    </>
  );
}
