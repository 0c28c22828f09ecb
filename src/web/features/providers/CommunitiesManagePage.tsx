/**
 * 产教融合共同体 management (人社 officials): the communities of the official's region with a form for a new
 * one, and one community's page where members, joint programmes and shared training bases are added.
 */
import { App, Button, Card, Col, Empty, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CommunityMemberRole } from '../../../shared/providers.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import './providers.css';

type MemberRole = (typeof CommunityMemberRole.options)[number];
const MEMBER_ROLES: readonly MemberRole[] = ['school', 'enterprise', 'provider', 'research'];

interface CommunitySummary {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  leadName: string;
  description: string;
  memberCount: number;
}

interface CommunityDetail {
  id: string;
  name: string;
  regionName: string;
  description: string;
  leadOrgId: string;
  members: { orgId: string; name: string; kind: string; memberRole: MemberRole }[];
  programmes: { id: string; name: string; description: string }[];
  bases: { id: string; name: string; address: string; hostName: string | null }[];
  canManage: boolean;
}

interface OrgOption {
  id: string;
  name: string;
  kind: string;
  uscc: string;
  regionName: string | null;
}

/** A region code's prefix: 360000 → 36, 360700 → 3607, 360702 → 360702. */
function regionPrefix(code: string): string {
  return code.replace(/(00)+$/, '');
}

