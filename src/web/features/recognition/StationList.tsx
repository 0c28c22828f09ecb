/** The stations registry list (officials act on it; hosts see their own). */
import { Empty, List, Space, Tag, Typography } from 'antd';
import { stationWorkflow } from '../../../shared/recognition.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionButtons } from './ActionButtons.js';
import { StatusTag } from './RecognitionBits.js';
import type { Station } from './recognition-types.js';

export function StationList({ items, onChanged }: { items: Station[]; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const { regions } = useRegions();
  return (
    <List
      dataSource={items}
      locale={{ emptyText: <Empty description={t('recognition.common.noData')} /> }}
      renderItem={(s) => (
        <List.Item data-testid="station-item" data-status={s.status}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <strong>{s.name}</strong>
              <Tag>{tx(`recognition.stationKind.${s.kind}`, s.kind)}</Tag>
              <StatusTag status={s.status} ns="stationStatus" />
            </Space>
            <Typography.Text type="secondary">
              {s.hostName} · {regionName(regions, s.regionCode)} · {s.field}
              {s.digitalEconomy ? ` · ${t('recognition.stations.digitalEconomy')}` : ''}
              {s.approvalDocNo ? ` · ${s.approvalDocNo}` : ''}
              {s.approvedOn ? ` · ${s.approvedOn}` : ''}
            </Typography.Text>
            {s.allowedActions.length ? (
              <ActionButtons
                actions={s.allowedActions}
                workflow={stationWorkflow}
                url={(a) => `/api/recognition/stations/${s.id}/transitions/${a}`}
                onDone={onChanged}
              />
            ) : null}
          </Space>
        </List.Item>
      )}
    />
  );
}
