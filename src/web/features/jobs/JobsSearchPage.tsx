/** 岗位搜索 (public): keyword, filters and sort in the URL; facet counts, highlighted titles, pagination. */
import { FilterOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Empty, Input, type InputRef, Pagination, Select, Skeleton, Typography } from 'antd';
import { type RefObject, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { type UrlFilters, useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { JobCard } from './JobCard.js';
import { JobFilters } from './JobFilters.js';
import type { JobSearchResult } from './job-types.js';
import { activeFilterCount, apiQuery, FILTER_KEYS, PAGE_SIZE } from './search-query.js';
import './jobs.css';

function SearchBox({ filters, inputRef }: { filters: UrlFilters; inputRef: RefObject<InputRef | null> }) {
  const { t } = useI18n();
  return (
    <search className="job-search-box">
      <label htmlFor="job-q" className="sr-only">
        {t('jobs.search.label')}
      </label>
      <Input.Search
        id="job-q"
        ref={inputRef}
        key={filters.get('q')}
        defaultValue={filters.get('q')}
        size="large"
        allowClear
        maxLength={50}
        placeholder={t('jobs.search.placeholder')}
        enterButton={t('common.search')}
        onSearch={(q) => filters.update({ q: q.trim() })}
      />
    </search>
  );
}

function SortSelect({ filters }: { filters: UrlFilters }) {
  const { t } = useI18n();
  const hasQ = filters.get('q') !== '';
  const options = [
    ...(hasQ ? [{ value: 'relevance', label: t('jobs.search.sortRelevance') }] : []),
    { value: 'newest', label: t('jobs.search.sortNewest') },
    { value: 'salary', label: t('jobs.search.sortSalary') },
  ];
  const value = filters.get('sort') || (hasQ ? 'relevance' : 'newest');
  return (
    <span className="job-sort">
      <label htmlFor="job-sort">{t('jobs.search.sort')}</label>
      <Select id="job-sort" value={value} options={options} onChange={(sort: string) => filters.update({ sort })} style={{ width: 110 }} />
    </span>
  );
}

function NoMatch({ filters, focusSearch }: { filters: UrlFilters; focusSearch: () => void }) {
  const { t } = useI18n();
  const hasFilters = activeFilterCount(filters) > 0;
  return (
    <Empty
      data-testid="jobs-no-match"
      description={
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('jobs.search.noMatchTitle')}
          </Typography.Title>
          <span>{t('jobs.search.noMatchHint')}</span>
        </>
      }
    >
      <div className="no-match-actions">
        <Button disabled={!hasFilters} onClick={() => filters.update(Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])))}>
          {t('jobs.search.suggestLoosen')}
        </Button>
        <Button type="primary" onClick={focusSearch}>
          {t('jobs.search.suggestKeyword')}
        </Button>
      </div>
    </Empty>
  );
}

function Results({ data, filters, focusSearch }: { data: JobSearchResult; filters: UrlFilters; focusSearch: () => void }) {
  const { t } = useI18n();
  if (data.code === 'JOBS_NO_MATCH' || data.items.length === 0) return <NoMatch filters={filters} focusSearch={focusSearch} />;
  return (
    <>
      {data.match === 'partial' ? <Alert type="info" showIcon title={t('jobs.search.partial', { q: filters.get('q') })} style={{ marginBottom: 12 }} /> : null}
      <ul className="job-list" data-testid="job-results">
        {data.items.map((job) => (
          <li key={job.id}>
            <JobCard job={job} />
          </li>
        ))}
      </ul>
      <Pagination
        className="job-pagination"
        current={filters.page}
        pageSize={PAGE_SIZE}
        total={Math.min(data.total, PAGE_SIZE * 500)}
        showSizeChanger={false}
        onChange={(page) => {
          filters.update({ page });
          window.scrollTo({ top: 0 });
        }}
      />
    </>
  );
}

export function JobsSearchPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const desktop = useIsDesktop();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const inputRef = useRef<InputRef | null>(null);
  const { data, error, loading, reload } = useApi<JobSearchResult>('/api/jobs', apiQuery(filters));
  const active = activeFilterCount(filters);
  const focusSearch = () => inputRef.current?.focus();
  return (
    <>
      <PageHeader title={t('jobs.search.title')} intro={t('jobs.search.intro')} />
      <SearchBox filters={filters} inputRef={inputRef} />
      <div className="jobs-layout">
        {desktop ? (
          <aside className="jobs-aside" aria-label={t('jobs.search.filters')}>
            <JobFilters filters={filters} facets={data?.facets} />
          </aside>
        ) : null}
        <section className="jobs-main" aria-label={t('jobs.search.results')} aria-busy={loading}>
          <div className="jobs-toolbar">
            {!desktop ? (
              <Badge count={active} size="small">
                <Button icon={<FilterOutlined aria-hidden />} onClick={() => setDrawerOpen(true)} data-testid="open-filters">
                  {t('jobs.search.openFilters')}
                </Button>
              </Badge>
            ) : null}
            <span className="jobs-total" role="status">
              {data ? t('jobs.search.total', { total: data.total }) : ''}
            </span>
            <SortSelect filters={filters} />
          </div>
          <ErrorAlert error={error} onRetry={reload} />
          {loading && !data ? <Skeleton active /> : null}
          {data ? <Results data={data} filters={filters} focusSearch={focusSearch} /> : null}
        </section>
      </div>
      {!desktop ? (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('jobs.search.openFilters')}
          placement="bottom"
          size="85%"
          closable={{ 'aria-label': t('common.close') }}
          footer={
            <Button type="primary" block onClick={() => setDrawerOpen(false)}>
              {t('jobs.search.done')}
              {data ? t('jobs.search.count', { count: data.total }) : ''}
            </Button>
          }
        >
          <JobFilters filters={filters} facets={data?.facets} />
        </Drawer>
      ) : null}
    </>
  );
}