/** A verified organisation of the official's region, searched by name or 统一社会信用代码 (the API takes its id). */
function OrgSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const { data, loading } = useApi<{ items: OrgOption[] }>('/api/organisations', { status: 'verified', pageSize: 50, ...(q ? { q } : {}) });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      loading={loading}
      placeholder={t('providers.manage.orgPlaceholder')}
      showSearch={{ filterOption: false, onSearch: (s) => setQ(s.trim()) }}
      options={(data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.uscc}）` }))}
      notFoundContent={loading ? null : t('providers.manage.noOrg')}
    />
  );
}

export function CommunitiesManagePage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<{ items: CommunitySummary[] }>('/api/providers/communities');
  const [saveError, setSaveError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const prefix = regionPrefix(me?.user.regionCode ?? '');
  const mine = (data?.items ?? []).filter((c) => c.regionCode.startsWith(prefix));

  async function create(values: { name: string; leadOrgId: string; description: string }) {
    setSaving(true);
    setSaveError(undefined);
    try {
      const created = await api<{ id: string }>('/api/providers/communities', { method: 'POST', body: values });
      void message.success(t('providers.manage.created'));
      navigate(`/manage/communities/${created.id}`);
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PageHeader title={t('providers.manage.title')} intro={t('providers.manage.intro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            title={<h2 className="card-title">{t('providers.manage.listTitle')}</h2>}
            extra={<Link to="/communities">{t('providers.manage.publicLink')}</Link>}
          >
            <ErrorAlert error={error} onRetry={reload} />
            {loading && !data ? <Skeleton active /> : null}
            {data && mine.length === 0 ? <Empty description={t('providers.communities.empty')} /> : null}
            <ul className="community-manage-list" data-testid="managed-communities">
              {mine.map((c) => (
                <li key={c.id}>
                  <Link to={`/manage/communities/${c.id}`}>{c.name}</Link>
                  <Typography.Text type="secondary" className="community-manage-meta">
                    {t('providers.manage.summary', { region: c.regionName, lead: c.leadName, n: c.memberCount })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={<h2 className="card-title">{t('providers.manage.createTitle')}</h2>}>
            <ErrorAlert error={saveError} />
            <Form layout="vertical" name="community" onFinish={create} data-testid="community-form">
              <Form.Item name="name" label={t('providers.manage.name')} rules={[{ required: true, whitespace: true, min: 4, max: 80 }]}>
                <Input maxLength={80} />
              </Form.Item>
              <Form.Item name="leadOrgId" label={t('providers.communities.lead')} rules={[{ required: true }]}>
                <OrgSelect />
              </Form.Item>
              <Form.Item name="description" label={t('providers.manage.description')} rules={[{ required: true, whitespace: true, min: 10, max: 2000 }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="community-create">
                {t('providers.manage.create')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** One of the three add forms: posts to the community and shows the answer's error, translated. */
function AddCard<V extends object>({
  title,
  name,
  path,
  onSaved,
  children,
}: {
  title: string;
  name: string;
  path: string;
  onSaved: (d: CommunityDetail) => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  async function submit(values: V) {
    setSaving(true);
    setError(undefined);
    try {
      onSaved(await api<CommunityDetail>(path, { method: 'POST', body: values }));
      form.resetFields();
      void message.success(t('providers.manage.added'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }
  return (
    <Card title={<h2 className="card-title">{title}</h2>}>
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" name={name} onFinish={submit} data-testid={`${name}-form`}>
        {children}
        <Button type="primary" htmlType="submit" loading={saving} data-testid={`${name}-submit`}>
          {t('providers.manage.add')}
        </Button>
      </Form>
    </Card>
  );
}

export function CommunityManagePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data: loaded, error, loading, reload } = useApi<CommunityDetail>(`/api/providers/communities/${id}`);
  const [updated, setUpdated] = useState<CommunityDetail>();
  const data = updated?.id === id ? updated : loaded;
  return (
    <>
      <PageHeader title={data?.name ?? t('providers.manage.title')} intro={data?.regionName} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Link to="/manage/communities">{t('providers.manage.back')}</Link>
        <Link to="/communities">{t('providers.manage.publicLink')}</Link>
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={<h2 className="card-title">{t('providers.communities.members')}</h2>} data-testid="community-detail">
              <Typography.Paragraph>{data.description}</Typography.Paragraph>
              <ul className="accreditation-items" data-testid="community-members">
                {data.members.map((m) => (
                  <li key={m.orgId}>
                    <ToneTag tone={m.memberRole === 'enterprise' ? 'info' : 'success'}>{t(`providers.memberRole.${m.memberRole}`)}</ToneTag> {m.name}
                    {m.orgId === data.leadOrgId ? `（${t('providers.communities.lead')}）` : ''}
                  </li>
                ))}
              </ul>
              <h3 className="community-heading">{t('providers.communities.programmes')}</h3>
              <ul className="accreditation-items" data-testid="community-programmes">
                {data.programmes.map((p) => (
                  <li key={p.id}>
                    <strong>{p.name}</strong>：{p.description}
                  </li>
                ))}
              </ul>
              <h3 className="community-heading">{t('providers.communities.bases')}</h3>
              <ul className="accreditation-items" data-testid="community-bases">
                {data.bases.map((b) => (
                  <li key={b.id}>
                    {b.name}（{b.address}
                    {b.hostName ? ` · ${b.hostName}` : ''}）
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
          {data.canManage ? (
            <Col xs={24} lg={12}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <AddCard title={t('providers.manage.addMember')} name="member" path={`/api/providers/communities/${id}/members`} onSaved={setUpdated}>
                  <Form.Item name="orgId" label={t('providers.manage.org')} rules={[{ required: true }]}>
                    <OrgSelect />
                  </Form.Item>
                  <Form.Item name="memberRole" label={t('providers.manage.memberRole')} rules={[{ required: true }]}>
                    <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`providers.memberRole.${r}`) }))} />
                  </Form.Item>
                </AddCard>
                <AddCard title={t('providers.manage.addProgramme')} name="programme" path={`/api/providers/communities/${id}/programmes`} onSaved={setUpdated}>
                  <Form.Item name="name" label={t('providers.manage.programmeName')} rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}>
                    <Input maxLength={80} />
                  </Form.Item>
                  <Form.Item name="description" label={t('providers.manage.description')} rules={[{ required: true, whitespace: true, min: 5, max: 2000 }]}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                </AddCard>
                <AddCard title={t('providers.manage.addBase')} name="base" path={`/api/providers/communities/${id}/bases`} onSaved={setUpdated}>
                  <Form.Item name="name" label={t('providers.manage.baseName')} rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}>
                    <Input maxLength={80} />
                  </Form.Item>
                  <Form.Item name="address" label={t('providers.manage.address')} rules={[{ required: true, whitespace: true, min: 4, max: 200 }]}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Form.Item name="hostOrgId" label={t('providers.manage.hostOrg')}>
                    <OrgSelect />
                  </Form.Item>
                </AddCard>
              </Space>
            </Col>
          ) : null}
        </Row>
      ) : null}
    </>
  );
}
