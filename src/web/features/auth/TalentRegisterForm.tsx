/** 个人注册: account, name, region, 身份证号 and phone (checked here, re-checked by the server), consents. */
import { Button, Form, Input } from 'antd';
import type { ConsentPurpose } from '../../../shared/consent.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ConsentFields, tickedConsents } from './ConsentFields.js';
import { idNumberCheck, phoneCheck } from './identity-rules.js';
import { passwordRule, USERNAME_PATTERN } from './password-policy.js';
import { useRegistration, useRules } from './useRegistration.js';

const PURPOSES: readonly ConsentPurpose[] = ['privacy_policy', 'sensitive_pi', 'profile_to_employers', 'recommendations', 'policy_notices'];
const REQUIRED: readonly ConsentPurpose[] = ['privacy_policy', 'sensitive_pi'];
const FIELDS = ['username', 'password', 'displayName', 'regionCode', 'idNumber', 'phone'];

interface TalentValues {
  username: string;
  password: string;
  displayName: string;
  regionCode: string;
  idNumber: string;
  phone: string;
  consentFlags?: Partial<Record<ConsentPurpose, boolean>>;
}

function TalentFields() {
  const i18n = useI18n();
  const { t } = i18n;
  const { required, select } = useRules();
  return (
    <>
      <Form.Item
        name="username"
        label={t('fields.username')}
        rules={[required(t('fields.username')), { pattern: USERNAME_PATTERN, message: t('validation.usernamePattern') }]}
      >
        <Input autoComplete="username" />
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
      <Form.Item name="displayName" label={t('fields.displayName')} rules={[required(t('fields.displayName'))]}>
        <Input autoComplete="name" maxLength={50} />
      </Form.Item>
      <Form.Item name="regionCode" label={t('fields.regionCode')} rules={[select(t('fields.regionCode'))]}>
        <RegionCascader />
      </Form.Item>
      <Form.Item
        name="idNumber"
        label={t('fields.idNumber')}
        extra={t('auth.register.idNumberHint')}
        rules={[required(t('fields.idNumber')), { validator: idNumberCheck(i18n) }]}
      >
        <Input autoComplete="off" maxLength={18} spellCheck={false} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('fields.phone')}
        extra={t('auth.register.phoneHint')}
        rules={[required(t('fields.phone')), { validator: phoneCheck(i18n) }]}
      >
        <Input autoComplete="tel" inputMode="tel" maxLength={20} />
      </Form.Item>
    </>
  );
}

export function TalentRegisterForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<TalentValues>();
  const { busy, error, submit } = useRegistration({ form, path: '/api/auth/register/talent', fields: FIELDS, done: 'auth.register.talentDone' });
  const finish = (v: TalentValues) =>
    submit({
      username: v.username.trim(),
      password: v.password,
      displayName: v.displayName.trim(),
      regionCode: v.regionCode,
      idNumber: v.idNumber,
      phone: v.phone,
      consents: tickedConsents(v.consentFlags),
    });
  return (
    <Form<TalentValues> form={form} layout="vertical" onFinish={finish} disabled={busy} className="form-narrow" scrollToFirstError>
      <ErrorAlert error={error} />
      <TalentFields />
      <ConsentFields purposes={PURPOSES} required={REQUIRED} />
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="register-talent-submit">
        {t('auth.register.submit')}
      </Button>
    </Form>
  );
}
