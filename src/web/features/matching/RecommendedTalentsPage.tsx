/** 推荐人才: for one of the employer's published jobs, talents who opened their profile (names masked), with an invite button. */
import { Empty, Select, Skeleton, Space, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { JobView } from '../jobs/job-types.js';
import { InviteButton } from './InviteButton.js';
import type { TalentMatch, TalentsForJob } from './matching-types.js';
import { ReasonTags, ScoreBadge } from './MatchReasons.js';
import './matching.css';

function TalentMatchCard({ item, job, regions }: { item: TalentMatch; job: { id: string; title: string }; regions: ReturnType<typeof useRegions>['regions'] }) {
  const { t } = useI18n();
  const { talent } = item;
  return (
    <article className="match-card" data-testid="talent-match-card">
      <div className="match-card-head">
        <ScoreBadge score={item.score} parts={item.parts} />
        <div className="match-card-main">
          <h2 className="match-card-title">{talent.displayName}</h2>
          <div className="match-meta">
            <span>{regionName(regions, talent.regionCode)}</span>
            <span>{t('matching.talents.experience', { years: talent.experienceYears })}</span>
          </div>
          <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
            {talent.skills.slice(0, 8).map((s) => (
              <Tag key={s} variant="outlined">
                {s}
              </Tag>
            ))}
          </Space>
        </div>
      </div>
      <ReasonTags reasons={item.reasons} side="employer" />
      <div className="match-card-foot">
        <InviteButton talentId={talent.id} talentName={talent.displayName} job={job} />
      </div>
    </article>
  );
}

export function RecommendedTalentsPage() {
  const { t } = useI18n();
  const { regions } = useRegions();
  const [params, setParams] = useSearchParams();
  const mine = useApi<{ items: JobView[] }>('/api/jobs/mine', { status: 'published', pageSize: 100 });
  const jobs = mine.data?.items ?? [];
  const jobId = params.get('jobId') ?? jobs[0]?.id ?? null;
  const { data, error, loading, reload } = useApi<TalentsForJob>(jobId ? `/api/matching/jobs/${jobId}/talents` : null, { limit: 20 });
  return (
    <>
      <PageHeader title={t('matching.talents.title')} intro={t('matching.talents.intro')} />
      <ErrorAlert error={mine.error ?? error} onRetry={mine.error ? mine.reload : reload} />
      {mine.loading && !mine.data ? <Skeleton active /> : null}
      {mine.data && jobs.length === 0 ? <Empty description={t('matching.talents.noJobs')} /> : null}
      {jobs.length > 0 ? (
        <div className="match-job-picker">
          <label htmlFor="match-job" style={{ display: 'block', marginBottom: 4 }}>
            {t('matching.talents.pickJob')}
          </label>
          <Select
            id="match-job"
            style={{ width: '100%' }}
            value={jobId ?? undefined}
            options={jobs.map((j) => ({ value: j.id, label: j.title }))}
            onChange={(v: string) => setParams({ jobId: v }, { replace: true })}
          />
        </div>
      ) : null}
      {jobId && loading && !data ? <Skeleton active /> : null}
      {data && data.items.length === 0 ? <Empty description={t('matching.talents.empty')} /> : null}
      <div className="match-list">
        {data?.items.map((item) => (
          <TalentMatchCard key={item.talent.id} item={item} job={data.job} regions={regions} />
        ))}
      </div>
    </>
  );
}
