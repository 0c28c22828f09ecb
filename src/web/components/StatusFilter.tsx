/** A labelled status filter: "all" plus each state of a workflow, translated. */
import { Select } from 'antd';
import { useI18n } from '../i18n/I18nProvider.js';

export interface StatusFilterProps {
  id: string;
  value: string;
  onChange: (status: string) => void;
  states: readonly string[];
  stateLabel: (state: string) => string;
}

export function StatusFilter({ id, value, onChange, states, stateLabel }: StatusFilterProps) {
  const { t } = useI18n();
  return (
    <div className="filter-item">
      <label htmlFor={id}>{t('fields.status')}</label>
      <Select
        id={id}
        value={value}
        onChange={onChange}
        options={[{ value: '', label: t('common.all') }, ...states.map((s) => ({ value: s, label: stateLabel(s) }))]}
      />
    </div>
  );
}
