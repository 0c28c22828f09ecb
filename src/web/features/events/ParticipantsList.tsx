/** 参会单位与岗位: each approved employer with links to its postings. */
import { Card, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useSalaryText } from '../jobs/JobBits.js';
import type { ParticipantView } from './event-types.js';

export function ParticipantsList({ participants }: { participants: ParticipantView[] }) {
  const { t } = useI18n();
  const salary = useSalaryText();
  const shown = participants.filter((p) => p.status === 'approved');
  return (
    <Card title={<h2 className="event-h2">{t('events.detail.participants')}</h2>} style={{ marginTop: 16 }} data-testid="event-participants">
      {shown.length === 0 ? <Empty description={t('events.detail.noParticipants')} /> : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {shown.map((p) => (
          <section key={p.id} aria-label={t('events.detail.jobsOf', { org: p.orgName })}>
            <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
              {p.orgName}
            </Typography.Title>
            {p.jobs.length === 0 ? (
              <Typography.Text type="secondary">{t('events.detail.noJobs')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={p.jobs}
                renderItem={(j) => (
                  <List.Item>
                    <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                    <Typography.Text type="secondary">{salary(j.salaryMinFen, j.salaryMaxFen)}</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </section>
        ))}
      </Space>
    </Card>
  );
}
