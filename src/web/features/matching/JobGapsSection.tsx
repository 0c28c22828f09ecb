/** 技能差距 on a live job's page, for a signed-in talent: what they lack for it and where to learn it (the panel of 为你推荐). */
import { Typography } from 'antd';
import { useAuth } from '../../auth/AuthProvider.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { GapPanel } from './GapPanel.js';
import './matching.css';

export function JobGapsSection({ jobId }: { jobId: string }) {
  const { t } = useI18n();
  const { me } = useAuth();
  if (me?.user.role !== 'talent') return null;
  return (
    <section aria-labelledby="job-gaps" style={{ marginTop: 24 }} data-testid="job-gaps">
      <Typography.Title level={2} id="job-gaps" style={{ fontSize: 20 }}>
        {t('matching.gaps.title')}
      </Typography.Title>
      <GapPanel jobId={jobId} />
    </section>
  );
}
