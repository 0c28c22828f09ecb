/** One catalogue version (official): entries, add/change/delete on a draft, Excel import and export, publish or discard, history. */
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Popconfirm, Result, Select, Skeleton, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { WorkflowHistory } from '../../components/WorkflowHistory.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ReasonModal } from '../events/ReasonModal.js';
import { useCommand } from '../events/useCommand.js';
import { OccupationSelect } from '../jobs/OccupationSelect.js';
import { catalogueError, EntriesTable, effectiveRange, VersionStatusTag } from './CatalogueBits.js';
import type { ImportProblem, VersionDetail } from './skillcatalog-types.js';
import './skillcatalog.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEVELS = ['5', '4', '3', '2', '1'] as const;

interface EntryValues {
  occupationCode: string;
  workType?: string;
  levelCode?: string;
  subsidyYuan?: number;
  note?: string;
}

function EntryForm({ version, onSaved }: { version: VersionDetail; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<EntryValues>();
  const { busy, error, run } = useCommand();
  const subsidy = version.kind === 'training_subsidy';
  const save = async (v: EntryValues) => {
    const done = await run(() =>
      api(`/api/skill-catalogues/versions/${version.id}/entries`, {
        method: 'POST',
        body: {
          occupationCode: v.occupationCode,
          workType: v.workType?.trim() ?? '',
          levelCode: v.levelCode ?? '',
          subsidyFen: subsidy && v.subsidyYuan !== undefined && v.subsidyYuan !== null ? Math.round(v.subsidyYuan * 100) : null,
          note: v.note?.trim() || null,
        },
      }),
    );
    if (done) {
      form.resetFields(['workType', 'subsidyYuan', 'note']);
      onSaved();
    }
  };
  return (
    <Form<EntryValues> form={form} name="entry" layout="vertical" onFinish={(v) => void save(v)} data-testid="entry-form">
      <Space wrap align="start" style={{ width: '100%' }}>
        <Form.Item name="occupationCode" label={t('skillcatalog.fields.occupation')} rules={[{ required: true }]} style={{ minWidth: 280 }}>
          <OccupationSelect />
        </Form.Item>
        <Form.Item name="workType" label={t('skillcatalog.fields.workType')}>
          <Input maxLength={40} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="levelCode" label={t('skillcatalog.fields.level')} rules={subsidy ? [{ required: true }] : []}>
          <Select style={{ width: 160 }} allowClear options={LEVELS.map((l) => ({ value: l, label: t(`skillcatalog.level.${l}`) }))} />
        </Form.Item>
        {subsidy ? (
          <Form.Item name="subsidyYuan" label={t('skillcatalog.fields.subsidyYuan')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100000} precision={2} style={{ width: 140 }} />
          </Form.Item>
        ) : null}
        <Form.Item label=" ">
          <Button htmlType="submit" type="primary" loading={busy} data-testid="entry-save">
            {t('skillcatalog.manage.add')}
          </Button>
        </Form.Item>
      </Space>
      {error ? <Alert type="error" showIcon role="alert" title={catalogueError(i18n, error)} /> : null}
    </Form>
  );
}

function ImportBox({ version, onImported }: { version: VersionDetail; onImported: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const upload = async (file: File) => {
    const res = await run(() =>
      api<{ imported: number }>(`/api/skill-catalogues/versions/${version.id}/import`, { method: 'POST', rawBody: file, headers: { 'content-type': XLSX } }),
    );
    if (res) {
      void message.success(t('skillcatalog.manage.imported', { n: res.imported }));
      onImported();
    }
  };
  const problems = error instanceof ApiError && error.code === 'CATALOGUE_IMPORT_ROWS_INVALID' ? (error.params.rows as ImportProblem[]) : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('skillcatalog.manage.importHint')}</Typography.Text>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button loading={busy} data-testid="catalogue-import">
          {t('skillcatalog.manage.import')}
        </Button>
      </Upload>
      {problems ? (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('skillcatalog.manage.importErrors', { count: String(error instanceof ApiError ? error.params.count : '') })}
          />
          <Table<ImportProblem>
            rowKey={(p) => `${p.row}-${p.column}-${p.error}`}
            size="small"
            pagination={false}
            dataSource={problems}
            data-testid="import-problems"
            columns={[
              { title: t('skillcatalog.manage.row'), dataIndex: 'row', width: 70 },
              { title: t('skillcatalog.manage.column'), dataIndex: 'column' },
              { title: t('skillcatalog.manage.value'), dataIndex: 'value' },
              { title: t('skillcatalog.manage.problem'), key: 'problem', render: (_, p) => i18n.tx(`skillcatalog.importError.${p.error}`, p.error) },
            ]}
          />
        </>
      ) : error ? (
        <Alert type="error" showIcon role="alert" title={catalogueError(i18n, error)} />
      ) : null}
    </Space>
  );
}

