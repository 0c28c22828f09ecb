/** Small pieces shared by the 助创业 pages: tags, the action bar (reasons where the workflow needs one), project cards. */
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { yuanText } from '../../../shared/ventures.js';
import type { Workflow } from '../../../shared/workflow.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import type { ProjectView } from './types.js';

export type T = (key: MessageKey, params?: Record<string, unknown>) => string;
export const fieldName = (t: T, f: string) => t(`ventures.field.${f}` as MessageKey);
export const stageName = (t: T, s: string) => t(`ventures.stage.${s}` as MessageKey);

const STATUS_COLOR: Record<string, string> = {
  submitted: 'gold',
  returned: 'orange',
  published: 'green',
  applied: 'gold',
  accepted: 'cyan',
  incubating: 'blue',
  graduated: 'green',
  requested: 'gold',
  consented: 'green',
  declined: 'red',
  listed: 'blue',
  recognised: 'green',
};

export function VStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{t(`ventures.status.${status}` as MessageKey)}</Tag>;
}

export function FieldTag({ field }: { field: string }) {
  const { t } = useI18n();
  return <Tag color="blue">{fieldName(t, field)}</Tag>;
}

export function StageTag({ stage }: { stage: string }) {
  const { t } = useI18n();
  return <Tag color="purple">{stageName(t, stage)}</Tag>;
}

/**
 * Buttons for the actions the server allows; an action whose workflow takes a reason asks for it inline
 * first (required: confirm stays disabled until given; optional: a confirmation step for archive / withdraw / decline). `onAct` runs the command; errors show under the buttons.
 */
export function ActionBar<S extends string, A extends string>({
  workflow,
  actions,
  onAct,
  label,
}: {
  workflow: Workflow<S, A>;
  actions: string[];
  onAct: (action: string, reason?: string) => Promise<unknown>;
  label?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const cmd = useCommand();
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  if (actions.length === 0) return null;
  const reasonRule = (a: string) => (workflow.transitions as Record<string, { reason?: 'required' | 'optional' }>)[a]?.reason;
  const needsReason = (a: string) => reasonRule(a) === 'required';
  const act = async (a: string, r?: string) => {
    const ok = await cmd.run(() => onAct(a, r));
    if (ok !== undefined) {
      setAsking(null);
      setReason('');
    }
  };
  return (
    <div style={{ marginTop: 8 }}>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            type={a === 'publish' || a === 'consent' || a === 'accept' || a === 'submit' ? 'primary' : 'default'}
            danger={needsReason(a)}
            loading={cmd.busy && asking === null}
            aria-label={label ? `${t(`ventures.action.${a}` as MessageKey)} ${label}` : undefined}
            onClick={() => (reasonRule(a) ? setAsking(a) : void act(a))}
          >
            {t(`ventures.action.${a}` as MessageKey)}
          </Button>
        ))}
      </Space>
      {asking ? (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            aria-label={t('ventures.common.reason')}
            placeholder={needsReason(asking) ? t('ventures.common.reasonRequired') : t('ventures.common.reasonOptional')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={500}
          />
          <Button
            type="primary"
            danger
            disabled={needsReason(asking) && !reason.trim()}
            loading={cmd.busy}
            onClick={() => void act(asking, reason.trim() || undefined)}
          >
            {t('ventures.common.confirm')}
          </Button>
          <Button onClick={() => setAsking(null)}>{t('ventures.common.cancel')}</Button>
        </Space.Compact>
      ) : null}
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}

/** The public face of a project: name, tags, place, team, funding sought, needs, summary. */
export function ProjectCard({ p, link = true, extra }: { p: ProjectView; link?: boolean; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="venture-card">
      <Space wrap size={[8, 4]}>
        <FieldTag field={p.digitalField} />
        <StageTag stage={p.stage} />
        <Tag>{p.ownerKind === 'organisation' ? t('ventures.common.enterprise') : t('ventures.common.maker')}</Tag>
        {p.status && p.status !== 'published' ? <VStatusTag status={p.status} /> : null}
        {p.incubatingAt ? <Tag color="geekblue">{t('ventures.common.incubatingAt', { name: p.incubatingAt })}</Tag> : null}
      </Space>
      <Typography.Title level={2} style={{ fontSize: 18, margin: '8px 0', overflowWrap: 'anywhere' }}>
        {link ? <Link to={`/ventures/projects/${p.id}`}>{p.name}</Link> : p.name}
      </Typography.Title>
      <Typography.Text type="secondary">
        {[
          p.regionName,
          p.orgName,
          t('ventures.common.team', { n: p.teamSize }),
          p.fundingSoughtFen > 0 ? t('ventures.common.seeking', { amount: yuanText(p.fundingSoughtFen) }) : t('ventures.common.noFunding'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      <Typography.Paragraph ellipsis={{ rows: 3 }} style={{ marginTop: 8, marginBottom: 4 }}>
        {p.summary}
      </Typography.Paragraph>
      {p.needs.length ? (
        <Typography.Text type="secondary">
          {t('ventures.common.needs')}：{p.needs.map((n) => t(`ventures.need.${n}` as MessageKey)).join('、')}
        </Typography.Text>
      ) : null}
      {extra}
    </Card>
  );
}
