/** Asks for the reason of a step (required for cancelling an event or rejecting an employer). */
import { Form, Input, Modal } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';

export function ReasonModal({
  open,
  title,
  busy,
  onOk,
  onCancel,
}: {
  open: boolean;
  title: string;
  busy: boolean;
  onOk: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('events.manage.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void form.validateFields().then((v) => onOk(v.reason))}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('events.manage.reason')} rules={[{ required: true, whitespace: true, message: t('events.manage.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
