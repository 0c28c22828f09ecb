/** 助创业 (public): published projects with filters, the carriers, and the 小巨人 cultivation list — tabs of one page. */
import { Card, Empty, Input, Pagination, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DigitalField, VentureStage } from '../../../shared/ventures.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { FieldTag, fieldName, ProjectCard, stageName } from './VentureBits.js';
import type { CarrierView, ProjectView } from './types.js';

function Projects() {
  const { t } = useI18n();
  const [field, setField] = useState<string | undefined>();
  const [stage, setStage] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi<{ items: ProjectView[]; total: number }>('/api/ventures/projects', { field, stage, q, page, pageSize: 10 });
  const items = data?.items ?? [];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label={t('ventures.common.field')}
          placeholder={t('ventures.public.allFields')}
          style={{ width: 160 }}
          value={field}
          onChange={(v) => {
            setField(v);
            setPage(1);
          }}
          options={DigitalField.options.map((f) => ({ value: f, label: fieldName(t, f) }))}
        />
        <Select
          allowClear
          aria-label={t('ventures.common.stage')}
          placeholder={t('ventures.public.allStages')}
          style={{ width: 120 }}
          value={stage}
          onChange={(v) => {
            setStage(v);
            setPage(1);
          }}
          options={VentureStage.options.map((s) => ({ value: s, label: stageName(t, s) }))}
        />
        <Input.Search
          aria-label={t('ventures.public.search')}
          placeholder={t('ventures.public.search')}
          allowClear
          style={{ width: 220, maxWidth: '100%' }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.public.empty')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((p) => (
          <ProjectCard key={p.id} p={p} />
        ))}
      </Space>
      {data && data.total > 10 ? (
        <Pagination style={{ marginTop: 12 }} current={page} pageSize={10} total={data.total} onChange={setPage} showSizeChanger={false} size="small" />
      ) : null}
      {data ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('ventures.public.total', { total: data.total })}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary">{t('ventures.common.contactNote')}</Typography.Paragraph>
    </>
  );
}

function Carriers() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: CarrierView[] }>('/api/ventures/carriers');
  const items = data?.items ?? [];
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.public.carriersEmpty')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((c) => (
          <Card size="small" key={c.id} data-testid="carrier-card">
            <Space wrap size={[8, 4]}>
              <Tag color="geekblue">{t(`ventures.carrierKind.${c.kind}` as MessageKey)}</Tag>
              <Tag>{t(`ventures.level.${c.level}` as MessageKey)}</Tag>
              <Typography.Text type="secondary">{c.regionName}</Typography.Text>
            </Space>
            <Typography.Title level={2} style={{ fontSize: 18, margin: '8px 0', overflowWrap: 'anywhere' }}>
              {c.name}
            </Typography.Title>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{c.description}</Typography.Paragraph>
            <Space wrap size={[4, 4]}>
              <Typography.Text type="secondary">{t('ventures.public.focus')}：</Typography.Text>
              {c.focusFields.map((f) => (
                <FieldTag key={f} field={f} />
              ))}
            </Space>
            <div>
              <Typography.Text type="secondary">
                {t('ventures.public.capacity', { occupied: c.occupied, capacity: c.capacity })}
                {c.managerName ? ` · ${t('ventures.public.operator', { name: c.managerName })}` : ''}
              </Typography.Text>
            </div>
          </Card>
        ))}
      </Space>
    </>
  );
}

function Giants() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: { name: string; field: string }[] }>('/api/ventures/giants');
  const items = data?.items ?? [];
  const fields = [...new Set(items.map((g) => g.field))];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('ventures.public.giantsIntro')}</Typography.Paragraph>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.public.giantsEmpty')} /> : null}
      {fields.map((f) => (
        <Card size="small" key={f} title={fieldName(t, f)} style={{ marginBottom: 12 }}>
          {items
            .filter((g) => g.field === f)
            .map((g) => (
              <div key={g.name} data-testid="giant">
                {g.name}
              </div>
            ))}
        </Card>
      ))}
    </>
  );
}

export function VenturesPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const owner = me?.user.role === 'talent' || me?.user.role === 'employer';
  return (
    <>
      <PageHeader
        title={t('ventures.public.title')}
        intro={t('ventures.public.intro')}
        extra={owner ? <ButtonLink to="/ventures/mine">{t('ventures.public.mine')}</ButtonLink> : null}
      />
      <Tabs
        items={[
          { key: 'projects', label: t('ventures.public.tabProjects'), children: <Projects /> },
          { key: 'carriers', label: t('ventures.public.tabCarriers'), children: <Carriers /> },
          { key: 'giants', label: t('ventures.public.tabGiants'), children: <Giants /> },
        ]}
      />
    </>
  );
}
