/** One talent in the pool: masked name, education, experience, skills with levels, wishes, and the invite button. */
import { Button, Card, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../i18n/I18nProvider.js';
import { yuanText } from '../jobs/job-format.js';
import { InvitationStatusTag } from './InvitationStatusTag.js';
import type { TalentItem, TalentSearchResult } from './talentpool-types.js';

interface Props {
  item: TalentItem;
  names: TalentSearchResult['names'];
  onInvite: (item: TalentItem) => void;
}

export function TalentCard({ item, names, onInvite }: Props) {
  const { t } = useI18n();
  const education = [...item.education].sort((a, b) => a.educationCode.localeCompare(b.educationCode))[0];
  const latest = item.invitations[0];
  const titleId = `talent-${item.talentId}`;
  return (
    <Card data-testid="talent-card" aria-labelledby={titleId}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <div className="talentpool-card-head">
          <Typography.Title level={2} id={titleId} style={{ fontSize: 18, margin: 0 }}>
            {item.displayName}
          </Typography.Title>
          <Space wrap size={[8, 4]}>
            {latest ? <InvitationStatusTag status={latest.status} /> : null}
            <Button
              type="primary"
              onClick={() => onInvite(item)}
              aria-label={t('talentpool.search.inviteTo', { name: item.displayName })}
              data-testid="talent-invite"
            >
              {t('talentpool.search.invite')}
            </Button>
          </Space>
        </div>
        <Typography.Text>
          {education
            ? [names.education[education.educationCode] ?? education.educationCode, education.school, education.major].filter(Boolean).join(' · ')
            : '—'}
        </Typography.Text>
        <Typography.Text type="secondary">
          {item.experienceYears > 0 ? t('talentpool.search.years', { years: item.experienceYears }) : t('talentpool.search.noExperience')}
          {item.workHistory[0] ? ` · ${item.workHistory[0].title}` : ''}
        </Typography.Text>
        {item.desiredOccupations.length ? <Typography.Text>{item.desiredOccupations.map((c) => names.occupations[c] ?? c).join('、')}</Typography.Text> : null}
        <div>
          {item.skills.map((s) => (
            <Tag key={s.skillId ?? s.name}>
              {s.name}
              {s.level ? `（${t(`jobs.skillLevels.${s.level}`)}）` : ''}
            </Tag>
          ))}
          {item.certificates.map((c) => (
            <Tag key={c.name} color={c.verified ? 'green' : undefined}>
              {c.name}（{c.verified ? t('talentpool.search.verified') : t('talentpool.search.unverified')}）
            </Tag>
          ))}
        </div>
        <Typography.Text type="secondary">
          {[
            item.desiredCities.length
              ? t('talentpool.search.desiredCities', { cities: item.desiredCities.map((c) => names.regions[c] ?? c).join('、') })
              : null,
            item.desiredSalaryMinFen !== null ? t('talentpool.search.desiredSalary', { salary: yuanText(item.desiredSalaryMinFen) }) : null,
            t('talentpool.search.updatedAt', { date: dayjs(item.updatedAt).format('YYYY-MM-DD') }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
