/** A competition (public): rules, criteria and rounds; registration for talents; the published results. */
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import { KindTag, ResultsTable, roundName, StatusTag } from './CompetitionBits.js';
import type { CompetitionDetail } from './types.js';

interface RegisterForm {
  name: string;
  groupCode: string;
  categoryCode?: string;
  members?: string;
  orgId?: string;
  foundedOn?: { format(f: string): string };
  revenueWan?: number;
  summary?: string;
}

function RegisterCard({ c, onDone }: { c: CompetitionDetail; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const submit = async (v: RegisterForm) => {
    const res = await run(() =>
      api<{ code: string }>(`/api/competitions/${c.id}/entries`, {
        method: 'POST',
        body: {
          name: v.name,
          groupCode: v.groupCode,
          categoryCode: v.categoryCode ?? null,
          memberUsernames: (v.members ?? '')
            .split(/[,，\s]+/)
            .map((s) => s.trim())
            .filter(Boolean),
          orgId: v.orgId?.trim() || null,
          companyFoundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
          annualRevenueFen: v.revenueWan === undefined || v.revenueWan === null ? null : Math.round(v.revenueWan * 1_000_000),
          summary: v.summary ?? '',
        },
      }),
    );
    if (res) {
      void message.success(t('competitions.detail.registered', { code: res.code }));
      onDone();
    }
  };
  return (
    <Card title={t('competitions.detail.register')} data-testid="register-card">
      <Typography.Paragraph type="secondary">{t('competitions.detail.registerIntro')}</Typography.Paragraph>
      <Form<RegisterForm> layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('competitions.detail.name')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="groupCode" label={t('competitions.detail.group')} rules={[{ required: true }]}>
          <Select options={c.groups.map((g) => ({ value: g.code, label: g.name }))} />
        </Form.Item>
        {c.categories.length > 0 ? (
          <Form.Item name="categoryCode" label={t('competitions.detail.category')} rules={[{ required: true }]}>
            <Select options={c.categories.map((g) => ({ value: g.code, label: g.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="members" label={t('competitions.detail.members')}>
          <Input />
        </Form.Item>
        <Form.Item name="orgId" label={t('competitions.detail.orgId')}>
          <Input />
        </Form.Item>
        {c.kind === 'innovation' ? (
          <Space wrap>
            <Form.Item name="foundedOn" label={t('competitions.detail.foundedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="revenueWan" label={t('competitions.detail.revenue')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        ) : null}
        <Form.Item name="summary" label={t('competitions.detail.summary')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('competitions.detail.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function CompetitionDetailPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { me } = useAuth();
  const { data: c, error, reload } = useApi<CompetitionDetail>(id ? `/api/competitions/${id}` : null);
  if (!c) return <ErrorAlert error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader title={c.title} intro={c.description} />
      <Space wrap style={{ marginBottom: 12 }}>
        <KindTag kind={c.kind} />
        <StatusTag status={c.status} />
      </Space>
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('competitions.manage.organiser')}>{c.organiser}</Descriptions.Item>
          <Descriptions.Item label={t('competitions.manage.deadline')}>{c.registrationDeadline.slice(0, 10)}</Descriptions.Item>
          <Descriptions.Item label={t('competitions.detail.groups')}>{c.groups.map((g) => g.name).join('、')}</Descriptions.Item>
          {c.categories.length ? (
            <Descriptions.Item label={t('competitions.detail.categories')}>{c.categories.map((g) => g.name).join('、')}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('competitions.detail.criteria')}>
            {c.criteria.map((x) => `${x.name}（${t('competitions.detail.weight', { weight: x.weight })}）`).join('；')}
          </Descriptions.Item>
          <Descriptions.Item label={t('competitions.detail.aggregation')}>
            {c.aggregation.method === 'trimmed' ? t('competitions.detail.aggTrimmed', { n: c.aggregation.trimMinJudges }) : t('competitions.detail.aggMean')}
          </Descriptions.Item>
          <Descriptions.Item label={t('competitions.detail.rounds')}>
            {c.rounds
              .map((r) => `${roundName(t, r.kind)}${r.advanceCount ? `（${t('competitions.detail.advance', { n: r.advanceCount })}）` : ''}`)
              .join(' → ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('competitions.detail.awards')}>
            {c.awards.map((a) => `${a.name} ${a.count}`).join('、')}
            {c.awards.some((a) => a.grantsLevel) && c.levelCode ? `；${t('competitions.detail.grantsLevel', { level: c.levelCode })}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('competitions.manage.entries')}>{t('competitions.detail.entries', { n: c.entryCount })}</Descriptions.Item>
        </Descriptions>
      </Card>
      {c.registrationOpen && me?.user.role === 'talent' ? <RegisterCard c={c} onDone={reload} /> : null}
      {c.results ? (
        <Card title={t('competitions.detail.results')} data-testid="public-results">
          {c.results.awards.length ? (
            <Space orientation="vertical" style={{ marginBottom: 12 }}>
              {c.results.awards.map((a) => (
                <Typography.Text key={a.id} strong data-testid="award">
                  {a.awardName}：{a.name}（{a.code}）
                </Typography.Text>
              ))}
            </Space>
          ) : null}
          {[...c.results.rounds].reverse().map((r) => (
            <ResultsTable key={r.id} round={r} />
          ))}
          <Typography.Paragraph type="secondary">{t('competitions.detail.tieRule')}</Typography.Paragraph>
        </Card>
      ) : null}
    </>
  );
}
