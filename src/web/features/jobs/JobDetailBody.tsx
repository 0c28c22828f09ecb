/** A posting's facts, description and skills: the public detail page and the official's review drawer. */
import { Descriptions, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { regionName, useRegions } from '../../components/regions.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { JobStatusTag, SkillTags, useSalaryText } from './JobBits.js';
import { markFindings, type TextPart } from './job-format.js';
import type { JobView, PublicJob } from './job-types.js';
import { isFullView } from './job-types.js';
import { MarkedText } from './MarkedText.js';
import { useEducationLevels } from './useEducationLevels.js';
import { useOccupationName } from './useOccupationName.js';

function textParts(job: PublicJob | JobView, field: 'title' | 'description', marked: boolean): TextPart[] {
  const text = job[field];
  if (!marked || !isFullView(job)) return [{ text, marked: false }];
  return markFindings(
    text,
    job.vetting.findings.filter((f) => f.field === field),
  );
}

function Facts({ job }: { job: PublicJob | JobView }) {
  const { t } = useI18n();
  const { regions } = useRegions();
  const levels = useEducationLevels();
  const occupation = useOccupationName(job.occupationCode);
  const education = job.educationCode ? (levels?.find((l) => l.code === job.educationCode)?.name ?? job.educationCode) : t('jobs.detail.educationAny');
  const experience = job.experienceYearsMin > 0 ? t('jobs.card.experience', { years: job.experienceYearsMin }) : t('jobs.card.noExperience');
  const items = [
    { key: 'employer', label: t('jobs.detail.employer'), children: job.orgName ?? '—' },
    // 受托招聘: an HR service agency posted it for this client employer
    ...(job.clientEmployerName ? [{ key: 'client', label: t('agencies.jobs.clientEmployer'), children: job.clientEmployerName }] : []),
    { key: 'region', label: t('jobs.detail.region'), children: regionName(regions, job.regionCode) },
    { key: 'occupation', label: t('jobs.detail.occupation'), children: occupation ? `${occupation}（${job.occupationCode}）` : job.occupationCode },
    { key: 'headcount', label: t('jobs.detail.headcount'), children: job.headcount },
    { key: 'workMode', label: t('jobs.detail.workMode'), children: t(`jobs.workModes.${job.workMode}`) },
    { key: 'education', label: t('jobs.detail.education'), children: education },
    { key: 'experience', label: t('jobs.detail.experience'), children: experience },
    { key: 'validity', label: t('jobs.detail.validity'), children: t('jobs.detail.validRange', { from: job.validFrom, until: job.validUntil }) },
  ];
  return <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small" bordered items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />;
}

export function JobDetailBody({ job, markVetting = false, headingLevel = 2 }: { job: PublicJob | JobView; markVetting?: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const salary = useSalaryText();
  const title = textParts(job, 'title', markVetting);
  return (
    <>
      <div className="job-detail-head">
        {markVetting ? (
          <Typography.Title level={headingLevel} style={{ fontSize: 20, marginTop: 0 }} data-testid="job-detail-title">
            <MarkedText parts={title} className="finding" />
          </Typography.Title>
        ) : null}
        <div className="job-detail-salary">{salary(job.salaryMinFen, job.salaryMaxFen)}</div>
        <Space size={[6, 6]} wrap style={{ marginTop: 8 }}>
          {job.isDigital ? <ToneTag tone="digital">{t('jobs.card.digital')}</ToneTag> : null}
          {job.clientEmployerName ? <ToneTag tone="info">{t('agencies.jobs.onBehalf', { name: job.clientEmployerName })}</ToneTag> : null}
          {job.status !== 'published' ? <JobStatusTag status={job.status} /> : null}
          {job.publishedAt ? (
            <Typography.Text type="secondary">{t('jobs.card.published', { date: dayjs(job.publishedAt).format('YYYY-MM-DD') })}</Typography.Text>
          ) : null}
        </Space>
      </div>
      <Facts job={job} />
      <Typography.Title level={headingLevel} style={{ fontSize: 18, marginTop: 24 }}>
        {t('jobs.detail.description')}
      </Typography.Title>
      <div className="job-description" data-testid="job-description">
        <MarkedText parts={textParts(job, 'description', markVetting)} className="finding" />
      </div>
      <Typography.Title level={headingLevel} style={{ fontSize: 18, marginTop: 24 }}>
        {t('jobs.detail.requirements')}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'required', label: t('jobs.detail.requiredSkills'), children: <SkillTags skills={job.requiredSkills} withLevel /> },
          { key: 'preferred', label: t('jobs.detail.preferredSkills'), children: <SkillTags skills={job.preferredSkills} withLevel /> },
        ]}
      />
    </>
  );
}
