/** 岗位详情 (public for live postings; the employer and officials of the region also see other states). */
import { Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ApplySection } from '../applications/ApplySection.js';
import { JobGapsSection } from '../matching/JobGapsSection.js';
import { SimilarJobs } from '../matching/SimilarJobs.js';
import { JobDetailBody } from './JobDetailBody.js';
import type { JobView, PublicJob } from './job-types.js';
import './jobs.css';

export function JobDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const valid = /^[0-9a-f-]{36}$/i.test(id);
  const { data, error, loading, reload } = useApi<PublicJob | JobView>(valid ? `/api/jobs/${id}` : null);
  const notFound = !valid || (error instanceof ApiError && (error.status === 404 || error.status === 400));
  if (notFound) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('jobs.detail.notFound')}</h1>}
        extra={
          <ButtonLink to="/jobs" type="primary">
            {t('jobs.detail.back')}
          </ButtonLink>
        }
      />
    );
  }
  const job = data && data.id === id ? data : undefined;
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/jobs">← {t('jobs.detail.back')}</Link>
      </div>
      <PageHeader title={job?.title ?? t('jobs.detail.title')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !job ? <Skeleton active /> : null}
      {job ? <JobDetailBody job={job} /> : null}
      {job ? <ApplySection job={job} /> : null}
      {job && job.status === 'published' ? <JobGapsSection jobId={job.id} /> : null}
      {job && job.status === 'published' ? <SimilarJobs jobId={job.id} /> : null}
    </>
  );
}