export function ManageCataloguePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data: v, error, loading, reload } = useApi<VersionDetail>(`/api/skill-catalogues/versions/${id}`);
  const cmd = useCommand();
  const [discarding, setDiscarding] = useState(false);
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <Result status="404" title={<h1 className="result-title">{t('errors.NOT_FOUND')}</h1>} />;
  }
  const act = async (action: 'publish' | 'discard', reason?: string) => {
    const done = await cmd.run(() => api(`/api/skill-catalogues/versions/${id}/transitions/${action}`, { method: 'POST', body: reason ? { reason } : {} }));
    if (done) {
      void message.success(t('skillcatalog.manage.saved'));
      setDiscarding(false);
      reload();
    }
  };
  const remove = async (entryId: string) => {
    const done = await cmd.run(() => api(`/api/skill-catalogues/versions/${id}/entries/${entryId}`, { method: 'DELETE' }));
    if (done) reload();
  };
  const editable = v?.status === 'draft' && v.allowedActions.length > 0;
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/manage/skill-catalogues">← {t('skillcatalog.manage.back')}</Link>
      </div>
      <PageHeader title={v ? `${v.regionName}${t(`skillcatalog.kind.${v.kind}`)}（${v.label}）` : t('skillcatalog.manage.title')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !v ? <Skeleton active /> : null}
      {v ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('skillcatalog.fields.status')}>
                <span data-testid="version-status">
                  <VersionStatusTag v={v} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('skillcatalog.fields.effective')}>
                <span data-testid="version-effective">{effectiveRange(t, v)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('skillcatalog.fields.documentNo')}>{v.documentNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('skillcatalog.fields.entries')}>{v.entryCount}</Descriptions.Item>
            </Descriptions>
            <Space wrap style={{ marginTop: 12 }}>
              {v.allowedActions.includes('publish') ? (
                <Popconfirm
                  title={t('skillcatalog.manage.publishConfirm', { from: v.effectiveFrom })}
                  onConfirm={() => void act('publish')}
                  okText={t('skillcatalog.action.publish')}
                  cancelText={t('common.cancel')}
                >
                  <Button type="primary" loading={cmd.busy} data-testid="version-publish">
                    {t('skillcatalog.action.publish')}
                  </Button>
                </Popconfirm>
              ) : null}
              {v.allowedActions.includes('discard') ? (
                <Button danger onClick={() => setDiscarding(true)} data-testid="version-discard">
                  {t('skillcatalog.action.discard')}
                </Button>
              ) : null}
              <a href={`/api/skill-catalogues/versions/${v.id}/export`} download data-testid="version-export">
                {t('skillcatalog.public.export')}
              </a>
            </Space>
            {cmd.error ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={catalogueError(i18n, cmd.error)} /> : null}
          </Card>
          {editable ? (
            <Card title={<h2 className="card-title">{t('skillcatalog.manage.addEntry')}</h2>} style={{ marginBottom: 16 }}>
              <EntryForm version={v} onSaved={reload} />
              <ImportBox version={v} onImported={reload} />
            </Card>
          ) : null}
          <Card title={<h2 className="card-title">{t('skillcatalog.manage.entriesTitle')}</h2>} style={{ marginBottom: 16 }}>
            <EntriesTable
              entries={v.entries}
              showSubsidy={v.kind === 'training_subsidy'}
              testId="version-entries"
              extra={
                editable
                  ? (e) => (
                      <Popconfirm
                        title={t('skillcatalog.manage.removeConfirm')}
                        onConfirm={() => void remove(e.id)}
                        okText={t('skillcatalog.manage.remove')}
                        cancelText={t('common.cancel')}
                      >
                        <Button size="small" type="link" danger>
                          {t('skillcatalog.manage.remove')}
                        </Button>
                      </Popconfirm>
                    )
                  : undefined
              }
            />
          </Card>
          <Card title={<h2 className="card-title">{t('skillcatalog.manage.history')}</h2>}>
            <WorkflowHistory
              history={v.history}
              lineKey="skillcatalog.manage.historyLine"
              emptyText={t('skillcatalog.manage.historyEmpty')}
              stateLabel={(s) => i18n.tx(`skillcatalog.status.${s}`, s)}
              actionLabel={(a) => i18n.tx(`skillcatalog.action.${a}`, a)}
            />
          </Card>
          <ReasonModal
            open={discarding}
            title={t('skillcatalog.manage.discardTitle')}
            busy={cmd.busy}
            onOk={(r) => void act('discard', r)}
            onCancel={() => setDiscarding(false)}
          />
        </>
      ) : null}
    </>
  );
}
