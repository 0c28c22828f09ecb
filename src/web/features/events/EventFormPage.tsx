/** 新建 / 编辑活动: recruitment events and digital-literacy activities (official): the whole event in one form; the server checks the region again. */
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { EVENT_CATEGORY_KINDS, EventCategory, type EventKind } from '../../../shared/events.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { EventDetail } from './event-types.js';
import { useCommand } from './useCommand.js';

interface Values {
  title: string;
  kind: EventKind;
  organiser: string;
  regionCode: string;
  venue?: string;
  onlineUrl?: string;
  time: [Dayjs, Dayjs];
  registrationDeadline: Dayjs;
  capacity: number;
  description: string;
}

function toBody(v: Values) {
  return {
    title: v.title,
    kind: v.kind,
    organiser: v.organiser,
    regionCode: v.regionCode,
    venue: v.kind === 'online' ? null : (v.venue ?? null),
    onlineUrl: v.onlineUrl?.trim() ? v.onlineUrl.trim() : null,
    startsAt: v.time[0].toISOString(),
    endsAt: v.time[1].toISOString(),
    registrationDeadline: v.registrationDeadline.toISOString(),
    capacity: v.capacity,
    description: v.description,
  };
}

function toValues(e: EventDetail): Values {
  return {
    title: e.title,
    kind: e.kind,
    organiser: e.organiser,
    regionCode: e.regionCode,
    venue: e.venue ?? undefined,
    onlineUrl: e.onlineUrl ?? undefined,
    time: [dayjs(e.startsAt), dayjs(e.endsAt)],
    registrationDeadline: dayjs(e.registrationDeadline),
    capacity: e.capacity,
    description: e.description,
  };
}

export function EventFormPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const { data: existing, loading } = useApi<EventDetail>(id ? `/api/events/${id}` : null);
  const { busy, error, run } = useCommand();
  useEffect(() => {
    if (existing) form.setFieldsValue(toValues(existing));
  }, [existing, form]);
  const save = async (v: Values) => {
    const saved = await run(() =>
      id ? api<EventDetail>(`/api/events/${id}`, { method: 'PATCH', body: toBody(v) }) : api<EventDetail>('/api/events', { method: 'POST', body: toBody(v) }),
    );
    if (saved) {
      void message.success(t('events.form.saved'));
      navigate(`/manage/events/${saved.id}`);
    }
  };
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <>
      <PageHeader title={id ? t('events.form.editTitle') : t('events.form.createTitle')} />
      {id && loading ? <Skeleton active /> : null}
      <Card style={{ maxWidth: 760 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{ kind: 'job_fair', capacity: 200, regionCode: me?.user.regionCode }}
          data-testid="event-form"
        >
          <Form.Item name="title" label={t('events.form.title')} rules={[...required(t('events.form.title')), { min: 4, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="kind" label={t('events.form.kind')} rules={required(t('events.form.kind'))}>
            <Select
              options={EventCategory.options.map((c) => ({
                label: t(`events.category.${c}`),
                title: t(`events.category.${c}`),
                options: EVENT_CATEGORY_KINDS[c].map((k) => ({ value: k, label: t(`events.kind.${k}`) })),
              }))}
            />
          </Form.Item>
          <Form.Item name="organiser" label={t('events.form.organiser')} rules={[...required(t('events.form.organiser')), { min: 2, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('events.form.region')} rules={required(t('events.form.region'))}>
            <RegionCascader anyLevel />
          </Form.Item>
          {kind !== 'online' ? (
            <Form.Item name="venue" label={t('events.form.venue')} rules={required(t('events.form.venue'))}>
              <Input maxLength={200} />
            </Form.Item>
          ) : null}
          <Form.Item
            name="onlineUrl"
            label={t('events.form.onlineUrl')}
            rules={[...(kind === 'online' ? required(t('events.form.onlineUrl')) : []), { pattern: /^https?:\/\/\S+$/, message: t('events.form.urlInvalid') }]}
          >
            <Input inputMode="url" maxLength={500} placeholder="https://" />
          </Form.Item>
          <Form.Item name="time" label={t('events.form.time')} rules={required(t('events.form.time'))}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="registrationDeadline" label={t('events.form.deadline')} rules={required(t('events.form.deadline'))}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="capacity" label={t('events.form.capacity')} rules={required(t('events.form.capacity'))}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="description" label={t('events.form.description')} rules={[...required(t('events.form.description')), { min: 10, max: 5000 }]}>
            <Input.TextArea rows={6} maxLength={5000} showCount />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="event-save">
            {t('events.form.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
