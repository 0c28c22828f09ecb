/** 匹配统计 (officials): skills in demand and in short supply in the own region, and counts per area. */
import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import './matching.css';

interface SkillBalance {
  key: string;
  name: string;
  demand: number;
  supply: number;
  supplyPerPosting: number | null;
}
interface MatchingStats {
  regionCode: string;
  liveJobs: number;
  openProfiles: number;
  topDemanded: SkillBalance[];
  scarcest: SkillBalance[];
  areas: { regionCode: string; jobs: number; talents: number }[];
  asOf: string;
}

function SkillTable({ caption, rows, testId }: { caption: string; rows: SkillBalance[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table<SkillBalance>
      data-testid={testId}
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      title={() => (
        <Typography.Title level={2} className="stats-table-title">
          {caption}
        </Typography.Title>
      )}
      columns={[
        { title: t('matching.stats.skill'), dataIndex: 'name' },
        { title: t('matching.stats.demand'), dataIndex: 'demand', align: 'right' },
        { title: t('matching.stats.supply'), dataIndex: 'supply', align: 'right' },
        { title: t('matching.stats.ratio'), dataIndex: 'supplyPerPosting', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(2)) },
      ]}
    />
  );
}

export function MatchingStatsPage() {
  const { t } = useI18n();
  const { regions } = useRegions();
  const { data, error, loading, reload } = useApi<MatchingStats>('/api/matching/stats');
  const empty = data && data.liveJobs === 0 && data.openProfiles === 0;
  return (
    <>
      <PageHeader title={t('matching.stats.title')} intro={t('matching.stats.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {empty ? <Empty description={t('matching.stats.none')} /> : null}
      {data && !empty ? (
        <div className="stats-page">
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('matching.stats.liveJobs')} value={data.liveJobs} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card>
                <Statistic title={t('matching.stats.openProfiles')} value={data.openProfiles} />
              </Card>
            </Col>
          </Row>
          <SkillTable caption={t('matching.stats.scarcest')} rows={data.scarcest} testId="stats-scarcest" />
          <SkillTable caption={t('matching.stats.topDemanded')} rows={data.topDemanded} testId="stats-demanded" />
          <Table
            data-testid="stats-areas"
            size="small"
            rowKey="regionCode"
            pagination={false}
            dataSource={data.areas}
            title={() => (
              <Typography.Title level={2} className="stats-table-title">
                {t('matching.stats.areas')}
              </Typography.Title>
            )}
            columns={[
              { title: t('matching.stats.area'), dataIndex: 'regionCode', render: (code: string) => regionName(regions, code) },
              { title: t('matching.stats.liveJobs'), dataIndex: 'jobs', align: 'right' },
              { title: t('matching.stats.openProfiles'), dataIndex: 'talents', align: 'right' },
            ]}
          />
          <Typography.Text type="secondary">{t('matching.stats.asOf', { time: dayjs(data.asOf).format('YYYY-MM-DD HH:mm:ss') })}</Typography.Text>
        </div>
      ) : null}
    </>
  );
}
