/** Shared by the provider and review pages: status tag, the occupations-and-levels list, the history. */
import type { AccreditationStatus } from '../../../shared/providers.js';
import { ToneTag } from '../../components/ToneTag.js';
import { WorkflowHistory } from '../../components/WorkflowHistory.js';
import type { Tone } from '../../theme.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { AccreditationDetail, AccreditationItemView } from './providers-types.js';

const TONE: Record<AccreditationStatus, Tone> = {
  submitted: 'warning',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'neutral',
  suspended: 'error',
  expired: 'neutral',
};

export function AccreditationStatusTag({ status }: { status: AccreditationStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={TONE[status]}>{t(`providers.status.${status}`)}</ToneTag>;
}

/** 人工智能训练师（4-04-05-05）：五级/初级工、四级/中级工 */
export function ItemsList({ items }: { items: AccreditationItemView[] }) {
  const { t } = useI18n();
  const byOccupation = new Map<string, { name: string; levels: string[] }>();
  for (const i of items) {
    const entry = byOccupation.get(i.occupationCode) ?? { name: i.occupationName, levels: [] };
    entry.levels.push(i.levelCode);
    byOccupation.set(i.occupationCode, entry);
  }
  return (
    <ul className="accreditation-items">
      {[...byOccupation].map(([code, o]) => (
        <li key={code}>
          {o.name}（{code}）：{o.levels.map((l) => t(`skillcatalog.level.${l as '5'}`)).join('、')}
        </li>
      ))}
    </ul>
  );
}

export function AccreditationHistory({ a }: { a: AccreditationDetail }) {
  const i18n = useI18n();
  return (
    <WorkflowHistory
      history={a.history}
      lineKey="providers.review.historyLine"
      emptyText={i18n.t('providers.review.historyEmpty')}
      stateLabel={(s) => i18n.tx(`providers.status.${s}`, s)}
      actionLabel={(x) => i18n.tx(`providers.action.${x}`, x)}
    />
  );
}
