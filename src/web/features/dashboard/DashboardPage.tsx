/**
 * 数据看板 (officials, administrators): indicators of the region and year with progress against targets, a
 * map of Jiangxi coloured by any indicator (province) or bars per county (city), drill-down, monthly trend,
 * training and certificates by occupation, and a view per department. Every chart has its data table and a
 * CSV and Excel export (月度报告 at /dashboard/reports). State lives in the URL (?region&year&dept&indicator) so a view can be bookmarked.
 */
import { Alert, Button, Col, Row, Select, Skeleton, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  type BreakdownResponse,
  DEPARTMENT_VIEWS,
  type IndicatorKey,
  IndicatorKey as IndicatorKeys,
  type OccupationResponse,
  type SummaryResponse,
  type TrendResponse,
} from '../../../shared/dashboard.js';
import { Department } from '../../../shared/roles.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { BarChart, ChoroplethMap, type GeoCollection, MonthChart } from './DashboardCharts.js';
import { ChartSection, IndicatorCard, xlsxHref } from './DashboardParts.js';
import { csvValue, downloadCsv, formatValue } from './dashboard-format.js';
import './dashboard.css';

interface RegionItem {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}
const PROVINCE = '360000';
const thisYear = () => Number(dayjs().format('YYYY'));

export function DashboardPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const regionsApi = useApi<{ home: string; regions: RegionItem[] }>('/api/dashboard/regions');
  const home = regionsApi.data?.home ?? me?.user.regionCode ?? PROVINCE;
  const region = params.get('region') ?? home;
  const year = Number(params.get('year') ?? thisYear());
  const dept = Department.safeParse(params.get('dept') ?? me?.user.department ?? 'hrss').data ?? 'hrss';
  const shown = DEPARTMENT_VIEWS[dept];
  const indicator = IndicatorKeys.safeParse(params.get('indicator')).data ?? (shown[0] as IndicatorKey);
  const set = (patch: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...patch }), { replace: false });

  const regions = regionsApi.data?.regions ?? [];
  const current = regions.find((r) => r.code === region);
  const regionName = current?.name ?? region;
  const hasChildren = regions.some((r) => r.parentCode === region);
  const query = { regionCode: region, year };
  const summary = useApi<SummaryResponse>(regionsApi.data ? '/api/dashboard/summary' : null, query);
  const breakdown = useApi<BreakdownResponse>(regionsApi.data && hasChildren ? '/api/dashboard/breakdown' : null, { ...query, indicator });
  const trend = useApi<TrendResponse>(regionsApi.data ? '/api/dashboard/trend' : null, { ...query, indicator });
  const occupations = useApi<OccupationResponse>(regionsApi.data ? '/api/dashboard/occupations' : null, query);
  const isCity = current?.level === 'city';
  const geo = useApi<GeoCollection>((region === PROVINCE || isCity) && regionsApi.data ? '/api/dashboard/geo/cities' : null);
  const ownValue = summary.data?.indicators.find((i) => i.key === indicator)?.value ?? null;

  const noData = t('dashboard.noData');
  const fmt = (v: number | null) => formatValue(indicator, v, noData);
  const indicatorName = t(`dashboard.indicators.${indicator}` as MessageKey);
  const cards = useMemo(
    () => (summary.data ? shown.map((k) => summary.data?.indicators.find((i) => i.key === k)).filter((v) => !!v) : []),
    [summary.data, shown],
  );
  const parentCode = current?.parentCode && regions.some((r) => r.code === current.parentCode) ? current.parentCode : null;
  const years = [thisYear(), thisYear() - 1, thisYear() - 2];
  const unavailable = breakdown.data && !breakdown.data.available;

  const breakdownRows = breakdown.data?.rows ?? [];
  const mapValues = new Map(breakdownRows.map((r) => [r.regionCode, r.value]));
  const exportBreakdown = () =>
    downloadCsv(
      `${regionName}-${indicatorName}-${year}.csv`,
      [t('dashboard.region'), t('dashboard.value'), t('dashboard.targets.value')],
      [
        ...breakdownRows.map((r) => [r.regionName, csvValue(indicator, r.value), r.target ?? '']),
        ...(breakdown.data?.unattributed ? [[t('dashboard.unattributed', { region: regionName }), csvValue(indicator, breakdown.data.unattributed), '']] : []),
      ],
    );

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        intro={t('dashboard.intro')}
        extra={
          me?.user.role === 'official' ? (
            <Space size="middle" wrap>
              <Link to="/dashboard/reports" data-testid="dash-reports-link">
                {t('dashboard.reportsLink')}
              </Link>
              <Link to="/dashboard/targets">{t('dashboard.targetsLink')}</Link>
            </Space>
          ) : null
        }
      />
      <ErrorAlert error={regionsApi.error ?? summary.error} onRetry={summary.reload} />
      <Space wrap className="dash-controls">
        <span className="dash-control">
          <span className="dash-control-label" aria-hidden="true">
            {t('dashboard.region')}
          </span>
          <Select
            aria-label={t('dashboard.region')}
            data-testid="dash-region"
            value={region}
            onChange={(v) => set({ region: v })}
            showSearch
            optionFilterProp="label"
            style={{ minWidth: 180 }}
            options={regions.map((r) => ({ value: r.code, label: r.name }))}
          />
        </span>
        <span className="dash-control">
          <span className="dash-control-label" aria-hidden="true">
            {t('dashboard.year')}
          </span>
          <Select
            aria-label={t('dashboard.year')}
            value={year}
            onChange={(v) => set({ year: String(v) })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
        </span>
        <span className="dash-control">
          <span className="dash-control-label" aria-hidden="true">
            {t('dashboard.department')}
          </span>
          <Select
            aria-label={t('dashboard.department')}
            data-testid="dash-dept"
            value={dept}
            onChange={(v) => set({ dept: v, indicator: DEPARTMENT_VIEWS[v][0] as string })}
            style={{ minWidth: 120 }}
            options={Department.options.map((d) => ({ value: d, label: t(`dashboard.departments.${d}` as MessageKey) }))}
          />
        </span>
        {parentCode ? (
          <Button onClick={() => set({ region: parentCode })} data-testid="dash-up">
            {t('dashboard.up')}
          </Button>
        ) : null}
      </Space>

      <Typography.Title level={2} className="dash-region-title" data-testid="dash-region-title">
        {`${regionName} · ${year}`}
      </Typography.Title>
      {summary.loading && !summary.data ? <Skeleton active /> : null}
      <Row gutter={[12, 12]} className="dash-cards">
        {cards.map((v) => (
          <Col key={v.key} xs={12} md={8} xl={6}>
            <IndicatorCard v={v} selected={v.key === indicator} onSelect={() => set({ indicator: v.key })} />
          </Col>
        ))}
      </Row>

      <Space wrap className="dash-controls">
        <span className="dash-control">
          <span className="dash-control-label" aria-hidden="true">
            {t('dashboard.indicator')}
          </span>
          <Select
            aria-label={t('dashboard.indicator')}
            data-testid="dash-indicator"
            value={indicator}
            onChange={(v) => set({ indicator: v })}
            style={{ minWidth: 260 }}
            options={IndicatorKeys.options.map((k) => ({ value: k, label: t(`dashboard.indicators.${k}` as MessageKey) }))}
          />
        </span>
      </Space>
      {unavailable ? <Alert type="info" showIcon title={t('dashboard.noDataHint')} className="dash-nodata" /> : null}

      {hasChildren ? (
        <ChartSection
          testId="dash-breakdown"
          title={
            region === PROVINCE
              ? t('dashboard.mapTitle', { region: regionName, indicator: indicatorName })
              : t('dashboard.breakdownTitle', { region: regionName, indicator: indicatorName })
          }
          onExport={exportBreakdown}
          xlsxHref={xlsxHref({ view: 'breakdown', ...query, indicator })}
          extra={region === PROVINCE ? <Typography.Paragraph type="secondary">{t('dashboard.mapHint')}</Typography.Paragraph> : null}
          chart={
            region === PROVINCE ? (
              <>
                {geo.data ? (
                  <ChoroplethMap
                    geo={geo.data}
                    values={mapValues}
                    label={t('dashboard.chartLabel', { title: t('dashboard.mapTitle', { region: regionName, indicator: indicatorName }) })}
                    format={fmt}
                    noDataText={t('dashboard.mapLegendNone')}
                    onSelect={(code) => (regions.some((r) => r.code === code) ? set({ region: code }) : undefined)}
                  />
                ) : (
                  <Skeleton active />
                )}
                <Typography.Paragraph type="secondary" className="dash-caveat" data-testid="dash-map-caveat">
                  {t('dashboard.mapCaveat')}
                </Typography.Paragraph>
              </>
            ) : (
              <>
                {isCity && geo.data ? (
                  <>
                    <ChoroplethMap
                      geo={geo.data}
                      only={region}
                      values={new Map([[region, ownValue]])}
                      label={t('dashboard.chartLabel', { title: t('dashboard.mapTitle', { region: regionName, indicator: indicatorName }) })}
                      format={fmt}
                      noDataText={t('dashboard.mapLegendNone')}
                    />
                    <Typography.Paragraph type="secondary" className="dash-caveat" data-testid="dash-map-caveat">
                      {t('dashboard.mapCaveat')}
                    </Typography.Paragraph>
                  </>
                ) : null}
                <BarChart
                  rows={breakdownRows.map((r) => ({ key: r.regionCode, label: r.regionName, value: r.value }))}
                  label={t('dashboard.chartLabel', { title: t('dashboard.breakdownTitle', { region: regionName, indicator: indicatorName }) })}
                  format={fmt}
                />
              </>
            )
          }
          table={
            <Table
              size="small"
              rowKey="regionCode"
              pagination={false}
              data-testid="dash-breakdown-table"
              dataSource={[
                ...breakdownRows,
                ...(breakdown.data?.unattributed
                  ? [
                      {
                        regionCode: `${region}-self`,
                        regionName: t('dashboard.unattributed', { region: regionName }),
                        value: breakdown.data.unattributed,
                        target: null,
                      },
                    ]
                  : []),
              ]}
              columns={[
                {
                  title: t('dashboard.region'),
                  dataIndex: 'regionName',
                  render: (name: string, r: { regionCode: string }) =>
                    regions.some((x) => x.parentCode === r.regionCode) ? (
                      <Button type="link" size="small" className="dash-drill" onClick={() => set({ region: r.regionCode })}>
                        {name}
                      </Button>
                    ) : (
                      name
                    ),
                },
                { title: indicatorName, dataIndex: 'value', align: 'right', render: (v: number | null) => fmt(v) },
                { title: t('dashboard.targets.value'), dataIndex: 'target', align: 'right', render: (v: number | null) => (v === null ? '—' : fmt(v)) },
              ]}
            />
          }
        />
      ) : null}

      {trend.data ? (
        <ChartSection
          testId="dash-trend"
          xlsxHref={xlsxHref({ view: 'trend', ...query, indicator })}
          title={t('dashboard.trendTitle', { region: regionName, indicator: indicatorName })}
          onExport={() =>
            downloadCsv(
              `${regionName}-${indicatorName}-${year}-monthly.csv`,
              [t('dashboard.month'), indicatorName],
              trend.data?.points.map((p) => [p.month, csvValue(indicator, p.value)]) ?? [],
            )
          }
          chart={
            <MonthChart
              points={trend.data.points}
              label={t('dashboard.chartLabel', { title: t('dashboard.trendTitle', { region: regionName, indicator: indicatorName }) })}
              format={fmt}
            />
          }
          table={
            <Table
              size="small"
              rowKey="month"
              pagination={false}
              dataSource={trend.data.points}
              columns={[
                { title: t('dashboard.month'), dataIndex: 'month' },
                { title: indicatorName, dataIndex: 'value', align: 'right', render: (v: number | null) => fmt(v) },
              ]}
            />
          }
        />
      ) : null}

      {occupations.data ? (
        <ChartSection
          testId="dash-occupations"
          xlsxHref={xlsxHref({ view: 'occupations', ...query })}
          title={t('dashboard.occupationTitle')}
          onExport={() =>
            downloadCsv(
              `${regionName}-occupations-${year}.csv`,
              [t('dashboard.occupation'), 'code', t('dashboard.enrolled'), t('dashboard.completed'), t('dashboard.certified')],
              occupations.data?.rows.map((r) => [r.occupationName ?? '', r.occupationCode, r.enrolled, r.completed, r.certified]) ?? [],
            )
          }
          chart={
            occupations.data.rows.length ? (
              <BarChart
                rows={occupations.data.rows
                  .slice(0, 10)
                  .map((r) => ({ key: r.occupationCode, label: (r.occupationName ?? r.occupationCode).slice(0, 10), value: r.completed }))}
                label={t('dashboard.chartLabel', { title: `${t('dashboard.occupationTitle')} · ${t('dashboard.completed')}` })}
                format={(v) => (v === null ? noData : String(v))}
              />
            ) : null
          }
          table={
            <Table
              size="small"
              rowKey="occupationCode"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={occupations.data.rows}
              locale={{ emptyText: !occupations.data.available.training && !occupations.data.available.certificates ? noData : undefined }}
              columns={[
                { title: t('dashboard.occupation'), dataIndex: 'occupationName', render: (n: string | null, r) => `${n ?? ''}（${r.occupationCode}）` },
                {
                  title: t('dashboard.enrolled'),
                  dataIndex: 'enrolled',
                  align: 'right',
                  render: (v: number) => (occupations.data?.available.training ? v : noData),
                },
                {
                  title: t('dashboard.completed'),
                  dataIndex: 'completed',
                  align: 'right',
                  render: (v: number) => (occupations.data?.available.training ? v : noData),
                },
                {
                  title: t('dashboard.certified'),
                  dataIndex: 'certified',
                  align: 'right',
                  render: (v: number) => (occupations.data?.available.certificates ? v : noData),
                },
              ]}
            />
          }
        />
      ) : null}
      {summary.data ? (
        <Typography.Text type="secondary">{t('dashboard.asOf', { time: dayjs(summary.data.asOf).format('YYYY-MM-DD HH:mm:ss') })}</Typography.Text>
      ) : null}
    </>
  );
}
