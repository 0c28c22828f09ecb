/** 职业分类大典 2022: searchable, filterable, paged. Filters live in the URL so results can be linked. */
import { Input, Select, Table, type TableProps } from 'antd';
import type { Occupation, Paged } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const PAGE_SIZE = 20;

function useOccupationFilters() {
  const url = useUrlFilters();
  const filters = {
    q: url.get('q'),
    prefix: url.get('prefix'),
    digital: url.get('digital'),
    level: url.get('level'),
    page: url.page,
    pageSize: Number(url.get('pageSize')) || PAGE_SIZE,
  };
  return { filters, update: url.update };
}

function useColumns(): TableProps<Occupation>['columns'] {
  const { t, tx } = useI18n();
  return [
    { title: t('catalog.occupations.code'), dataIndex: 'code', key: 'code', width: 116 },
    {
      title: t('catalog.occupations.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, o: Occupation) => (
        <>
          {name} {o.isDigital ? <ToneTag tone="digital">{t('catalog.occupations.digitalTag')}</ToneTag> : null}
          {o.isGreen ? <ToneTag tone="success">{t('catalog.occupations.greenTag')}</ToneTag> : null}
        </>
      ),
    },
    {
      title: t('catalog.occupations.level'),
      dataIndex: 'level',
      key: 'level',
      width: 120,
      responsive: ['md'],
      render: (level: number) => tx(`catalog.occupations.levels.l${level}`, String(level)),
    },
    {
      title: t('catalog.occupations.edition'),
      key: 'edition',
      width: 170,
      responsive: ['lg'],
      render: (_: unknown, o: Occupation) =>
        o.in2022Edition ? t('catalog.occupations.edition2022') : t('catalog.occupations.addedBatch', { batch: o.addedBatch ?? '—' }),
    },
  ];
}

export function OccupationsPage() {
  const { t } = useI18n();
  const { filters, update } = useOccupationFilters();
  const { data, error, loading, reload } = useApi<Paged<Occupation>>('/api/catalog/occupations', filters);
  const columns = useColumns();
  const levelOptions = [
    { value: '', label: t('common.all') },
    ...[1, 2, 3, 4].map((l) => ({ value: String(l), label: t(`catalog.occupations.levels.l${l as 1 | 2 | 3 | 4}`) })),
  ];
  const digitalOptions = [
    { value: '', label: t('common.all') },
    { value: 'true', label: t('catalog.occupations.digitalOnly') },
    { value: 'false', label: t('catalog.occupations.notDigital') },
  ];
  return (
    <>
      <PageHeader title={t('catalog.occupations.title')} intro={t('catalog.occupations.intro')} />
      <search className="filters">
        <div className="filter-item" style={{ flex: '1 1 260px' }}>
          <label htmlFor="occ-q">{t('catalog.occupations.searchLabel')}</label>
          <Input.Search
            id="occ-q"
            key={filters.q}
            defaultValue={filters.q}
            placeholder={t('catalog.occupations.searchPlaceholder')}
            allowClear
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() })}
          />
        </div>
        <div className="filter-item">
          <label htmlFor="occ-level">{t('catalog.occupations.level')}</label>
          <Select id="occ-level" value={filters.level} options={levelOptions} onChange={(level: string) => update({ level })} />
        </div>
        <div className="filter-item">
          <label htmlFor="occ-digital">{t('catalog.occupations.digital')}</label>
          <Select id="occ-digital" value={filters.digital} options={digitalOptions} onChange={(digital: string) => update({ digital })} />
        </div>
      </search>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<Occupation>
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => update({ page, pageSize }),
        }}
      />
    </>
  );
}
