/** Talent-pool filters bound to the URL query; stacked on phones, a grid on wider screens. */
import { Button, Cascader, Input, InputNumber, Select } from 'antd';
import { useMemo, useState } from 'react';
import type { Paged } from '../../api-types.js';
import { regionPath, regionTree, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import type { UrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { OccupationSelect } from '../jobs/OccupationSelect.js';
import { useDebounced } from '../jobs/useDebounced.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { educationOptions, useEducationLevels } from '../jobs/useEducationLevels.js';

export const TALENT_FILTER_KEYS = ['q', 'skills', 'city', 'education', 'occupation', 'experienceYears', 'sort'] as const;

function SkillFilter({ filters }: { filters: UrlFilters }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const { data, loading } = useApi<Paged<{ id: string; nameZh: string }>>(query ? '/api/catalog/skills' : null, { q: query, pageSize: 20 });
  const selected = filters.get('skills') ? filters.get('skills').split(',') : [];
  const options = (data?.items ?? []).map((s) => ({ value: s.id, label: s.nameZh }));
  for (const id of selected) if (!options.some((o) => o.value === id)) options.push({ value: id, label: id });
  return (
    <div className="filter-item">
      <label htmlFor="talent-skills">{t('talentpool.search.skills')}</label>
      <Select
        id="talent-skills"
        mode="multiple"
        value={selected}
        options={options}
        loading={loading}
        showSearch={{ filterOption: false, onSearch: setQ }}
        placeholder={t('talentpool.search.skillsPlaceholder')}
        onChange={(ids: string[]) => filters.update({ skills: ids.slice(0, 10).join(',') })}
        onBlur={() => setQ('')}
        maxTagCount="responsive"
      />
    </div>
  );
}

function CityFilter({ filters }: { filters: UrlFilters }) {
  const { t } = useI18n();
  const { regions } = useRegions();
  const options = useMemo(() => (regions ? regionTree(regions, false) : []), [regions]);
  const value = regions && filters.get('city') ? regionPath(regions, filters.get('city'), false) : [];
  return (
    <div className="filter-item">
      <label htmlFor="talent-city">{t('talentpool.search.city')}</label>
      <Cascader
        id="talent-city"
        options={options}
        value={value}
        loading={!regions}
        changeOnSelect
        showSearch
        allowClear
        placeholder={t('talentpool.search.cityPlaceholder')}
        onChange={(codes) => filters.update({ city: codes?.length ? String(codes[codes.length - 1]) : '' })}
        style={{ width: '100%' }}
      />
    </div>
  );
}

function MoreFilters({ filters, onClear }: { filters: UrlFilters; onClear: () => void }) {
  const { t } = useI18n();
  const levels = useEducationLevels();
  const years = filters.get('experienceYears');
  return (
    <>
      <SkillFilter filters={filters} />
      <CityFilter filters={filters} />
      <div className="filter-item">
        <label htmlFor="talent-education">{t('talentpool.search.education')}</label>
        <Select
          id="talent-education"
          value={filters.get('education') || undefined}
          allowClear
          loading={!levels}
          placeholder={t('common.all')}
          options={levels ? educationOptions(levels).map((g) => ({ value: g.options[0]?.value ?? '', label: g.label })) : []}
          onChange={(v?: string) => filters.update({ education: v ?? '' })}
        />
      </div>
      <div className="filter-item">
        <label htmlFor="talent-occupation">{t('talentpool.search.occupation')}</label>
        <OccupationSelect
          id="talent-occupation"
          value={filters.get('occupation') || undefined}
          onChange={(code) => filters.update({ occupation: code ?? '' })}
        />
      </div>
      <div className="filter-item">
        <label htmlFor="talent-years">{t('talentpool.search.experience')}</label>
        <InputNumber<number>
          id="talent-years"
          min={0}
          max={40}
          value={years ? Number(years) : null}
          suffix={t('talentpool.search.experienceUnit')}
          onChange={(v) => filters.update({ experienceYears: v ? String(v) : '' })}
          style={{ width: '100%' }}
        />
      </div>
      <div className="filter-item">
        <label htmlFor="talent-sort">{t('talentpool.search.sort')}</label>
        <Select
          id="talent-sort"
          value={filters.get('sort') || undefined}
          placeholder={t('talentpool.search.sortRelevance')}
          allowClear
          options={[
            { value: 'relevance', label: t('talentpool.search.sortRelevance') },
            { value: 'updated', label: t('talentpool.search.sortUpdated') },
          ]}
          onChange={(v?: string) => filters.update({ sort: v ?? '' })}
        />
      </div>
      <div className="filter-item talentpool-clear">
        <Button onClick={onClear}>{t('talentpool.search.clear')}</Button>
      </div>
    </>
  );
}

/** The keyword box is always shown; on phones the other filters fold under 筛选条件 (open when one is set). */
export function TalentFilters({ filters }: { filters: UrlFilters }) {
  const { t } = useI18n();
  const isDesktop = useIsDesktop();
  const [q, setQ] = useState(filters.get('q'));
  const active = TALENT_FILTER_KEYS.filter((k) => k !== 'q' && filters.get(k)).length;
  const clear = () => {
    setQ('');
    filters.update(Object.fromEntries(TALENT_FILTER_KEYS.map((k) => [k, ''])));
  };
  const more = <MoreFilters filters={filters} onClear={clear} />;
  return (
    <section className="talentpool-filters" aria-label={t('talentpool.search.filters')}>
      <div className="filter-item talentpool-q">
        <label htmlFor="talent-q">{t('talentpool.search.q')}</label>
        <Input.Search
          id="talent-q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => filters.update({ q: v.trim() })}
          placeholder={t('talentpool.search.qPlaceholder')}
          enterButton={t('common.search')}
          allowClear
          maxLength={50}
          data-testid="talent-q"
        />
      </div>
      {isDesktop ? (
        more
      ) : (
        <details className="talentpool-more" open={active > 0}>
          <summary>
            {t('talentpool.search.filters')}
            {active > 0 ? `（${active}）` : ''}
          </summary>
          <div className="talentpool-more-body">{more}</div>
        </details>
      )}
    </section>
  );
}
