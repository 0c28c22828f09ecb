/** The applicant's profile as the employer sees it: no contact details, declared certificates marked unverified. */
import { Descriptions, Typography } from 'antd';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useEducationLevels } from '../jobs/useEducationLevels.js';
import type { ApplicationView } from './application-types.js';

export function ApplicantDetails({ item }: { item: ApplicationView }) {
  const { t } = useI18n();
  const levels = useEducationLevels();
  const a = item.applicant;
  if (!a) return null;
  const level = (code: string) => levels?.find((l) => l.code === code)?.name ?? code;
  const items = [
    {
      key: 'education',
      label: t('profile.education'),
      children: a.education.map((e) => `${level(e.educationCode)} · ${e.school} ${e.major} (${e.graduationYear})`).join('；') || '—',
    },
    {
      key: 'work',
      label: t('applications.received.workHistory'),
      children: a.workHistory.map((w) => `${w.employerName} · ${w.title} (${w.fromMonth}–${w.toMonth ?? ''})`).join('；') || '—',
    },
    {
      key: 'certificates',
      label: t('applications.received.certificates'),
      children: a.certificates.length
        ? a.certificates.map((c) => (
            <div key={`${c.name}-${c.number}`}>
              {c.name} {c.issuer ? `· ${c.issuer}` : ''} <ToneTag tone="neutral">{t('profile.unverified')}</ToneTag>
            </div>
          ))
        : '—',
    },
  ];
  return (
    <>
      {item.coverNote ? (
        <Typography.Paragraph>
          <strong>{t('applications.received.coverNote')}：</strong>
          {item.coverNote}
        </Typography.Paragraph>
      ) : null}
      <Descriptions column={1} size="small" items={items} />
    </>
  );
}
