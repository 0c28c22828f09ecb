/**
 * 产融对接 (investor: a verified bank / investment organisation): my interests, the matched projects with their
 * reasons, introduction requests, and — after the owner consents — the contact (each view audited by the server).
 */
import { Alert, App, Button, Card, Collapse, Empty, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DigitalField, InvestorKind, introductionWorkflow, VentureStage, yuanText } from '../../../shared/ventures.js';
import { ApiError, api, newIdempotencyKey } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { ActionBar, fieldName, ProjectCard, stageName, VStatusTag, type T } from './VentureBits.js';
import type { InterestView, IntroductionView, MatchReason, MatchView } from './types.js';

const FEN_PER_WAN = 1_000_000;

function reasonText(t: T, r: MatchReason, regionName: (c: string) => string) {
  const p = r.params;
  switch (r.code) {
    case 'field':
      return t('ventures.invest.reason.field', { field: fieldName(t, String(p.field)) });
    case 'stage':
      return t('ventures.invest.reason.stage', { stage: stageName(t, String(p.stage)) });
    case 'amount':
      return t('ventures.invest.reason.amount', { sought: yuanText(Number(p.soughtFen)), min: yuanText(Number(p.minFen)), max: yuanText(Number(p.maxFen)) });
    case 'region':
      return t('ventures.invest.reason.region', { region: regionName(String(p.regionCode)) });
  }
}

