/** 柔性引才 records (officials): the records in my region and the form that adds one. */
import { App, Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { FlexRecord } from './recognition-types.js';

interface FlexValues {
  personName: string;
  kind: string;
  hostName: string;
  homeInstitution: string;
  regionCode: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  note?: string;
}

export function FlexibleRecords() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { regions } = useRegions();
  const list = useApi<{ items: FlexRecord[] }>('/api/recognition/flexible');
  const [form] = Form.useForm<FlexValues>();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: FlexValues) => {
    setError(null);
    try {
      await api('/api/recognition/flexible', {
        method: 'POST',
        body: { ...v, startsOn: v.startsOn.format('YYYY-MM-DD'), endsOn: v.endsOn ? v.endsOn.format('YYYY-MM-DD') : null },
      });
      void message.success(t('recognition.manage.done'));
      form.resetFields();
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recognition.manage.flexIntro')}</Typography.Paragraph>
      <List
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
        renderItem={(f) => (
          <List.Item data-testid="flex-item">
            <List.Item.Meta
              title={
                <Space wrap>
                  <strong>{f.personName}</strong>
                  <Tag>{tx(`recognition.flexKind.${f.kind}`, f.kind)}</Tag>
                </Space>
              }
              description={`${f.hostName} ← ${f.homeInstitution} · ${regionName(regions, f.regionCode)} · ${f.startsOn} ~ ${f.endsOn ?? ''}${f.note ? ` · ${f.note}` : ''}`}
            />
          </List.Item>
        )}
      />
      <Card title={t('recognition.manage.addFlex')}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="personName" label={t('recognition.manage.person')} rules={[{ required: true, whitespace: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('recognition.manage.kind')} rules={[{ required: true }]}>
            <Select
              options={(['tech_vice_president', 'industry_professor', 'talent_enclave', 'part_time', 'leave_startup'] as const).map((k) => ({
                value: k,
                label: t(`recognition.flexKind.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="hostName" label={t('recognition.manage.host')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="homeInstitution" label={t('recognition.manage.homeInstitution')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t('recognition.common.region')} rules={[{ required: true }]}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Space wrap>
            <Form.Item name="startsOn" label={t('recognition.manage.startsOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="endsOn" label={t('recognition.manage.endsOn')}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('recognition.common.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" style={{ marginTop: 8 }}>
            {t('recognition.common.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
