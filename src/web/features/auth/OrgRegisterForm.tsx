/**
 * 单位注册: the organisation (checked 统一社会信用代码, region, GB/T 4754 industry) and its administrator
 * account. The organisation starts `pending` until the city's 人社 official verifies it.
 */
import { Button, Divider, Form, Input, Select } from 'antd';
import type { ConsentPurpose } from '../../../shared/consent.js';
import type { OrgKind } from '../../../shared/roles.js';
import type { OrgSize } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { IndustrySelect } from '../../components/IndustrySelect.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ConsentFields, tickedConsents } from './ConsentFields.js';
import { phoneCheck, usccCheck } from './identity-rules.js';
import { passwordRule, USERNAME_PATTERN } from './password-policy.js';
import { useRegistration, useRules } from './useRegistration.js';

const KINDS: readonly OrgKind[] = ['employer', 'provider', 'evaluator', 'agency', 'host'];
const SIZES: readonly OrgSize[] = ['micro', 'small', 'medium', 'large'];
/** No 身份证号 is collected here, so there is no sensitive-PI consent to ask for. */
const PURPOSES: readonly ConsentPurpose[] = ['privacy_policy', 'policy_notices'];
const REQUIRED: readonly ConsentPurpose[] = ['privacy_policy'];
const ORG_FIELDS = ['kind', 'name', 'uscc', 'regionCode', 'industryCode', 'size', 'address', 'contactName', 'contactPhone'];
const FIELDS = [...ORG_FIELDS.map((f) => `org.${f}`), 'account.username', 'account.password', 'account.displayName'];

interface OrgValues {
  org: {
    kind: OrgKind;
    name: string;
    uscc: string;
    regionCode: string;
    industryCode?: string;
    size?: OrgSize;
    address?: string;
    contactName: string;
    contactPhone: string;
  };
  account: { username: string; password: string; displayName: string };
  consentFlags?: Partial<Record<ConsentPurpose, boolean>>;
}

export interface OrgRegisteredState {
  orgRegistered: true;
}

function trimmed<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || undefined : v])) as T;
}

function OrganisationFields() {
  const i18n = useI18n();
  const { t } = i18n;
  const { required, select } = useRules();
  return (
    <>
      <Divider titlePlacement="start">{t('auth.register.orgSection')}</Divider>
      <Form.Item name={['org', 'kind']} label={t('fields.kind')} rules={[select(t('fields.kind'))]}>
        <Select options={KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name={['org', 'name']} label={t('fields.name')} rules={[required(t('fields.name')), { min: 2, max: 100 }]}>
        <Input autoComplete="organization" />
      </Form.Item>
      <Form.Item
        name={['org', 'uscc']}
        label={t('fields.uscc')}
        extra={t('auth.register.usccHint')}
        rules={[required(t('fields.uscc')), { validator: usccCheck(i18n) }]}
      >
        <Input maxLength={18} spellCheck={false} style={{ textTransform: 'uppercase' }} />
      </Form.Item>
      <Form.Item name={['org', 'regionCode']} label={t('fields.regionCode')} rules={[select(t('fields.regionCode'))]}>
        <RegionCascader />
      </Form.Item>
      <Form.Item name={['org', 'industryCode']} label={t('fields.industryCode')}>
        <IndustrySelect />
      </Form.Item>
      <Form.Item name={['org', 'size']} label={t('fields.size')}>
        <Select allowClear options={SIZES.map((s) => ({ value: s, label: t(`orgSizes.${s}`) }))} />
      </Form.Item>
      <Form.Item name={['org', 'address']} label={t('fields.address')} rules={[{ max: 200 }]}>
        <Input autoComplete="street-address" />
      </Form.Item>
      <Form.Item name={['org', 'contactName']} label={t('fields.contactName')} rules={[required(t('fields.contactName'))]}>
        <Input autoComplete="name" maxLength={50} />
      </Form.Item>
      <Form.Item name={['org', 'contactPhone']} label={t('fields.contactPhone')} rules={[required(t('fields.contactPhone')), { validator: phoneCheck(i18n) }]}>
        <Input autoComplete="tel" inputMode="tel" maxLength={20} />
      </Form.Item>
    </>
  );
}

function AdminAccountFields() {
  const i18n = useI18n();
  const { t } = i18n;
  const { required } = useRules();
  return (
    <>
      <Divider titlePlacement="start">{t('auth.register.adminSection')}</Divider>
      <Form.Item
        name={['account', 'username']}
        label={t('fields.username')}
        rules={[required(t('fields.username')), { pattern: USERNAME_PATTERN, message: t('validation.usernamePattern') }]}
      >
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item
        name={['account', 'password']}
        label={t('fields.password')}
        extra={t('auth.password.hint')}
        dependencies={[['account', 'username']]}
        rules={[required(t('fields.password')), passwordRule(i18n, ['account', 'username'])]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name={['account', 'displayName']} label={t('fields.displayName')} rules={[required(t('fields.displayName'))]}>
        <Input autoComplete="name" maxLength={50} />
      </Form.Item>
    </>
  );
}

export function OrgRegisterForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<OrgValues>();
  const state: OrgRegisteredState = { orgRegistered: true };
  const { busy, error, submit } = useRegistration({ form, path: '/api/auth/register/organisation', fields: FIELDS, done: 'auth.register.orgPending', state });
  const finish = (v: OrgValues) =>
    submit({ org: trimmed(v.org), account: { ...v.account, username: v.account.username.trim() }, consents: tickedConsents(v.consentFlags) });
  return (
    <Form<OrgValues> form={form} layout="vertical" onFinish={finish} disabled={busy} className="form-narrow" scrollToFirstError>
      <ErrorAlert error={error} />
      <OrganisationFields />
      <AdminAccountFields />
      <ConsentFields purposes={PURPOSES} required={REQUIRED} />
      <Button type="primary" htmlType="submit" block loading={busy}>
        {t('auth.register.submit')}
      </Button>
    </Form>
  );
}
