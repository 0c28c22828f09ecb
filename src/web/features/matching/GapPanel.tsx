/** 技能差距: the missing skills for a job or occupation, most important first, each with how to learn it. */
import { List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApi } from '../../components/useApi.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { yuanText } from '../jobs/job-format.js';
import type { Gaps } from './matching-types.js';

export function GapPanel({ jobId, occupationCode }: { jobId?: string; occupationCode?: string }) {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<Gaps>('/api/matching/gaps', jobId ? { jobId } : { occupationCode: occupationCode ?? '' });
  const level = (l: string | null) => (l ? t(`jobs.skillLevels.${l}` as MessageKey) : t('matching.levelUnknown'));
  if (loading && !data) return <Skeleton active paragraph={{ rows: 2 }} />;
  return (
    <section className="gap-panel" aria-label={t('matching.gaps.title')}>
      <ErrorAlert error={error} onRetry={reload} />
      {data && data.missing.length === 0 && data.levelGaps.length === 0 ? <Typography.Text type="success">{t('matching.gaps.none')}</Typography.Text> : null}
      {data && data.missing.length > 0 ? (
        <List
          size="small"
          dataSource={data.missing}
          renderItem={(g) => (
            <List.Item key={g.key}>
              <div style={{ width: '100%' }}>
                <Space size={[6, 4]} wrap>
                  <Typography.Text strong>{g.name}</Typography.Text>
                  <ToneTag tone={g.importance === 'required' ? 'warning' : 'neutral'}>{t(`matching.${g.importance}`)}</ToneTag>
                  {g.requiredLevel ? <Tag>{level(g.requiredLevel)}</Tag> : null}
                  <Typography.Text type="secondary">
                    {g.share !== null
                      ? t('matching.gaps.share', { percent: Math.round(g.share * 100) })
                      : t('matching.gaps.weight', { percent: Math.round(g.weight * 100) })}
                  </Typography.Text>
                </Space>
                <div className="gap-learn">
                  {g.learning.occupations.length > 0 ? (
                    <div>{t('matching.gaps.usedBy', { names: g.learning.occupations.map((o) => o.name).join('、') })}</div>
                  ) : null}
                  {g.learning.cluster ? <div>{t('matching.gaps.cluster', { name: g.learning.cluster.name })}</div> : null}
                  {g.learning.courses.length > 0 ? (
                    <div className="gap-courses">
                      <Typography.Text>{t('matching.gaps.courses')}：</Typography.Text>
                      <ul>
                        {g.learning.courses.map((c) => (
                          <li key={c.id}>
                            <Link to={`/training/classes/${c.id}`}>{c.title}</Link>
                            <Typography.Text type="secondary"> {t('matching.gaps.courseMeta', { provider: c.providerName, date: c.startsOn })}</Typography.Text>
                            {c.subsidyFen ? <ToneTag tone="success">{t('matching.gaps.courseSubsidy', { amount: yuanText(c.subsidyFen) })}</ToneTag> : null}
                          </li>
                        ))}
                      </ul>
                    </div>
                  ) : (
                    <Typography.Text type="secondary">{t('matching.gaps.noCourses')}</Typography.Text>
                  )}
                </div>
              </div>
            </List.Item>
          )}
        />
      ) : null}
      {data && data.levelGaps.length > 0 ? (
        <div className="gap-levels">
          <Typography.Text strong>{t('matching.gaps.levelGaps')}</Typography.Text>
          <Space size={[4, 4]} wrap style={{ marginLeft: 8 }}>
            {data.levelGaps.map((g) => (
              <ToneTag key={g.key} tone="warning">
                {t('matching.levelGap', { name: g.name, required: level(g.requiredLevel), declared: level(g.declaredLevel) })}
              </ToneTag>
            ))}
          </Space>
        </div>
      ) : null}
    </section>
  );
}
