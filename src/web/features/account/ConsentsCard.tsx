/** Current consents with switches; required ones cannot be withdrawn here (close the account instead). */
import { App, Card, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ConsentPurpose } from '../../../shared/consent.js';
import { api } from '../../api.js';
import type { AccountData, ConsentRecord } from '../../api-types.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';

const ALL: readonly ConsentPurpose[] = ['privacy_policy', 'sensitive_pi', 'profile_to_employers', 'recommendations', 'policy_notices'];
const REQUIRED: readonly ConsentPurpose[] = ['privacy_policy', 'sensitive_pi'];
const FOR_ORGANISATIONS: readonly ConsentPurpose[] = ['privacy_policy', 'policy_notices'];

function activeRecord(records: readonly ConsentRecord[], p: ConsentPurpose): ConsentRecord | undefined {
  return records.find((r) => r.purpose === p && !r.withdrawnAt);
}

function purposesFor(data: AccountData): ConsentPurpose[] {
  if (data.user.role === 'talent') return [...ALL];
  return ALL.filter((p) => FOR_ORGANISATIONS.includes(p) || data.consents.some((r) => r.purpose === p));
}

export function ConsentsCard({ data, onChange }: { data: AccountData; onChange: (d: AccountData) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [busy, setBusy] = useState<ConsentPurpose | null>(null);
  const toggle = async (purpose: ConsentPurpose, granted: boolean) => {
    setBusy(purpose);
    try {
      onChange(await api<AccountData>('/api/account/consents', { method: 'POST', body: { purpose, granted } }));
      void message.success(t('account.consentSaved'));
    } catch (err) {
      void message.error(formatError(i18n, err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title={<h2 className="card-title">{t('account.consentsTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('account.consentsIntro')}</Typography.Paragraph>
      <ul className="consent-list">
        {purposesFor(data).map((p) => {
          const rec = activeRecord(data.consents, p);
          const required = REQUIRED.includes(p);
          const id = `consent-switch-${p}`;
          return (
            <li key={p}>
              <Switch
                id={id}
                checked={Boolean(rec)}
                disabled={required && Boolean(rec)}
                loading={busy === p}
                onChange={(on) => void toggle(p, on)}
                data-testid={id}
              />
              <label htmlFor={id}>
                {t(`consents.${p}`)}
                <br />
                <Typography.Text type="secondary">
                  {rec?.grantedAt ? t('account.consentGranted', { at: dayjs(rec.grantedAt).format('YYYY-MM-DD HH:mm') }) : t('account.consentWithdrawn')}
                </Typography.Text>
                {required ? (
                  <>
                    {' '}
                    <ToneTag tone="info">{t('account.consentRequired')}</ToneTag>
                  </>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
