/** The fields of the employer's posting form, in three groups; the live vetting warning sits under the text. */
import { Col, DatePicker, Form, type FormInstance, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { WorkMode } from '../../../shared/jobs.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { VettingAlert } from './JobBits.js';
import type { JobFormValues } from './job-form-values.js';
import { OccupationSelect } from './OccupationSelect.js';
import { OccupationSuggestion } from './OccupationSuggestion.js';
import { SkillsField } from './SkillsField.js';
import { educationOptions, useEducationLevels } from './useEducationLevels.js';
import { useVetting } from './useVetting.js';

function LiveVetting({ form }: { form: FormInstance<JobFormValues> }) {
  const { t } = useI18n();
  const title = Form.useWatch('title', form) ?? '';
  const description = Form.useWatch('description', form) ?? '';
  const { findings, checking } = useVetting(title, description);
  return (
    <div aria-live="polite" data-testid="live-vetting" data-checking={checking}>
      <VettingAlert findings={findings} testId="vetting-warning" />
      {findings.length === 0 && (title || description) && !checking ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 16 }} data-testid="vetting-clean">
          {t('jobs.vetting.clean')}
        </Typography.Text>
      ) : null}
    </div>
  );
}

function Basics({ form }: { form: FormInstance<JobFormValues> }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={2} className="job-form-section">
        {t('jobs.form.basics')}
      </Typography.Title>
      <Form.Item
        name="title"
        label={t('jobs.form.title')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('jobs.form.title') }) },
          { min: 2, max: 60 },
        ]}
      >
        <Input maxLength={60} showCount placeholder={t('jobs.form.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('jobs.form.description')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: t('jobs.form.description') }) },
          { min: 10, max: 5000 },
        ]}
      >
        <Input.TextArea rows={6} maxLength={5000} showCount placeholder={t('jobs.form.descriptionPlaceholder')} />
      </Form.Item>
      <LiveVetting form={form} />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="occupationCode"
            label={t('jobs.form.occupation')}
            rules={[{ required: true, message: t('validation.select', { field: t('jobs.form.occupation') }) }]}
            extra={<OccupationSuggestion form={form} />}
          >
            <OccupationSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCode"
            label={t('jobs.form.region')}
            rules={[{ required: true, message: t('validation.select', { field: t('jobs.form.region') }) }]}
          >
            <RegionCascader />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

function Requirements() {
  const { t } = useI18n();
  const levels = useEducationLevels();
  return (
    <>
      <Typography.Title level={2} className="job-form-section">
        {t('jobs.form.requirements')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="educationCode" label={t('jobs.form.education')}>
            <Select allowClear loading={!levels} placeholder={t('jobs.form.educationAny')} options={levels ? educationOptions(levels) : []} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="experienceYearsMin" label={t('jobs.form.experience')} rules={[{ required: true, type: 'integer', min: 0, max: 30 }]}>
            <InputNumber<number> min={0} max={30} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="requiredSkills" label={t('jobs.form.requiredSkills')}>
        <SkillsField testId="required-skills" />
      </Form.Item>
      <Form.Item name="preferredSkills" label={t('jobs.form.preferredSkills')}>
        <SkillsField testId="preferred-skills" />
      </Form.Item>
    </>
  );
}

function Conditions() {
  const { t } = useI18n();
  const yuan = { min: 0, max: 1_000_000, precision: 0, step: 500, style: { width: '100%' } };
  return (
    <>
      <Typography.Title level={2} className="job-form-section">
        {t('jobs.form.conditions')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item
            name="salaryMin"
            label={t('jobs.form.salaryMin')}
            rules={[{ required: true, message: t('validation.required', { field: t('jobs.form.salaryMin') }) }]}
          >
            <InputNumber<number> {...yuan} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="salaryMax"
            label={t('jobs.form.salaryMax')}
            dependencies={['salaryMin']}
            rules={[
              { required: true, message: t('validation.required', { field: t('jobs.form.salaryMax') }) },
              ({ getFieldValue }) => ({
                validator: (_, v?: number) =>
                  v === undefined || v === null || (getFieldValue('salaryMin') ?? 0) <= v
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('jobs.form.salaryOrder'))),
              }),
            ]}
          >
            <InputNumber<number> {...yuan} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="headcount" label={t('jobs.form.headcount')} rules={[{ required: true, type: 'integer', min: 1, max: 9999 }]}>
            <InputNumber<number> min={1} max={9999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="workMode" label={t('jobs.form.workMode')} rules={[{ required: true }]}>
            <Select options={WorkMode.options.map((m) => ({ value: m, label: t(`jobs.workModes.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="validFrom"
            label={t('jobs.form.validFrom')}
            rules={[{ required: true, message: t('validation.select', { field: t('jobs.form.validFrom') }) }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="validUntil"
            label={t('jobs.form.validUntil')}
            dependencies={['validFrom']}
            rules={[
              { required: true, message: t('validation.select', { field: t('jobs.form.validUntil') }) },
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) => {
                  const from = getFieldValue('validFrom') as Dayjs | undefined;
                  return !v || !from || !v.isBefore(from, 'day') ? Promise.resolve() : Promise.reject(new Error(t('jobs.form.validOrder')));
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function JobFormFields({ form }: { form: FormInstance<JobFormValues> }) {
  return (
    <>
      <Basics form={form} />
      <Requirements />
      <Conditions />
    </>
  );
}
