/**
 * One incubation as its owner, the carrier's manager or an official sees it: status, the allowed actions,
 * milestones with overdue flags, and (for the owner and the manager while it runs) planning and completing them.
 */
import { Alert, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { incubationWorkflow } from '../../../shared/ventures.js';
import { api } from '../../api.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import { ActionBar, FieldTag, StageTag, VStatusTag } from './VentureBits.js';
import type { IncubationView, MilestoneView } from './types.js';

function DoneForm({ m, onDone }: { m: MilestoneView; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cmd = useCommand();
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {t('ventures.milestones.markDone')}
      </Button>
    );
  const submit = async (v: { doneOn: string; evidence: string }) => {
    const ok = await cmd.run(() => api(`/api/ventures/milestones/${m.id}/done`, { method: 'POST', body: v }));
    if (ok) onDone();
  };
  return (
    <Form layout="vertical" size="small" onFinish={(v: { doneOn: string; evidence: string }) => void submit(v)} style={{ width: '100%' }}>
      <Form.Item name="doneOn" label={t('ventures.milestones.doneOn', { date: '' })} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="evidence" label={t('ventures.milestones.evidence')} rules={[{ required: true, min: 2, max: 1000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 8 }} /> : null}
      <Button htmlType="submit" type="primary" size="small" loading={cmd.busy}>
        {t('ventures.common.confirm')}
      </Button>
    </Form>
  );
}

function AddMilestone({ incubationId, onDone }: { incubationId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cmd = useCommand();
  const [form] = Form.useForm<{ title: string; plannedOn: string }>();
  const submit = async (v: { title: string; plannedOn: string }) => {
    const ok = await cmd.run(() => api(`/api/ventures/incubations/${incubationId}/milestones`, { method: 'POST', body: v }));
    if (ok) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Form form={form} layout="vertical" size="small" onFinish={(v) => void submit(v)} style={{ marginTop: 8 }}>
      <Space wrap align="end">
        <Form.Item name="title" label={t('ventures.milestones.titleField')} rules={[{ required: true, min: 2, max: 80 }]} style={{ marginBottom: 0 }}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('ventures.milestones.plannedOn')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
          <Input type="date" />
        </Form.Item>
        <Button htmlType="submit" loading={cmd.busy}>
          {t('ventures.milestones.add')}
        </Button>
      </Space>
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginTop: 8 }} /> : null}
    </Form>
  );
}

export function Milestones({ inc, onChanged }: { inc: IncubationView; onChanged: () => void }) {
  const { t } = useI18n();
  const ms = inc.milestones ?? [];
  const overdue = ms.filter((m) => m.overdue).length;
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('ventures.milestones.title')}</Typography.Text>
      {overdue ? (
        <Tag color="red" style={{ marginInlineStart: 8 }}>
          {t('ventures.milestones.overdueCount', { n: overdue })}
        </Tag>
      ) : null}
      <List
        size="small"
        locale={{ emptyText: t('ventures.milestones.empty') }}
        dataSource={ms}
        renderItem={(m) => (
          <List.Item data-testid="milestone">
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={[8, 2]}>
                <Typography.Text>{m.title}</Typography.Text>
                <Typography.Text type="secondary">{t('ventures.milestones.planned', { date: m.plannedOn })}</Typography.Text>
                {m.doneOn ? <Tag color="green">{t('ventures.milestones.doneOn', { date: m.doneOn })}</Tag> : null}
                {m.overdue ? <Tag color="red">{t('ventures.milestones.overdue')}</Tag> : null}
              </Space>
              {m.evidence ? <Typography.Text type="secondary">{m.evidence}</Typography.Text> : null}
              {!m.doneOn && inc.canRecordMilestones ? <DoneForm m={m} onDone={onChanged} /> : null}
            </Space>
          </List.Item>
        )}
      />
      {inc.canRecordMilestones ? <AddMilestone incubationId={inc.id} onDone={onChanged} /> : null}
    </div>
  );
}

/** An incubation card; `showProject` for the carrier's and the official's lists. */
export function IncubationCard({ inc, onChanged, showProject = false }: { inc: IncubationView; onChanged: () => void; showProject?: boolean }) {
  const { t } = useI18n();
  const act = (a: string, reason?: string) =>
    api(`/api/ventures/incubations/${inc.id}/transitions/${a}`, { method: 'POST', body: reason ? { reason } : {} }).then((r) => {
      onChanged();
      return r;
    });
  return (
    <Card size="small" data-testid="incubation" style={{ marginTop: 8 }}>
      <Space wrap size={[8, 4]}>
        <VStatusTag status={inc.status} />
        <Typography.Text strong>{inc.carrierName}</Typography.Text>
        {showProject && inc.project ? (
          <>
            <Typography.Text>{t('ventures.carrier.project', { name: inc.project.name })}</Typography.Text>
            <FieldTag field={inc.project.digitalField} />
            <StageTag stage={inc.project.stage} />
          </>
        ) : null}
      </Space>
      {showProject && inc.project?.summary ? <Typography.Paragraph style={{ margin: '4px 0' }}>{inc.project.summary}</Typography.Paragraph> : null}
      {inc.note ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          {inc.note}
        </Typography.Paragraph>
      ) : null}
      <ActionBar workflow={incubationWorkflow} actions={inc.allowedActions} onAct={act} label={inc.project?.name ?? inc.carrierName} />
      {inc.milestones ? <Milestones inc={inc} onChanged={onChanged} /> : null}
    </Card>
  );
}
