/**
 * 企业薪酬调查 upload for officials of 人社: choose the year and an xlsx file; a refused file lists each row
 * error (row, column, reason); uploaded batches of the region can be withdrawn.
 */
import { Alert, Button, Card, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { SurveyRowError, WageSurveyBatch } from '../../../shared/wages.js';
import { ApiError, api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import './wages.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function RowErrors({ error }: { error: ApiError }) {
  const { t, tx } = useI18n();
  const errors = (error.params.errors ?? []) as SurveyRowError[];
  const total = Number(error.params.errorCount ?? errors.length);
  return (
    <Card title={<h2 className="card-h2">{t('wages.surveys.errorsTitle', { n: total })}</h2>} data-testid="survey-errors">
      {total > errors.length ? <Alert type="info" title={t('wages.surveys.errorsMore', { n: errors.length })} style={{ marginBottom: 8 }} /> : null}
      <Table
        size="small"
        rowKey={(e) => `${e.row}-${e.column}`}
        dataSource={errors}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('wages.surveys.row'), dataIndex: 'row', key: 'row' },
          { title: t('wages.surveys.column'), dataIndex: 'column', key: 'column' },
          { title: t('wages.surveys.reason'), key: 'reason', render: (_: unknown, e: SurveyRowError) => tx(`wages.surveys.reasons.${e.reason}`, e.reason) },
        ]}
      />
    </Card>
  );
}

export function SurveysPage() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear - 1);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<WageSurveyBatch | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const list = useApi<{ items: WageSurveyBatch[] }>('/api/wages/surveys');

  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      const batch = await api<WageSurveyBatch>('/api/wages/surveys', {
        method: 'POST',
        rawBody: file,
        headers: { 'content-type': XLSX },
        query: { year, fileName: file.name },
      });
      setResult(batch);
      list.reload();
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (id: string) => {
    try {
      await api(`/api/wages/surveys/${id}/withdraw`, { method: 'POST' });
    } catch (err) {
      setFailure(err);
    }
    list.reload();
  };
  const rowsInvalid = failure instanceof ApiError && failure.code === 'WAGES_SURVEY_ROWS_INVALID';

  return (
    <div className="wages-page">
      <PageHeader
        title={t('wages.surveys.title')}
        intro={t('wages.surveys.intro')}
        extra={<Button href="/api/wages/surveys/template">{t('wages.surveys.template')}</Button>}
      />
      <div className="wage-stack">
        <Card>
          <Space wrap align="end">
            <div className="filter-item">
              <label htmlFor="survey-year">{t('wages.surveys.year')}</label>
              <Select
                id="survey-year"
                value={year}
                style={{ width: 120 }}
                options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
                onChange={setYear}
              />
            </div>
            <div className="filter-item">
              <label htmlFor="survey-file">{t('wages.surveys.file')}</label>
              <input id="survey-file" type="file" accept=".xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </div>
            <Button type="primary" onClick={upload} loading={busy} disabled={!file}>
              {t('wages.surveys.upload')}
            </Button>
          </Space>
        </Card>
        {result ? (
          <Alert
            type="success"
            showIcon
            data-testid="survey-result"
            title={
              result.duplicate
                ? t('wages.surveys.duplicate', { time: new Date(result.uploadedAt).toLocaleString('zh-CN') })
                : t('wages.surveys.uploaded', { rows: result.rowCount, skipped: result.skippedNotDigital })
            }
          />
        ) : null}
        {rowsInvalid ? <RowErrors error={failure} /> : <ErrorAlert error={failure} />}
        <Card title={<h2 className="card-h2">{t('wages.surveys.listTitle')}</h2>}>
          <ErrorAlert error={list.error} onRetry={list.reload} />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: this region scrolls sideways on a phone and must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="wage-table-scroll" tabIndex={0} aria-label={t('wages.surveys.listTitle')}>
            <Table
              size="small"
              rowKey="id"
              loading={list.loading}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: t('wages.surveys.empty') }}
              columns={[
                { title: t('wages.surveys.fileName'), dataIndex: 'fileName', key: 'file' },
                { title: t('wages.surveys.year'), dataIndex: 'year', key: 'year' },
                { title: t('wages.surveys.rows'), dataIndex: 'rowCount', key: 'rows', align: 'right' },
                { title: t('wages.surveys.skipped'), dataIndex: 'skippedNotDigital', key: 'skipped', align: 'right' },
                { title: t('wages.surveys.uploadedAt'), key: 'at', render: (_: unknown, b: WageSurveyBatch) => new Date(b.uploadedAt).toLocaleString('zh-CN') },
                {
                  title: t('wages.surveys.status'),
                  key: 'status',
                  render: (_: unknown, b: WageSurveyBatch) =>
                    b.withdrawnAt ? <Tag>{t('wages.surveys.withdrawn')}</Tag> : <Tag color="green">{t('wages.surveys.active')}</Tag>,
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, b: WageSurveyBatch) =>
                    b.withdrawnAt ? null : (
                      <Popconfirm title={t('wages.surveys.withdrawConfirm')} onConfirm={() => withdraw(b.id)}>
                        <Button size="small" danger>
                          {t('wages.surveys.withdraw')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          </section>
        </Card>
      </div>
    </div>
  );
}
