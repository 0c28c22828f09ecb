/**
 * The configuration sections of the competition form: groups/tracks with their eligibility, industry
 * categories, occupation and level, rounds, weighted criteria (must add up to 100), aggregation, awards and
 * eligibility rules. Each list row labels its inputs with its number, so screen readers and tests find them.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { type CompetitionKind, RoundKind } from '../../../shared/competitions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { OccupationSelect } from '../jobs/OccupationSelect.js';
import { weightCheck } from './competition-form.js';

const LEVELS = ['5', '4', '3', '2', '1'] as const;
const ELIGIBILITY = [
  { key: 'maxCompanyAgeYears', label: 'competitions.form.maxAge', precision: 0 },
  { key: 'minCompanyAgeYears', label: 'competitions.form.minAge', precision: 0 },
  { key: 'maxRevenueWan', label: 'competitions.form.maxRevenue', precision: 2 },
  { key: 'minRevenueWan', label: 'competitions.form.minRevenue', precision: 2 },
] as const;
const row = { marginBottom: 8 } as const;

function Section({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
    </Card>
  );
}

function RemoveButton({ n, onClick, disabled }: { n: number; onClick: () => void; disabled?: boolean }) {
  const { t } = useI18n();
  return <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('competitions.form.removeRow', { n })} onClick={onClick} disabled={disabled} />;
}

function AddButton({ onClick, testId }: { onClick: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Button icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {t('competitions.form.add')}
    </Button>
  );
}

export function GroupsSection({ kind }: { kind: CompetitionKind }) {
  const { t } = useI18n();
  const eligibility = kind === 'innovation';
  const required = [{ required: true, message: t('validation.required', { field: t('competitions.form.groupName') }) }];
  return (
    <Section title={t('competitions.form.groups')} testId="form-groups">
      {eligibility ? <Typography.Paragraph type="secondary">{t('competitions.form.groupsHint')}</Typography.Paragraph> : null}
      <Form.List name="groups">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} wrap gap={8} align="flex-start" style={row}>
                <Form.Item name={[f.name, 'name']} rules={required} style={{ flex: '1 1 160px', marginBottom: 0 }}>
                  <Input aria-label={`${t('competitions.form.groupName')} ${i + 1}`} maxLength={40} />
                </Form.Item>
                {eligibility ? (
                  <Flex wrap gap={8} style={{ flexBasis: '100%', order: 1 }}>
                    {ELIGIBILITY.map(({ key, label, precision }) => (
                      <Form.Item key={key} name={[f.name, key]} label={t(label)} style={{ marginBottom: 0 }}>
                        <InputNumber
                          aria-label={`${t(label)} ${i + 1}`}
                          min={0}
                          max={key.endsWith('Years') ? 100 : undefined}
                          precision={precision}
                          style={{ width: 170 }}
                        />
                      </Form.Item>
                    ))}
                  </Flex>
                ) : null}
                <RemoveButton n={i + 1} onClick={() => remove(f.name)} disabled={fields.length <= 1} />
              </Flex>
            ))}
            <AddButton onClick={() => add({ name: '' })} testId="group-add" />
          </>
        )}
      </Form.List>
    </Section>
  );
}

export function CategoriesSection() {
  const { t } = useI18n();
  return (
    <Section title={t('competitions.form.categories')} testId="form-categories">
      <Form.List name="categories">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="flex-start" style={row}>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, message: t('competitions.form.categoryName') }]}
                  style={{ flex: 1, marginBottom: 0 }}
                >
                  <Input aria-label={`${t('competitions.form.categoryName')} ${i + 1}`} maxLength={40} />
                </Form.Item>
                <RemoveButton n={i + 1} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <AddButton onClick={() => add({ name: '' })} testId="category-add" />
          </>
        )}
      </Form.List>
    </Section>
  );
}

export function SkillsSection() {
  const { t } = useI18n();
  return (
    <Section title={`${t('competitions.form.occupation')} / ${t('competitions.form.level')}`} testId="form-skills">
      <Form.Item name="occupationCode" label={t('competitions.form.occupation')} rules={[{ required: true, message: t('competitions.form.occupation') }]}>
        <OccupationSelect />
      </Form.Item>
      <Form.Item name="levelCode" label={t('competitions.form.level')} rules={[{ required: true, message: t('competitions.form.level') }]}>
        <Select options={LEVELS.map((l) => ({ value: l, label: t(`certificates.level.${l}`) }))} />
      </Form.Item>
      <Form.Item name="provincialManaged" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('competitions.form.provincialManaged')}</Checkbox>
      </Form.Item>
    </Section>
  );
}

export function RoundsSection() {
  const { t } = useI18n();
  return (
    <Section title={t('competitions.form.rounds')} testId="form-rounds">
      <Typography.Paragraph type="secondary">{t('competitions.form.advanceHint')}</Typography.Paragraph>
      <Form.List name="rounds">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} wrap gap={8} align="flex-start" style={row}>
                <Form.Item name={[f.name, 'kind']} style={{ flex: '1 1 120px', marginBottom: 0 }}>
                  <Select
                    aria-label={t('competitions.form.roundKind', { n: i + 1 })}
                    options={RoundKind.options.map((k) => ({ value: k, label: t(`competitions.round.${k}`) }))}
                  />
                </Form.Item>
                {i < fields.length - 1 ? (
                  <Form.Item name={[f.name, 'advanceCount']} style={{ marginBottom: 0 }}>
                    <InputNumber
                      aria-label={t('competitions.form.advanceCount', { n: i + 1 })}
                      placeholder={t('competitions.form.advanceCount', { n: i + 1 })}
                      min={1}
                      max={1000}
                      precision={0}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                ) : null}
                <RemoveButton n={i + 1} onClick={() => remove(f.name)} disabled={fields.length <= 1} />
              </Flex>
            ))}
            {fields.length < RoundKind.options.length ? <AddButton onClick={() => add({ kind: 'final' })} testId="round-add" /> : null}
          </>
        )}
      </Form.List>
    </Section>
  );
}

export function CriteriaSection() {
  const { t } = useI18n();
  const criteria = Form.useWatch('criteria') as { weight?: number }[] | undefined;
  const { sum, ok } = weightCheck(criteria);
  return (
    <Section
      title={t('competitions.form.criteria')}
      testId="form-criteria"
      extra={
        <Typography.Text type={ok ? 'success' : 'danger'} data-testid="weight-sum">
          {t('competitions.form.weightSum', { sum })}
        </Typography.Text>
      }
    >
      <Form.List
        name="criteria"
        rules={[
          {
            validator: async (_, rows: { weight?: number }[] | undefined) => {
              const check = weightCheck(rows);
              if (!check.ok) throw new Error(t('competitions.form.weightError', { sum: check.sum }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} wrap gap={8} align="flex-start" style={row}>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, message: t('competitions.form.criterionName', { n: i + 1 }) }]}
                  style={{ flex: '1 1 120px', marginBottom: 0 }}
                >
                  <Input aria-label={t('competitions.form.criterionName', { n: i + 1 })} maxLength={40} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'weight']}
                  rules={[{ required: true, message: t('competitions.form.weight', { n: i + 1 }) }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber aria-label={t('competitions.form.weight', { n: i + 1 })} min={1} max={100} precision={0} suffix="%" style={{ width: 100 }} />
                </Form.Item>
                <RemoveButton n={i + 1} onClick={() => remove(f.name)} disabled={fields.length <= 1} />
              </Flex>
            ))}
            <Form.Item style={{ marginBottom: 0 }}>
              {fields.length < 10 ? <AddButton onClick={() => add({ name: '', weight: undefined })} testId="criterion-add" /> : null}
              <div role="alert">
                <Form.ErrorList errors={errors} />
              </div>
            </Form.Item>
          </>
        )}
      </Form.List>
    </Section>
  );
}

export function AggregationSection() {
  const { t } = useI18n();
  const method = Form.useWatch('aggregationMethod');
  return (
    <Section title={t('competitions.form.aggregation')} testId="form-aggregation">
      <Form.Item name="aggregationMethod" style={row}>
        <Radio.Group
          options={[
            { value: 'trimmed', label: t('competitions.form.aggTrimmed') },
            { value: 'mean', label: t('competitions.form.aggMean') },
          ]}
        />
      </Form.Item>
      {method === 'trimmed' ? (
        <Form.Item name="trimMinJudges" label={t('competitions.form.trimMin')} style={{ marginBottom: 0 }}>
          <InputNumber min={3} max={50} precision={0} />
        </Form.Item>
      ) : null}
    </Section>
  );
}

export function AwardsSection({ grantsLevel }: { grantsLevel: boolean }) {
  const { t } = useI18n();
  return (
    <Section title={t('competitions.form.awards')} testId="form-awards">
      <Form.List name="awards">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} wrap gap={8} align="center" style={row}>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, message: t('competitions.form.awardName', { n: i + 1 }) }]}
                  style={{ flex: '1 1 140px', marginBottom: 0 }}
                >
                  <Input aria-label={t('competitions.form.awardName', { n: i + 1 })} maxLength={30} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'count']}
                  rules={[{ required: true, message: t('competitions.form.awardCount', { n: i + 1 }) }]}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber aria-label={t('competitions.form.awardCount', { n: i + 1 })} min={1} max={100} precision={0} style={{ width: 100 }} />
                </Form.Item>
                {grantsLevel ? (
                  <Form.Item name={[f.name, 'grantsLevel']} valuePropName="checked" style={{ marginBottom: 0 }}>
                    <Checkbox>{t('competitions.form.grantsLevel')}</Checkbox>
                  </Form.Item>
                ) : null}
                <RemoveButton n={i + 1} onClick={() => remove(f.name)} disabled={fields.length <= 1} />
              </Flex>
            ))}
            {fields.length < 10 ? <AddButton onClick={() => add({ name: '', count: 1 })} testId="award-add" /> : null}
          </>
        )}
      </Form.List>
    </Section>
  );
}

export function RulesSection() {
  const { t } = useI18n();
  return (
    <Section title={t('competitions.form.rules')} testId="form-rules">
      <Form.Item name="entrant" label={t('competitions.form.entrant')}>
        <Radio.Group
          options={[
            { value: 'team', label: t('competitions.form.entrantTeam') },
            { value: 'individual', label: t('competitions.form.entrantIndividual') },
            { value: 'either', label: t('competitions.form.entrantEither') },
          ]}
        />
      </Form.Item>
      <Flex wrap gap={16}>
        <Form.Item name="minMembers" label={t('competitions.form.minMembers')}>
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
        <Form.Item
          name="maxMembers"
          label={t('competitions.form.maxMembers')}
          dependencies={['minMembers']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, max?: number) => {
                const min = getFieldValue('minMembers') as number | undefined;
                if (typeof min === 'number' && typeof max === 'number' && min > max) throw new Error(t('competitions.form.membersRange'));
              },
            }),
          ]}
        >
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
      </Flex>
      <Form.Item name="requireOrganisation" valuePropName="checked" style={row}>
        <Checkbox>{t('competitions.form.requireOrganisation')}</Checkbox>
      </Form.Item>
      <Form.Item name="membersInRegion" valuePropName="checked" style={{ marginBottom: 0 }}>
        <Checkbox>{t('competitions.form.membersInRegion')}</Checkbox>
      </Form.Item>
    </Section>
  );
}
