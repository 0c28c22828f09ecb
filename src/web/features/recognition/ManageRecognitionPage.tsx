/**
 * 人才认定办理 (officials, region-scoped): the application queue with the statutory clock, one application's
 * detail (materials, reviewers, decision), the supervisor's overdue view, deadline reminders, the benefits my
 * department fulfils, 人才计划 applications, 柔性引才 records and the stations registry.
 */
import { Button, Card, Drawer, Empty, List, Select, Space, Switch, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { entitlementWorkflow, programmeWorkflow, RecognitionStatus } from '../../../shared/recognition.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ToneTag } from '../../components/ToneTag.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionButtons } from './ActionButtons.js';
import { ApplicationDrawer, ReviewersBlock } from './ApplicationDrawer.js';
import { FlexibleRecords } from './FlexibleRecords.js';
import { ClockText, History, MaterialLinks, StatusTag } from './RecognitionBits.js';
import { RecognitionSettings } from './RecognitionSettings.js';
import { StationList } from './StationList.js';
import type { AlertItem, Application, Category, Entitlement, OverdueItem, Programme, Station } from './recognition-types.js';
import './recognition.css';

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
          { key: 'flexible', label: t('recognition.manage.flexible'), children: <FlexibleRecords /> },
          { key: 'stations', label: t('recognition.manage.stations'), children: <Stations /> },
          { key: 'settings', label: t('recognition.settings.tab'), children: <RecognitionSettings /> },
        ]}
      />
    </>
  );
}
