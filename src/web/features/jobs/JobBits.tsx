/** Small pieces shared by the jobs pages: status tag, salary text, skill tags, vetting findings. */
import { Alert, Space, Tag } from 'antd';
import type { JobSkill, JobStatus } from '../../../shared/jobs.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Tone } from '../../theme.js';
import { yuanText } from './job-format.js';
import type { VettingFinding } from './job-types.js';

const STATUS_TONE: Record<JobStatus, Tone> = {
  draft: 'neutral',
  pending_review: 'info',
  returned: 'warning',
  published: 'success',
  closed: 'neutral',
  expired: 'neutral',
};

export function JobStatusTag({ status }: { status: JobStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`jobs.status.${status}`)}</ToneTag>;
}

/** "8,500–12,000 元/月", or one amount when min equals max. */
export function useSalaryText() {
  const { t } = useI18n();
  return (minFen: number, maxFen: number) =>
    minFen === maxFen ? t('jobs.card.salaryFixed', { amount: yuanText(minFen) }) : t('jobs.card.salaryRange', { min: yuanText(minFen), max: yuanText(maxFen) });
}

export function SkillTags({ skills, withLevel = false }: { skills: readonly JobSkill[]; withLevel?: boolean }) {
  const { t } = useI18n();
  if (skills.length === 0) return <span>—</span>;
  return (
    <Space size={[4, 4]} wrap>
      {skills.map((s) => (
        <Tag key={s.skillId ?? s.name} variant="outlined">
          {s.name}
          {withLevel && s.level ? ` · ${t(`jobs.skillLevels.${s.level}`)}` : ''}
        </Tag>
      ))}
    </Space>
  );
}

export function useFindingText() {
  const { t } = useI18n();
  return (f: Pick<VettingFinding, 'category' | 'phrase'>) =>
    t('jobs.vetting.finding', { phrase: f.phrase, category: t(`jobs.vetting.categories.${f.category}`), law: t(`jobs.vetting.laws.${f.category}`) });
}

/** The findings as a warning list ("「限男性」可能构成性别歧视（就业促进法 第二十七条）"). */
export function VettingAlert({ findings, intro, testId }: { findings: readonly VettingFinding[]; intro?: string; testId?: string }) {
  const { t } = useI18n();
  const text = useFindingText();
  if (findings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('jobs.vetting.title')}
      data-testid={testId}
      description={
        <>
          <div>{intro ?? t('jobs.vetting.intro')}</div>
          <ul className="finding-list">
            {findings.map((f) => (
              <li key={`${f.field}-${f.start}-${f.end}`}>
                {f.field === 'title' ? t('jobs.vetting.fieldTitle') : t('jobs.vetting.fieldDescription')}：{text(f)}
              </li>
            ))}
          </ul>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
