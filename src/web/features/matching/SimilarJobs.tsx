/** 相似岗位 on a job's detail page (public): live jobs like this one, with their shared skills. */
import { Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useApi } from '../../components/useApi.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSalaryText } from '../jobs/JobBits.js';
import type { JobMatch } from './matching-types.js';
import './matching.css';

export function SimilarJobs({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const salary = useSalaryText();
  const { data, loading } = useApi<{ items: JobMatch[] }>(`/api/matching/jobs/${jobId}/similar`, { limit: 6 });
  if (loading && !data) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="similar-jobs" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="similar-jobs" style={{ fontSize: 20 }}>
        {t('matching.similar.title')}
      </Typography.Title>
      <div className="match-list">
        {data.items.map(({ job, reasons }) => (
          <article key={job.id} className="match-card" data-testid="similar-job">
            <div className="match-card-main">
              <h3 className="match-card-title">
                <Link to={`/jobs/${job.id}`}>{job.title}</Link>
              </h3>
              <div className="match-meta">
                <span className="job-salary">{salary(job.salaryMinFen, job.salaryMaxFen)}</span>
                <span>{job.orgName}</span>
              </div>
              <Space size={[4, 4]} wrap style={{ marginTop: 4 }}>
                {reasons.matchedSkills.map((m) => (
                  <ToneTag key={m.key} tone="success">
                    {m.name}
                  </ToneTag>
                ))}
              </Space>
            </div>
          </article>
        ))}
      </div>
    </section>
  );
}
