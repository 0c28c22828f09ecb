/**
 * Skills of a posting: a tag select searching /api/catalog/skills?q=… (free text allowed, sent as {name}),
 * and one proficiency select per chosen skill (了解 / 熟悉 / 熟练 / 精通, optional).
 */
import { Select } from 'antd';
import { useRef, useState } from 'react';
import { SkillProficiency } from '../../../shared/jobs.js';
import type { Paged } from '../../api-types.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { SkillChip } from './job-form-values.js';
import { useDebounced } from './useDebounced.js';

interface CatalogSkill {
  id: string;
  nameZh: string;
  nameEn: string;
}

interface Props {
  id?: string;
  value?: SkillChip[];
  onChange?: (value: SkillChip[]) => void;
  testId?: string;
}

const MAX_SKILLS = 20;

export function SkillsField({ id, value = [], onChange, testId }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const { data, loading } = useApi<Paged<CatalogSkill>>(query ? '/api/catalog/skills' : null, { q: query, pageSize: 20 });
  const known = useRef(new Map<string, string>());
  for (const s of data?.items ?? []) known.current.set(s.id, s.nameZh);
  const options = (query ? (data?.items ?? []) : []).map((s) => ({
    value: s.id,
    label: s.nameEn && s.nameEn !== s.nameZh ? `${s.nameZh} / ${s.nameEn}` : s.nameZh,
  }));
  for (const c of value) if (!options.some((o) => o.value === c.key)) options.push({ value: c.key, label: c.label });

  const change = (keys: string[]) => {
    const next = keys.slice(0, MAX_SKILLS).map((key): SkillChip => {
      const had = value.find((c) => c.key === key);
      if (had) return had;
      const name = known.current.get(key);
      return name ? { key, label: name, skillId: key } : { key, label: key.trim().slice(0, 40) };
    });
    onChange?.(next.filter((c) => c.label));
    setQ('');
  };
  const setLevel = (key: string, level?: SkillProficiency) =>
    onChange?.(
      value.map((c) => (c.key === key ? { key: c.key, label: c.label, ...(c.skillId ? { skillId: c.skillId } : {}), ...(level ? { level } : {}) } : c)),
    );

  const levelOptions = [
    { value: '', label: t('jobs.form.levelAny') },
    ...SkillProficiency.options.map((l) => ({ value: l, label: t(`jobs.skillLevels.${l}`) })),
  ];
  return (
    <div data-testid={testId}>
      <Select
        id={id}
        mode="tags"
        value={value.map((c) => c.key)}
        onChange={change}
        searchValue={q}
        onSearch={setQ}
        filterOption={false}
        loading={loading}
        options={options}
        placeholder={t('jobs.form.skillsPlaceholder')}
        tokenSeparators={[',', '，', '、']}
        style={{ width: '100%' }}
      />
      {value.length > 0 ? (
        <ul className="skill-levels">
          {value.map((c) => (
            <li key={c.key}>
              <span className="skill-name">{c.label}</span>
              <Select
                size="small"
                aria-label={t('jobs.form.skillLevel', { skill: c.label })}
                value={c.level ?? ''}
                options={levelOptions}
                onChange={(l: string) => setLevel(c.key, l ? (l as SkillProficiency) : undefined)}
                style={{ width: 110 }}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
