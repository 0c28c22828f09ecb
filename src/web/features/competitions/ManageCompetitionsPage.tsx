/** 竞赛管理 (official): competitions of the region; 新建竞赛 opens the full form (NewCompetitionPage). */
import { Table } from 'antd';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { KindTag, StatusTag } from './CompetitionBits.js';
import type { CompetitionSummary } from './types.js';

export function ManageCompetitionsPage() {
  const { t } = useI18n();
  const { data, error, reload } = useApi<{ items: CompetitionSummary[] }>('/api/competitions/manage');
  return (
    <>
      <PageHeader
        title={t('competitions.manage.title')}
        intro={t('competitions.manage.intro')}
        extra={
          <ButtonLink to="/manage/competitions/new" type="primary" data-testid="competition-create">
            {t('competitions.manage.create')}
          </ButtonLink>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<CompetitionSummary>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        dataSource={data?.items ?? []}
        columns={[
          { title: t('competitions.manage.titleField'), dataIndex: 'title', render: (v: string, r) => <Link to={`/manage/competitions/${r.id}`}>{v}</Link> },
          { title: t('competitions.manage.kind'), dataIndex: 'kind', render: (v: string) => <KindTag kind={v} /> },
          { title: '', dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
        ]}
      />
    </>
  );
}
