/** GB/T 4754 industry picker: type to search the catalogue by name or code. */
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import type { Industry, Paged } from '../api-types.js';
import { useT } from '../i18n/I18nProvider.js';

export interface IndustrySelectProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
}

const label = (i: Industry) => `${i.code} ${i.name}`;

export function IndustrySelect({ id, value, onChange }: IndustrySelectProps) {
  const t = useT();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Industry[]>([]);
  const [loading, setLoading] = useState(false);
  const chosen = useRef<Industry | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    const timer = window.setTimeout(() => {
      setLoading(true);
      api<Paged<Industry>>('/api/catalog/industries', { query: { q: q.trim(), pageSize: 50 }, signal: ctrl.signal })
        .then((r) => setItems(r.items))
        .catch(() => undefined)
        .finally(() => !ctrl.signal.aborted && setLoading(false));
    }, 250);
    return () => {
      window.clearTimeout(timer);
      ctrl.abort();
    };
  }, [q]);

  const options = items.map((i) => ({ value: i.code, label: label(i) }));
  const current = chosen.current;
  if (current && current.code === value && !items.some((i) => i.code === value)) options.unshift({ value: current.code, label: label(current) });

  return (
    <Select
      id={id}
      value={value}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      options={options}
      placeholder={t('auth.register.industryPlaceholder')}
      notFoundContent={loading ? t('app.loading') : t('common.empty')}
      onChange={(code: string | undefined) => {
        chosen.current = items.find((i) => i.code === code) ?? null;
        onChange?.(code);
      }}
      style={{ width: '100%' }}
    />
  );
}
