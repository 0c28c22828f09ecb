/**
 * 培训签到 (provider): choose the session, then scan the trainee's QR ticket with the camera or type the
 * short code. The server answers checked in / already checked in or why the ticket is refused.
 */
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dateTime, timeRange } from '../events/EventBits.js';
import '../events/events.css';
import { useQrScanner } from '../events/useQrScanner.js';
import type { CheckInResult, ClassDetail, SessionView } from './training-types.js';

type Outcome = { ok: CheckInResult } | { error: unknown };

/** The session under way or next to start (check-in opens an hour before), else the last one. */
function currentSession(sessions: SessionView[]): SessionView | undefined {
  const now = Date.now();
  return (
    sessions.find((s) => Date.parse(s.endsAt) >= now && Date.parse(s.startsAt) - 3_600_000 <= now) ??
    sessions.find((s) => Date.parse(s.endsAt) >= now) ??
    sessions.at(-1)
  );
}

export function ClassCheckInPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id = '' } = useParams();
  const { data: cls, error } = useApi<ClassDetail>(`/api/training/classes/${id}`);
  const [sessionId, setSessionId] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [present, setPresent] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const videoRef = useRef<HTMLVideoElement>(null);
  const last = useRef<{ text: string; at: number } | null>(null);
  useEffect(() => {
    if (cls && !sessionId) setSessionId(currentSession(cls.sessions)?.id);
  }, [cls, sessionId]);

  const submit = useCallback(
    async (body: { token?: string; code?: string }) => {
      if (!sessionId) return false;
      setBusy(true);
      try {
        const res = await api<CheckInResult>(`/api/training/classes/${id}/check-in`, { method: 'POST', body: { sessionId, ...body } });
        setOutcome({ ok: res });
        setPresent(res.present);
        return true;
      } catch (err) {
        setOutcome({ error: err });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [id, sessionId],
  );
  const onCode = useCallback(
    (text: string) => {
      const now = Date.now();
      if (last.current && last.current.text === text && now - last.current.at < 4000) return;
      last.current = { text, at: now };
      void submit(text.startsWith('GTT1.') ? { token: text } : { code: text });
    },
    [submit],
  );
  const scanner = useQrScanner(videoRef, onCode);
  const scanning = scanner.state === 'scanning' || scanner.state === 'starting';
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={`/provider/classes/${id}`}>← {cls?.name ?? t('training.manage.title')}</Link>
      </div>
      <PageHeader title={t('training.checkIn.title')} intro={t('training.checkIn.intro')} />
      <ErrorAlert error={error} />
      {cls ? (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 12 }}>
          <Typography.Text strong>{cls.name}</Typography.Text>
          <Select
            aria-label={t('training.checkIn.session')}
            style={{ width: '100%', maxWidth: 480 }}
            value={sessionId}
            onChange={(v) => {
              setSessionId(v);
              setPresent(null);
              setOutcome(null);
            }}
            options={cls.sessions.map((s) => ({ value: s.id, label: `${s.seq}. ${timeRange(s.startsAt, s.endsAt)} ${s.topic}` }))}
            data-testid="checkin-session"
          />
          {present !== null ? (
            <Typography.Text aria-live="polite" data-testid="checkin-present">
              {t('training.checkIn.present', { n: present })}
            </Typography.Text>
          ) : null}
        </Space>
      ) : null}
      <div aria-live="assertive" data-testid="checkin-result" style={{ marginBottom: 16 }}>
        {outcome && 'ok' in outcome ? (
          <Alert
            type={outcome.ok.result === 'checked_in' ? 'success' : 'info'}
            showIcon
            title={
              outcome.ok.result === 'checked_in'
                ? t('training.checkIn.ok', { name: outcome.ok.trainee.nameMasked })
                : t('training.checkIn.already', { name: outcome.ok.trainee.nameMasked, time: dateTime(outcome.ok.checkedInAt) })
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
            style={{ display: scanning ? 'block' : 'none' }}
          />
          <Space orientation="vertical" style={{ width: '100%', marginTop: scanning ? 12 : 0 }}>
            {scanning ? (
              <Button onClick={scanner.stop}>{t('events.checkIn.stopCamera')}</Button>
            ) : (
              <Button type="primary" onClick={() => void scanner.start()} disabled={!sessionId}>
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
              label={t('training.ticket.code')}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('training.ticket.code') }) }]}
            >
              <Input
                placeholder={t('events.checkIn.codePlaceholder')}
                autoComplete="off"
                autoCapitalize="characters"
                maxLength={20}
                data-testid="checkin-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!sessionId} data-testid="checkin-submit">
              {t('events.checkIn.submit')}
            </Button>
          </Form>
        </Card>
        {cls ? <Typography.Text type="secondary">{dayjs().format('YYYY-MM-DD HH:mm')}</Typography.Text> : null}
      </Space>
    </>
  );
}
