/** 人力资源服务机构 (public): registered agencies with their licence, services and region; filters by city and service. */
import { Card, Col, Empty, Input, Pagination, Row, Select, Skeleton, Space, Typography } from 'antd';
import { AgencyService } from '../../../shared/agencies.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { AgencyEntry } from './agencies-types.js';
import { LicenceFlags, ServiceTags } from './AgencyBits.js';
import './agencies.css';

const PAGE_SIZE = 20;

function AgencyCard({ entry }: { entry: AgencyEntry }) {
  const { t } = useI18n();
  return (
    <Card
      title={<h2 className="card-title agency-card-title">{entry.orgName}</h2>}
      extra={<Typography.Text type="secondary">{entry.regionName}</Typography.Text>}
      data-testid="agency-card"
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <ServiceTags services={entry.services} />
        {entry.description ? <Typography.Paragraph style={{ marginBottom: 0 }}>{entry.description}</Typography.Paragraph> : null}
        <Typography.Text type="secondary" className="agency-licence">
          {t('agencies.directory.licence', { number: entry.licenceNumber })}
        </Typography.Text>
        <Space wrap size={6}>
          <Typography.Text type="secondary">
            {entry.issuingAuthority} · {t('agencies.directory.validTo', { date: entry.validTo })}
          </Typography.Text>
          <LicenceFlags entry={entry} />
        </Space>
      </Space>
    </Card>
  );
}

export function AgencyDirectoryPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const { regions } = useRegions();
  const query = {
    region: filters.get('region') || undefined,
    service: filters.get('service') || undefined,
    q: filters.get('q') || undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  };
  const { data, error, loading, reload } = useApi<{ total: number; items: AgencyEntry[] }>('/api/agencies', query);
  const cities = (regions ?? []).filter((r) => r.level === 'city' || r.level === 'special');
  return (
    <>
      <PageHeader title={t('agencies.directory.title')} intro={t('agencies.directory.intro')} />
      <search className="filters">
        <div className="filter-item">
          <label htmlFor="agency-region">{t('agencies.directory.region')}</label>
          <Select
            id="agency-region"
            value={filters.get('region')}
            onChange={(region) => filters.update({ region })}
            options={[{ value: '', label: t('common.all') }, ...cities.map((c) => ({ value: c.code, label: c.name }))]}
          />
        </div>
        <div className="filter-item">
          <label htmlFor="agency-service">{t('agencies.directory.service')}</label>
          <Select
            id="agency-service"
            value={filters.get('service')}
            onChange={(service) => filters.update({ service })}
            options={[{ value: '', label: t('common.all') }, ...AgencyService.options.map((s) => ({ value: s, label: t(`agencies.service.${s}`) }))]}
          />
        </div>
        <div className="filter-item">
          <label htmlFor="agency-q">{t('agencies.directory.q')}</label>
          <Input.Search id="agency-q" defaultValue={filters.get('q')} allowClear maxLength={40} onSearch={(q) => filters.update({ q: q.trim() })} />
        </div>
      </search>
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data && data.items.length === 0 ? <Empty description={t('agencies.directory.empty')} /> : null}
      <Row gutter={[16, 16]} data-testid="agency-directory">
        {(data?.items ?? []).map((entry) => (
          <Col key={entry.id} xs={24} lg={12}>
            <AgencyCard entry={entry} />
          </Col>
        ))}
      </Row>
      {data && data.total > PAGE_SIZE ? (
        <Pagination
          style={{ marginTop: 16 }}
          current={filters.page}
          pageSize={PAGE_SIZE}
          total={data.total}
          showTotal={(total) => t('common.total', { total })}
          onChange={(page) => filters.update({ page })}
        />
      ) : null}
    </>
  );
}
