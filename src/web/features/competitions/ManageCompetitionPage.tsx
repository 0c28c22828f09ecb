/** One competition (official of the region): workflow buttons, rounds with judges and progress, entries, rankings, awards. */
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { KindTag, ResultsTable, roundName, StatusTag } from './CompetitionBits.js';
import type { CompetitionDetail, Results } from './types.js';

interface Managed extends Omit<CompetitionDetail, 'results'> {
  entries: { id: string; code: string; name: string; groupCode: string; status: string; reachedSeq: number; memberCount: number; orgName: string | null }[];
  judges: { roundId: string; userId: string; displayName: string; username: string; affiliation: string | null; scored: number }[];
  results: Results;
}

export function ManageCompetitionPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const { message } = App.useApp();
  const { data: c, error, reload } = useApi<Managed>(id ? `/api/competitions/${id}/manage` : null);
  const cmd = useCommand();
  if (!c) return <ErrorAlert error={error} onRetry={reload} />;
  const act = async (url: string, body: Record<string, unknown> = {}) => {
    const done = await cmd.run(() => api(url, { method: 'POST', body }));
    if (done) reload();
    return done;
  };
  return (
    <>
      <PageHeader title={c.title} />
      <Space wrap style={{ marginBottom: 12 }}>
        <KindTag kind={c.kind} />
        <StatusTag status={c.status} />
        {c.allowedActions.map((a) => (
          <Button
            key={a}
            danger={a === 'cancel'}
            type={a === 'cancel' ? 'default' : 'primary'}
            loading={cmd.busy}
            onClick={() =>
              void act(`/api/competitions/${c.id}/transitions/${a}`, a === 'cancel' ? { reason: window.prompt(t('competitions.action.cancel')) ?? '' } : {})
            }
          >
            {t(`competitions.action.${a}` as MessageKey)}
          </Button>
        ))}
      </Space>
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
      {c.rounds.map((r) => {
        const judges = c.judges.filter((j) => j.roundId === r.id);
        const ranked = c.results.rounds.find((x) => x.id === r.id);
        return (
          <Card
            key={r.id}
            style={{ marginBottom: 16 }}
            data-testid={`round-${r.kind}`}
            title={
              <Space wrap>
                {roundName(t, r.kind)}
                <StatusTag status={r.status} />
              </Space>
            }
            extra={
              <Space wrap>
                {(r.allowedActions ?? []).map((a) => (
                  <Button key={a} size="small" loading={cmd.busy} onClick={() => void act(`/api/competitions/rounds/${r.id}/transitions/${a}`)}>
                    {t(`competitions.action.${a}` as MessageKey)}
                  </Button>
                ))}
              </Space>
            }
          >
            <Typography.Text strong>{t('competitions.manage.judges')}</Typography.Text>
            <div style={{ margin: '4px 0 8px' }}>
              {judges.map((j) => (
                <Tag key={j.userId}>
                  {j.displayName}
                  {j.affiliation ? `（${j.affiliation}）` : ''} · {t('competitions.manage.scored', { n: j.scored })}
                </Tag>
              ))}
            </div>
            {r.status !== 'closed' ? (
              <Form
                layout="inline"
                onFinish={(v: { username: string; affiliationOrgId?: string }) =>
                  void act(`/api/competitions/rounds/${r.id}/judges`, {
                    judges: [{ username: v.username, affiliationOrgId: v.affiliationOrgId?.trim() || null }],
                  }).then((ok) => {
                    if (ok) void message.success(t('competitions.manage.assign'));
                  })
                }
                style={{ rowGap: 8 }}
              >
                <Form.Item name="username" rules={[{ required: true }]}>
                  <Input placeholder={t('competitions.manage.judgeUsername')} aria-label={t('competitions.manage.judgeUsername')} />
                </Form.Item>
                <Form.Item name="affiliationOrgId">
                  <Input placeholder={t('competitions.manage.affiliation')} aria-label={t('competitions.manage.affiliation')} />
                </Form.Item>
                <Button htmlType="submit">{t('competitions.manage.assign')}</Button>
              </Form>
            ) : null}
            {ranked?.results && ranked.results.length > 0 ? <ResultsTable round={ranked} /> : null}
          </Card>
        );
      })}
      {c.results.awards.length ? (
        <Card title={t('competitions.detail.awards')} style={{ marginBottom: 16 }}>
          {c.results.awards.map((a) => (
            <Space key={a.id} wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Typography.Text strong>
                {a.awardName}：{a.name}（{a.code}）
              </Typography.Text>
              {a.certificates.length ? (
                <Typography.Text>{t('competitions.manage.granted', { numbers: a.certificates.map((x) => x.number).join('、') })}</Typography.Text>
              ) : null}
              {a.grantsLevel && !a.grantedAt ? (
                <Button size="small" type="primary" loading={cmd.busy} onClick={() => void act(`/api/competitions/awards/${a.id}/grant`)}>
                  {t('competitions.manage.grant')}
                </Button>
              ) : null}
            </Space>
          ))}
        </Card>
      ) : null}
      <Card title={t('competitions.manage.entries')}>
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          dataSource={c.entries}
          columns={[
            { title: t('competitions.detail.code'), dataIndex: 'code' },
            { title: t('competitions.detail.team'), dataIndex: 'name' },
            { title: t('competitions.detail.group'), dataIndex: 'groupCode', render: (v: string) => c.groups.find((g) => g.code === v)?.name ?? v },
            { title: t('competitions.detail.org'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
            { title: t('competitions.manage.members'), dataIndex: 'memberCount' },
            { title: '', dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          ]}
        />
      </Card>
    </>
  );
}
