/** 求职者档案 (talent): one form that replaces the whole profile (PUT /api/profiles/me). */
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, InputNumber, Radio, Select, Skeleton, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ProfileVisibility } from '../../../shared/profiles.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { SkillsField } from '../jobs/SkillsField.js';
import { VerifiedCredentialsSection } from '../certificates/VerifiedCredentialsSection.js';
import { CertificateSection, DesiredOccupationsSection, EducationSection, WorkSection } from './ProfileSections.js';
import { bodyOfValues, type ProfileFormValues, type ProfileView, valuesOfProfile } from './profile-form-values.js';
import './profile.css';

function VisibilityField() {
  const { t } = useI18n();
  const visibility = Form.useWatch<ProfileVisibility | undefined>('visibility');
  return (
    <fieldset className="profile-section" data-testid="profile-visibility">
      <legend>{t('profile.visibility')}</legend>
      <Form.Item name="visibility" noStyle>
        <Radio.Group>
          <Space orientation="vertical">
            {ProfileVisibility.options.map((v) => (
              <Radio key={v} value={v}>
                <strong>{t(`profile.visibilityOptions.${v}`)}</strong>
                <div className="profile-hint">{t(`profile.visibilityHelp.${v}`)}</div>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
      {visibility ? (
        <span className="sr-only" aria-live="polite">
          {t(`profile.visibilityHelp.${visibility}`)}
        </span>
      ) : null}
    </fieldset>
  );
}

function WishesFields() {
  const { t } = useI18n();
  const { regions } = useRegions();
  const cityOptions = (regions ?? []).filter((r) => r.level !== 'province').map((r) => ({ value: r.code, label: r.name }));
  return (
    <>
      <DesiredOccupationsSection />
      <Form.Item name="desiredCities" label={t('profile.desiredCities')} rules={[{ type: 'array', max: 5 }]}>
        <Select mode="multiple" options={cityOptions} maxCount={5} optionFilterProp="label" loading={!regions} />
      </Form.Item>
      <Form.Item name="desiredSalary" label={t('profile.desiredSalary')}>
        <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%', maxWidth: 240 }} />
      </Form.Item>
    </>
  );
}

export function ProfilePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileFormValues>();
  const { data, error, loading, reload } = useApi<{ profile: ProfileView | null }>('/api/profiles/me');
  const [busy, setBusy] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  useEffect(() => {
    if (data) form.setFieldsValue(valuesOfProfile(data.profile));
  }, [data, form]);
  const save = async (values: ProfileFormValues) => {
    setBusy(true);
    setSaveError(null);
    try {
      const saved = await api<{ profile: ProfileView }>('/api/profiles/me', { method: 'PUT', body: bodyOfValues(values) });
      form.setFieldsValue(valuesOfProfile(saved.profile));
      void message.success(t('profile.saved'));
    } catch (err) {
      setSaveError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader
        title={t('profile.title')}
        intro={t('profile.intro')}
        extra={
          data?.profile ? (
            <Button
              href="/api/profiles/me/resume.pdf"
              download
              icon={<DownloadOutlined />}
              title={t('profile.downloadResumeHint')}
              data-testid="resume-download"
            >
              {t('profile.downloadResume')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      <VerifiedCredentialsSection />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} hidden={!data} className="profile-form" data-testid="profile-form">
        <EducationSection />
        <WorkSection />
        <fieldset className="profile-section">
          <legend>{t('profile.skills')}</legend>
          <Form.Item name="skills" label={t('profile.skills')}>
            <SkillsField testId="profile-skills" />
          </Form.Item>
        </fieldset>
        <CertificateSection />
        <WishesFields />
        <VisibilityField />
        {saveError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, saveError)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy} size="large" data-testid="profile-save">
          {t('profile.save')}
        </Button>
      </Form>
    </>
  );
}
