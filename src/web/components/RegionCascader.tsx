/** Region picker: 设区市 → 县（市、区）. The form value is the chosen region's code. */
import { Cascader } from 'antd';
import { useMemo } from 'react';
import { useT } from '../i18n/I18nProvider.js';
import { regionPath, regionTree, useRegions } from './regions.js';

export interface RegionCascaderProps {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Allow choosing the province or a city (staff accounts); citizens choose a county or 赣江新区. */
  anyLevel?: boolean;
  placeholder?: string;
  'aria-describedby'?: string;
}

export function RegionCascader({ id, value, onChange, anyLevel = false, placeholder, ...aria }: RegionCascaderProps) {
  const t = useT();
  const { regions } = useRegions();
  const options = useMemo(() => (regions ? regionTree(regions, anyLevel) : []), [regions, anyLevel]);
  const path = useMemo(() => (regions && value ? regionPath(regions, value, anyLevel) : []), [regions, value, anyLevel]);
  return (
    <Cascader
      id={id}
      options={options}
      value={path}
      loading={!regions}
      changeOnSelect={anyLevel}
      showSearch
      placeholder={placeholder ?? t('auth.register.regionPlaceholder')}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined)}
      style={{ width: '100%' }}
      {...aria}
    />
  );
}
