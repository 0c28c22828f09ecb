/**
 * 指标目标设置 (officials): targets by indicator, year and region. Officials set targets for their own region
 * and the regions below; province targets only the province official (the server refuses the rest too).
 */
import { App, Button, Card, Form, InputNumber, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { INDICATORS, type IndicatorKey, type TargetRow } from '../../../shared/dashboard.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { formatValue } from './dashboard-format.js';
import './dashboard.css';

const PROVINCE = '360000';
const TARGETED = (Object.keys(INDICATORS) as IndicatorKey[]).filter((k) => INDICATORS[k].targeted);

interface FormValues {
  indicator: IndicatorKey;
  regionCode: string;
  value: number;
}

export function TargetsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [year, setYear] = useState(Number(dayjs().format('YYYY')));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm<FormValues>();
  const targets = useApi<TargetRow[]>('/api/dashboard/targets', { year });
  const regionsApi = useApi<{ home: string; regions: Array<{ code: string; name: string }> }>('/api/dashboard/regions');
  const isProvince = me?.user.regionCode === PROVINCE;
  const regionOptions = (regionsApi.data?.regions ?? []).filter((r) => isProvince || r.code !== PROVINCE).map((r) => ({ value: r.code, label: r.name }));
  const label = (k: IndicatorKey) => t(`dashboard.indicators.${k}` as MessageKey);
  const unit = (k: IndicatorKey) => INDICATORS[k].unit;

  async function save(v: FormValues) {
    setSaving(true);
    setError(undefined);
    try {
      // money targets are entered in 元 and stored in 分
      const value = unit(v.indicator) === 'fen' ? Math.round(v.value * 100) : Math.round(v.value);
      await api('/api/dashboard/targets', { method: 'PUT', body: { indicator: v.indicator, year, regionCode: v.regionCode, value } });
      message.success(t('dashboard.targets.saved'));
      targets.reload();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader
        title={t('dashboard.targets.title')}
        intro={t('dashboard.targets.intro')}
        extra={<Link to="/dashboard">{t('dashboard.targets.back')}</Link>}
      />
      <Space wrap className="dash-controls">
        <span className="dash-control">
          <span className="dash-control-label" aria-hidden="true">
            {t('dashboard.year')}
          </span>
          <Select
            aria-label={t('dashboard.year')}
            value={year}
            onChange={setYear}
            options={[0, 1, 2].map((d) => Number(dayjs().format('YYYY')) + 1 - d).map((y) => ({ value: y, label: String(y) }))}
          />
        </span>
      </Space>
      <Card className="dash-section">
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={save}
          initialValues={{ indicator: TARGETED[0], regionCode: me?.user.regionCode }}
          data-testid="target-form"
        >
          <Form.Item name="indicator" label={t('dashboard.targets.indicator')} rules={[{ required: true }]}>
            <Select options={TARGETED.map((k) => ({ value: k, label: label(k) }))} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('dashboard.targets.region')}
            rules={[{ required: true }]}
            extra={isProvince ? undefined : t('dashboard.targets.provinceOnly')}
          >
            <Select showSearch optionFilterProp="label" options={regionOptions} />
          </Form.Item>
          <Form.Item name="value" label={t('dashboard.targets.value')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('dashboard.targets.save')}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={targets.error} onRetry={targets.reload} />
      <Table<TargetRow>
        size="small"
        data-testid="targets-table"
        rowKey={(r) => `${r.indicator}:${r.regionCode}`}
        loading={targets.loading}
        dataSource={targets.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('dashboard.targets.indicator'), dataIndex: 'indicator', render: (k: IndicatorKey) => label(k) },
          { title: t('dashboard.targets.region'), dataIndex: 'regionName' },
          {
            title: t('dashboard.targets.value'),
            dataIndex: 'value',
            align: 'right',
            render: (v: number, r) => formatValue(r.indicator, v, t('dashboard.noData')),
          },
          {
            title: t('dashboard.targets.updatedAt'),
            dataIndex: 'updatedAt',
            render: (v: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : <Tag>{t('dashboard.targets.defaultTarget')}</Tag>),
          },
        ]}
      />
    </>
  );
}
