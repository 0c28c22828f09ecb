/** Small pieces shared by the recognition pages: status tags, the statutory clock, uploads, reasons, history. */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { MATERIAL_MAX_BYTES } from '../../../shared/recognition.js';
import type { Workflow } from '../../../shared/workflow.js';
import { ApiError, api } from '../../api.js';
import { ToneTag } from '../../components/ToneTag.js';
import { WorkflowHistory } from '../../components/WorkflowHistory.js';
import type { Tone } from '../../theme.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import type { Application, Clock, Material } from './recognition-types.js';

const STATUS_TONES: Record<string, Tone> = {
  submitted: 'info',
  accepted: 'info',
  supplement: 'warning',
  in_review: 'digital',
  recognised: 'success',
  approved: 'success',
  granted: 'success',
  not_recognised: 'error',
  not_accepted: 'error',
  rejected: 'error',
  declined: 'error',
  returned: 'warning',
  pending: 'info',
  applied: 'info',
  revoked: 'neutral',
  withdrawn: 'neutral',
};

/** A status tag (AA contrast); `ns` names the i18n group (status, programmeStatus, benefitStatus, stationStatus). */
export function StatusTag({ status, ns = 'status' }: { status: string; ns?: string }) {
  const { tx } = useI18n();
  return (
    <span data-status={status}>
      <ToneTag tone={STATUS_TONES[status] ?? 'neutral'}>{tx(`recognition.${ns}.${status}`, status)}</ToneTag>
    </span>
  );
}

/** Where the statutory clock stands, in words (red when overdue). */
export function ClockText({ clock, status }: { clock: Clock; status: string }) {
  const { t } = useI18n();
  if (['recognised', 'not_recognised', 'not_accepted', 'withdrawn'].includes(status))
    return <Typography.Text type="secondary">{t('recognition.clock.closed')}</Typography.Text>;
  if (clock.paused)
    return (
      <Typography.Text type="warning">{t('recognition.clock.paused', { since: clock.pausedSince ?? '', paused: clock.pausedWorkingDays })}</Typography.Text>
    );
  if (!clock.deadline || clock.workingDaysLeft === null) return <Typography.Text type="secondary">{t('recognition.clock.notStarted')}</Typography.Text>;
  if (clock.overdue)
    return (
      <Typography.Text type="danger" strong data-testid="clock-overdue">
        {t('recognition.clock.overdue', { days: Math.max(1, -clock.workingDaysLeft), deadline: clock.deadline })}
      </Typography.Text>
    );
  if (clock.workingDaysLeft === 0) return <Typography.Text type="warning">{t('recognition.clock.dueToday', { deadline: clock.deadline })}</Typography.Text>;
  return <Typography.Text data-testid="clock-left">{t('recognition.clock.left', { deadline: clock.deadline, days: clock.workingDaysLeft })}</Typography.Text>;
}

/** Uploads files one by one to /api/recognition/materials; lists what was uploaded. */
export function MaterialUpload({ value, onChange, testId }: { value: Material[]; onChange: (m: Material[]) => void; testId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      const saved = await api<Material>('/api/recognition/materials', {
        method: 'POST',
        rawBody: file,
        query: { fileName: file.name },
        headers: { 'content-type': file.type || 'application/octet-stream' },
      });
      onChange([...value, saved]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Upload
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        showUploadList={false}
        multiple
        beforeUpload={(file) => {
          if (file.size > MATERIAL_MAX_BYTES) setError(new ApiError('PAYLOAD_TOO_LARGE'));
          else void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid={testId}>
          {t('recognition.upload.choose')}
        </Button>
      </Upload>
      <Typography.Text type="secondary">{t('recognition.upload.hint')}</Typography.Text>
      {value.map((m) => (
        <div key={m.id} data-testid="uploaded-material">
          {t('recognition.upload.uploaded', { name: m.fileName })}
        </div>
      ))}
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Space>
  );
}

export function MaterialLinks({ materials }: { materials: Material[] }) {
  return (
    <Space wrap>
      {materials.map((m) => (
        <a key={m.id} href={`/api/recognition/materials/${m.id}`} target="_blank" rel="noreferrer">
          {m.fileName}
        </a>
      ))}
    </Space>
  );
}

/** Asks for a reason (required or optional) before a step. */
export function ReasonModal({
  open,
  title,
  required,
  busy,
  onOk,
  onCancel,
  extra,
}: {
  open: boolean;
  title: string;
  required: boolean;
  busy: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
  extra?: ReactNode;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('recognition.common.confirm')}
      cancelText={t('recognition.common.cancel')}
      confirmLoading={busy}
      onOk={() => void form.validateFields().then((v) => onOk(v.reason ?? ''))}
      onCancel={onCancel}
      destroyOnHidden
    >
      {extra}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('recognition.common.reason')}
          rules={required ? [{ required: true, whitespace: true, message: t('recognition.common.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="reason-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function History({ history, programme = false }: { history: Application['history']; programme?: boolean }) {
  const { t, tx } = useI18n();
  return (
    <WorkflowHistory
      history={history ?? []}
      lineKey="recognition.common.historyLine"
      emptyText={t('recognition.common.noHistory')}
      stateLabel={(s) => tx(`recognition.${programme ? 'programmeStatus' : 'status'}.${s}`, s)}
      actionLabel={(a) => tx(`recognition.action.${a}`, a)}
    />
  );
}

/** Whether a step of a workflow asks for a reason (from the shared workflow definition). */
export function reasonRequired(workflow: Workflow<string, string>, action: string): boolean {
  return (workflow.transitions as Record<string, { reason?: string } | undefined>)[action]?.reason === 'required';
}
