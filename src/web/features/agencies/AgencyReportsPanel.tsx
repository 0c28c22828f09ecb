/** 年度报告 (agency): one report per finished year, drafted, submitted, and corrected after a return. */
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { type ReportFields, RevenueBand } from '../../../shared/agencies.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import type { RegistrationView, ReportView } from './agencies-types.js';
import { AgencyHistory, lastReturnReason, ReportStatusTag } from './AgencyBits.js';

const REPORTING = new Set(['approved', 'suspended', 'expired']);
const COUNTS = ['personsServed', 'employersServed', 'placements', 'eventsHeld', 'staffCount'] as const;

function ReportForm({ year, report, onDone, onCancel }: { year: number; report: ReportView | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFields>();
  const { busy, error, run } = useCommand();
  const save = async (andSubmit: boolean) => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const saved = await run(async () => {
      const r = report
        ? await api<ReportView>(`/api/agencies/reports/${report.id}`, { method: 'PUT', body: values })
        : await api<ReportView>('/api/agencies/reports', { method: 'POST', body: { ...values, year } });
      return andSubmit ? api<ReportView>(`/api/agencies/reports/${r.id}/transitions/submit`, { method: 'POST', body: {} }) : r;
    });
    if (!saved) return;
    void message.success(andSubmit ? t('agencies.reports.submitted') : t('agencies.reports.saved'));
    onDone();
  };
  const initial = report ?? { personsServed: 0, employersServed: 0, placements: 0, eventsHeld: 0, staffCount: 0, aiServices: '' };
  return (
    <Card title={<h3 className="card-title">{t('agencies.reports.yearLabel', { year })}</h3>} data-testid="report-form">
      <Form<ReportFields> form={form} layout="vertical" initialValues={initial} name="agency-report">
        <div className="agency-report-grid">
          {COUNTS.map((f) => (
            <Form.Item
              key={f}
              name={f}
              label={t(`agencies.fields.${f}`)}
              rules={[{ required: true, message: t('validation.required', { field: t(`agencies.fields.${f}`) }) }]}
            >
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ))}
          <Form.Item
            name="revenueBand"
            label={t('agencies.fields.revenueBand')}
            rules={[{ required: true, message: t('validation.select', { field: t('agencies.fields.revenueBand') }) }]}
          >
            <Select options={RevenueBand.options.map((b) => ({ value: b, label: t(`agencies.revenueBand.${b}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="aiServices" label={t('agencies.fields.aiServices')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <ErrorAlert error={error} />
        <Space wrap style={{ marginTop: 12 }}>
          <Button type="primary" loading={busy} onClick={() => void save(true)} data-testid="report-submit">
            {t('agencies.reports.submit')}
          </Button>
          <Button disabled={busy} onClick={() => void save(false)}>
            {t('agencies.reports.save')}
          </Button>
          <Button onClick={onCancel}>{t('agencies.workspace.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

function ReportCard({ report, onEdit }: { report: ReportView; onEdit: () => void }) {
  const { t } = useI18n();
  const { data } = useApi<ReportView>(`/api/agencies/reports/${report.id}`);
  const reason = lastReturnReason(report.status, data?.history);
  const items = [
    ...COUNTS.map((f) => ({ key: f, label: t(`agencies.fields.${f}`), children: report[f].toLocaleString('zh-CN') })),
    { key: 'revenue', label: t('agencies.fields.revenueBand'), children: t(`agencies.revenueBand.${report.revenueBand}`) },
    { key: 'ai', label: t('agencies.fields.aiServices'), children: report.aiServices || '—' },
    { key: 'deadline', label: t('agencies.fields.deadline'), children: report.deadline },
  ];
  return (
    <Card
      title={<h3 className="card-title">{t('agencies.reports.yearLabel', { year: report.year })}</h3>}
      extra={
        <Space size={4} wrap>
          <ReportStatusTag status={report.status} />
          {report.late ? <ToneTag tone="warning">{t('agencies.flags.late')}</ToneTag> : null}
        </Space>
      }
      data-testid={`report-${report.year}`}
    >
      {reason ? <Alert type="warning" showIcon title={t('agencies.reports.returnedReason', { reason })} style={{ marginBottom: 12 }} /> : null}
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={items} />
      {report.allowedActions.includes('submit') ? (
        <Button type="primary" onClick={onEdit} style={{ marginTop: 12 }} data-testid="report-edit">
          {t('agencies.workspace.edit')}
        </Button>
      ) : null}
      {data?.history?.length ? <AgencyHistory history={data.history} workflow="report" /> : null}
    </Card>
  );
}

export function AgencyReportsPanel({ registration }: { registration: RegistrationView | null }) {
  const { t } = useI18n();
  const mayReport = Boolean(registration && REPORTING.has(registration.status));
  const { data, error, loading, reload } = useApi<{ lastFinishedYear: number; items: ReportView[] }>(mayReport ? '/api/agencies/reports/mine' : null);
  const [editing, setEditing] = useState<{ year: number; report: ReportView | null } | null>(null);
  if (!mayReport) return <Alert type="info" showIcon title={t('agencies.reports.notApproved')} />;
  if (loading && !data) return <Skeleton active />;
  const year = data?.lastFinishedYear;
  const hasCurrent = data?.items.some((r) => r.year === year);
  if (editing) {
    const done = () => {
      setEditing(null);
      reload();
    };
    return <ReportForm year={editing.year} report={editing.report} onDone={done} onCancel={() => setEditing(null)} />;
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('agencies.reports.intro')}</Typography.Text>
      <ErrorAlert error={error} onRetry={reload} />
      {year && !hasCurrent ? (
        <Button type="primary" onClick={() => setEditing({ year, report: null })} data-testid="report-create">
          {t('agencies.reports.create', { year })}
        </Button>
      ) : null}
      {data && data.items.length === 0 ? <Empty description={t('agencies.reports.empty')} /> : null}
      {(data?.items ?? []).map((r) => (
        <ReportCard key={r.id} report={r} onEdit={() => setEditing({ year: r.year, report: r })} />
      ))}
    </Space>
  );
}
