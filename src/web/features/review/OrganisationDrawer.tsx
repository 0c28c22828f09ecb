/** Detail of one organisation: facts, workflow history, and the actions the server allows now. */
import { Button, Descriptions, Drawer, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { OrganisationDetail, OrganisationItem } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { WorkflowHistory } from '../../components/WorkflowHistory.js';
import { OrgStatusTag } from '../../components/OrgStatusTag.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useIndustryLabel } from '../../components/useIndustryName.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { actionLabel, TransitionModal } from './TransitionModal.js';

function History({ detail }: { detail: OrganisationDetail }) {
  const { t, tx } = useI18n();
  return (
    <WorkflowHistory
      history={detail.history}
      lineKey="review.historyLine"
      emptyText={t('review.noHistory')}
      stateLabel={(s) => tx(`orgStatus.${s}`, s)}
      actionLabel={(a) => actionLabel(tx, a)}
    />
  );
}

function Facts({ detail }: { detail: OrganisationDetail }) {
  const { t, tx } = useI18n();
  const { regions } = useRegions();
  const industry = useIndustryLabel(detail.industryCode);
  const items = [
    { key: 'name', label: t('review.name'), children: detail.name },
    { key: 'kind', label: t('review.kind'), children: tx(`orgKinds.${detail.kind}`, detail.kind) },
    { key: 'uscc', label: t('review.uscc'), children: detail.uscc },
    { key: 'region', label: t('review.region'), children: detail.regionName ?? regionName(regions, detail.regionCode) },
    { key: 'industry', label: t('review.industry'), children: industry },
    { key: 'size', label: t('fields.size'), children: detail.size ? tx(`orgSizes.${detail.size}`, detail.size) : '—' },
    { key: 'address', label: t('fields.address'), children: detail.address ?? '—' },
    { key: 'contact', label: t('fields.contactName'), children: detail.contactName ?? '—' },
    { key: 'phone', label: t('review.contactPhone'), children: detail.contactPhoneMasked ?? '—' },
    { key: 'status', label: t('review.status'), children: <OrgStatusTag status={detail.status} /> },
    { key: 'createdAt', label: t('review.createdAt'), children: dayjs(detail.createdAt).format('YYYY-MM-DD HH:mm') },
  ];
  return <Descriptions column={1} size="small" bordered items={items} />;
}

export function OrganisationDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: (o: OrganisationItem) => void }) {
  const { t, tx } = useI18n();
  const { data, error, loading, reload } = useApi<OrganisationDetail>(id ? `/api/organisations/${id}` : null);
  const [action, setAction] = useState<string | null>(null);
  const desktop = useIsDesktop();
  const detail = data && data.id === id ? data : undefined;
  const done = (updated: OrganisationItem) => {
    setAction(null);
    reload();
    onChanged(updated);
  };
  const actions = detail?.allowedActions ?? [];
  const footer = detail ? (
    <Space wrap>
      {actions.length === 0 ? <Typography.Text type="secondary">{t('common.noActions')}</Typography.Text> : null}
      {actions.map((a) => (
        <Button
          key={a}
          type={a === 'verify' || a === 'reinstate' ? 'primary' : 'default'}
          danger={a === 'reject' || a === 'suspend'}
          onClick={() => setAction(a)}
          data-testid={`action-${a}`}
        >
          {actionLabel(tx, a)}
        </Button>
      ))}
    </Space>
  ) : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('review.detailTitle')}
      size={desktop ? 736 : '100%'}
      footer={footer}
      closable={{ 'aria-label': t('common.close') }}
      destroyOnHidden
      styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' } }}
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the drawer body does not scroll; this region does and must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="scroll-region" tabIndex={0} aria-label={t('review.detailTitle')}>
        <ErrorAlert error={error} onRetry={reload} />
        {loading && !detail ? <Skeleton active /> : null}
        {detail ? (
          <>
            <Facts detail={detail} />
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
              {t('review.history')}
            </Typography.Title>
            <History detail={detail} />
            <TransitionModal org={detail} action={action} onClose={() => setAction(null)} onDone={done} />
          </>
        ) : null}
      </section>
    </Drawer>
  );
}
