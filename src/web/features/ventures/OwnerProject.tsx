/**
 * One of my projects: status and buttons, editing while draft or returned, applying to a carrier once
 * published, the incubations with their milestones, and the start-up policies judged for this project.
 */
import { Alert, Button, Card, Collapse, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { projectWorkflow } from '../../../shared/ventures.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { IncubationCard } from './IncubationCard.js';
import { ProjectForm } from './ProjectForm.js';
import { ActionBar, ProjectCard } from './VentureBits.js';
import type { CarrierView, IncubationView, MyProject } from './types.js';

interface PolicyVerdict {
  policyId: string;
  code: string;
  name: string;
  summary: string;
  verdict: 'eligible' | 'not_yet' | 'not_eligible';
  failing: { text: string; remedy: string | null }[];
}

const VERDICT_COLOR = { eligible: 'green', not_yet: 'gold', not_eligible: 'default' } as const;

function Policies({ projectId }: { projectId: string }) {
  const { t } = useI18n();
  const { data, error, reload } = useApi<{ items: PolicyVerdict[] }>(`/api/ventures/projects/${projectId}/policies`);
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      <List
        size="small"
        dataSource={data?.items ?? []}
        renderItem={(p) => (
          <List.Item data-testid="venture-policy">
            <Space orientation="vertical" size={2}>
              <Space wrap>
                <Tag color={VERDICT_COLOR[p.verdict]}>{t(`policies.verdict.${p.verdict}` as MessageKey)}</Tag>
                <Link to={`/policies/${p.policyId}`}>{p.name}</Link>
              </Space>
              {p.failing.map((f) => (
                <Typography.Text type="secondary" key={f.text}>
                  ✗ {f.text}
                  {f.remedy ? `（${f.remedy}）` : ''}
                </Typography.Text>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </>
  );
}

function ApplyToCarrier({ p, onDone }: { p: MyProject; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cmd = useCommand();
  const [carrierId, setCarrierId] = useState<string | undefined>();
  const { data } = useApi<{ items: CarrierView[] }>('/api/ventures/carriers');
  const apply = async () => {
    const ok = await cmd.run(() => api(`/api/ventures/projects/${p.id}/incubations`, { method: 'POST', body: { carrierId } }));
    if (ok) onDone();
  };
  return (
    <div style={{ marginTop: 8 }}>
      <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
        <Select
          aria-label={t('ventures.mine.applyCarrier')}
          placeholder={t('ventures.mine.applyCarrier')}
          value={carrierId}
          onChange={setCarrierId}
          style={{ flex: 1, minWidth: 0 }}
          options={(data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.regionName}）` }))}
        />
        <Button disabled={!carrierId} loading={cmd.busy} onClick={() => void apply()}>
          {t('ventures.mine.apply')}
        </Button>
      </Space.Compact>
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}

/** An accepted or running incubation, read in full (with milestones) for the owner. */
function LiveIncubation({ inc, onChanged }: { inc: IncubationView; onChanged: () => void }) {
  const { data, reload } = useApi<IncubationView>(`/api/ventures/incubations/${inc.id}`);
  return (
    <IncubationCard
      inc={data ?? inc}
      onChanged={() => {
        reload();
        onChanged();
      }}
    />
  );
}

export function OwnerProject({ p, onChanged }: { p: MyProject; onChanged: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const act = (a: string, reason?: string) =>
    api(`/api/ventures/projects/${p.id}/transitions/${a}`, { method: 'POST', body: reason ? { reason } : {} }).then((r) => {
      onChanged();
      return r;
    });
  const editable = p.status === 'draft' || p.status === 'returned';
  return (
    <div data-testid="my-venture">
      <ProjectCard
        p={p}
        link={p.status === 'published'}
        extra={
          <>
            {p.returnReason ? (
              <Alert type="warning" showIcon title={t('ventures.detail.returnReason', { reason: p.returnReason })} style={{ marginTop: 8 }} />
            ) : null}
            <ActionBar workflow={projectWorkflow} actions={p.allowedActions} onAct={act} label={p.name} />
            {editable ? (
              <Button type="link" onClick={() => setEditing(!editing)} style={{ paddingInline: 0 }}>
                {t('ventures.mine.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {editing ? (
        <Card size="small" style={{ marginTop: 8 }}>
          <ProjectForm
            project={p}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        </Card>
      ) : null}
      {p.status === 'published' && !p.openIncubation ? <ApplyToCarrier p={p} onDone={onChanged} /> : null}
      {p.incubations.map((i) =>
        i.status === 'accepted' || i.status === 'incubating' ? (
          <LiveIncubation key={i.id} inc={i} onChanged={onChanged} />
        ) : (
          <IncubationCard key={i.id} inc={i} onChanged={onChanged} />
        ),
      )}
      {p.status !== 'archived' ? (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[{ key: 'policies', label: t('ventures.mine.showPolicies'), children: <Policies projectId={p.id} /> }]}
        />
      ) : null}
    </div>
  );
}
