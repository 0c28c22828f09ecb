/** 新建 / 编辑培训班 (provider): the whole class with its sessions in one form; the server checks everything again. */
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ClassMode, EngineerGrade, ProgrammeType } from '../../../shared/training.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import type { ClassDetail } from './training-types.js';

interface Values {
  name: string;
  programmeType: ProgrammeType;
  engineerGrade?: EngineerGrade;
  occupationCode?: string;
  levelCode?: string;
  skillIds: string[];
  sessions: { time: [Dayjs, Dayjs]; topic: string }[];
  capacity: number;
  mode: ClassMode;
  venue?: string;
  onlineUrl?: string;
  regionCode: string;
  feeYuan: number;
  hasExam: boolean;
  attendanceThreshold: number;
  description: string;
}

function toBody(v: Values) {
  return {
    name: v.name,
    programmeType: v.programmeType,
    engineerGrade: v.programmeType === 'digital_engineer' ? (v.engineerGrade ?? null) : null,
    occupationCode: v.occupationCode?.trim() || null,
    levelCode: v.occupationCode?.trim() ? (v.levelCode ?? null) : null,
    skillIds: v.skillIds.map((s) => s.trim()).filter(Boolean),
    sessions: v.sessions.map((s) => ({ startsAt: s.time[0].toISOString(), endsAt: s.time[1].toISOString(), topic: s.topic })),
    capacity: v.capacity,
    mode: v.mode,
    venue: v.mode === 'offline' ? (v.venue ?? null) : null,
    onlineUrl: v.mode === 'online' ? v.onlineUrl?.trim() || null : null,
    regionCode: v.regionCode,
    feeFen: Math.round(v.feeYuan * 100),
    hasExam: v.hasExam,
    attendanceThreshold: v.attendanceThreshold,
    description: v.description,
  };
}

function toValues(c: ClassDetail): Values {
  return {
    name: c.name,
    programmeType: c.programmeType,
    engineerGrade: (c.engineerGrade as EngineerGrade | null) ?? undefined,
    occupationCode: c.occupationCode ?? undefined,
    levelCode: c.levelCode ?? undefined,
    skillIds: c.skillIds,
    sessions: c.sessions.map((s) => ({ time: [dayjs(s.startsAt), dayjs(s.endsAt)], topic: s.topic })),
    capacity: c.capacity,
    mode: c.mode,
    venue: c.venue ?? undefined,
    onlineUrl: c.onlineUrl ?? undefined,
    regionCode: c.regionCode,
    feeYuan: c.feeFen / 100,
    hasExam: c.hasExam,
    attendanceThreshold: c.attendanceThreshold,
    description: c.description,
  };
}

