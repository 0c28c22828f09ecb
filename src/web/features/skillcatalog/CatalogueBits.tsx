/** Small pieces shared by the catalogue pages: amounts in 元, level names, status tags, the entries table. */
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { ApiError } from '../../api.js';
import { ToneTag } from '../../components/ToneTag.js';
import { formatError } from '../../i18n/format-error.js';
import { type useI18n, useI18n as useI18nHook } from '../../i18n/I18nProvider.js';
import type { EntryView, VersionView } from './skillcatalog-types.js';

/** 分 → "1,000.00" */
export function yuan(fen: number | null): string {
  if (fen === null) return '—';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function VersionStatusTag({ v }: { v: VersionView }) {
  const { t } = useI18nHook();
  if (v.status === 'published') {
    if (v.inForce) return <ToneTag tone="success">{t('skillcatalog.manage.inForceTag')}</ToneTag>;
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    if (v.effectiveFrom > today) return <ToneTag tone="info">{t('skillcatalog.manage.futureTag')}</ToneTag>;
    return <ToneTag tone="neutral">{t('skillcatalog.manage.ended')}</ToneTag>;
  }
  return <ToneTag tone={v.status === 'draft' ? 'warning' : 'neutral'}>{t(`skillcatalog.status.${v.status}`)}</ToneTag>;
}

export function effectiveRange(t: ReturnType<typeof useI18n>['t'], v: Pick<VersionView, 'effectiveFrom' | 'effectiveTo'>): string {
  return `${v.effectiveFrom} ~ ${v.effectiveTo ?? t('skillcatalog.fields.openEnded')}`;
}

/** The catalogue errors with a `problem` parameter get their own sentence. */
export function catalogueError(i18n: ReturnType<typeof useI18n>, err: unknown): string {
  if (err instanceof ApiError && err.code === 'CATALOGUE_ENTRY_INVALID' && typeof err.params.problem === 'string') {
    return i18n.t('errors.CATALOGUE_ENTRY_INVALID', { problem: i18n.tx(`skillcatalog.entryProblem.${err.params.problem}`, err.params.problem) });
  }
  return formatError(i18n, err);
}

export function EntriesTable({
  entries,
  showSubsidy,
  extra,
  testId,
}: {
  entries: EntryView[];
  showSubsidy: boolean;
  extra?: (e: EntryView) => ReactNode;
  testId?: string;
}) {
  const { t } = useI18nHook();
  const columns: ColumnsType<EntryView> = [
    {
      title: t('skillcatalog.fields.occupation'),
      key: 'occupation',
      render: (_, e) => (
        <span>
          {e.occupationName}
          <span className="catalogue-code">{e.occupationCode}</span>
          {e.workType ? <span>（{e.workType}）</span> : null}
          {e.digital ? (
            <span style={{ marginInlineStart: 6 }}>
              <ToneTag tone="digital">{t('skillcatalog.public.digitalTag')}</ToneTag>
            </span>
          ) : null}
        </span>
      ),
    },
    { title: t('skillcatalog.fields.level'), key: 'level', width: 110, render: (_, e) => (e.levelCode ? t(`skillcatalog.level.${e.levelCode as '5'}`) : '—') },
  ];
  if (showSubsidy) {
    columns.push({ title: t('skillcatalog.fields.subsidyYuan'), key: 'subsidy', width: 100, align: 'right', render: (_, e) => yuan(e.subsidyFen) });
  }
  columns.push({ title: t('skillcatalog.fields.note'), key: 'note', responsive: ['md'], render: (_, e) => e.note ?? '' });
  if (extra) columns.push({ title: '', key: 'extra', width: 80, render: (_, e) => extra(e) });
  return (
    <Table<EntryView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={entries}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid={testId}
    />
  );
}
