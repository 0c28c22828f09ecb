/** An official's decision on a registration or a report: the action, with a reason where the workflow needs one. */
import { Alert, Form, Input, Modal } from 'antd';
import { api } from '../../api.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';

/** Actions whose reason the workflows in src/shared/agencies.ts require. */
const NEEDS_REASON = new Set(['return', 'suspend', 'reinstate', 'revoke']);

export interface Decision {
  /** POST target, e.g. /api/agencies/<id>/transitions/approve */
  path: string;
  action: string;
  subject: string;
}

export function DecisionModal({ decision, onClose, onDone }: { decision: Decision | null; onClose: () => void; onDone: () => void }) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const [form] = Form.useForm<{ reason?: string }>();
  const { busy, error, run } = useCommand();
  if (!decision) return null;
  const submit = async (v: { reason?: string }) => {
    const body = v.reason?.trim() ? { reason: v.reason.trim() } : {};
    const done = await run(() => api(decision.path, { method: 'POST', body }));
    if (done) onDone();
  };
  return (
    <Modal
      open
      title={`${tx(`agencies.action.${decision.action}`, decision.action)} · ${decision.subject}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('agencies.manage.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form name="agency-decision" form={form} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="reason"
          label={t('agencies.fields.reason')}
          rules={NEEDS_REASON.has(decision.action) ? [{ required: true, whitespace: true, message: t('agencies.manage.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Modal>
  );
}
