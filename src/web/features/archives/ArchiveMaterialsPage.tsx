/**
 * 档案材料 (custodian staff: HR service agencies; officials for public centres): the digitised materials of the
 * archives their custodian holds now, by archive number or full name, material class and upload date. Names
 * are masked; the server audits the list and every material opened.
 */
import { DatePicker, Flex, Input, Pagination, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ArchiveMaterialCategory } from '../../../shared/archives.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface MaterialRow {
  id: string;
  title: string;
  category: ArchiveMaterialCategory;
  fileName: string;
  mime: string;
  sizeBytes: number;
  uploadedAt: string;
  archiveId: string;
  archiveNo: string;
  personName: string;
  custodianName: string;
}

interface MaterialPage {
  items: MaterialRow[];
  total: number;
  page: number;
  pageSize: number;
}

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function ArchiveMaterialsPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const from = filters.get('from');
  const to = filters.get('to');
  const { data, error, loading, reload } = useApi<MaterialPage>('/api/archives/materials', {
    q: filters.get('q'),
    category: filters.get('category'),
    from,
    to,
    page: filters.page,
    pageSize: 20,
  });
  const columns = [
    { title: t('archives.materials.archiveNo'), dataIndex: 'archiveNo', key: 'no' },
    { title: t('archives.materials.person'), dataIndex: 'personName', key: 'person' },
    {
      title: t('archives.materials.material'),
      key: 'material',
      render: (_: unknown, r: MaterialRow) => (
        <Flex vertical gap={2}>
          <span>{r.title}</span>
          <span>
            <Tag>{t(`archives.category.${r.category}`)}</Tag>
          </span>
        </Flex>
      ),
    },
    { title: t('archives.materials.uploadedAt'), key: 'at', render: (_: unknown, r: MaterialRow) => dayjs(r.uploadedAt).format('YYYY-MM-DD HH:mm') },
    { title: t('archives.materials.custodian'), dataIndex: 'custodianName', key: 'custodian', responsive: ['lg' as const] },
    { title: t('archives.materials.size'), key: 'size', responsive: ['md' as const], render: (_: unknown, r: MaterialRow) => size(r.sizeBytes) },
    {
      title: '',
      key: 'open',
      render: (_: unknown, r: MaterialRow) => (
        <a
          href={`/api/archives/materials/${r.id}`}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('archives.materials.openLabel', { title: r.title, archiveNo: r.archiveNo })}
          data-testid="material-open"
        >
          {t('archives.materials.open')}
        </a>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('archives.materials.title')} intro={t('archives.materials.intro')} />
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          aria-label={t('archives.materials.q')}
          placeholder={t('archives.materials.qHint')}
          allowClear
          defaultValue={filters.get('q')}
          onSearch={(v) => filters.update({ q: v.trim() })}
          style={{ maxWidth: 300 }}
        />
        <Select
          aria-label={t('archives.materials.category')}
          style={{ minWidth: 200 }}
          value={filters.get('category')}
          onChange={(v) => filters.update({ category: v })}
          options={[
            { value: '', label: t('archives.materials.allCategories') },
            ...ArchiveMaterialCategory.options.map((c) => ({ value: c, label: t(`archives.category.${c}`) })),
          ]}
        />
        <DatePicker.RangePicker
          aria-label={t('archives.materials.dates')}
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          onChange={(range) => filters.update({ from: range?.[0]?.format('YYYY-MM-DD') ?? '', to: range?.[1]?.format('YYYY-MM-DD') ?? '' })}
        />
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <Typography.Paragraph type="secondary" aria-live="polite">
          {t('archives.materials.total', { total: data.total })}
        </Typography.Paragraph>
      ) : null}
      <Table<MaterialRow>
        rowKey="id"
        size="small"
        loading={loading}
        scroll={{ x: true }}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('archives.materials.empty') }}
        data-testid="archive-materials"
      />
      {data && data.total > data.pageSize ? (
        <Pagination style={{ marginTop: 16 }} current={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => filters.update({ page: p })} />
      ) : null}
    </>
  );
}
