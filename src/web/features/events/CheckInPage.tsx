/**
 * 现场签到 (official of the region): scan the ticket QR with the camera or type the short code. The
 * server answers checked in / already checked in (with the time) or why the ticket is refused.
 */
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dateTime, timeRange } from './EventBits.js';
import type { CheckInResult, EventDetail } from './event-types.js';
import { useQrScanner } from './useQrScanner.js';
import './events.css';

type Outcome = { ok: CheckInResult } | { error: unknown };

export function CheckInPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id = '' } = useParams();
  const { data: event, error } = useApi<EventDetail>(`/api/events/${id}`);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [counts, setCounts] = useState<CheckInResult['counts'] | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const videoRef = useRef<HTMLVideoElement>(null);
  const last = useRef<{ text: string; at: number } | null>(null);

  const submit = useCallback(
    async (body: { token?: string; code?: string }) => {
      setBusy(true);
      try {
        const res = await api<CheckInResult>(`/api/events/${id}/check-in`, { method: 'POST', body });
        setOutcome({ ok: res });
        if (res.counts) setCounts(res.counts);
        return true;
      } catch (err) {
        setOutcome({ error: err });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [id],
  );

  const onCode = useCallback(
    (text: string) => {
      const now = Date.now();
      if (last.current && last.current.text === text && now - last.current.at < 4000) return;
      last.current = { text, at: now };
      void submit(text.startsWith('GCT1.') ? { token: text } : { code: text });
    },
    [submit],
  );
  const scanner = useQrScanner(videoRef, onCode);
  const shown = counts ?? (event ? { registered: event.counts.registered, checkedIn: event.counts.checkedIn ?? 0, waitlisted: 0 } : null);

  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={`/manage/events/${id}`}>← {event?.title ?? t('events.manage.title')}</Link>
      </div>
      <PageHeader title={t('events.checkIn.title')} intro={t('events.checkIn.intro')} />
      <ErrorAlert error={error} />
      {event ? (
        <Typography.Paragraph>
          <strong>{event.title}</strong> · {timeRange(event.startsAt, event.endsAt)}
        </Typography.Paragraph>
      ) : null}
      {shown ? (
        <Typography.Paragraph data-testid="checkin-counts" aria-live="polite" style={{ fontSize: 16 }}>
          {t('events.checkIn.counts', { checkedIn: shown.checkedIn, registered: shown.registered })}
        </Typography.Paragraph>
      ) : null}
      <div aria-live="assertive" data-testid="checkin-result" style={{ marginBottom: 16 }}>
        {outcome && 'ok' in outcome ? (
          <Alert
            type={outcome.ok.result === 'checked_in' ? 'success' : 'info'}
            showIcon
            title={
              outcome.ok.result === 'checked_in'
                ? t('events.checkIn.ok', { name: outcome.ok.attendee.nameMasked })
                : t('events.checkIn.already', { name: outcome.ok.attendee.nameMasked, time: dateTime(outcome.ok.checkedInAt) })
            }
          />
        ) : null}
        {outcome && 'error' in outcome ? <Alert type="error" showIcon title={formatError(i18n, outcome.error)} /> : null}
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <video
            ref={videoRef}
            className="checkin-video"
            muted
            playsInline
            aria-label={t('events.checkIn.video')}
            style={{ display: scanner.state === 'scanning' || scanner.state === 'starting' ? 'block' : 'none' }}
          />
          <Space orientation="vertical" style={{ width: '100%', marginTop: scanner.state === 'scanning' || scanner.state === 'starting' ? 12 : 0 }}>
            {scanner.state === 'scanning' || scanner.state === 'starting' ? (
              <Button onClick={scanner.stop}>{t('events.checkIn.stopCamera')}</Button>
            ) : (
              <Button type="primary" onClick={() => void scanner.start()} data-testid="checkin-camera">
                {t('events.checkIn.startCamera')}
              </Button>
            )}
            {scanner.state === 'unavailable' ? <Alert type="warning" showIcon title={t('events.checkIn.cameraUnavailable')} /> : null}
          </Space>
        </Card>
        <Card size="small">
          <Form
            form={form}
            layout="inline"
            onFinish={(v) =>
              void submit({ code: v.code }).then((ok) => {
                if (ok) form.resetFields();
              })
            }
          >
            <Form.Item
              name="code"
              label={t('events.checkIn.code')}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('events.checkIn.code') }) }]}
            >
              <Input
                placeholder={t('events.checkIn.codePlaceholder')}
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={20}
                data-testid="checkin-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="checkin-submit">
              {t('events.checkIn.submit')}
            </Button>
          </Form>
        </Card>
      </Space>
    </>
  );
}