export function ClassFormPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { id } = useParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const programme = Form.useWatch('programmeType', form);
  const mode = Form.useWatch('mode', form);
  const { data: existing, loading } = useApi<ClassDetail>(id ? `/api/training/classes/${id}` : null);
  const { busy, error, run } = useCommand();
  useEffect(() => {
    if (existing) form.setFieldsValue(toValues(existing));
  }, [existing, form]);
  const save = async (v: Values) => {
    const saved = await run(() =>
      id
        ? api<ClassDetail>(`/api/training/classes/${id}`, { method: 'PATCH', body: toBody(v) })
        : api<ClassDetail>('/api/training/classes', { method: 'POST', body: toBody(v) }),
    );
    if (saved) {
      void message.success(t('training.form.saved'));
      navigate(`/provider/classes/${saved.id}`);
    }
  };
  const required = (field: string) => [{ required: true, message: t('validation.required', { field }) }];
  return (
    <>
      <PageHeader title={id ? t('training.form.editTitle') : t('training.form.createTitle')} />
      {id && loading ? <Skeleton active /> : null}
      <Card style={{ maxWidth: 820 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void save(v)}
          initialValues={{
            programmeType: 'digital_skills',
            mode: 'offline',
            capacity: 40,
            feeYuan: 0,
            hasExam: false,
            attendanceThreshold: 80,
            skillIds: [],
            sessions: [{ topic: '' }],
            regionCode: me?.user.regionCode,
          }}
          data-testid="class-form"
        >
          <Form.Item name="name" label={t('training.form.name')} rules={[...required(t('training.form.name')), { min: 4, max: 80 }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Flex wrap gap={16}>
            <Form.Item name="programmeType" label={t('training.form.programme')} rules={required(t('training.form.programme'))} style={{ minWidth: 220 }}>
              <Select options={ProgrammeType.options.map((p) => ({ value: p, label: t(`training.programme.${p}`) }))} data-testid="class-programme" />
            </Form.Item>
            {programme === 'digital_engineer' ? (
              <Form.Item name="engineerGrade" label={t('training.form.grade')} rules={required(t('training.form.grade'))} style={{ minWidth: 140 }}>
                <Select options={EngineerGrade.options.map((g) => ({ value: g, label: t(`training.grade.${g}`) }))} data-testid="class-grade" />
              </Form.Item>
            ) : null}
          </Flex>
          <Flex wrap gap={16}>
            <Form.Item
              name="occupationCode"
              label={t('training.form.occupation')}
              extra={t('training.form.occupationHint')}
              rules={[
                ...(programme === 'digital_engineer' ? required(t('training.form.occupation')) : []),
                { pattern: /^\d-\d{2}-\d{2}-\d{2}$/, message: t('training.form.occupationHint') },
              ]}
              style={{ minWidth: 240 }}
            >
              <Input maxLength={10} placeholder="2-02-38-01" data-testid="class-occupation" />
            </Form.Item>
            <Form.Item name="levelCode" label={t('training.form.level')} style={{ minWidth: 180 }}>
              <Select
                allowClear
                options={['5', '4', '3', '2', '1'].map((l) => ({ value: l, label: t(`training.level.${l as '5'}`) }))}
                data-testid="class-level"
              />
            </Form.Item>
          </Flex>
          <Form.Item name="skillIds" label={t('training.form.skills')} extra={t('training.form.skillsHint')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
          </Form.Item>
          <Form.List name="sessions">
            {(fields, { add, remove }) => (
              <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
                <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('training.form.sessions')}</legend>
                {fields.map((f, i) => (
                  <Flex key={f.key} wrap gap={8} align="start" data-testid="class-session">
                    <Form.Item name={[f.name, 'time']} rules={required(t('training.form.sessionTime'))} style={{ minWidth: 300, flex: 1 }}>
                      <DatePicker.RangePicker
                        showTime={{ format: 'HH:mm' }}
                        format="YYYY-MM-DD HH:mm"
                        style={{ width: '100%' }}
                        aria-label={`${t('training.form.sessionTime')} ${i + 1}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'topic']}
                      rules={[...required(t('training.form.topic')), { min: 2, max: 100 }]}
                      style={{ minWidth: 180, flex: 1 }}
                    >
                      <Input placeholder={t('training.form.topic')} aria-label={`${t('training.form.topic')} ${i + 1}`} maxLength={100} />
                    </Form.Item>
                    {fields.length > 1 ? <Button onClick={() => remove(f.name)}>{t('training.form.removeSession')}</Button> : null}
                  </Flex>
                ))}
                <Button onClick={() => add({ topic: '' })} data-testid="class-add-session">
                  {t('training.form.addSession')}
                </Button>
              </fieldset>
            )}
          </Form.List>
          <Flex wrap gap={16}>
            <Form.Item name="mode" label={t('training.form.mode')} style={{ minWidth: 140 }}>
              <Select options={ClassMode.options.map((m) => ({ value: m, label: t(`training.mode.${m}`) }))} />
            </Form.Item>
            <Form.Item name="regionCode" label={t('training.form.region')} rules={required(t('training.form.region'))} style={{ minWidth: 240 }}>
              <RegionCascader anyLevel />
            </Form.Item>
          </Flex>
          {mode === 'online' ? (
            <Form.Item
              name="onlineUrl"
              label={t('training.form.onlineUrl')}
              rules={[...required(t('training.form.onlineUrl')), { pattern: /^https?:\/\/\S+$/, message: t('training.form.urlInvalid') }]}
            >
              <Input inputMode="url" maxLength={500} placeholder="https://" />
            </Form.Item>
          ) : (
            <Form.Item name="venue" label={t('training.form.venue')} rules={required(t('training.form.venue'))}>
              <Input maxLength={200} data-testid="class-venue" />
            </Form.Item>
          )}
          <Flex wrap gap={16}>
            <Form.Item name="capacity" label={t('training.form.capacity')} rules={required(t('training.form.capacity'))}>
              <InputNumber min={1} max={10000} precision={0} />
            </Form.Item>
            <Form.Item name="feeYuan" label={t('training.form.fee')} rules={required(t('training.form.fee'))}>
              <InputNumber min={0} max={1000000} precision={2} />
            </Form.Item>
            <Form.Item name="attendanceThreshold" label={t('training.form.threshold')}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
          </Flex>
          <Form.Item name="hasExam" valuePropName="checked">
            <Checkbox>{t('training.form.hasExam')}</Checkbox>
          </Form.Item>
          <Form.Item name="description" label={t('training.form.description')} rules={[...required(t('training.form.description')), { min: 10, max: 5000 }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="class-save">
            {t('training.form.save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
