/** Small pieces shared by the competition pages: tags, the results table, the score formatting. */
import { Table, Tag, Typography } from 'antd';
import { formatPoints } from '../../../shared/competitions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import type { ResultRow, RoundView } from './types.js';

export function KindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return <Tag color="blue">{t(`competitions.kind.${kind}` as MessageKey)}</Tag>;
}

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const color =
    status === 'results_published' ? 'green' : status === 'published' || status === 'scoring' ? 'processing' : status === 'cancelled' ? 'default' : 'gold';
  return <Tag color={color}>{t(`competitions.status.${status}` as MessageKey)}</Tag>;
}

export function roundName(t: (k: MessageKey) => string, kind: string) {
  return t(`competitions.round.${kind}` as MessageKey);
}

/** One round's ranking: rank, code, name, organisation, score, judges, advanced/tied marks. */
export function ResultsTable({ round, showNames = true }: { round: RoundView; showNames?: boolean }) {
  const { t } = useI18n();
  const rows = round.results ?? [];
  return (
    <>
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {roundName(t, round.kind)}
      </Typography.Title>
      <Table<ResultRow>
        size="small"
        rowKey="entryId"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid={`results-${round.kind}`}
        columns={[
          { title: t('competitions.detail.rank'), dataIndex: 'rank', width: 64 },
          { title: t('competitions.detail.code'), dataIndex: 'code', width: 90 },
          ...(showNames
            ? [
                { title: t('competitions.detail.team'), dataIndex: 'name' },
                { title: t('competitions.detail.org'), dataIndex: 'orgName', render: (v: string | null) => v ?? '—' },
              ]
            : []),
          { title: t('competitions.detail.score'), dataIndex: 'aggregate', render: (v: number) => formatPoints(v) },
          { title: t('competitions.detail.judges'), dataIndex: 'judgeCount', width: 72 },
          {
            title: '',
            key: 'marks',
            render: (_: unknown, r: ResultRow) => (
              <>
                {r.advanced ? <Tag color="green">{t('competitions.detail.advanced')}</Tag> : null}
                {r.tied ? <Tag>{t('competitions.detail.tied')}</Tag> : null}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
