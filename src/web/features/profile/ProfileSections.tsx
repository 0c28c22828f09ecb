/** The repeatable parts of the profile form: education, work history, certificates, desired occupations. */
import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.js';
import { OccupationSelect } from '../jobs/OccupationSelect.js';
import { educationOptions, useEducationLevels } from '../jobs/useEducationLevels.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

type T = ReturnType<typeof useI18n>['t'];
const need = (t: T, field: string) => [{ required: true, message: t('validation.required', { field }) }];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface ListProps {
  name: string;
  title: string;
  max: number;
  hint?: ReactNode;
  testId: string;
  render: (field: number) => ReactNode;
}

/** One Form.List as a card per entry, with add and remove buttons. */
function EntryList({ name, title, max, hint, testId, render }: ListProps) {
  const { t } = useI18n();
  return (
    <fieldset className="profile-section" data-testid={testId}>
      <legend>{title}</legend>
      {hint}
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Card key={field.key} size="small" style={{ marginBottom: 12 }}>
                {render(field.name)}
                <Button onClick={() => remove(field.name)} danger aria-label={`${t('profile.remove')}：${title} ${i + 1}`}>
                  {t('profile.remove')}
                </Button>
              </Card>
            ))}
            {fields.length < max ? (
              <Button onClick={() => add()} aria-label={`${t('profile.add')}：${title}`}>
                + {t('profile.add')}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

export function EducationSection() {
  const { t } = useI18n();
  const levels = useEducationLevels();
  return (
    <EntryList
      name="education"
      title={t('profile.education')}
      max={10}
      testId="profile-education"
      render={(n) => (
        <>
          <Form.Item name={[n, 'educationCode']} label={t('profile.educationCode')} rules={need(t, t('profile.educationCode'))}>
            <Select options={levels ? educationOptions(levels) : []} loading={!levels} />
          </Form.Item>
          <Form.Item name={[n, 'school']} label={t('profile.school')} rules={[...need(t, t('profile.school')), { min: 2, max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name={[n, 'major']} label={t('profile.major')} rules={[{ max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name={[n, 'graduationYear']} label={t('profile.graduationYear')} rules={need(t, t('profile.graduationYear'))}>
            <InputNumber min={1950} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
    />
  );
}

export function WorkSection() {
  const { t } = useI18n();
  const month = { pattern: MONTH, message: t('profile.monthFormat') };
  return (
    <EntryList
      name="workHistory"
      title={t('profile.workHistory')}
      max={30}
      testId="profile-work"
      render={(n) => (
        <>
          <Form.Item name={[n, 'employerName']} label={t('profile.employerName')} rules={[...need(t, t('profile.employerName')), { min: 2, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name={[n, 'title']} label={t('profile.jobTitle')} rules={[...need(t, t('profile.jobTitle')), { max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item
            name={[n, 'fromMonth']}
            label={t('profile.fromMonth')}
            rules={[...need(t, t('profile.fromMonth')), month]}
            extra={t('profile.monthFormat')}
          >
            <Input inputMode="numeric" maxLength={7} placeholder="2020-07" />
          </Form.Item>
          <Form.Item name={[n, 'toMonth']} label={t('profile.toMonth')} rules={[month]}>
            <Input inputMode="numeric" maxLength={7} placeholder="2024-06" />
          </Form.Item>
          <Form.Item name={[n, 'description']} label={t('profile.description')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </>
      )}
    />
  );
}

export function CertificateSection() {
  const { t } = useI18n();
  return (
    <EntryList
      name="certificates"
      title={t('profile.certificates')}
      max={20}
      testId="profile-certificates"
      hint={<p className="profile-hint">{t('profile.certificatesHint')}</p>}
      render={(n) => (
        <>
          <Form.Item name={[n, 'name']} label={t('profile.certName')} rules={[...need(t, t('profile.certName')), { min: 2, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name={[n, 'number']} label={t('profile.certNumber')} rules={[{ max: 60 }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name={[n, 'issuer']} label={t('profile.certIssuer')} rules={[{ max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name={[n, 'issuedOn']} label={t('profile.certDate')} rules={[{ pattern: DATE, message: 'YYYY-MM-DD' }]}>
            <Input type="date" />
          </Form.Item>
        </>
      )}
    />
  );
}

export function DesiredOccupationsSection() {
  const { t } = useI18n();
  return (
    <EntryList
      name="desiredOccupations"
      title={t('profile.desiredOccupations')}
      max={5}
      testId="profile-occupations"
      render={(n) => (
        <Form.Item name={n} label={`${t('profile.desiredOccupations')} ${n + 1}`} rules={need(t, t('profile.desiredOccupations'))}>
          <OccupationSelect />
        </Form.Item>
      )}
    />
  );
}
