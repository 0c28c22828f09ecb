/** 机构主页 (public): a provider's classes, completion rate, later-employment rate and trainee ratings. */
import { Card, Col, List, Rate, Result, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import '../events/events.css';
import { ClassStatusTag, Fee, ProgrammeTag } from './TrainingBits.js';
import type { ProviderPage } from './training-types.js';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export function ProviderPublicPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useApi<ProviderPage>(`/api/training/providers/${id}`);
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <Result status="404" title={<h1 className="result-title">{t('errors.NOT_FOUND')}</h1>} />;
  }
  const f = data?.figures;
  return (
    <>
      <PageHeader title={data?.provider.name ?? t('training.detail.providerPage')} intro={data?.provider.regionName ?? undefined} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data && f ? (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={8}>
              <Card size="small" data-testid="provider-completion">
                <Statistic
                  title={t('training.provider.completionRate')}
                  value={pct(f.completionRate) ?? '—'}
                  suffix={f.completionRate === null ? undefined : '%'}
                />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small">
                <Statistic
                  title={t('training.provider.employmentRate')}
                  value={pct(f.employmentRate) ?? '—'}
                  suffix={f.employmentRate === null ? undefined : '%'}
                />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small">
                <Statistic
                  title={t('training.provider.rating')}
                  value={f.ratingAvg === null ? t('training.provider.noData') : t('training.provider.ratingValue', { avg: f.ratingAvg, n: f.ratings })}
                />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary">
            {t('training.provider.basis', { completed: f.completed, judged: f.judged, hired: f.hiredWithinWindow })}
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card size="small" title={<h2 className="event-h2">{t('training.provider.classes')}</h2>}>
                <List
                  dataSource={data.classes}
                  renderItem={(c) => (
                    <List.Item>
                      <List.Item.Meta
                        title={<Link to={`/training/classes/${c.id}`}>{c.name}</Link>}
                        description={
                          <>
                            <ProgrammeTag type={c.programmeType} /> <ClassStatusTag status={c.status} /> {c.startsOn} – {c.endsOn} · <Fee fen={c.feeFen} />
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card size="small" title={<h2 className="event-h2">{t('training.provider.comments')}</h2>}>
                <List
                  dataSource={data.comments}
                  locale={{ emptyText: t('training.provider.noData') }}
                  renderItem={(c) => (
                    <List.Item>
                      <div>
                        <Rate disabled value={c.stars} style={{ fontSize: 14 }} /> <Typography.Text type="secondary">{c.className}</Typography.Text>
                        {c.comment ? <Typography.Paragraph style={{ margin: 0 }}>{c.comment}</Typography.Paragraph> : null}
                      </div>
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </>
  );
}
