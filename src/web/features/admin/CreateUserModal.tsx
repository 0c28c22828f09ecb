/** Creates a staff account; the TOTP secret of the answer is shown once, then forgotten. */
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import type { Department, Role } from '../../../shared/roles.js';
import { api } from '../../api.js';
import type { CreatedUser } from '../../api-types.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { passwordRule, USERNAME_PATTERN } from '../auth/password-policy.js';
import { useRules } from '../auth/useRegistration.js';

const STAFF_ROLES: readonly Role[] = ['official', 'reviewer', 'admin', 'auditor'];
const DEPARTMENTS: readonly Department[] = ['hrss', 'org', 'cac', 'ndrc', 'edu', 'sci', 'miit', 'finance', 'data'];

interface Values {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  regionCode: string;
  department?: Department;
}

function StaffFields({ role }: { role: Role | undefined }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { required, select } = useRules();
  return (
    <>
      <Form.Item name="role" label={t('fields.role')} rules={[select(t('fields.role'))]}>
        <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
      </Form.Item>
      {role === 'official' ? (
        <Form.Item name="department" label={t('fields.department')} extra={t('admin.users.departmentHint')} rules={[select(t('fields.department'))]}>
          <Select options={DEPARTMENTS.map((d) => ({ value: d, label: t(`departments.${d}`) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="regionCode" label={t('fields.regionCode')} rules={[select(t('fields.regionCode'))]}>
        <RegionCascader anyLevel />
      </Form.Item>
      <Form.Item
        name="username"
        label={t('fields.username')}
        rules={[required(t('fields.username')), { pattern: USERNAME_PATTERN, message: t('validation.usernamePattern') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('fields.displayName')} rules={[required(t('fields.displayName'))]}>
        <Input autoComplete="off" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('fields.password')}
        extra={t('auth.password.hint')}
        dependencies={['username']}
        rules={[required(t('fields.password')), passwordRule(i18n, ['username'])]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

export function CreateUserModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (c: CreatedUser) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      const body = { ...v, username: v.username.trim(), displayName: v.displayName.trim(), department: v.role === 'official' ? v.department : undefined };
      const created = await api<CreatedUser>('/api/admin/users', { method: 'POST', body });
      form.resetFields();
      onCreated(created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('admin.users.createTitle')}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('admin.users.createIntro')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <StaffFields role={role} />
      </Form>
    </Modal>
  );
}

/** Shows the new account's TOTP secret once, with a warning. Closing forgets it. */
export function TotpSecretModal({ created, onClose }: { created: CreatedUser | null; onClose: () => void }) {
  const { t } = useI18n();
  if (!created) return null;
  return (
    <Modal
      open
      title={t('admin.users.created', { username: created.user.username })}
      onOk={onClose}
      onCancel={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      {created.totpSecret ? (
        <>
          <Alert type="warning" showIcon title={t('admin.users.totpTitle')} description={t('admin.users.totpWarning')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph>
            <Typography.Text strong>{t('admin.users.totpSecret')}：</Typography.Text>
            <Typography.Text copyable className="secret-box" data-testid="totp-secret">
              {created.totpSecret}
            </Typography.Text>
          </Typography.Paragraph>
          {created.totpUri ? (
            <Typography.Paragraph>
              <Typography.Text strong>{t('admin.users.totpUri')}：</Typography.Text>
              <Typography.Text copyable className="secret-box">
                {created.totpUri}
              </Typography.Text>
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
