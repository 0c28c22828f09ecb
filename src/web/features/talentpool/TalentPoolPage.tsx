/** 人才库 (verified employers): search the profiles opened to employers and invite a talent. */
import { Empty, Pagination, Space, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { InviteModal } from './InviteModal.js';
import { TalentCard } from './TalentCard.js';
import { TALENT_FILTER_KEYS, TalentFilters } from './TalentFilters.js';
import type { TalentItem, TalentSearchResult } from './talentpool-types.js';
import './talentpool.css';

const PAGE_SIZE = 20;

export function TalentPoolPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const query: Record<string, string | number> = { page: filters.page, pageSize: PAGE_SIZE };
  for (const k of TALENT_FILTER_KEYS) if (filters.get(k)) query[k] = filters.get(k);
  const { data, error, loading, reload } = useApi<TalentSearchResult>('/api/talent-pool/search', query);
  const [inviting, setInviting] = useState<TalentItem | null>(null);
  return (
    <>
      <PageHeader title={t('talentpool.search.title')} intro={t('talentpool.search.intro')} />
      <TalentFilters filters={filters} />
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <Typography.Paragraph role="status" aria-live="polite" data-testid="talent-total">
          {t(data.totalCapped ? 'talentpool.search.totalCapped' : 'talentpool.search.total', { total: data.total.toLocaleString('zh-CN') })}
        </Typography.Paragraph>
      ) : null}
      {!loading && data && data.items.length === 0 ? <Empty description={t('talentpool.search.empty')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="talent-results" aria-busy={loading}>
        {data?.items.map((item) => (
          <TalentCard key={item.talentId} item={item} names={data.names} onInvite={setInviting} />
        ))}
      </Space>
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 16 }}
          current={filters.page}
          pageSize={PAGE_SIZE}
          total={Math.min(data.total, 500 * PAGE_SIZE)}
          showSizeChanger={false}
          onChange={(page) => filters.update({ page })}
        />
      ) : null}
      <InviteModal
        talent={inviting}
        onClose={() => setInviting(null)}
        onSent={() => {
          setInviting(null);
          reload();
        }}
      />
    </>
  );
}
