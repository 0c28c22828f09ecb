/**
 * 工资价位, public: choose occupation, area and year; see the percentile box of that cell, all areas side by
 * side and as a table, download the same rows as CSV, and read how the numbers are made.
 */
import { Alert, Button, Card, Segmented, Select, Skeleton, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { OpenEnvelope, WageCell, WageOptions, WageSource } from '../../../shared/wages.js';
import { withQuery } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { WageBox, WageCompare } from './WageCharts.js';
import { compareOrder, formatYuan } from './wages-format.js';
import './wages.css';

const PREFERRED_OCCUPATION = '2-02-10-03';
const PROVINCE = '360000';

function useSelection(options: WageOptions | undefined) {
  const filters = useUrlFilters();

  const occupation =
    filters.get('occupation') ||
    (options?.occupations.some((o) => o.code === PREFERRED_OCCUPATION) ? PREFERRED_OCCUPATION : options?.occupations[0]?.code) ||
    '';
  const city = filters.get('city') || PROVINCE;
  const source = (filters.get('source') || 'postings') as WageSource;
  const year = Number(filters.get('year')) || options?.yearsBySource[source][0] || options?.years[0] || 0;
  return { filters, year, occupation, city, source };
}

function Filters({ options, sel }: { options: WageOptions; sel: ReturnType<typeof useSelection> }) {
  const { t } = useI18n();
  const { filters } = sel;
  return (
    <Card className="wage-filters">
      <div className="filter-item">
        <label htmlFor="wage-occupation">{t('wages.page.occupation')}</label>
        <Select
          id="wage-occupation"
          value={sel.occupation || undefined}
          showSearch={{ optionFilterProp: 'label' }}
          options={options.occupations.map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
          onChange={(v: string) => filters.update({ occupation: v })}
        />
      </div>
      <div className="filter-item">
        <label htmlFor="wage-city">{t('wages.page.city')}</label>
        <Select
          id="wage-city"
          value={sel.city}
          showSearch={{ optionFilterProp: 'label' }}
          options={options.cities.map((c) => ({ value: c.code, label: c.name }))}
          onChange={(v: string) => filters.update({ city: v })}
        />
      </div>
      <div className="filter-item">
        <label htmlFor="wage-year">{t('wages.page.year')}</label>
        <Select
          id="wage-year"
          value={sel.year || undefined}
          options={(options.yearsBySource[sel.source].length ? options.yearsBySource[sel.source] : options.years).map((y) => ({ value: y, label: String(y) }))}
          onChange={(v: number) => filters.update({ year: v })}
        />
      </div>
      <div className="filter-item">
        <span id="wage-source-label">{t('wages.page.source')}</span>
        <Segmented
          aria-labelledby="wage-source-label"
          value={sel.source}
          options={[
            { value: 'postings', label: t('wages.page.sourcePostings') },
            { value: 'survey', label: t('wages.page.sourceSurvey') },
          ]}
          onChange={(v) => filters.update({ source: String(v), year: '' })}
        />
      </div>
    </Card>
  );
}

function CellCard({ cell, occupationName, cityName, year }: { cell: WageCell | undefined; occupationName: string; cityName: string; year: number }) {
  const { t } = useI18n();
  const desktop = useIsDesktop();
  const title = t('wages.page.boxTitle', { city: cityName, occupation: occupationName, year });
  let body: React.ReactNode;
  if (!cell) body = <Alert type="info" showIcon title={t('wages.page.noCell')} />;
  else if (cell.suppressed)
    body = <Alert type="warning" showIcon data-testid="wage-suppressed" title={t('wages.page.suppressedNote', { n: cell.observations })} />;
  else {
    const label = t('wages.page.boxLabel', {
      city: cityName,
      occupation: occupationName,
      year,
      n: cell.observations,
      p10: formatYuan(cell.p10Fen ?? 0),
      p25: formatYuan(cell.p25Fen ?? 0),
      p50: formatYuan(cell.p50Fen ?? 0),
      p75: formatYuan(cell.p75Fen ?? 0),
      p90: formatYuan(cell.p90Fen ?? 0),
    });
    body = (
      <>
        <p className="wage-median" data-testid="wage-median">
          {t('wages.page.p50')}：<strong>{formatYuan(cell.p50Fen ?? 0)}</strong> {t('wages.page.perMonth')}
          <Typography.Text type="secondary">
            （{t('wages.page.observations')} {cell.observations}）
          </Typography.Text>
        </p>
        <WageBox cell={cell} label={label} width={desktop ? 640 : 340} />
        <ul className="wage-values" aria-hidden="true">
          {(['p10Fen', 'p25Fen', 'p50Fen', 'p75Fen', 'p90Fen'] as const).map((k) => (
            <li key={k}>
              <span>{k.slice(0, 3).toUpperCase()}</span> {formatYuan(cell[k] ?? 0)}
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <Card title={<h2 className="card-h2">{title}</h2>} data-testid="wage-cell">
      {body}
    </Card>
  );
}

function CompareCard({ cells, occupationName, year }: { cells: WageCell[]; occupationName: string; year: number }) {
  const { t } = useI18n();
  const desktop = useIsDesktop();
  const money = (v: number | null) => (v === null ? '—' : formatYuan(v));
  const columns = [
    { title: t('wages.page.city'), dataIndex: 'cityName', key: 'city' },
    { title: t('wages.page.observations'), dataIndex: 'observations', key: 'n', align: 'right' as const },
    ...(['p10Fen', 'p25Fen', 'p50Fen', 'p75Fen', 'p90Fen'] as const).map((k) => ({
      title: t(`wages.page.${k.slice(0, 3) as 'p10' | 'p25' | 'p50' | 'p75' | 'p90'}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, c: WageCell) => (c.suppressed ? <Typography.Text type="secondary">—</Typography.Text> : money(c[k])),
    })),
    {
      title: '',
      key: 'note',
      render: (_: unknown, c: WageCell) => (c.suppressed ? <Typography.Text type="secondary">{t('wages.page.suppressed')}</Typography.Text> : null),
    },
  ];
  return (
    <Card title={<h2 className="card-h2">{t('wages.page.compareTitle', { occupation: occupationName, year })}</h2>}>
      <WageCompare cells={cells} label={t('wages.page.compareLabel')} suppressedText={t('wages.page.suppressed')} width={desktop ? 640 : 340} />
      <Typography.Title level={3} className="wage-table-title">
        {t('wages.page.tableTitle')}（{t('wages.page.perMonth')}）
      </Typography.Title>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: this region scrolls sideways on a phone and must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="wage-table-scroll" tabIndex={0} aria-label={t('wages.page.tableTitle')}>
        <Table rowKey="cityCode" size="small" columns={columns} dataSource={cells} pagination={false} data-testid="wage-table" />
      </section>
    </Card>
  );
}

function MethodCard({ attribution }: { attribution: string[] }) {
  const { t } = useI18n();
  return (
    <Card title={<h2 className="card-h2">{t('wages.method.title')}</h2>} className="wage-method">
      <ul>
        <li>{t('wages.method.postings')}</li>
        <li>{t('wages.method.survey')}</li>
        <li>{t('wages.method.percentile')}</li>
        <li>{t('wages.method.suppression')}</li>
        <li>{t('wages.method.freshness')}</li>
        <li>{t('wages.method.caveat')}</li>
        {attribution.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <Link to="/open-data">{t('wages.page.moreOpenData')}</Link>
    </Card>
  );
}

export function WagesPage() {
  const { t } = useI18n();
  const options = useApi<WageOptions>('/api/wages/options');
  const sel = useSelection(options.data);
  const query = { year: sel.year || undefined, occupation: sel.occupation || undefined, source: sel.source, limit: 1000 };
  const cells = useApi<OpenEnvelope<WageCell>>(sel.year && sel.occupation ? '/api/open/wages' : null, query);
  const sorted = useMemo(() => [...(cells.data?.items ?? [])].sort(compareOrder), [cells.data]);
  const occupationName = options.data?.occupations.find((o) => o.code === sel.occupation)?.name ?? sel.occupation;
  const cityName = options.data?.cities.find((c) => c.code === sel.city)?.name ?? sel.city;
  const csvHref = withQuery('/api/open/wages', { ...query, format: 'csv' });
  return (
    <div className="wages-page">
      <PageHeader
        title={t('wages.page.title')}
        intro={t('wages.page.intro')}
        extra={
          <Button href={csvHref} download="wages.csv" data-testid="wage-csv" disabled={!sel.occupation}>
            {t('wages.page.downloadCsv')}
          </Button>
        }
      />
      <ErrorAlert error={options.error ?? cells.error} onRetry={options.reload} />
      {options.loading && !options.data ? <Skeleton active /> : null}
      {options.data && options.data.years.length === 0 ? <Alert type="info" showIcon title={t('wages.page.noData')} /> : null}
      {options.data && options.data.years.length > 0 ? (
        <div className="wage-stack">
          <Filters options={options.data} sel={sel} />
          {cells.loading && !cells.data ? <Skeleton active /> : null}
          {cells.data ? (
            <>
              <CellCard cell={sorted.find((c) => c.cityCode === sel.city)} occupationName={occupationName} cityName={cityName} year={sel.year} />
              {sorted.length > 0 ? <CompareCard cells={sorted} occupationName={occupationName} year={sel.year} /> : null}
            </>
          ) : null}
        </div>
      ) : null}
      <MethodCard attribution={cells.data?.attribution ?? []} />
    </div>
  );
}
