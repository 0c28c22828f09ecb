/**
 * 新建竞赛 (official): the whole configuration in one form, prefilled from the chosen type's template
 * (competition-form.ts) and edited freely; the server checks it again with CreateCompetition and the region.
 */
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router';
import type { CompetitionKind } from '../../../shared/competitions.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import { type CompetitionFormValues, templateValues, toCreateBody } from './competition-form.js';
import {
  AggregationSection,
  AwardsSection,
  CategoriesSection,
  CriteriaSection,
  GroupsSection,
  RoundsSection,
  RulesSection,
  SkillsSection,
} from './CompetitionFormSections.js';

type Values = Omit<CompetitionFormValues, 'deadline'> & { deadline: Dayjs };

const KINDS: CompetitionKind[] = ['data_elements', 'innovation', 'skills'];

export function NewCompetitionPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const cmd = useCommand();
  const [form] = Form.useForm<Values>();
  const kind = (Form.useWatch('kind', form) ?? 'data_elements') as CompetitionKind;
  const provincialManaged = Form.useWatch('provincialManaged', form) as boolean | undefined;
  const prefill = (k: CompetitionKind) => {
    form.setFieldsValue(templateValues(k));
    void message.info(t('competitions.form.prefilled', { kind: t(`competitions.kind.${k}`) }));
  };
  const save = async (v: Values) => {
    const res = await cmd.run(() => api<{ id: string }>('/api/competitions', { method: 'POST', body: toCreateBody(v) }));
    if (res) {
      void message.success(t('competitions.manage.created'));
      navigate(`/manage/competitions/${res.id}`);
    }
  };
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/manage/competitions">← {t('competitions.form.back')}</Link>
      </div>
      <PageHeader title={t('competitions.form.title')} intro={t('competitions.form.intro')} />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ maxWidth: 880 }}
        initialValues={{ kind: 'data_elements', regionCode: me?.user.regionCode, ...templateValues('data_elements') }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) prefill(changed.kind);
        }}
        onFinish={(v) => void save(v)}
        data-testid="competition-form"
        scrollToFirstError
      >
        <Card size="small" title={t('competitions.form.basics')} style={{ marginBottom: 16 }}>
          <Form.Item name="kind" label={t('competitions.manage.kind')} rules={required(t('competitions.manage.kind'))}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`competitions.kind.${k}`) }))} data-testid="competition-kind" />
          </Form.Item>
          <Form.Item name="title" label={t('competitions.manage.titleField')} rules={[...required(t('competitions.manage.titleField')), { min: 4, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="organiser" label={t('competitions.manage.organiser')} rules={[...required(t('competitions.manage.organiser')), { min: 2, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('competitions.form.region')} rules={required(t('competitions.form.region'))}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('competitions.form.deadline')}
            extra={t('competitions.form.deadlineHint')}
            rules={required(t('competitions.form.deadline'))}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('competitions.manage.description')}
            rules={[...required(t('competitions.manage.description')), { min: 10, max: 5000 }]}
          >
            <Input.TextArea rows={4} maxLength={5000} showCount />
          </Form.Item>
          <Button onClick={() => prefill(kind)}>{t('competitions.form.resetTemplate')}</Button>
        </Card>
        <GroupsSection kind={kind} />
        {kind === 'innovation' ? <CategoriesSection /> : null}
        {kind === 'skills' ? <SkillsSection /> : null}
        <RoundsSection />
        <CriteriaSection />
        <AggregationSection />
        <AwardsSection grantsLevel={kind === 'skills' && !!provincialManaged} />
        <RulesSection />
        {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
        <Space orientation="vertical">
          <Button type="primary" htmlType="submit" loading={cmd.busy} data-testid="competition-save">
            {t('competitions.form.save')}
          </Button>
          <Typography.Text type="secondary">{t('competitions.detail.tieRule')}</Typography.Text>
        </Space>
      </Form>
    </>
  );
}
