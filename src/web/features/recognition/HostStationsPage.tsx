/** 设站登记 (host organisations): register 博士后科研工作站 / 流动站 / 创新实践基地 and follow their confirmation; approved digital-economy stations claim the build subsidy through 政策补贴. */
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { StationList } from './StationList.js';
import type { Station } from './recognition-types.js';

interface StationValues {
  kind: string;
  name: string;
  field: string;
  digitalEconomy: boolean;
  approvalDocNo?: string;
  approvedOn?: Dayjs | null;
}

export function HostStationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApi<{ items: Station[] }>('/api/recognition/stations');
  const [form] = Form.useForm<StationValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: StationValues) => {
    setBusy(true);
    setError(null);
    try {
      await api('/api/recognition/stations', {
        method: 'POST',
        body: { ...v, approvalDocNo: v.approvalDocNo || undefined, approvedOn: v.approvedOn ? v.approvedOn.format('YYYY-MM-DD') : undefined },
      });
      void message.success(t('recognition.stations.registered'));
      form.resetFields();
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const claimable = (list.data?.items ?? []).some((s) => s.subsidyPolicyCode);
  return (
    <>
      <PageHeader title={t('recognition.stations.title')} intro={t('recognition.stations.intro')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <StationList items={list.data?.items ?? []} onChanged={list.reload} />
        {claimable ? (
          <Link to="/policies/mine" data-testid="claim-subsidy">
            {t('recognition.stations.claimSubsidy')}
          </Link>
        ) : null}
        <Card title={t('recognition.stations.register')}>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ kind: 'postdoc_workstation', digitalEconomy: true }}>
            <Form.Item name="kind" label={t('recognition.manage.kind')} rules={[{ required: true }]}>
              <Select
                options={(['postdoc_workstation', 'postdoc_mobile', 'innovation_base'] as const).map((k) => ({
                  value: k,
                  label: t(`recognition.stationKind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="name" label={t('recognition.stations.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="field" label={t('recognition.stations.field')} rules={[{ required: true, whitespace: true, max: 60 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="digitalEconomy" label={t('recognition.stations.digitalEconomy')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="approvalDocNo" label={t('recognition.stations.approvalDocNo')} rules={[{ max: 60 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="approvedOn" label={t('recognition.stations.approvedOn')}>
              <DatePicker />
            </Form.Item>
            <ErrorAlert error={error} />
            <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }}>
              {t('recognition.common.submit')}
            </Button>
          </Form>
        </Card>
      </Space>
    </>
  );
}
