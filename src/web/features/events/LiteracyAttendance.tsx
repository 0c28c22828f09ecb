/**
 * 参与情况 of a digital-literacy activity (official of the region): check-ins, the walk-in headcount counted on
 * site (recorded as a running total, audited) and the person-times the dashboard counts once it is finished.
 */
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Statistic, Typography } from 'antd';
import { WALK_IN_MAX } from '../../../shared/events.js';
import { api } from '../../api.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dateTime } from './EventBits.js';
import type { EventDetail, LiteracyAttendance as Attendance } from './event-types.js';
import { useCommand } from './useCommand.js';

interface Values {
  walkInCount: number;
  note?: string;
}

export function LiteracyAttendance({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const a = event.attendance;
  if (!a) return null;
  const save = async (v: Values) => {
    const done = await run(() =>
      api<Attendance>(`/api/events/${event.id}/headcount`, { method: 'POST', body: { walkInCount: v.walkInCount, note: v.note?.trim() || undefined } }),
    );
    if (done) {
      void message.success(t('events.literacy.saved'));
      onChanged();
    }
  };
  return (
    <Card title={t('events.literacy.attendance')} style={{ marginBottom: 16 }} data-testid="literacy-attendance">
      <Space wrap size={[32, 12]} style={{ marginBottom: 12 }}>
        <Statistic title={t('events.literacy.checkedIn')} value={a.checkedIn} />
        <Statistic title={t('events.literacy.walkIn')} value={a.walkIn} />
        <Statistic title={t('events.literacy.attended')} value={a.attended} data-testid="literacy-attended" />
      </Space>
      {a.walkInRecordedAt ? (
        <Typography.Paragraph type="secondary">{t('events.literacy.recordedAt', { time: dateTime(a.walkInRecordedAt) })}</Typography.Paragraph>
      ) : null}
      {a.headcountOpen ? (
        <Form<Values> layout="vertical" initialValues={{ walkInCount: a.walkIn }} onFinish={(v) => void save(v)} style={{ maxWidth: 420 }}>
          <Form.Item
            name="walkInCount"
            label={t('events.literacy.headcount')}
            extra={t('events.literacy.headcountHint')}
            rules={[{ required: true, message: t('validation.required', { field: t('events.literacy.headcount') }) }]}
          >
            <InputNumber min={0} max={WALK_IN_MAX} precision={0} inputMode="numeric" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('events.literacy.note')}>
            <Input maxLength={200} />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
          <Button htmlType="submit" type="primary" loading={busy} data-testid="literacy-headcount-save">
            {t('events.literacy.save')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('events.literacy.headcountClosed')}</Typography.Text>
      )}
    </Card>
  );
}
