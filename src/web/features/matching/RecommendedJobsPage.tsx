/** 为你推荐: published jobs for the signed-in talent, each with its score, reasons and a skill-gap panel. */
import { Alert, Button, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSalaryText } from '../jobs/JobBits.js';
import { GapPanel } from './GapPanel.js';
import type { JobMatch, JobsForMe } from './matching-types.js';
import { ReasonTags, ScoreBadge } from './MatchReasons.js';
import './matching.css';

function JobMatchCard({ item, regions }: { item: JobMatch; regions: ReturnType<typeof useRegions>['regions'] }) {
  const { t } = useI18n();
  const salary = useSalaryText();
  const [open, setOpen] = useState(false);
  const { job } = item;
  const hasGaps = item.reasons.missingSkills.length > 0 || item.reasons.levelGaps.length > 0;
  return (
    <article className="match-card" data-testid="match-card">
      <div className="match-card-head">
        <ScoreBadge score={item.score} parts={item.parts} />
        <div className="match-card-main">
          <h2 className="match-card-title">
            <Link to={`/jobs/${job.id}`}>{job.title}</Link>
          </h2>
          <div className="match-meta">
            <span className="job-salary">{salary(job.salaryMinFen, job.salaryMaxFen)}</span>
            <span>{job.orgName}</span>
            <span>{regionName(regions, job.regionCode)}</span>
          </div>
        </div>
      </div>
      <ReasonTags reasons={item.reasons} side="talent" />
      {hasGaps ? (
        <div className="match-card-foot">
          <Button size="small" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
            {open ? t('matching.jobsForMe.hideGaps') : t('matching.jobsForMe.gapsButton')}
          </Button>
        </div>
      ) : null}
      {open ? <GapPanel jobId={job.id} /> : null}
    </article>
  );
}

export function RecommendedJobsPage() {
  const { t } = useI18n();
  const { regions } = useRegions();
  const { data, error, loading, reload } = useApi<JobsForMe>('/api/matching/jobs-for-me', { limit: 20 });
  const sparse = Boolean(data?.items.length) && data?.items.every((i) => i.reasons.matchedSkills.length === 0);
  return (
    <>
      <PageHeader title={t('matching.jobsForMe.title')} intro={t('matching.jobsForMe.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data && !data.hasProfile ? (
        <Empty description={t('matching.jobsForMe.noProfile')}>
          <ButtonLink to="/profile" type="primary">
            {t('matching.jobsForMe.editProfile')}
          </ButtonLink>
        </Empty>
      ) : null}
      {data?.hasProfile && sparse ? <Alert type="info" showIcon title={t('matching.jobsForMe.sparse')} style={{ marginBottom: 12 }} /> : null}
      {data?.hasProfile && data.items.length === 0 ? <Empty description={t('matching.jobsForMe.empty')} /> : null}
      <div className="match-list">
        {data?.items.map((item) => (
          <JobMatchCard key={item.job.id} item={item} regions={regions} />
        ))}
      </div>
      {data?.hasProfile ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          <Link to="/profile">{t('matching.jobsForMe.editProfile')}</Link>
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
