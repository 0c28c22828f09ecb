/** 评审打分 (reviewer): blind scoring of the rounds assigned to me; entries from my organisation are marked and locked. */
import { Alert, App, Button, Card, Empty, Form, InputNumber, Space, Tag, Typography } from 'antd';
import { formatPoints, weightedTotal } from '../../../shared/competitions.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import { roundName } from './CompetitionBits.js';
import type { Criterion } from './types.js';

interface JudgeEntry {
  id: string;
  code: string;
  group: string;
  category: string | null;
  conflict: boolean;
  summary: string;
  materials: { id: string; fileName: string }[];
  myScores: Record<string, number> | null;
  myTotal: number | null;
}
interface JudgeRound {
  roundId: string;
  competitionTitle: string;
  roundKind: string;
  criteria: Criterion[];
  entries: JudgeEntry[];
}

function EntrySheet({ round, entry, onSaved }: { round: JudgeRound; entry: JudgeEntry; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const [form] = Form.useForm<Record<string, number>>();
  const values = Form.useWatch([], form) ?? {};
  const complete = round.criteria.every((c) => typeof values[c.code] === 'number');
  const save = async (v: Record<string, number>) => {
    const done = await run(() => api(`/api/competitions/rounds/${round.roundId}/entries/${entry.id}/score`, { method: 'PUT', body: { scores: v } }));
    if (done) {
      void message.success(t('competitions.judging.saved', { code: entry.code }));
      onSaved();
    }
  };
  return (
    <Card size="small" data-testid="judge-entry" data-code={entry.code} data-scored={entry.myTotal !== null ? 'yes' : 'no'}>
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>{entry.code}</Typography.Text>
        <Tag>{entry.group}</Tag>
        {entry.category ? <Tag>{entry.category}</Tag> : null}
        {entry.conflict ? <Tag color="red">{t('competitions.judging.conflict')}</Tag> : null}
        {entry.myTotal !== null ? <Tag color="green">{t('competitions.judging.total', { total: formatPoints(entry.myTotal) })}</Tag> : null}
      </Space>
      {entry.conflict ? null : (
        <>
          {entry.summary ? <Typography.Paragraph style={{ marginTop: 8 }}>{entry.summary}</Typography.Paragraph> : null}
          {entry.materials.map((m) => (
            <div key={m.id}>
              <a href={`/api/competitions/materials/${m.id}`}>{t('competitions.judging.material', { name: m.fileName })}</a>
            </div>
          ))}
          <Form form={form} layout="inline" initialValues={entry.myScores ?? {}} onFinish={(v) => void save(v)} style={{ marginTop: 8, rowGap: 8 }}>
            {round.criteria.map((c) => (
              <Form.Item key={c.code} name={c.code} label={`${c.name}（${c.weight}%）`} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} precision={0} aria-label={`${entry.code} ${c.name}`} style={{ width: 88 }} />
              </Form.Item>
            ))}
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} aria-label={`${t('competitions.judging.save')} ${entry.code}`}>
                {t('competitions.judging.save')}
              </Button>
            </Form.Item>
          </Form>
          {complete ? (
            <Typography.Text type="secondary">
              {t('competitions.judging.total', { total: formatPoints(weightedTotal(round.criteria, values)) })}
            </Typography.Text>
          ) : null}
          {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginTop: 8 }} /> : null}
        </>
      )}
    </Card>
  );
}

export function JudgingPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ rounds: JudgeRound[] }>('/api/competitions/judging');
  const rounds = data?.rounds ?? [];
  return (
    <>
      <PageHeader title={t('competitions.judging.title')} intro={t('competitions.judging.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && rounds.length === 0 ? <Empty description={t('competitions.judging.empty')} /> : null}
      {rounds.map((r) => (
        <section key={r.roundId} style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ fontSize: 20 }}>
            {r.competitionTitle} · {roundName(t, r.roundKind)}
          </Typography.Title>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {r.entries.map((e) => (
              <EntrySheet key={e.id} round={r} entry={e} onSaved={reload} />
            ))}
          </Space>
        </section>
      ))}
    </>
  );
}