function InterestForm({ onSaved }: { onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cmd = useCommand();
  const { regions } = useRegions();
  const [form] = Form.useForm();
  const save = async (v: { title: string; investorKind: string; fields: string[]; stages: string[]; minWan: number; maxWan: number; regions: string[] }) => {
    const body = {
      ...v,
      ticketMinFen: Math.round(v.minWan * FEN_PER_WAN),
      ticketMaxFen: Math.round(v.maxWan * FEN_PER_WAN),
      minWan: undefined,
      maxWan: undefined,
    };
    const ok = await cmd.run(() => api('/api/ventures/interests', { method: 'POST', body, headers: { 'idempotency-key': newIdempotencyKey() } }));
    if (ok) {
      form.resetFields();
      onSaved();
    }
  };
  const cityOptions = (regions ?? []).filter((r) => r.level === 'province' || r.level === 'city').map((r) => ({ value: r.code, label: r.name }));
  return (
    <div>
      <Form form={form} layout="vertical" initialValues={{ investorKind: 'vc', regions: ['360000'], stages: ['startup'] }} onFinish={(v) => void save(v)}>
        <Form.Item name="title" label={t('ventures.invest.titleField')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="investorKind" label={t('ventures.invest.kind')} rules={[{ required: true }]}>
          <Select options={InvestorKind.options.map((k) => ({ value: k, label: t(`ventures.investorKind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item name="fields" label={t('ventures.invest.fields')} rules={[{ required: true }]}>
          <Select mode="multiple" options={DigitalField.options.map((f) => ({ value: f, label: fieldName(t, f) }))} />
        </Form.Item>
        <Form.Item name="stages" label={t('ventures.invest.stages')} rules={[{ required: true }]}>
          <Select mode="multiple" options={VentureStage.options.map((s) => ({ value: s, label: stageName(t, s) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="minWan" label={t('ventures.invest.ticketMin')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
          <Form.Item name="maxWan" label={t('ventures.invest.ticketMax')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
        </Space>
        <Form.Item name="regions" label={t('ventures.invest.regions')} rules={[{ required: true }]}>
          <Select mode="multiple" options={cityOptions} />
        </Form.Item>
        {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={cmd.busy}>
          {t('ventures.invest.save')}
        </Button>
      </Form>
    </div>
  );
}

function RequestButton({ m, interestId, onDone }: { m: MatchView; interestId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const cmd = useCommand();
  const [open, setOpen] = useState(false);
  const [msg, setMsg] = useState(t('ventures.invest.requestDefault'));
  if (m.introduction) return <VStatusTag status={m.introduction.status} />;
  if (!open) return <Button onClick={() => setOpen(true)}>{t('ventures.invest.request')}</Button>;
  const send = async () => {
    const ok = await cmd.run(() =>
      api('/api/ventures/introductions', {
        method: 'POST',
        body: { projectId: m.project.id, interestId, message: msg },
        headers: { 'idempotency-key': newIdempotencyKey() },
      }),
    );
    if (ok) onDone();
  };
  return (
    <div>
      <Input.TextArea aria-label={t('ventures.invest.requestMessage')} rows={2} value={msg} maxLength={500} onChange={(e) => setMsg(e.target.value)} />
      <Button type="primary" style={{ marginTop: 8 }} loading={cmd.busy} disabled={msg.trim().length < 2} onClick={() => void send()}>
        {t('ventures.invest.request')}
      </Button>
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginTop: 8 }} /> : null}
    </div>
  );
}

function Matches({ interestId, onRequested }: { interestId: string; onRequested: () => void }) {
  const { t } = useI18n();
  const { regions } = useRegions();
  const regionName = (c: string) => regions?.find((r) => r.code === c)?.name ?? c;
  const { data, error, loading, reload } = useApi<{ items: MatchView[] }>(`/api/ventures/interests/${interestId}/matches`);
  const items = data?.items ?? [];
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.invest.matchesEmpty')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((m) => (
          <ProjectCard
            key={m.project.id}
            p={m.project}
            extra={
              <div data-testid="match" style={{ marginTop: 8 }}>
                <Tag color="green">{t('ventures.invest.score', { score: m.score })}</Tag>
                <ul style={{ paddingInlineStart: 20, margin: '4px 0' }}>
                  {m.reasons.map((r) => (
                    <li key={r.code}>{reasonText(t, r, regionName)}</li>
                  ))}
                </ul>
                <RequestButton
                  m={m}
                  interestId={interestId}
                  onDone={() => {
                    reload();
                    onRequested();
                  }}
                />
              </div>
            }
          />
        ))}
      </Space>
    </>
  );
}

function Sent() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useApi<{ items: IntroductionView[] }>('/api/ventures/introductions/sent');
  const [contacts, setContacts] = useState<Record<string, { name: string | null; phone: string | null; orgName: string | null }>>({});
  const cmd = useCommand();
  const reveal = async (id: string) => {
    const c = await cmd.run(() =>
      api<{ name: string | null; phone: string | null; orgName: string | null }>(`/api/ventures/introductions/${id}/contact`, { method: 'POST' }),
    );
    if (c) setContacts((all) => ({ ...all, [id]: c }));
  };
  const items = data?.items ?? [];
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      {items.length === 0 ? <Empty description={t('ventures.invest.sentEmpty')} /> : null}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {items.map((r) => (
          <Card size="small" key={r.id} data-testid="introduction-sent">
            <Space wrap>
              <VStatusTag status={r.status} />
              <Typography.Text strong>{r.projectName}</Typography.Text>
            </Space>
            {r.status === 'requested' ? <div style={{ marginTop: 4 }}>{t('ventures.invest.waiting')}</div> : null}
            {r.contactAvailable && !contacts[r.id] ? (
              <Button style={{ marginTop: 8 }} onClick={() => void reveal(r.id)} loading={cmd.busy}>
                {t('ventures.invest.showContact')}
              </Button>
            ) : null}
            {contacts[r.id] ? (
              <Alert
                type="success"
                style={{ marginTop: 8 }}
                data-testid="venture-contact"
                title={t('ventures.invest.contact', { name: contacts[r.id]?.name ?? '—', phone: contacts[r.id]?.phone ?? '—' })}
                description={contacts[r.id]?.orgName ? t('ventures.invest.contactOrg', { name: contacts[r.id]?.orgName }) : undefined}
              />
            ) : null}
            <ActionBar
              workflow={introductionWorkflow}
              actions={r.allowedActions}
              onAct={async (a) => {
                const x = await api(`/api/ventures/introductions/${r.id}/transitions/${a}`, { method: 'POST', body: {} });
                reload();
                return x;
              }}
            />
          </Card>
        ))}
      </Space>
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginTop: 8 }} /> : null}
    </>
  );
}

export function InvestPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ organisation: { name: string }; items: InterestView[] }>('/api/ventures/interests/mine');
  const [chosen, setChosen] = useState<string | undefined>();
  const [tick, setTick] = useState(0);
  const notInvestor = error instanceof ApiError && error.code === 'VENTURES_NOT_INVESTOR';
  const interests = data?.items ?? [];
  const current = chosen ?? interests[0]?.id;
  return (
    <>
      <PageHeader title={t('ventures.invest.title')} intro={t('ventures.invest.intro')} />
      {notInvestor ? <Alert type="info" showIcon title={t('ventures.invest.notInvestor')} /> : <ErrorAlert error={error} onRetry={reload} />}
      {data ? (
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('ventures.invest.interests')}
          </Typography.Title>
          <Space wrap>
            {interests.map((i) => (
              <Card
                size="small"
                key={i.id}
                hoverable
                onClick={() => setChosen(i.id)}
                style={{ borderColor: i.id === current ? '#1677ff' : undefined, maxWidth: 360 }}
              >
                <Typography.Text strong>{i.title}</Typography.Text>
                <div>
                  <Tag>{t(`ventures.investorKind.${i.investorKind}` as MessageKey)}</Tag>
                  {t('ventures.invest.ticket', { min: yuanText(i.ticketMinFen), max: yuanText(i.ticketMaxFen) })}
                </div>
                <Typography.Text type="secondary">{i.fields.map((f) => fieldName(t, f)).join('、')}</Typography.Text>
              </Card>
            ))}
          </Space>
          {current ? (
            <>
              <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
                {t('ventures.invest.matches')}
              </Typography.Title>
              <Matches interestId={current} onRequested={() => setTick((n) => n + 1)} />
            </>
          ) : null}
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
            {t('ventures.invest.sent')}
          </Typography.Title>
          <Sent key={tick} />
          <Collapse
            style={{ marginTop: 16 }}
            defaultActiveKey={interests.length ? [] : ['new']}
            items={[
              {
                key: 'new',
                label: t('ventures.invest.newInterest'),
                children: (
                  <InterestForm
                    onSaved={() => {
                      void message.success(t('ventures.invest.saved'));
                      reload();
                    }}
                  />
                ),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
