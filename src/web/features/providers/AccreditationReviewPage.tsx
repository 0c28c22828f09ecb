/** 资质审核 (official): applications and accreditations of providers in the region; approve / return / reject / suspend / reinstate. */
import { Alert, App, Button, Card, DatePicker, Drawer, Form, Input, List, Modal, Select, Skeleton, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type AccreditationAction, AccreditationPurpose, AccreditationStatus } from '../../../shared/providers.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusFilter } from '../../components/StatusFilter.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import { AccreditationHistory, AccreditationStatusTag, ItemsList } from './AccreditationBits.js';
import type { AccreditationDetail, AccreditationView } from './providers-types.js';
import './providers.css';

const NEEDS_REASON: readonly AccreditationAction[] = ['return', 'reject', 'suspend', 'reinstate'];

function DecisionModal({
  target,
  onClose,
  onDone,
}: {
  target: { a: AccreditationView; action: AccreditationAction } | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<{ reason?: string; validUntil?: Dayjs }>();
  const { busy, error, run } = useCommand();
  if (!target) return null;
  const { a, action } = target;
  const submit = async (v: { reason?: string; validUntil?: Dayjs }) => {
    const body = { ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}), ...(v.validUntil ? { validUntil: v.validUntil.format('YYYY-MM-DD') } : {}) };
    const done = await run(() => api(`/api/providers/accreditations/${a.id}/transitions/${action}`, { method: 'POST', body }));
    if (done) onDone();
  };
  return (
    <Modal
      open
      title={`${t(`providers.action.${action}`)} · ${a.orgName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('providers.review.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form
        name="decision"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={action === 'approve' ? { validUntil: dayjs().add(3, 'year') } : {}}
        onFinish={(v) => void submit(v)}
      >
        {action === 'approve' ? (
          <Form.Item name="validUntil" label={t('providers.fields.validUntil')} extra={t('providers.review.validUntilHint')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().add(1, 'day').startOf('day')) || d.isAfter(dayjs().add(5, 'year'))} />
          </Form.Item>
        ) : null}
        <Form.Item
          name="reason"
          label={t('providers.fields.reason')}
          rules={NEEDS_REASON.includes(action) ? [{ required: true, whitespace: true, message: t('providers.review.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Modal>
  );
}

function DetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { data } = useApi<AccreditationDetail>(id ? `/api/providers/accreditations/${id}` : null);
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={data?.orgName ?? t('providers.review.detail')} size="large">
      {data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph>{data.statement}</Typography.Paragraph>
          <ItemsList items={data.items} />
          <AccreditationHistory a={data} />
        </Space>
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

export function AccreditationReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const filters = useUrlFilters();
  const effectiveStatus = filters.get('status') === 'all' ? '' : filters.get('status') || 'submitted';
  const purpose = filters.get('purpose');
  const { data, error, loading, reload } = useApi<{ total: number; items: AccreditationView[] }>('/api/providers/accreditations/review', {
    status: effectiveStatus || undefined,
    purpose: purpose || undefined,
    page: filters.page,
    pageSize: 20,
  });
  const [deciding, setDeciding] = useState<{ a: AccreditationView; action: AccreditationAction } | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t('providers.review.title')} intro={t('providers.review.intro')} />
      <div className="filters" style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <StatusFilter
          id="review-status"
          value={effectiveStatus}
          onChange={(s) => filters.update({ status: s || 'all' })}
          states={AccreditationStatus.options}
          stateLabel={(s) => t(`providers.status.${s as AccreditationStatus}`)}
        />
        <div className="filter-item">
          <label htmlFor="review-purpose">{t('providers.fields.purpose')}</label>
          <Select
            id="review-purpose"
            value={purpose}
            onChange={(p) => filters.update({ purpose: p })}
            style={{ minWidth: 140 }}
            options={[{ value: '', label: t('common.all') }, ...AccreditationPurpose.options.map((p) => ({ value: p, label: t(`providers.purpose.${p}`) }))]}
          />
        </div>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        <List<AccreditationView>
          loading={loading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: t('providers.review.empty') }}
          pagination={
            data && data.total > 20 ? { current: filters.page, pageSize: 20, total: data.total, onChange: (p) => filters.update({ page: p }) } : false
          }
          data-testid="review-queue"
          renderItem={(a) => (
            <List.Item key={a.id} data-testid={`review-${a.id}`}>
              <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                <Space wrap>
                  <strong>{a.orgName}</strong>
                  <Typography.Text type="secondary">
                    {a.regionName}
                    {a.category ? ` · ${t(`providers.category.${a.category}`)}` : ''}
                  </Typography.Text>
                  <AccreditationStatusTag status={a.status} />
                  <span>{t(`providers.purpose.${a.purpose}`)}</span>
                  {a.validUntil ? <Typography.Text type="secondary">{t('providers.mine.inForce', { date: a.validUntil })}</Typography.Text> : null}
                </Space>
                <ItemsList items={a.items} />
                <Space wrap>
                  {a.allowedActions.map((action) => (
                    <Button
                      key={action}
                      size="small"
                      type={action === 'approve' ? 'primary' : 'default'}
                      danger={action === 'reject' || action === 'suspend'}
                      onClick={() => setDeciding({ a, action })}
                      data-testid={`review-action-${action}`}
                    >
                      {t(`providers.action.${action}`)}
                    </Button>
                  ))}
                  <Button size="small" type="link" onClick={() => setDetail(a.id)}>
                    {t('providers.review.detail')}
                  </Button>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <DecisionModal
        target={deciding}
        onClose={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          void message.success(t('providers.review.done'));
          reload();
        }}
      />
      <DetailDrawer id={detail} onClose={() => setDetail(null)} />
    </>
  );
}
