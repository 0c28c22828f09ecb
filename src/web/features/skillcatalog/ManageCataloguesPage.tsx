/** 目录管理 (official): versions of every catalogue (drafts of the own region included), and a new draft. */
import { Button, DatePicker, Form, Input, Modal, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CatalogueKind } from '../../../shared/skillcatalog.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import { catalogueError, effectiveRange, VersionStatusTag } from './CatalogueBits.js';
import type { VersionDetail, VersionView } from './skillcatalog-types.js';
import './skillcatalog.css';

interface CreateValues {
  kind: CatalogueKind;
  regionCode: string;
  label: string;
  documentNo?: string;
  effectiveFrom: Dayjs;
  copyFrom?: string;
}

function CreateVersionModal({ open, onClose, versions }: { open: boolean; onClose: () => void; versions: VersionView[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const navigate = useNavigate();
  const { regions } = useRegions();
  const [form] = Form.useForm<CreateValues>();
  const { busy, error, run } = useCommand();
  const kind = Form.useWatch('kind', form);
  const own = me?.user.regionCode ?? '360000';
  // the province official may publish for the province or any city; a city official for the own city
  const publishers = (regions ?? []).filter((r) => (own === '360000' ? r.level === 'province' || r.level === 'city' : r.code === own));
  const submit = async (v: CreateValues) => {
    const created = await run(() =>
      api<VersionDetail>('/api/skill-catalogues/versions', {
        method: 'POST',
        body: {
          kind: v.kind,
          regionCode: v.regionCode,
          label: v.label,
          documentNo: v.documentNo || null,
          effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
          ...(v.copyFrom ? { copyFrom: v.copyFrom } : {}),
        },
      }),
    );
    if (created) navigate(`/manage/skill-catalogues/${created.id}`);
  };
  return (
    <Modal
      open={open}
      title={t('skillcatalog.manage.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('skillcatalog.manage.create')}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        name="create"
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'training_subsidy', regionCode: own, effectiveFrom: dayjs().add(1, 'month').startOf('month') }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="kind" label={t('skillcatalog.fields.kind')} rules={[{ required: true }]}>
          <Select options={CatalogueKind.options.map((k) => ({ value: k, label: t(`skillcatalog.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('skillcatalog.fields.region')} rules={[{ required: true }]}>
          <Select options={publishers.map((r) => ({ value: r.code, label: r.name }))} />
        </Form.Item>
        <Form.Item name="label" label={t('skillcatalog.fields.label')} rules={[{ required: true, min: 4, max: 80 }]}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="documentNo" label={t('skillcatalog.fields.documentNo')}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('skillcatalog.fields.effectiveFrom')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="copyFrom" label={t('skillcatalog.fields.copyFrom')}>
          <Select
            allowClear
            options={versions
              .filter((v) => v.kind === kind && v.status !== 'discarded')
              .map((v) => ({ value: v.id, label: `${v.regionName} · ${v.label}（${v.effectiveFrom}）` }))}
          />
        </Form.Item>
      </Form>
      {error ? (
        <Typography.Text type="danger" role="alert">
          {catalogueError(i18n, error)}
        </Typography.Text>
      ) : null}
    </Modal>
  );
}

export function ManageCataloguesPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const kind = filters.get('kind');
  const [creating, setCreating] = useState(false);
  const { data, error, loading, reload } = useApi<{ items: VersionView[] }>('/api/skill-catalogues/versions', { kind: kind || undefined });
  return (
    <>
      <PageHeader
        title={t('skillcatalog.manage.title')}
        intro={t('skillcatalog.manage.intro')}
        extra={
          <Button type="primary" onClick={() => setCreating(true)} data-testid="catalogue-create">
            {t('skillcatalog.manage.create')}
          </Button>
        }
      />
      <div className="catalogue-filters">
        <div className="filter-item">
          <label htmlFor="manage-kind">{t('skillcatalog.fields.kind')}</label>
          <Select
            id="manage-kind"
            value={kind}
            onChange={(k) => filters.update({ kind: k })}
            options={[
              { value: '', label: t('skillcatalog.manage.allKinds') },
              ...CatalogueKind.options.map((k) => ({ value: k, label: t(`skillcatalog.kind.${k}`) })),
            ]}
          />
        </div>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<VersionView>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('skillcatalog.manage.empty') }}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        data-testid="catalogue-versions"
        columns={[
          {
            title: t('skillcatalog.fields.label'),
            key: 'label',
            render: (_, v) => (
              <span>
                <Link to={`/manage/skill-catalogues/${v.id}`}>
                  {v.regionName} · {v.label}
                </Link>
                <br />
                <Typography.Text type="secondary">{t(`skillcatalog.kindShort.${v.kind}`)}</Typography.Text>
              </span>
            ),
          },
          { title: t('skillcatalog.fields.status'), key: 'status', render: (_, v) => <VersionStatusTag v={v} /> },
          { title: t('skillcatalog.fields.effective'), key: 'effective', responsive: ['sm'], render: (_, v) => effectiveRange(t, v) },
          { title: t('skillcatalog.fields.entries'), key: 'entries', responsive: ['md'], dataIndex: 'entryCount' },
        ]}
      />
      <CreateVersionModal open={creating} onClose={() => setCreating(false)} versions={data?.items ?? []} />
    </>
  );
}
