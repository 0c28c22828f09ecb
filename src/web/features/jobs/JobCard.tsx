/** One search result: highlighted title, salary, employer, region, tags, published date. */
import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSalaryText } from './JobBits.js';
import { splitHighlight } from './job-format.js';
import type { JobSearchItem } from './job-types.js';
import { MarkedText } from './MarkedText.js';

export function JobCard({ job }: { job: JobSearchItem }) {
  const { t } = useI18n();
  const salary = useSalaryText();
  return (
    <article className="job-card" data-testid="job-card">
      <div className="job-card-head">
        <h2 className="job-card-title">
          <Link to={`/jobs/${job.id}`} data-testid="job-title">
            <MarkedText parts={splitHighlight(job.highlight.title)} />
          </Link>
        </h2>
        <span className="job-salary">{salary(job.salaryMinFen, job.salaryMaxFen)}</span>
      </div>
      <div className="job-meta">
        <span>{job.orgName ?? '—'}</span>
        <span aria-hidden>·</span>
        <span>{job.regionName ?? job.regionCode}</span>
        {job.occupationName ? (
          <>
            <span aria-hidden>·</span>
            <span>{job.occupationName}</span>
          </>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="job-summary">
        {job.summary}
      </Typography.Paragraph>
      <div className="job-card-foot">
        <Space size={[4, 4]} wrap>
          {job.isDigital ? <ToneTag tone="digital">{t('jobs.card.digital')}</ToneTag> : null}
          {job.skills.slice(0, 6).map((s) => (
            <Tag key={s} variant="outlined">
              {s}
            </Tag>
          ))}
        </Space>
        {job.publishedAt ? (
          <Typography.Text type="secondary" className="job-date">
            {t('jobs.card.published', { date: dayjs(job.publishedAt).format('YYYY-MM-DD') })}
          </Typography.Text>
        ) : null}
      </div>
    </article>
  );
}
