/** 培训统计 (official, region-scoped): person-times by programme, city and occupation, with the annual targets. */
import { Card, Col, Empty, Progress, Row, Select, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { StatGroup, TrainingStats } from './training-types.js';

function GroupTable({ title, rows, label }: { title: string; rows: StatGroup[]; label: (g: StatGroup) => string }) {
  const { t } = useI18n();
  return (
    <Card title={<h2 className="event-h2">{title}</h2>} size="small">
      <Table<StatGroup>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title, key: 'label', render: (_: unknown, g: StatGroup) => label(g) },
          { title: t('training.stats.enrolled'), dataIndex: 'enrolled', key: 'enrolled', align: 'right' as const },
          { title: t('training.stats.completed'), dataIndex: 'completed', key: 'completed', align: 'right' as const },
        ]}
      />
    </Card>
  );
}

export function TrainingStatsPage() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const { data, error, reload } = useApi<TrainingStats>('/api/training/stats', { year });
  const target = (key: 'digitalTechnicians' | 'entrepreneurs', label: string) => {
    const tg = data?.targets[key];
    if (!tg) return null;
    return (
      <Card size="small" data-testid={`target-${key}`}>
        <Typography.Text strong>{t(label as 'training.stats.technicians', { target: tg.target.toLocaleString('zh-CN') })}</Typography.Text>
        <Progress
          aria-label={t(label as 'training.stats.technicians', { target: tg.target.toLocaleString('zh-CN') })}
          percent={Math.min(100, Math.round((tg.completed / tg.target) * 1000) / 10)}
        />
        <Typography.Text type="secondary">{t('training.stats.progress', { completed: tg.completed, enrolled: tg.enrolled })}</Typography.Text>
      </Card>
    );
  };
  return (
    <>
      <PageHeader title={t('training.stats.title')} intro={t('training.stats.intro')} />
      <Select
        aria-label={t('training.stats.year')}
        value={year}
        onChange={setYear}
        style={{ minWidth: 120, marginBottom: 16 }}
        options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
      />
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6} xl={6}>
              <Card size="small">
                <Statistic title={t('training.stats.enrolled')} value={data.totals.enrolled} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={6}>
              <Card size="small">
                <Statistic title={t('training.stats.completed')} value={data.totals.completed} />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              {target('digitalTechnicians', 'training.stats.technicians')}
            </Col>
            <Col xs={24} md={12} xl={6}>
              {target('entrepreneurs', 'training.stats.entrepreneurs')}
            </Col>
          </Row>
          {data.totals.enrolled === 0 ? <Empty description={t('training.stats.empty')} /> : null}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <GroupTable title={t('training.stats.byProgramme')} rows={data.byProgramme} label={(g) => t(`training.programme.${g.key as 'digital_skills'}`)} />
            </Col>
            <Col xs={24} lg={12}>
              <GroupTable title={t('training.stats.byCity')} rows={data.byCity} label={(g) => g.label ?? g.key} />
            </Col>
            <Col xs={24}>
              <GroupTable
                title={t('training.stats.byOccupation')}
                rows={data.byOccupation}
                label={(g) => (g.key ? `${g.label ?? ''}（${g.key}）` : t('training.stats.noOccupation'))}
              />
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
