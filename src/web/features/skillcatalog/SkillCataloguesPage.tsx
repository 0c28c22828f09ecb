/** 技能目录 (public, no account): the catalogue of a kind in force on a day for a place, with Excel download and a link to compare versions. */
import { Card, DatePicker, Select, Space, Switch, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { CatalogueKind } from '../../../shared/skillcatalog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EntriesTable } from './CatalogueBits.js';
import type { InForceAnswer } from './skillcatalog-types.js';
import './skillcatalog.css';

export function SkillCataloguesPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const kind = (filters.get('kind') || 'training_subsidy') as CatalogueKind;
  const regionCode = filters.get('region') || '360000';
  const on = filters.get('on');
  const digitalOnly = filters.get('digital') === 'true';
  const { regions } = useRegions();
  const { data, error, loading, reload } = useApi<InForceAnswer>('/api/skill-catalogues/in-force', {
    kind,
    regionCode,
    on: on || undefined,
    digitalOnly: digitalOnly ? 'true' : undefined,
  });
  const places = (regions ?? []).filter((r) => r.level === 'province' || r.level === 'city');
  const v = data?.version;
  return (
    <>
      <PageHeader title={t('skillcatalog.public.title')} intro={t('skillcatalog.public.intro')} />
      <Tabs
        activeKey={kind}
        onChange={(k) => filters.update({ kind: k })}
        items={CatalogueKind.options.map((k) => ({ key: k, label: t(`skillcatalog.kindShort.${k}`) }))}
      />
      <div className="catalogue-filters">
        <div className="filter-item">
          <label htmlFor="catalogue-place">{t('skillcatalog.fields.place')}</label>
          <Select
            id="catalogue-place"
            value={regionCode}
            onChange={(r) => filters.update({ region: r })}
            options={places.map((r) => ({ value: r.code, label: r.name }))}
            data-testid="catalogue-place"
          />
        </div>
        <div className="filter-item">
          <label htmlFor="catalogue-on">{t('skillcatalog.fields.on')}</label>
          <DatePicker id="catalogue-on" value={on ? dayjs(on) : null} onChange={(d) => filters.update({ on: d ? d.format('YYYY-MM-DD') : '' })} />
        </div>
        <Space>
          <Switch id="catalogue-digital" checked={digitalOnly} onChange={(c) => filters.update({ digital: c ? 'true' : '' })} />
          <label htmlFor="catalogue-digital">{t('skillcatalog.public.digitalOnly')}</label>
        </Space>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      {data && !v && !loading ? <Typography.Paragraph data-testid="catalogue-none">{t('skillcatalog.public.noVersion')}</Typography.Paragraph> : null}
      {v ? (
        <Card
          title={<h2 className="card-title">{t(`skillcatalog.kind.${kind}`)}</h2>}
          extra={
            <Space wrap>
              <a href={`/api/skill-catalogues/versions/${v.id}/export`} download>
                {t('skillcatalog.public.export')}
              </a>
              <Link to={`/skill-catalogues/diff?kind=${kind}&from=${v.id}`}>{t('skillcatalog.public.diff')}</Link>
            </Space>
          }
        >
          <Typography.Paragraph data-testid="catalogue-version">
            {t('skillcatalog.public.inForceSince', { label: v.label, region: v.regionName, from: v.effectiveFrom })}
            {v.effectiveTo ? t('skillcatalog.public.until', { to: v.effectiveTo }) : ''}
            {v.documentNo ? `（${v.documentNo}）` : ''} · {t('skillcatalog.public.total', { n: data?.entries.length ?? 0 })}
          </Typography.Paragraph>
          <EntriesTable entries={data?.entries ?? []} showSubsidy={kind === 'training_subsidy'} testId="catalogue-entries" />
        </Card>
      ) : null}
    </>
  );
}
