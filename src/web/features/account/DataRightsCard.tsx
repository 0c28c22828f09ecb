/**
 * 导出我的数据 (download as gancai-my-data.json, never stored) and 注销账号. Both ask for the password again.
 */
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api.js';
import { type LoginNotice, useAuth } from '../../auth/AuthProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';

function download(data: unknown, filename: string) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Mode = 'export' | 'close' | null;

function PasswordModal({ mode, onClose }: { mode: Mode; onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { clear } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!mode) return null;

  const submit = async () => {
    const { password } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'export') {
        download(await api<unknown>('/api/account/export', { method: 'POST', body: { password } }), 'gancai-my-data.json');
        void message.success(t('account.exportDone'));
        onClose();
      } else {
        await api<void>('/api/account/close', { method: 'POST', body: { password } });
        clear();
        const notice: LoginNotice = { reason: 'account_closed' };
        navigate('/login', { replace: true, state: notice });
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const closing = mode === 'close';
  return (
    <Modal
      open
      title={closing ? t('account.closeTitle') : t('account.exportTitle')}
      okText={closing ? t('account.closeConfirm') : t('account.export')}
      okButtonProps={{ danger: closing, loading: busy }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{closing ? t('account.closeIntro') : t('account.exportIntro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          name="password"
          label={t('fields.password')}
          rules={[{ required: true, message: t('validation.required', { field: t('fields.password') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DataRightsCard() {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>(null);
  return (
    <Card title={<h2 className="card-title">{t('account.rightsTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('account.rightsIntro')}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined />} onClick={() => setMode('export')} data-testid="export-data">
          {t('account.export')}
        </Button>
        <Button danger icon={<DeleteOutlined />} onClick={() => setMode('close')} data-testid="close-account">
          {t('account.close')}
        </Button>
      </Space>
      <PasswordModal mode={mode} onClose={() => setMode(null)} />
    </Card>
  );
}
