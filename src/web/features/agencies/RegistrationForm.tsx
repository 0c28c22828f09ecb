/** The licence form (登记, 重新提交, 变更登记): the licence number is checked with the same rule as the server. */
import { Button, Checkbox, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { AgencyService, parseLicenceNumber, type RegistrationFields } from '../../../shared/agencies.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { AgencyEntry } from './agencies-types.js';

interface Values {
  licenceNumber: string;
  issuingAuthority: string;
  validFrom?: Dayjs;
  validTo?: Dayjs;
  businessScope: string;
  services: AgencyService[];
  description?: string;
}

function initialValues(entry: AgencyEntry | null): Partial<Values> {
  if (!entry) return { services: [] };
  return {
    licenceNumber: entry.licenceNumber,
    issuingAuthority: entry.issuingAuthority,
    validFrom: dayjs(entry.validFrom),
    validTo: dayjs(entry.validTo),
    businessScope: entry.businessScope,
    services: entry.services,
    description: entry.description ?? '',
  };
}

function bodyOf(v: Values): RegistrationFields {
  return {
    licenceNumber: v.licenceNumber.trim(),
    issuingAuthority: v.issuingAuthority.trim(),
    validFrom: (v.validFrom ?? dayjs()).format('YYYY-MM-DD'),
    validTo: (v.validTo ?? dayjs()).format('YYYY-MM-DD'),
    businessScope: v.businessScope.trim(),
    services: v.services,
    description: v.description?.trim() || null,
  };
}

export interface RegistrationFormProps {
  entry: AgencyEntry | null;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (body: RegistrationFields) => void;
  onCancel?: () => void;
}

export function RegistrationForm({ entry, submitLabel, busy, error, onSubmit, onCancel }: RegistrationFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  const chosen = (field: string) => ({ required: true, message: t('validation.select', { field }) });
  return (
    <Form<Values>
      form={form}
      name="agency-registration"
      layout="vertical"
      className="form-narrow"
      initialValues={initialValues(entry)}
      onFinish={(v) => onSubmit(bodyOf(v))}
      data-testid="registration-form"
    >
      <Form.Item
        name="licenceNumber"
        label={t('agencies.fields.licenceNumber')}
        extra={t('agencies.fields.licenceNumberHint')}
        rules={[
          required(t('agencies.fields.licenceNumber')),
          {
            validator: async (_rule, value: string | undefined) => {
              if (value && !parseLicenceNumber(value).ok) throw new Error(t('errors.AGENCIES_LICENCE_NUMBER_INVALID'));
            },
          },
        ]}
      >
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="issuingAuthority" label={t('agencies.fields.issuingAuthority')} rules={[required(t('agencies.fields.issuingAuthority')), { min: 4 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <div className="agency-report-grid">
        <Form.Item name="validFrom" label={t('agencies.fields.validFrom')} rules={[chosen(t('agencies.fields.validFrom'))]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('agencies.fields.validTo')}
          dependencies={['validFrom']}
          rules={[
            chosen(t('agencies.fields.validTo')),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: Dayjs | undefined) => {
                const from = getFieldValue('validFrom') as Dayjs | undefined;
                if (value && from && !value.isAfter(from)) throw new Error(t('errors.AGENCIES_LICENCE_EXPIRED'));
                if (value?.isBefore(dayjs().startOf('day'))) throw new Error(t('errors.AGENCIES_LICENCE_EXPIRED'));
              },
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item name="businessScope" label={t('agencies.fields.businessScope')} rules={[required(t('agencies.fields.businessScope')), { min: 4 }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="services" label={t('agencies.fields.services')} rules={[{ ...chosen(t('agencies.fields.services')), type: 'array', min: 1 }]}>
        <Checkbox.Group options={AgencyService.options.map((s) => ({ value: s, label: t(`agencies.service.${s}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('agencies.fields.description')}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
      <ErrorAlert error={error} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="registration-submit">
          {submitLabel}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('agencies.workspace.cancel')}</Button> : null}
      </div>
    </Form>
  );
}
