/** The history of a workflow entity (who took which step, from which state to which, and why), oldest first. */
import { Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import type { WorkflowHistoryEntry } from '../api-types.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';

export interface WorkflowHistoryProps {
  history: readonly WorkflowHistoryEntry[];
  /** i18n key of the sentence, with {actor} {action} {from} {to}. */
  lineKey: MessageKey;
  emptyText: string;
  stateLabel: (state: string) => string;
  actionLabel: (action: string) => string;
}

export function WorkflowHistory({ history, lineKey, emptyText, stateLabel, actionLabel }: WorkflowHistoryProps) {
  const { t, tx } = useI18n();
  if (history.length === 0) return <Empty description={emptyText} />;
  const state = (s: string | null) => (s && s !== 'null' ? stateLabel(s) : '—');
  const items = history.map((h, i) => ({
    key: `${h.at}-${i}`,
    title: dayjs(h.at).format('YYYY-MM-DD HH:mm'),
    content: (
      <>
        <div>
          {t(lineKey, {
            actor: h.actorRole ? tx(`roles.${h.actorRole}`, h.actorRole) : '—',
            action: actionLabel(h.action),
            from: state(h.fromState),
            to: state(h.toState),
          })}
        </div>
        {h.reason ? (
          <Typography.Text type="secondary">
            {t('fields.reason')}：{h.reason}
          </Typography.Text>
        ) : null}
      </>
    ),
  }));
  return <Timeline items={items} />;
}
