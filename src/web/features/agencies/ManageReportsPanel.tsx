/**
 * 年度报告 table (official): the region's agencies for a year with filing status, lateness and figures; a report's
 * detail with accept / return; the Excel export; the province moves the year's deadline.
 */
import { App, Button, DatePicker, Descriptions, Drawer, Select, Skeleton, Space, Table, type TableProps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FilingStatus } from '../../../shared/agencies.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import type { ReportTable, ReportTableRow, ReportView } from './agencies-types.js';
import { AgencyHistory, FilingStatusTag, ReportStatusTag } from './AgencyBits.js';
import { type Decision, DecisionModal } from './DecisionModal.js';

const COUNTS = ['personsServed', 'employersServed', 'placements', 'eventsHeld', 'staffCount'] as const;

function ReportDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, reload } = useApi<ReportView>(id ? `/api/agencies/reports/${id}` : null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const items = data
    ? [
        ...COUNTS.map((f) => ({ key: f, label: t(`agencies.fields.${f}`), children: data[f].toLocaleString('zh-CN') })),
        { key: 'revenue', label: t('agencies.fields.revenueBand'), children: t(`agencies.revenueBand.${data.revenueBand}`) },
        { key: 'ai', label: t('agencies.fields.aiServices'), children: data.aiServices || '—' },
        { key: 'submitted', label: t('agencies.fields.submittedAt'), children: data.submittedAt ? dayjs(data.submittedAt).format('YYYY-MM-DD HH:mm') : '—' },
      ]
    : [];
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={data ? `${data.orgName} · ${t('agencies.reports.yearLabel', { year: data.year })}` : ''} size="large">
      {data ? (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="report-detail">
          <Space wrap>
            <ReportStatusTag status={data.status} />
            {data.late ? <ToneTag tone="warning">{t('agencies.flags.late')}</ToneTag> : null}
          </Space>
          <Descriptions column={1} size="small" bordered items={items} />
          <Space wrap>
            {data.allowedActions.map((action) => (
              <Button
                key={action}
                type={action === 'accept' ? 'primary' : 'default'}
                onClick={() => setDecision({ path: `/api/agencies/reports/${data.id}/transitions/${action}`, action, subject: data.orgName })}
                data-testid={`report-action-${action}`}
              >
                {t(`agencies.action.${action as 'accept'}`)}
              </Button>
            ))}
          </Space>
          <AgencyHistory history={data.history ?? []} workflow="report" />
        </Space>
      ) : (
        <Skeleton active />
      )}
      <DecisionModal
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          void message.success(t('agencies.manage.done'));
          reload();
          onChanged();
        }}
      />
    </Drawer>
  );
}

function DeadlineSetter({ year, deadline, onSaved }: { year: number; deadline: string; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [value, setValue] = useState<Dayjs | null>(dayjs(deadline));
  const { busy, error, run } = useCommand();
  const save = async () => {
    if (!value) return;
    const done = await run(() => api('/api/agencies/reports/deadline', { method: 'PUT', body: { year, dueOn: value.format('YYYY-MM-DD') } }));
    if (!done) return;
    void message.success(t('agencies.manage.deadlineSaved'));
    onSaved();
  };
  return (
    <Space wrap>
      <DatePicker value={value} onChange={setValue} aria-label={t('agencies.fields.deadline')} disabledDate={(d) => d.year() <= year} />
      <Button loading={busy} onClick={() => void save()}>
        {t('agencies.manage.setDeadline')}
      </Button>
      <ErrorAlert error={error} />
    </Space>
  );
}

function useColumns(open: (id: string) => void): TableProps<ReportTableRow>['columns'] {
  const { t } = useI18n();
  return [
    { title: t('agencies.fields.orgName'), dataIndex: 'orgName', key: 'org' },
    { title: t('agencies.fields.region'), dataIndex: 'regionName', key: 'region', responsive: ['md'] },
    {
      title: t('agencies.fields.filing'),
      key: 'filing',
      render: (_: unknown, r: ReportTableRow) => (
        <Space size={4} wrap>
          <FilingStatusTag status={r.filingStatus} />
          {r.late ? <ToneTag tone="warning">{t('agencies.flags.late')}</ToneTag> : null}
          {r.overdue ? <ToneTag tone="error">{t('agencies.flags.overdue')}</ToneTag> : null}
        </Space>
      ),
    },
    { title: t('agencies.fields.placements'), dataIndex: 'placements', key: 'placements', responsive: ['lg'], render: (v: number | null) => v ?? '—' },
    {
      title: t('agencies.fields.submittedAt'),
      dataIndex: 'submittedAt',
      key: 'submittedAt',
      responsive: ['md'],
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r: ReportTableRow) =>
        r.reportId ? (
          <Button type="link" size="small" onClick={() => open(r.reportId as string)} aria-label={`${t('agencies.manage.view')}：${r.orgName}`}>
            {t('agencies.manage.view')}
          </Button>
        ) : null,
    },
  ];
}

export function ManageReportsPanel() {
  const { t } = useI18n();
  const { me } = useAuth();
  const filters = useUrlFilters();
  const lastYear = dayjs().year() - 1;
  const year = Number(filters.get('year')) || lastYear;
  const filing = filters.get('filing');
  const { data, error, loading, reload } = useApi<ReportTable>('/api/agencies/reports/table', { year, filing: filing || undefined });
  const [open, setOpen] = useState<string | null>(null);
  const columns = useColumns(setOpen);
  const province = me?.user.regionCode === '360000';
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div className="filters">
        <div className="filter-item">
          <label htmlFor="report-year">{t('agencies.manage.year')}</label>
          <Select
            id="report-year"
            value={String(year)}
            onChange={(y) => filters.update({ year: y })}
            options={[0, 1, 2, 3, 4].map((i) => ({ value: String(lastYear - i), label: String(lastYear - i) }))}
          />
        </div>
        <div className="filter-item">
          <label htmlFor="report-filing">{t('agencies.fields.filing')}</label>
          <Select
            id="report-filing"
            value={filing}
            onChange={(f) => filters.update({ filing: f })}
            options={[{ value: '', label: t('common.all') }, ...FilingStatus.options.map((f) => ({ value: f, label: t(`agencies.filing.${f}`) }))]}
          />
        </div>
        <Button href={`/api/agencies/reports/export?year=${year}`} download data-testid="reports-export">
          {t('agencies.manage.export')}
        </Button>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <Space orientation="vertical" size={4}>
          <Typography.Text data-testid="report-counts">
            {t('agencies.manage.counts', {
              total: data.total,
              accepted: data.counts.accepted,
              submitted: data.counts.submitted,
              returned: data.counts.returned,
              notFiled: data.counts.not_filed,
              late: data.counts.late + data.counts.overdue,
            })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('agencies.manage.deadline', { date: data.deadline })}</Typography.Text>
          {province ? <DeadlineSetter key={`${data.year}-${data.deadline}`} year={data.year} deadline={data.deadline} onSaved={reload} /> : null}
        </Space>
      ) : null}
      <Table<ReportTableRow>
        rowKey="registrationId"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('agencies.manage.noReports') }}
        data-testid="reports-table"
      />
      <ReportDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />
    </Space>
  );
}
