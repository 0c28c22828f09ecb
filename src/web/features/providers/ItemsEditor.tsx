/** Form.List of occupations, each with the levels applied for (五级 … 一级). Value: [{ occupationCode, levels }]. */
import { Button, Checkbox, Form } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';
import { OccupationSelect } from '../jobs/OccupationSelect.js';
import type { AccreditationItemView } from './providers-types.js';

export interface ItemRow {
  occupationCode?: string;
  levels?: string[];
}

const LEVELS = ['5', '4', '3', '2', '1'] as const;

/** Rows → the API's flat items. */
export function flattenItems(rows: ItemRow[] | undefined): { occupationCode: string; levelCode: string }[] {
  return (rows ?? []).flatMap((r) =>
    r.occupationCode ? (r.levels ?? []).map((levelCode) => ({ occupationCode: r.occupationCode as string, levelCode })) : [],
  );
}

/** The API's items → rows, one per occupation. */
export function groupItems(items: AccreditationItemView[]): ItemRow[] {
  const rows = new Map<string, string[]>();
  for (const i of items) rows.set(i.occupationCode, [...(rows.get(i.occupationCode) ?? []), i.levelCode]);
  return [...rows].map(([occupationCode, levels]) => ({ occupationCode, levels }));
}

export function ItemsEditor() {
  const { t } = useI18n();
  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: async (_, rows: ItemRow[] | undefined) => {
            if (flattenItems(rows).length === 0) throw new Error(t('providers.mine.itemsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <div className="accreditation-item-row" key={field.key} data-testid={`item-row-${index}`}>
              <Form.Item
                name={[field.name, 'occupationCode']}
                label={t('providers.mine.occupation')}
                rules={[{ required: true, message: t('providers.mine.itemsRequired') }]}
                style={{ flex: '1 1 240px', marginBottom: 0 }}
              >
                <OccupationSelect />
              </Form.Item>
              <Form.Item name={[field.name, 'levels']} label={t('providers.mine.levels')} style={{ marginBottom: 0 }}>
                <Checkbox.Group options={LEVELS.map((l) => ({ value: l, label: t(`skillcatalog.level.${l}`) }))} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(field.name)}>
                {t('providers.mine.removeItem')}
              </Button>
            </div>
          ))}
          <Button onClick={() => add({ levels: ['5'] })} data-testid="item-add">
            {t('providers.mine.addItem')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
