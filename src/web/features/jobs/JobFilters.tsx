/** The search filters, bound to the URL query, with facet counts next to the options. */
import { Button, Cascader, InputNumber, Select, Switch } from 'antd';
import type { RegionOption } from '../../components/regions.js';
import { useMemo, useState } from 'react';
import { regionPath, regionTree, useRegions } from '../../components/regions.js';
import type { UrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { JobSearchResult } from './job-types.js';
import { FILTER_KEYS, POSTED_WITHIN } from './search-query.js';
import { educationOptions, useEducationLevels } from './useEducationLevels.js';

type Facets = JobSearchResult['facets'] | undefined;

function useRegionOptions(facets: Facets) {
  const { regions } = useRegions();
  return useMemo(() => {
    if (!regions) return { regions, options: [] as RegionOption[] };
    const counts = new Map((facets?.city ?? []).map((c) => [c.code, c.count]));
    const options: RegionOption[] = regionTree(regions, false).map((city) => ({
      ...city,
      label: counts.has(city.value) ? `${city.label}（${counts.get(city.value)}）` : city.label,
    }));
    return { regions, options };
  }, [regions, facets]);
}

function RegionFilter({ filters, facets }: { filters: UrlFilters; facets: Facets }) {
  const { t } = useI18n();
  const { regions, options } = useRegionOptions(facets);
  const selected = filters.get('county') || filters.get('city');
  const value = regions && selected ? regionPath(regions, selected, false) : [];
  const change = (codes: (string | number)[] | undefined) => {
    const [city = '', county = ''] = (codes ?? []).map(String);
    filters.update({ city, county });
  };
  return (
    <div className="filter-item">
      <label htmlFor="job-region">{t('jobs.search.region')}</label>
      <Cascader
        id="job-region"
        options={options}
        value={value}
        loading={!regions}
        changeOnSelect
        showSearch
        allowClear
        placeholder={t('jobs.search.regionPlaceholder')}
        onChange={(codes) => change(codes as (string | number)[] | undefined)}
        style={{ width: '100%' }}
      />
    </div>
  );
}

function OccupationFilter({ filters, facets }: { filters: UrlFilters; facets: Facets }) {
  const { t } = useI18n();
  const current = filters.get('occupation');
  const options = (facets?.occupation ?? []).map((o) => ({ value: o.code, label: `${o.name ?? o.code}（${o.count}）` }));
  if (current && !options.some((o) => o.value === current)) options.unshift({ value: current, label: current });
  return (
    <div className="filter-item">
      <label htmlFor="job-occupation">{t('jobs.search.occupation')}</label>
      <Select
        id="job-occupation"
        value={current || undefined}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('jobs.search.occupationPlaceholder')}
        options={options}
        onChange={(occupation?: string) => filters.update({ occupation: occupation ?? '' })}
      />
    </div>
  );
}

function SalaryFilter({ filters }: { filters: UrlFilters }) {
  const { t } = useI18n();
  const fromUrl = filters.get('salary');
  const [draft, setDraft] = useState<number | null>(fromUrl ? Number(fromUrl) : null);
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setDraft(fromUrl ? Number(fromUrl) : null);
  }
  const commit = () => {
    const next = draft && draft > 0 ? String(Math.round(draft)) : '';
    if (next !== fromUrl) filters.update({ salary: next });
  };
  return (
    <div className="filter-item">
      <label htmlFor="job-salary">{t('jobs.search.salaryMin')}</label>
      <InputNumber<number>
        id="job-salary"
        min={0}
        max={1_000_000}
        step={500}
        value={draft}
        placeholder={t('jobs.search.salaryPlaceholder')}
        onChange={(v) => setDraft(v)}
        onBlur={commit}
        onPressEnter={commit}
        style={{ width: '100%' }}
      />
    </div>
  );
}

function EducationFilter({ filters, facets }: { filters: UrlFilters; facets: Facets }) {
  const { t } = useI18n();
  const levels = useEducationLevels();
  const counts = useMemo(() => new Map((facets?.education ?? []).map((e) => [e.code, e.count])), [facets]);
  return (
    <div className="filter-item">
      <label htmlFor="job-education">{t('jobs.search.education')}</label>
      <Select
        id="job-education"
        value={filters.get('education') || undefined}
        allowClear
        loading={!levels}
        placeholder={t('common.all')}
        options={levels ? educationOptions(levels, counts) : []}
        onChange={(education?: string) => filters.update({ education: education ?? '' })}
      />
    </div>
  );
}

export function JobFilters({ filters, facets }: { filters: UrlFilters; facets: Facets }) {
  const { t } = useI18n();
  const digitalCount = facets?.digital.find((d) => d.value)?.count;
  const posted = [
    { value: '', label: t('jobs.search.anyTime') },
    ...POSTED_WITHIN.map((d) => ({ value: String(d), label: t('jobs.search.postedDays', { days: d }) })),
  ];
  const clear = () => filters.update(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])));
  return (
    <div className="job-filters" data-testid="job-filters">
      <RegionFilter filters={filters} facets={facets} />
      <OccupationFilter filters={filters} facets={facets} />
      <div className="filter-item filter-switch">
        <Switch id="job-digital" checked={filters.get('digital') === 'true'} onChange={(on) => filters.update({ digital: on ? 'true' : '' })} />
        <label htmlFor="job-digital">
          {t('jobs.search.digitalOnly')}
          {digitalCount !== undefined ? t('jobs.search.count', { count: digitalCount }) : ''}
        </label>
      </div>
      <SalaryFilter filters={filters} />
      <EducationFilter filters={filters} facets={facets} />
      <div className="filter-item">
        <label htmlFor="job-posted">{t('jobs.search.postedWithin')}</label>
        <Select id="job-posted" value={filters.get('postedWithin')} options={posted} onChange={(v: string) => filters.update({ postedWithin: v })} />
      </div>
      <Button onClick={clear}>{t('jobs.search.clearFilters')}</Button>
    </div>
  );
}
