/** 产教融合共同体 (public): each community with its member schools and enterprises, joint programmes and shared training bases. */
import { Card, Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import './providers.css';

interface CommunitySummary {
  id: string;
  name: string;
  regionName: string;
  description: string;
}

interface CommunityDetail extends CommunitySummary {
  members: { orgId: string; name: string; memberRole: 'school' | 'enterprise' | 'provider' | 'research'; category: string | null }[];
  programmes: { id: string; name: string; description: string }[];
  bases: { id: string; name: string; address: string; hostName: string | null }[];
}

function CommunityCard({ id }: { id: string }) {
  const { t } = useI18n();
  const { data } = useApi<CommunityDetail>(`/api/providers/communities/${id}`);
  if (!data) return <Skeleton active />;
  return (
    <Card
      title={<h2 className="card-title">{data.name}</h2>}
      extra={<Typography.Text type="secondary">{data.regionName}</Typography.Text>}
      data-testid="community"
    >
      <Typography.Paragraph>{data.description}</Typography.Paragraph>
      <h3 className="community-heading">{t('providers.communities.members')}</h3>
      <Space wrap size={[8, 8]}>
        {data.members.map((m) => (
          <span key={m.orgId}>
            <ToneTag tone={m.memberRole === 'enterprise' ? 'info' : 'success'}>{t(`providers.memberRole.${m.memberRole}`)}</ToneTag> {m.name}
          </span>
        ))}
      </Space>
      <h3 className="community-heading">{t('providers.communities.programmes')}</h3>
      <ul className="accreditation-items">
        {data.programmes.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>：{p.description}
          </li>
        ))}
      </ul>
      <h3 className="community-heading">{t('providers.communities.bases')}</h3>
      <ul className="accreditation-items">
        {data.bases.map((b) => (
          <li key={b.id}>
            {b.name}（{b.address}
            {b.hostName ? ` · ${b.hostName}` : ''}）
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function CommunitiesPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: CommunitySummary[] }>('/api/providers/communities');
  return (
    <>
      <PageHeader title={t('providers.communities.title')} intro={t('providers.communities.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data && data.items.length === 0 ? <Empty description={t('providers.communities.empty')} /> : null}
      <Row gutter={[16, 16]}>
        {(data?.items ?? []).map((c) => (
          <Col key={c.id} xs={24} lg={12}>
            <CommunityCard id={c.id} />
          </Col>
        ))}
      </Row>
    </>
  );
}
