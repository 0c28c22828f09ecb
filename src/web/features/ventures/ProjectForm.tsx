/** The project form (create a draft, or edit a draft / returned project). Money is typed in 万元 and sent in 分. */
import { Alert, Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useRef } from 'react';
import { DigitalField, VentureNeed, VentureStage } from '../../../shared/ventures.js';
import { api, newIdempotencyKey } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { IndustrySelect } from '../../components/IndustrySelect.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { fieldName, stageName } from './VentureBits.js';
import type { ProjectView } from './types.js';

interface Values {
  name: string;
  stage: string;
  industryCode: string;
  digitalField: string;
  regionCode: string;
  summary: string;
  teamSize: number;
  fundingWan: number;
  needs: string[];
}

const FEN_PER_WAN = 1_000_000;

export function ProjectForm({ project, onSaved }: { project?: ProjectView; onSaved: (p: ProjectView) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const cmd = useCommand();
  const [form] = Form.useForm<Values>();
  // one key per new project: a retried submission (lost answer) creates nothing twice
  const key = useRef(newIdempotencyKey());
  const initial: Partial<Values> = project
    ? { ...project, fundingWan: project.fundingSoughtFen / FEN_PER_WAN }
    : { stage: 'startup', regionCode: me?.user.regionCode, teamSize: 3, fundingWan: 0, needs: ['funding'] };
  const save = async (v: Values) => {
    const { fundingWan, ...rest } = v;
    const body = { ...rest, fundingSoughtFen: Math.round((fundingWan ?? 0) * FEN_PER_WAN), needs: v.needs ?? [] };
    const saved = await cmd.run(() =>
      project
        ? api<ProjectView>(`/api/ventures/projects/${project.id}`, { method: 'PATCH', body })
        : api<ProjectView>('/api/ventures/projects', { method: 'POST', body, headers: { 'idempotency-key': key.current } }),
    );
    if (saved) {
      if (!project) {
        form.resetFields();
        key.current = newIdempotencyKey();
      }
      onSaved(saved);
    }
  };
  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} style={{ maxWidth: 720 }}>
      <Form.Item name="name" label={t('ventures.mine.name')} rules={[{ required: true, min: 2, max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="digitalField" label={t('ventures.common.field')} rules={[{ required: true }]}>
        <Select options={DigitalField.options.map((f) => ({ value: f, label: fieldName(t, f) }))} />
      </Form.Item>
      <Form.Item name="stage" label={t('ventures.common.stage')} rules={[{ required: true }]}>
        <Select options={VentureStage.options.map((s) => ({ value: s, label: stageName(t, s) }))} />
      </Form.Item>
      <Form.Item name="industryCode" label={t('ventures.common.industry')} rules={[{ required: true }]}>
        <IndustrySelect />
      </Form.Item>
      <Form.Item name="regionCode" label={t('ventures.mine.region')} rules={[{ required: true }]}>
        <RegionCascader anyLevel />
      </Form.Item>
      <Form.Item name="summary" label={t('ventures.common.summary')} rules={[{ required: true, min: 10, max: 2000 }]}>
        <Input.TextArea rows={4} showCount maxLength={2000} />
      </Form.Item>
      <Form.Item name="teamSize" label={t('ventures.mine.teamSize')} rules={[{ required: true }]}>
        <InputNumber min={1} max={10000} precision={0} />
      </Form.Item>
      <Form.Item name="fundingWan" label={t('ventures.mine.funding')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100000} precision={2} />
      </Form.Item>
      <Form.Item name="needs" label={t('ventures.common.needs')}>
        <Checkbox.Group options={VentureNeed.options.map((n) => ({ value: n, label: t(`ventures.need.${n}` as MessageKey) }))} />
      </Form.Item>
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={cmd.busy}>
        {project ? t('ventures.mine.save') : t('ventures.mine.create')}
      </Button>
    </Form>
  );
}
