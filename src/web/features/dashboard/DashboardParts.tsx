/**
 * Building blocks of the dashboard page: a chart section (title, chart, its data table for screen readers, and
 * the CSV and Excel exports) and an indicator card with progress against its target.
 */
import { Button, Card, Progress, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { IndicatorValue } from '../../../shared/dashboard.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatValue } from './dashboard-format.js';

export function ChartSection(props: {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  onExport: () => void;
  /** GET /api/dashboard/export.xlsx?… for the same rows as the CSV. */
  xlsxHref: string;
  testId: string;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      className="dash-section"
      data-testid={props.testId}
      title={
        <Typography.Title level={2} className="dash-section-title">
          {props.title}
        </Typography.Title>
      }
      extra={
        <Space size={4} wrap>
          <Button size="small" onClick={props.onExport}>
            {t('dashboard.exportCsv')}
          </Button>
          <Button size="small" href={props.xlsxHref} download data-testid={`${props.testId}-xlsx`}>
            {t('dashboard.exportXlsx')}
          </Button>
        </Space>
      }
    >
      {props.extra}
      {props.chart}
      <details className="dash-table" open>
        <summary>{t('dashboard.tableView')}</summary>
        {props.table}
      </details>
    </Card>
  );
}

export function IndicatorCard({ v, selected, onSelect }: { v: IndicatorValue; selected: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  const noData = t('dashboard.noData');
  const name = t(`dashboard.indicators.${v.key}` as MessageKey);
  const percent = v.target && v.value !== null ? Math.min(100, Math.round((v.value / v.target) * 100)) : null;
  return (
    <Card
      size="small"
      className={selected ? 'dash-card selected' : 'dash-card'}
      data-testid={`dash-card-${v.key}`}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <div className="dash-card-name">{name}</div>
      {!v.available ? (
        <div title={t('dashboard.noDataHint')}>
          <Tag>{noData}</Tag>
        </div>
      ) : (
        <div className="dash-card-value" data-testid={`dash-value-${v.key}`}>
          {v.value === null ? t('dashboard.noSample') : formatValue(v.key, v.value, noData)}
        </div>
      )}
      {v.target !== null ? (
        <div className="dash-card-target">
          <Typography.Text type="secondary">{t('dashboard.target', { value: formatValue(v.key, v.target, noData) })}</Typography.Text>
          {percent !== null ? <Progress percent={percent} size="small" aria-label={t('dashboard.progress', { percent })} /> : null}
        </div>
      ) : null}
    </Card>
  );
}

/** The chart export URL (same-origin GET; the session cookie authorises it). */
export function xlsxHref(params: { view: 'breakdown' | 'trend' | 'occupations'; regionCode: string; year: number; indicator?: string }): string {
  const q = new URLSearchParams({ view: params.view, regionCode: params.regionCode, year: String(params.year) });
  if (params.indicator) q.set('indicator', params.indicator);
  return `/api/dashboard/export.xlsx?${q.toString()}`;
}
