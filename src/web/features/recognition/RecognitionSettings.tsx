/**
 * 认定配置 (officials): the recognition categories A–E (criteria, statutory time limit in working days, benefits;
 * editable by the province-level official only), the expert reviewer pool with affiliations (RecognitionPool.tsx),
 * and the supervisor of each city's applications (RecognitionSupervisors.tsx; appointed by the province-level official).
 */
import { App, Button, Card, Descriptions, Empty, Form, Input, InputNumber, List, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BenefitCode } from '../../../shared/recognition.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Category } from './recognition-types.js';
import { Reviewers } from './RecognitionPool.js';
import { Supervisors } from './RecognitionSupervisors.js';

const PROVINCE = '360000';

interface CategoryValues {
  name: string;
  limitWorkingDays: number;
  criteria: string;
  benefits: string[];
  active: boolean;
}

function CategoryEditor({ category, onSaved, onCancel }: { category: Category; onSaved: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (v: CategoryValues) => {
    setError(null);
    setSaving(true);
    try {
      const criteria = v.criteria
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      await api('/api/recognition/categories', {
        method: 'PUT',
        body: {
          code: category.code,
          rank: category.rank,
          name: v.name.trim(),
          limitWorkingDays: v.limitWorkingDays,
          criteria,
          benefits: v.benefits,
          active: v.active,
        },
      });
      void message.success(t('recognition.settings.saved'));
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="category-form"
      initialValues={{
        name: category.name,
        limitWorkingDays: category.limitWorkingDays,
        criteria: category.criteria.join('\n'),
        benefits: category.benefits,
        active: category.active,
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="name" label={t('recognition.settings.name')} rules={[{ required: true, whitespace: true, max: 40 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="limitWorkingDays" label={t('recognition.settings.limit')} rules={[{ required: true }]}>
        <InputNumber min={1} max={120} precision={0} data-testid="limit-input" />
      </Form.Item>
      <Form.Item
        name="criteria"
        label={t('recognition.settings.criteria')}
        extra={t('recognition.settings.criteriaHint')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="benefits" label={t('recognition.settings.benefits')}>
        <Select mode="multiple" options={BenefitCode.options.map((b) => ({ value: b, label: t(`recognition.benefit.${b}`) }))} />
      </Form.Item>
      <Form.Item name="active" label={t('recognition.settings.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <ErrorAlert error={error} />
      <Space wrap style={{ marginTop: 8 }}>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="category-save">
          {t('recognition.settings.save')}
        </Button>
        <Button onClick={onCancel}>{t('recognition.settings.cancel')}</Button>
      </Space>
    </Form>
  );
}

function Categories({ canEdit }: { canEdit: boolean }) {
  const { t, tx } = useI18n();
  const desktop = useIsDesktop();
  const list = useApi<{ items: Category[] }>('/api/recognition/categories');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card title={t('recognition.settings.categories')} data-testid="settings-categories">
      <Typography.Paragraph type="secondary">{canEdit ? t('recognition.settings.categoriesIntro') : t('recognition.settings.readOnly')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(c) => (
          <List.Item data-testid="settings-category" data-code={c.code}>
            <Space orientation="vertical" style={{ width: '100%', minWidth: 0 }}>
              <Space wrap>
                <strong>{c.name}</strong>
                <Tag>{c.code}</Tag>
                {c.active ? null : <Tag color="default">{t('recognition.settings.inactive')}</Tag>}
                {canEdit && editing !== c.code ? (
                  <Button size="small" onClick={() => setEditing(c.code)} data-testid="category-edit">
                    {t('recognition.settings.edit')}
                  </Button>
                ) : null}
              </Space>
              {editing === c.code ? (
                <CategoryEditor
                  category={c}
                  onCancel={() => setEditing(null)}
                  onSaved={() => {
                    setEditing(null);
                    list.reload();
                  }}
                />
              ) : (
                <Descriptions size="small" column={1} bordered layout={desktop ? 'horizontal' : 'vertical'}>
                  <Descriptions.Item label={t('recognition.settings.limit')}>
                    <span data-testid="category-limit">{t('recognition.settings.days', { days: c.limitWorkingDays })}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('recognition.settings.criteria')}>
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {c.criteria.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('recognition.settings.benefits')}>
                    <Space wrap size={4}>
                      {c.benefits.map((b) => (
                        <Tag key={b}>{tx(`recognition.benefit.${b}`, b)}</Tag>
                      ))}
                    </Space>
                  </Descriptions.Item>
                </Descriptions>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function RecognitionSettings() {
  const { me } = useAuth();
  const province = me?.user.regionCode === PROVINCE;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Categories canEdit={province} />
      <Reviewers />
      <Supervisors canEdit={province} />
    </Space>
  );
}
