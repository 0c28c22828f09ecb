/**
 * 月度报告 (officials): pick a month (and a region: one's own or one below it), generate the report in the
 * background and watch its progress, then download the Excel workbook or the PDF. The list shows the reports of
 * the official's region and below, newest first, and refreshes itself while one is being generated.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ReportStatus, ReportView, RequestReportResponse } from '../../../shared/dashboard-reports.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TaskProgress } from '../../components/TaskProgress.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import './dashboard.css';

interface RegionItem {
  code: string;
  name: string;
  parentCode: string | null;
}
interface FormValues {
  regionCode: string;
  month: string;
}

const STATUS_COLOUR: Record<ReportStatus, string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };
const inProgress = (r: ReportView) => r.status === 'queued' || r.status === 'running';

/** The current month and the 23 before it, newest first ('YYYY-MM'). */
function recentMonths(): string[] {
  const now = dayjs();
  return Array.from({ length: 24 }, (_, i) => now.subtract(i, 'month').format('YYYY-MM')).filter((m) => m >= '2020-01');
}

function Downloads({ r }: { r: ReportView }) {
  const { t } = useI18n();
  if (r.status !== 'done') return null;
  return (
    <Space size={4} wrap>
      <Button size="small" icon={<DownloadOutlined />} href={`/api/dashboard/reports/${r.id}/report.xlsx`} download data-testid="report-xlsx">
        {t('dashboard.reports.downloadXlsx')}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={`/api/dashboard/reports/${r.id}/report.pdf`} download data-testid="report-pdf">
        {t('dashboard.reports.downloadPdf')}
      </Button>
    </Space>
  );
}

export function ReportsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [current, setCurrent] = useState<ReportView | null>(null);
  const regionsApi = useApi<{ home: string; regions: RegionItem[] }>('/api/dashboard/regions');
  const reports = useApi<ReportView[]>('/api/dashboard/reports');
  const home = regionsApi.data?.home ?? me?.user.regionCode;
  const regionOptions = useMemo(
    () => (regionsApi.data?.regions ?? []).filter((r) => r.code === home || r.parentCode === home).map((r) => ({ value: r.code, label: r.name })),
    [regionsApi.data, home],
  );
  const months = useMemo(recentMonths, []);
  const monthLabel = (m: string) => t('dashboard.reports.monthLabel', { year: m.slice(0, 4), month: Number(m.slice(5)) });

  // while a report is being generated, the list refreshes itself (progress of reports others requested too)
  const busy = (reports.data ?? []).some(inProgress);
  const reload = reports.reload;
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(reload, 2000);
    return () => window.clearInterval(timer);
  }, [busy, reload]);

  async function generate(v: FormValues) {
    setSending(true);
    setError(undefined);
    try {
      const out = await api<RequestReportResponse>('/api/dashboard/reports', { method: 'POST', body: v });
      setCurrent(out.report);
      message.info(out.reused ? t('dashboard.reports.reused') : t('dashboard.reports.queued'));
      reports.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  }

  const live = current ? (reports.data?.find((r) => r.id === current.id) ?? current) : null;
  const ownTask = live?.taskId && live.requestedBy === me?.user.id ? live.taskId : null;

  return (
    <>
      <PageHeader
        title={t('dashboard.reports.title')}
        intro={t('dashboard.reports.intro')}
        extra={<Link to="/dashboard">{t('dashboard.reports.back')}</Link>}
      />
      <Card className="dash-section">
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={generate}
          initialValues={{ regionCode: home, month: months[0] }}
          data-testid="report-form"
          key={home ?? 'loading'}
        >
          <Space wrap align="end" className="dash-controls">
            <Form.Item name="regionCode" label={t('dashboard.reports.region')} rules={[{ required: true }]} style={{ minWidth: 180, marginBottom: 0 }}>
              <Select showSearch optionFilterProp="label" options={regionOptions} data-testid="report-region" />
            </Form.Item>
            <Form.Item name="month" label={t('dashboard.reports.month')} rules={[{ required: true }]} style={{ minWidth: 150, marginBottom: 0 }}>
              <Select options={months.map((m) => ({ value: m, label: monthLabel(m) }))} data-testid="report-month" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={sending} data-testid="report-generate">
              {t('dashboard.reports.generate')}
            </Button>
          </Space>
        </Form>
        <ErrorAlert error={error} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('dashboard.reports.note')}
        </Typography.Paragraph>
      </Card>
      {live ? (
        <Card className="dash-section" title={`${t('dashboard.reports.current')} · ${live.regionName} ${monthLabel(live.month)}`} data-testid="report-current">
          {ownTask && inProgress(live) ? (
            <TaskProgress key={ownTask} taskId={ownTask} onDone={reports.reload} />
          ) : (
            <Progress percent={live.percent} status={live.status === 'failed' ? 'exception' : live.status === 'done' ? 'success' : 'active'} />
          )}
          <div style={{ marginTop: 8 }}>
            <Downloads r={live} />
          </div>
        </Card>
      ) : null}
      <Typography.Title level={2} className="dash-section-title" id="report-history">
        {t('dashboard.reports.history')}
      </Typography.Title>
      <ErrorAlert error={reports.error} onRetry={reports.reload} />
      <Table<ReportView>
        size="small"
        rowKey="id"
        aria-labelledby="report-history"
        data-testid="report-list"
        loading={reports.loading && !reports.data}
        dataSource={reports.data ?? []}
        locale={{ emptyText: t('dashboard.reports.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('dashboard.reports.region'),
            dataIndex: 'regionName',
            render: (name: string, r) => (
              <>
                <div>{name}</div>
                <Typography.Text type="secondary">{monthLabel(r.month)}</Typography.Text>
              </>
            ),
          },
          { title: t('dashboard.reports.version'), dataIndex: 'version', responsive: ['md'], render: (n: number) => t('dashboard.reports.versionN', { n }) },
          {
            title: t('dashboard.reports.status'),
            dataIndex: 'status',
            render: (s: ReportStatus, r) =>
              inProgress(r) ? (
                <Progress percent={r.percent} size="small" status="active" style={{ minWidth: 80 }} />
              ) : (
                <Tag color={STATUS_COLOUR[s]}>{t(`dashboard.reports.statuses.${s}`)}</Tag>
              ),
          },
          { title: t('dashboard.reports.requestedBy'), dataIndex: 'requestedByName', responsive: ['lg'] },
          {
            title: t('dashboard.reports.finishedAt'),
            dataIndex: 'finishedAt',
            responsive: ['md'],
            render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
          },
          { title: t('dashboard.reports.actions'), key: 'download', render: (_, r) => <Downloads r={r} /> },
        ]}
      />
    </>
  );
}
