/** A match's score and reasons as tags: matched (green), missing (orange), level gaps, location, salary, occupation. */
import { Progress, Space, Tooltip } from 'antd';
import type { MatchParts, MatchReasons as Reasons } from '../../../shared/matching.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';

const PART_KEYS: (keyof MatchParts)[] = ['skills', 'occupation', 'location', 'salary', 'education', 'experience', 'certificates', 'freshness'];

export function ScoreBadge({ score, parts }: { score: number; parts: MatchParts }) {
  const { t } = useI18n();
  const detail = PART_KEYS.map((k) => `${t(`matching.parts.${k}` as MessageKey)} ${Math.round(parts[k] * 100)}`).join(' · ');
  return (
    <Tooltip title={detail}>
      <span className="match-score">
        <Progress type="circle" percent={score} size={48} format={(p) => p} aria-label={t('matching.score', { score })} />
      </span>
    </Tooltip>
  );
}

export function ReasonTags({ reasons, side }: { reasons: Reasons; side: 'talent' | 'employer' }) {
  const { t } = useI18n();
  const level = (l: string | null) => (l ? t(`jobs.skillLevels.${l}` as MessageKey) : t('matching.levelUnknown'));
  return (
    <Space size={[4, 4]} wrap className="match-reasons">
      {reasons.matchedSkills.map((m) => (
        <ToneTag key={`m-${m.key}`} tone="success">
          {m.declaredLevel ? t('matching.matchedLevel', { name: m.name, level: level(m.declaredLevel) }) : t('matching.matched', { name: m.name })}
        </ToneTag>
      ))}
      {reasons.missingSkills.map((m) => (
        <ToneTag key={`x-${m.key}`} tone={m.importance === 'required' ? 'warning' : 'neutral'}>
          {m.relatedTo ? t('matching.missingRelated', { name: m.name, related: m.relatedTo }) : t('matching.missing', { name: m.name })}
          {m.importance === 'required' ? ` · ${t('matching.required')}` : ''}
        </ToneTag>
      ))}
      {reasons.levelGaps.map((g) => (
        <ToneTag key={`l-${g.key}`} tone="warning">
          {t(side === 'talent' ? 'matching.levelGap' : 'matching.levelGapEmployer', {
            name: g.name,
            required: level(g.requiredLevel),
            declared: level(g.declaredLevel),
          })}
        </ToneTag>
      ))}
      <ToneTag tone="info">{t(`matching.location.${reasons.location}` as MessageKey)}</ToneTag>
      <ToneTag tone={reasons.salary === 'below' ? 'error' : 'info'}>{t(`matching.salary.${reasons.salary}` as MessageKey)}</ToneTag>
      <ToneTag tone="neutral">{t(`matching.occupation.${reasons.occupation}` as MessageKey)}</ToneTag>
      {reasons.experience === 'below' ? <ToneTag tone="warning">{t('matching.experience.below')}</ToneTag> : null}
      {reasons.certificates.map((c) => (
        <ToneTag key={`c-${c.name}`} tone="digital">
          {t('matching.certificate', { name: c.name })}（{c.verified ? t('matching.certificateVerified') : t('matching.certificateDeclared')}）
        </ToneTag>
      ))}
    </Space>
  );
}
