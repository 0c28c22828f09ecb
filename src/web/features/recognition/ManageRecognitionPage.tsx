/**
 * 人才认定办理 (officials, region-scoped): the application queue with the statutory clock, one application's
 * detail (materials, reviewers, decision), the supervisor's overdue view, deadline reminders, the benefits my
 * department fulfils, 人才计划 applications, 柔性引才 records and the stations registry.
 */
import { App, Button, Card, DatePicker, Descriptions, Drawer, Empty, Form, Input, List, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { entitlementWorkflow, programmeWorkflow, RecognitionStatus, recognitionWorkflow } from '../../../shared/recognition.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { ToneTag } from '../../components/ToneTag.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionButtons } from './ActionButtons.js';
import { ClockText, History, MaterialLinks, StatusTag } from './RecognitionBits.js';
import { RecognitionSettings } from './RecognitionSettings.js';
import { StationList } from './StationList.js';
import type { AlertItem, Application, Category, Entitlement, FlexRecord, OverdueItem, Programme, Reviewer, Reviews, Station } from './recognition-types.js';
import './recognition.css';

function ReviewersBlock({
  kind,
  id,
  reviews,
  canAssign,
  onDone,
}: {
  kind: 'applications' | 'programmes';
  id: string;
  reviews: Reviews | null | undefined;
  canAssign: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const pool = useApi<{ items: Reviewer[] }>(canAssign ? '/api/recognition/reviewers' : null);
  const [reviewerId, setReviewerId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const assign = async () => {
    if (!reviewerId) return;
    setError(null);
    try {
      await api(`/api/recognition/${kind}/${id}/reviewers`, { method: 'POST', body: { reviewerId } });
      setReviewerId(undefined);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(reviews?.items ?? []).map((r) => (
        <div key={r.id} data-testid="assigned-reviewer">
          {r.reviewerName}（{r.affiliation}）：{r.score === null ? t('recognition.common.notScored') : `${r.score} · ${r.comment ?? ''}`}
        </div>
      ))}
      {reviews?.average !== null && reviews?.average !== undefined ? <strong>{t('recognition.common.average', { score: reviews.average })}</strong> : null}
      {canAssign ? (
        <Space wrap>
          <Select
            style={{ minWidth: 240 }}
            placeholder={t('recognition.manage.assignReviewer')}
            value={reviewerId}
            onChange={setReviewerId}
            data-testid="reviewer-select"
            options={(pool.data?.items ?? []).map((r) => ({ value: r.userId, label: `${r.name}（${r.affiliationName}）` }))}
          />
          <Button onClick={() => void assign()} disabled={!reviewerId} data-testid="assign-reviewer">
            {t('recognition.manage.assign')}
          </Button>
        </Space>
      ) : null}
      <ErrorAlert error={error} />
    </Space>
  );
}

function ApplicationDrawer({ id, categories, onClose, onChanged }: { id: string | null; categories: Category[]; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const desktop = useIsDesktop();
  const detail = useApi<Application>(id ? `/api/recognition/applications/${id}` : null);
  const a = detail.data;
  const [categoryCode, setCategoryCode] = useState<string | undefined>(undefined);
  const name = (code: string | null) => categories.find((c) => c.code === code)?.name ?? code ?? '';
  const refresh = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={desktop ? 640 : '100%'}
      title={a ? `${a.applicantName ?? ''} · ${name(a.categoryCode)}` : ''}
      destroyOnHidden
    >
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      {a ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="recognition-detail" data-status={a.status}>
          <Space wrap>
            <StatusTag status={a.status} />
            <ClockText clock={a.clock} status={a.status} />
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('recognition.common.employer')}>{a.employerName}</Descriptions.Item>
            <Descriptions.Item label={t('recognition.common.field')}>{a.field}</Descriptions.Item>
            <Descriptions.Item label={t('recognition.common.achievements')}>
              <span className="recognition-achievements">{a.achievements}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('recognition.common.materials')}>
              <MaterialLinks materials={a.materials ?? []} />
            </Descriptions.Item>
            {a.grantedCategoryCode ? (
              <Descriptions.Item label={t('recognition.common.grantedCategory')}>{name(a.grantedCategoryCode)}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {['accepted', 'in_review'].includes(a.status) || (a.reviews?.items.length ?? 0) > 0 ? (
            <Card size="small" title={t('recognition.common.reviews')}>
              <ReviewersBlock kind="applications" id={a.id} reviews={a.reviews} canAssign={['accepted', 'in_review'].includes(a.status)} onDone={refresh} />
            </Card>
          ) : null}
          <ActionButtons
            actions={a.allowedActions}
            workflow={recognitionWorkflow}
            url={(action) => `/api/recognition/applications/${a.id}/transitions/${action}`}
            onDone={refresh}
            extra={(action) =>
              action === 'recognise' ? (
                <Select
                  style={{ width: '100%' }}
                  placeholder={t('recognition.manage.chooseCategory')}
                  allowClear
                  value={categoryCode}
                  onChange={(v: string | undefined) => setCategoryCode(v)}
                  options={categories.filter((c) => c.active).map((c) => ({ value: c.code, label: c.name }))}
                />
              ) : null
            }
            extraBody={(action) => (action === 'recognise' && categoryCode ? { categoryCode } : {})}
          />
          <Card size="small" title={t('recognition.common.history')}>
            <History history={a.history} />
          </Card>
        </Space>
      ) : null}
    </Drawer>
  );
}

function Queue({ categories }: { categories: Category[] }) {
  const { t, tx } = useI18n();
  const { regions } = useRegions();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [overdue, setOverdue] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApi<{ items: Application[]; total: number }>('/api/recognition/applications', { status, overdue: overdue || undefined, pageSize: 100 });
  const name = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('recognition.manage.statusFilter')}
          aria-label={t('recognition.manage.statusFilter')}
          value={status}
          onChange={setStatus}
          options={RecognitionStatus.options.map((s) => ({ value: s, label: tx(`recognition.status.${s}`, s) }))}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} aria-label={t('recognition.manage.overdueOnly')} />
          <span>{t('recognition.manage.overdueOnly')}</span>
        </Space>
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(a) => (
          <List.Item
            data-testid="queue-item"
            data-status={a.status}
            actions={[
              <Button key="open" size="small" onClick={() => setOpen(a.id)} data-testid="queue-open">
                {t('recognition.common.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{a.applicantName}</span>
                  <span>{name(a.categoryCode)}</span>
                  <StatusTag status={a.status} />
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <span>
                    {regionName(regions, a.regionCode)} · {a.employerName}
                  </span>
                  <ClockText clock={a.clock} status={a.status} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <ApplicationDrawer id={open} categories={categories} onClose={() => setOpen(null)} onChanged={list.reload} />
    </Space>
  );
}

function Overdue({ categories }: { categories: Category[] }) {
  const { t } = useI18n();
  const { regions } = useRegions();
  const list = useApi<{ items: OverdueItem[] }>('/api/recognition/overdue');
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recognition.manage.overdueIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(o) => (
          <List.Item
            data-testid="overdue-item"
            actions={[
              <Button key="open" size="small" onClick={() => setOpen(o.id)}>
                {t('recognition.common.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{o.applicantName}</span>
                  <span>{categories.find((c) => c.code === o.categoryCode)?.name ?? o.categoryCode}</span>
                  <StatusTag status={o.status} />
                  {o.escalated ? <ToneTag tone="error">{t('recognition.common.escalated')}</ToneTag> : null}
                </Space>
              }
              description={
                <Space orientation="vertical" size={0}>
                  <span>
                    {regionName(regions, o.regionCode)} · {t('recognition.common.handler')}：{o.handlerName ?? '—'}
                  </span>
                  <ClockText clock={o.clock} status={o.status} />
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <ApplicationDrawer id={open} categories={categories} onClose={() => setOpen(null)} onChanged={list.reload} />
    </Space>
  );
}

function Alerts() {
  const { t } = useI18n();
  const list = useApi<{ items: AlertItem[] }>('/api/recognition/alerts');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recognition.manage.alertsIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(a) => (
          <List.Item data-testid="alert-item" data-kind={a.kind}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <ToneTag tone={a.kind === 'escalation' ? 'error' : 'warning'}>{t(`recognition.manage.${a.kind}`)}</ToneTag>
                  <span>{a.applicantName}</span>
                  <StatusTag status={a.status} />
                </Space>
              }
              description={<ClockText clock={a.clock} status={a.status} />}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}

function Benefits() {
  const { t, tx } = useI18n();
  const list = useApi<{ items: Entitlement[] }>('/api/recognition/benefits');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recognition.manage.benefitsIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(e) => (
          <List.Item data-testid="benefit-item" data-benefit={e.benefit} data-status={e.status}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <strong>{tx(`recognition.benefit.${e.benefit}`, e.benefit)}</strong>
                <span>
                  {e.talentName} · {e.categoryCode}
                </span>
                <StatusTag status={e.status} ns="benefitStatus" />
              </Space>
              {e.note ? (
                <Typography.Text type="secondary">
                  {t('recognition.common.note')}：{e.note}
                </Typography.Text>
              ) : null}
              <ActionButtons
                actions={e.allowedActions}
                workflow={entitlementWorkflow}
                url={(a) => `/api/recognition/benefits/${e.id}/transitions/${a}`}
                onDone={list.reload}
              />
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}

function Programmes() {
  const { t, tx } = useI18n();
  const list = useApi<{ items: Programme[] }>('/api/recognition/programmes');
  const [open, setOpen] = useState<string | null>(null);
  const detail = useApi<Programme>(open ? `/api/recognition/programmes/${open}` : null);
  const desktop = useIsDesktop();
  const refresh = () => {
    detail.reload();
    list.reload();
  };
  const p = detail.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(x) => (
          <List.Item
            data-testid="programme-item"
            actions={[
              <Button key="open" size="small" onClick={() => setOpen(x.id)}>
                {t('recognition.common.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{tx(`recognition.programme.${x.programme}`, x.programme)}</span>
                  <span>{x.applicantName}</span>
                  <StatusTag status={x.status} ns="programmeStatus" />
                </Space>
              }
              description={`${x.projectTitle} · ${x.employerName}`}
            />
          </List.Item>
        )}
      />
      <Drawer open={open !== null} onClose={() => setOpen(null)} size={desktop ? 600 : '100%'} title={p?.projectTitle ?? ''} destroyOnHidden>
        {p ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <StatusTag status={p.status} ns="programmeStatus" />
            <Typography.Paragraph className="recognition-achievements">{p.summary}</Typography.Paragraph>
            <MaterialLinks materials={p.materials ?? []} />
            {['submitted', 'in_review'].includes(p.status) ? (
              <Card size="small" title={t('recognition.common.reviews')}>
                <ReviewersBlock kind="programmes" id={p.id} reviews={p.reviews} canAssign onDone={refresh} />
              </Card>
            ) : null}
            <ActionButtons
              actions={p.allowedActions}
              workflow={programmeWorkflow}
              url={(a) => `/api/recognition/programmes/${p.id}/transitions/${a}`}
              onDone={refresh}
            />
            <History history={p.history} programme />
          </Space>
        ) : null}
      </Drawer>
    </Space>
  );
}

interface FlexValues {
  personName: string;
  kind: string;
  hostName: string;
  homeInstitution: string;
  regionCode: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  note?: string;
}

function Flexible() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { regions } = useRegions();
  const list = useApi<{ items: FlexRecord[] }>('/api/recognition/flexible');
  const [form] = Form.useForm<FlexValues>();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: FlexValues) => {
    setError(null);
    try {
      await api('/api/recognition/flexible', {
        method: 'POST',
        body: { ...v, startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null },
      });
      void message.success(t('recognition.manage.done'));
      form.resetFields();
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recognition.manage.flexIntro')}</Typography.Paragraph>
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(f) => (
          <List.Item data-testid="flex-item">
            <List.Item.Meta
              title={
                <Space wrap>
                  <strong>{f.personName}</strong>
                  <Tag>{tx(`recognition.flexKind.${f.kind}`, f.kind)}</Tag>
                </Space>
              }
              description={`${f.hostName} ← ${f.homeInstitution} · ${regionName(regions, f.regionCode)} · ${f.startsOn} ~ ${f.endsOn ?? ''}${f.note ? ` · ${f.note}` : ''}`}
            />
          </List.Item>
        )}
      />
      <Card title={t('recognition.manage.addFlex')}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="personName" label={t('recognition.manage.person')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('recognition.manage.kind')} rules={[{ required: true }]}>
            <Select
              options={(['tech_vice_president', 'industry_professor', 'talent_enclave', 'part_time', 'leave_startup'] as const).map((k) => ({
                value: k,
                label: t(`recognition.flexKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="hostName" label={t('recognition.manage.host')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="homeInstitution" label={t('recognition.manage.homeInstitution')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t('recognition.common.region')} rules={[{ required: true }]}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={t('recognition.manage.startsOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="endsOn" label={t('recognition.manage.endsOn')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('recognition.common.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" style={{ marginTop: 8 }}>
            {t('recognition.common.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

function Stations() {
  const { t } = useI18n();
  const list = useApi<{ items: Station[] }>('/api/recognition/stations');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recognition.manage.stationsIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <StationList items={list.data?.items ?? []} onChanged={list.reload} />
    </Space>
  );
}

export function ManageRecognitionPage() {
  const { t } = useI18n();
  const cats = useApi<{ items: Category[] }>('/api/recognition/categories');
  const categories = cats.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('recognition.manage.title')} intro={t('recognition.manage.intro')} />
      <Tabs
        items={[
          { key: 'queue', label: t('recognition.manage.queue'), children: <Queue categories={categories} /> },
          { key: 'overdue', label: t('recognition.manage.overdue'), children: <Overdue categories={categories} /> },
          { key: 'alerts', label: t('recognition.manage.alerts'), children: <Alerts /> },
          { key: 'benefits', label: t('recognition.manage.benefits'), children: <Benefits /> },
          { key: 'programmes', label: t('recognition.manage.programmes'), children: <Programmes /> },
          { key: 'flexible', label: t('recognition.manage.flexible'), children: <Flexible /> },
          { key: 'stations', label: t('recognition.manage.stations'), children: <Stations /> },
          { key: 'settings', label: t('recognition.settings.tab'), children: <RecognitionSettings /> },
        ]}
      />
    </>
  );
}
