/**
 * 超期督办人 in 认定配置: who receives each city's overdue-application escalations now (and each county that
 * has its own), the province-level fallback where none is appointed, and — for the province-level official —
 * the form that appoints one.
 */
import { App, Button, Card, Form, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { SupervisorRow } from './recognition-types.js';
import { AccountSelect } from './RecognitionPool.js';

interface SupervisorValues {
  regionCode: string;
  userId: string;
}

function CurrentSupervisors({ rows, fallback }: { rows: SupervisorRow[]; fallback: { name: string; username: string } | null }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Paragraph strong>{t('recognition.settings.current')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        dataSource={rows}
        data-testid="supervisor-list"
        renderItem={(r) => (
          <List.Item data-testid="supervisor-row" data-region={r.regionCode} data-user={r.supervisor?.userId ?? ''}>
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>{r.regionName}</Typography.Text>
              {r.supervisor ? (
                <Typography.Text>{`${r.supervisor.name}（${r.supervisor.username}）`}</Typography.Text>
              ) : (
                <Tag>{t('recognition.settings.notSet')}</Tag>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {fallback ? t('recognition.settings.fallback', { name: `${fallback.name}（${fallback.username}）` }) : t('recognition.settings.noFallback')}
      </Typography.Paragraph>
    </>
  );
}

export function Supervisors({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApi<{ items: SupervisorRow[]; fallback: { name: string; username: string } | null }>('/api/recognition/supervisors');
  const [form] = Form.useForm<SupervisorValues>();
  const city = Form.useWatch('regionCode', form);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: SupervisorValues) => {
    setError(null);
    try {
      await api('/api/recognition/supervisors', { method: 'PUT', body: { regionCode: v.regionCode, userId: v.userId } });
      void message.success(t('recognition.settings.saved'));
      form.resetFields();
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card title={t('recognition.settings.supervisor')} data-testid="settings-supervisor">
      <Typography.Paragraph type="secondary">{t('recognition.settings.supervisorIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data ? <CurrentSupervisors rows={list.data.items} fallback={list.data.fallback} /> : null}
      {canEdit ? (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ marginTop: 8 }}>
          <Form.Item name="regionCode" label={t('recognition.settings.city')} rules={[{ required: true }]}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Form.Item
            name="userId"
            label={t('recognition.settings.supervisorAccount')}
            rules={[{ required: true, message: t('recognition.settings.accountInvalid') }]}
          >
            <AccountSelect kind="official" within={city} />
          </Form.Item>
          <ErrorAlert error={error} />
          <Button type="primary" htmlType="submit" style={{ marginTop: 8 }}>
            {t('recognition.settings.save')}
          </Button>
        </Form>
      ) : (
        <Typography.Paragraph>{t('recognition.settings.supervisorReadOnly')}</Typography.Paragraph>
      )}
    </Card>
  );
}
