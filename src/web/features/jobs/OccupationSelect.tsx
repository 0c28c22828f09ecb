/** Searchable 细类 (level 4) occupation picker over /api/catalog/occupations?level=4&q=…; the value is the code. */
import { Select } from 'antd';
import { useState } from 'react';
import type { Occupation, Paged } from '../../api-types.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useDebounced } from './useDebounced.js';
import { useOccupationName } from './useOccupationName.js';

interface Props {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
}

export function OccupationSelect({ id, value, onChange }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const { data, loading } = useApi<Paged<Occupation>>('/api/catalog/occupations', { level: 4, q: query, pageSize: 30 });
  const currentName = useOccupationName(value);
  const label = (o: Pick<Occupation, 'code' | 'name' | 'isDigital'>) =>
    `${o.name}（${o.code}）${o.isDigital ? ` · ${t('catalog.occupations.digitalTag')}` : ''}`;
  const options = (data?.items ?? []).map((o) => ({ value: o.code, label: label(o) }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName ? `${currentName}（${value}）` : value });
  return (
    <Select
      id={id}
      value={value}
      onChange={(code?: string) => onChange?.(code)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      loading={loading}
      placeholder={t('jobs.form.occupationPlaceholder')}
      options={options}
      notFoundContent={loading ? t('app.loading') : t('common.empty')}
      onBlur={() => setQ('')}
    />
  );
}
