/**
 * 批量导入 (officials: job-seekers or postings; verified employers: their postings): template download,
 * streamed upload of the raw file, background progress, result counts and reasons, history.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Radio, Space, Table, type TableProps, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ImportKind } from '../../../shared/imports.js';
import { api } from '../../api.js';
import type { Paged } from '../../api-types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TaskProgress } from '../../components/TaskProgress.js';
import { dateTimeColumn } from '../../components/table-columns.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { OrgNotVerified, useOrgVerified } from '../jobs/OrgNotVerified.js';
import { type ImportBatch, uploadType } from './import-types.js';
import { ImportResult } from './ImportResult.js';

const PAGE_SIZE = 10;

function useColumns(open: (b: ImportBatch) => void): TableProps<ImportBatch>['columns'] {
  const { t } = useI18n();
  const num = (key: 'totalRows' | 'inserted' | 'updated' | 'unchanged' | 'rejected', responsive = true) => ({
    title: t(`imports.counts.${key}`),
    dataIndex: key,
    key,
    ...(responsive ? { responsive: ['md' as const] } : {}),
  });
  return [
    dateTimeColumn<ImportBatch>(t('imports.createdAt'), 'createdAt'),
    { title: t('imports.kindLabel'), dataIndex: 'kind', key: 'kind', render: (k: ImportKind) => t(`imports.kind.${k}`) },
    { title: t('imports.fileName'), dataIndex: 'fileName', key: 'fileName', responsive: ['sm'], ellipsis: true },
    { title: t('fields.status'), dataIndex: 'status', key: 'status', render: (s: ImportBatch['status']) => t(`imports.status.${s}`) },
    num('totalRows'),
    num('inserted'),
    num('updated'),
    num('unchanged'),
    num('rejected', false),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, b: ImportBatch) => (
        <Button type="link" onClick={() => open(b)} aria-label={`${t('imports.view')}：${b.fileName}`}>
          {t('imports.view')}
        </Button>
      ),
    },
  ];
}

export function ImportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { me } = useAuth();
  const isOfficial = me?.user.role === 'official';
  const verified = useOrgVerified();
  const allowed = isOfficial || verified;
  const filters = useUrlFilters();
  const history = useApi<Paged<ImportBatch>>(allowed ? '/api/imports' : null, { page: filters.page, pageSize: PAGE_SIZE });
  const [kind, setKind] = useState<ImportKind>(isOfficial ? 'talents' : 'jobs');
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [current, setCurrent] = useState<ImportBatch | null>(null);
  const columns = useColumns((b) => setCurrent(b));

  const refresh = async (id: string) => {
    setCurrent(await api<ImportBatch>(`/api/imports/${id}`));
    history.reload();
  };

  const start = async () => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const batch = await api<ImportBatch>('/api/imports', {
        method: 'POST',
        query: { kind, fileName: file.name },
        rawBody: file,
        headers: { 'content-type': uploadType(file) },
      });
      setCurrent(batch);
      setFile(null);
      void message.success(t('imports.started'));
      history.reload();
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
    }
  };

  if (!allowed) {
    return (
      <>
        <PageHeader title={t('imports.title')} intro={t('imports.introEmployer')} />
        <OrgNotVerified />
      </>
    );
  }
  const running = current && (current.status === 'queued' || current.status === 'running');
  return (
    <>
      <PageHeader title={t('imports.title')} intro={isOfficial ? t('imports.intro') : t('imports.introEmployer')} />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title={t('imports.newImport')}>
          <Form layout="vertical" onFinish={() => void start()}>
            {isOfficial ? (
              <Form.Item label={t('imports.kindLabel')} htmlFor="import-kind" extra={t(`imports.kindHelp.${kind}`)}>
                <Radio.Group id="import-kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)} data-testid="import-kind">
                  <Radio.Button value="talents">{t('imports.kind.talents')}</Radio.Button>
                  <Radio.Button value="jobs">{t('imports.kind.jobs')}</Radio.Button>
                </Radio.Group>
              </Form.Item>
            ) : (
              <Typography.Paragraph type="secondary">{t('imports.kindHelp.jobs')}</Typography.Paragraph>
            )}
            <Form.Item>
              <Space wrap>
                <Button icon={<DownloadOutlined />} href={`/api/imports/templates/${kind}?format=xlsx`} download data-testid="template-xlsx">
                  {t('imports.templateXlsx')}
                </Button>
                <Button icon={<DownloadOutlined />} href={`/api/imports/templates/${kind}?format=csv`} download>
                  {t('imports.templateCsv')}
                </Button>
              </Space>
            </Form.Item>
            <Form.Item label={t('imports.file')} extra={t('imports.fileHint')} required>
              <Upload
                accept=".xlsx,.csv"
                maxCount={1}
                fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
                beforeUpload={(f) => {
                  setFile(f);
                  return false;
                }}
                onRemove={() => setFile(null)}
              >
                <Button icon={<UploadOutlined />} data-testid="choose-file">
                  {t('imports.chooseFile')}
                </Button>
              </Upload>
            </Form.Item>
            <ErrorAlert error={uploadError} />
            <Button type="primary" htmlType="submit" loading={uploading} disabled={!file || Boolean(running)} data-testid="start-import">
              {t('imports.start')}
            </Button>
          </Form>
        </Card>
        {current?.taskId && running ? (
          <Card title={t('imports.current')}>
            <TaskProgress key={current.taskId} taskId={current.taskId} onDone={() => void refresh(current.id)} />
          </Card>
        ) : null}
        {current && !running ? <ImportResult batch={current} /> : null}
        <section aria-labelledby="import-history">
          <Typography.Title level={2} id="import-history" style={{ fontSize: 20 }}>
            {t('imports.history')}
          </Typography.Title>
          <ErrorAlert error={history.error} onRetry={history.reload} />
          <Table<ImportBatch>
            rowKey="id"
            columns={columns}
            dataSource={history.data?.items ?? []}
            loading={history.loading}
            data-testid="import-history"
            locale={{ emptyText: t('imports.empty') }}
            pagination={{
              current: filters.page,
              pageSize: PAGE_SIZE,
              total: history.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (page) => filters.update({ page }),
            }}
          />
        </section>
      </Space>
    </>
  );
}
