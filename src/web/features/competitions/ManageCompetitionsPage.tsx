/** 竞赛管理 (official): competitions of the region, and a new draft from a template per competition type. */
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { KindTag, StatusTag } from './CompetitionBits.js';
import type { CompetitionSummary } from './types.js';

type Kind = 'innovation' | 'skills' | 'data_elements';

/** Groups, rounds, criteria, aggregation and awards a new competition of each type starts with. */
const TEMPLATES: Record<Kind, Record<string, unknown>> = {
  data_elements: {
    groups: ['工业制造', '现代农业', '交通运输', '医疗健康', '城市治理'].map((name, i) => ({ code: `track_${i + 1}`, name })),
    categories: [],
    rounds: [{ kind: 'preliminary', advanceCount: 10 }, { kind: 'final' }],
    criteria: [
      { code: 'innovation', name: '创新性', weight: 30 },
      { code: 'value', name: '数据价值与应用成效', weight: 40 },
      { code: 'feasibility', name: '可行性与可推广性', weight: 30 },
    ],
    aggregation: { method: 'trimmed', trimMinJudges: 3 },
    awards: [
      { name: '一等奖', count: 1 },
      { name: '二等奖', count: 3 },
    ],
  },
  innovation: {
    groups: [
      { code: 'startup', name: '初创组', rule: { maxCompanyAgeYears: 5 } },
      { code: 'growth', name: '成长组', rule: { minCompanyAgeYears: 1 } },
    ],
    categories: [
      { code: 'ngit', name: '新一代信息技术' },
      { code: 'bio', name: '生物医药' },
      { code: 'advanced_mfg', name: '先进制造' },
    ],
    rounds: [{ kind: 'preliminary', advanceCount: 20 }, { kind: 'semi_final', advanceCount: 8 }, { kind: 'final' }],
    criteria: [
      { code: 'tech', name: '技术及创新性', weight: 30 },
      { code: 'market', name: '商业模式及市场前景', weight: 30 },
      { code: 'team', name: '团队', weight: 20 },
      { code: 'finance', name: '财务及融资', weight: 20 },
    ],
    aggregation: { method: 'trimmed', trimMinJudges: 5 },
    awards: [{ name: '优胜奖', count: 10 }],
    rules: { entrant: 'team', minMembers: 2, maxMembers: 8, requireOrganisation: true, membersInRegion: false },
  },
  skills: {
    groups: [{ code: 'staff', name: '职工组' }],
    categories: [],
    rounds: [{ kind: 'final' }],
    criteria: [
      { code: 'theory', name: '理论知识', weight: 30 },
      { code: 'practice', name: '实际操作', weight: 70 },
    ],
    aggregation: { method: 'trimmed', trimMinJudges: 5 },
    awards: [{ name: '一等奖', count: 3, grantsLevel: true }],
    rules: { entrant: 'individual', minMembers: 1, maxMembers: 1, requireOrganisation: false, membersInRegion: false },
    occupationCode: '4-04-05-05',
    levelCode: '3',
    provincialManaged: true,
  },
};

interface CreateForm {
  kind: Kind;
  title: string;
  organiser: string;
  regionCode: string;
  deadline: { endOf(u: string): { toISOString(): string } };
  description: string;
  occupationCode?: string;
}

export function ManageCompetitionsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ items: CompetitionSummary[] }>('/api/competitions/manage');
  const cmd = useCommand();
  const [form] = Form.useForm<CreateForm>();
  const kind = Form.useWatch('kind', form);
  const create = async (v: CreateForm) => {
    const body = {
      ...TEMPLATES[v.kind],
      kind: v.kind,
      title: v.title,
      organiser: v.organiser,
      regionCode: v.regionCode,
      description: v.description,
      registrationDeadline: v.deadline.endOf('day').toISOString(),
      ...(v.kind === 'skills' && v.occupationCode ? { occupationCode: v.occupationCode } : {}),
    };
    const res = await cmd.run(() => api<{ id: string }>('/api/competitions', { method: 'POST', body }));
    if (res) {
      void message.success(t('competitions.manage.created'));
      navigate(`/manage/competitions/${res.id}`);
    }
  };
  return (
    <>
      <PageHeader title={t('competitions.manage.title')} intro={t('competitions.manage.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<CompetitionSummary>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        dataSource={data?.items ?? []}
        style={{ marginBottom: 24 }}
        columns={[
          { title: t('competitions.manage.titleField'), dataIndex: 'title', render: (v: string, r) => <Link to={`/manage/competitions/${r.id}`}>{v}</Link> },
          { title: t('competitions.manage.kind'), dataIndex: 'kind', render: (v: string) => <KindTag kind={v} /> },
          { title: '', dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
        ]}
      />
      <Card title={t('competitions.manage.create')}>
        <Form<CreateForm>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'data_elements', regionCode: me?.user.regionCode }}
          onFinish={(v) => void create(v)}
        >
          <Form.Item name="kind" label={t('competitions.manage.kind')} rules={[{ required: true }]}>
            <Select
              options={(['data_elements', 'innovation', 'skills'] as const).map((k) => ({ value: k, label: t(`competitions.kind.${k}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('competitions.manage.titleField')} rules={[{ required: true, min: 4, max: 80 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="organiser" label={t('competitions.manage.organiser')} rules={[{ required: true, min: 2 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="regionCode" label={t('competitions.manage.region')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
              <Input />
            </Form.Item>
            <Form.Item name="deadline" label={t('competitions.manage.deadline')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            {kind === 'skills' ? (
              <Form.Item name="occupationCode" label="职业编码" initialValue="4-04-05-05">
                <Input />
              </Form.Item>
            ) : null}
          </Space>
          <Form.Item name="description" label={t('competitions.manage.description')} rules={[{ required: true, min: 10 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={cmd.busy}>
            {t('competitions.manage.create')}
          </Button>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('competitions.detail.tieRule')}
          </Typography.Paragraph>
        </Form>
      </Card>
    </>
  );
}
