/**
 * A 创业项目 (public once published): what it does, where, how far, what it needs. No owner name or contact;
 * the owner and officials of the region also see the status, the return reason, the history and their buttons.
 */
import { Alert, Descriptions, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { projectWorkflow, yuanText } from '../../../shared/ventures.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { ActionBar, FieldTag, StageTag, VStatusTag } from './VentureBits.js';
import type { ProjectView } from './types.js';

export function VentureDetailPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { data: p, error, reload } = useApi<ProjectView>(id ? `/api/ventures/projects/${id}` : null);
  const act = (a: string, reason?: string) =>
    api(`/api/ventures/projects/${id}/transitions/${a}`, { method: 'POST', body: reason ? { reason } : {} }).then((r) => {
      reload();
      return r;
    });
  return (
    <>
      <PageHeader title={p?.name ?? t('ventures.public.title')} />
      <Link to="/ventures">← {t('ventures.detail.back')}</Link>
      <ErrorAlert error={error} onRetry={reload} />
      {p ? (
        <div style={{ marginTop: 12 }} data-testid="venture-detail">
          <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
            <FieldTag field={p.digitalField} />
            <StageTag stage={p.stage} />
            {p.status ? <VStatusTag status={p.status} /> : null}
          </Space>
          {p.returnReason ? (
            <Alert type="warning" showIcon title={t('ventures.detail.returnReason', { reason: p.returnReason })} style={{ marginBottom: 12 }} />
          ) : null}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('ventures.common.summary')}>{p.summary}</Descriptions.Item>
            <Descriptions.Item label={t('ventures.common.region')}>{p.regionName}</Descriptions.Item>
            <Descriptions.Item label={t('ventures.common.industry')}>
              {p.industryName ? `${p.industryCode} ${p.industryName}` : p.industryCode}
            </Descriptions.Item>
            {p.orgName ? <Descriptions.Item label={t('ventures.common.enterprise')}>{p.orgName}</Descriptions.Item> : null}
            <Descriptions.Item label={t('ventures.mine.teamSize')}>{p.teamSize}</Descriptions.Item>
            <Descriptions.Item label={t('ventures.mine.funding')}>
              {p.fundingSoughtFen > 0 ? yuanText(p.fundingSoughtFen) : t('ventures.common.noFunding')}
            </Descriptions.Item>
            <Descriptions.Item label={t('ventures.common.needs')}>
              {p.needs.map((n) => t(`ventures.need.${n}` as MessageKey)).join('、') || '—'}
            </Descriptions.Item>
            {p.incubatingAt ? <Descriptions.Item label={t('ventures.status.incubating')}>{p.incubatingAt}</Descriptions.Item> : null}
            {p.publishedAt ? <Descriptions.Item label={t('ventures.detail.publishedAt')}>{p.publishedAt.slice(0, 10)}</Descriptions.Item> : null}
          </Descriptions>
          <ActionBar workflow={projectWorkflow} actions={p.allowedActions ?? []} onAct={act} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            {t('ventures.common.contactNote')}
          </Typography.Paragraph>
          {p.history?.length ? (
            <>
              <Typography.Title level={2} style={{ fontSize: 18 }}>
                {t('ventures.detail.history')}
              </Typography.Title>
              <Timeline
                items={p.history.map((h) => ({
                  content: `${h.at.slice(0, 16).replace('T', ' ')} ${t(`ventures.action.${h.action}` as MessageKey)}${h.reason ? `：${h.reason}` : ''}`,
                }))}
              />
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
