/**
 * Consent checkboxes, one per purpose. Required purposes must be ticked; sensitive PI has its own
 * checkbox (PIPL art. 29). The form value is the list of ticked purposes.
 */
import { Button, Checkbox, Form, Typography } from 'antd';
import { useState } from 'react';
import type { ConsentPurpose } from '../../../shared/consent.js';
import { useT } from '../../i18n/I18nProvider.js';
import { PrivacyPolicyModal } from '../legal/PrivacyPage.js';

export function ConsentFields({ purposes, required }: { purposes: readonly ConsentPurpose[]; required: readonly ConsentPurpose[] }) {
  const t = useT();
  const [policyOpen, setPolicyOpen] = useState(false);
  return (
    <fieldset className="consents">
      <legend>
        <Typography.Text strong>{t('consents.title')}</Typography.Text>
      </legend>
      {purposes.includes('sensitive_pi') ? <Typography.Paragraph type="secondary">{t('consents.sensitiveNote')}</Typography.Paragraph> : null}
      <Button type="link" onClick={() => setPolicyOpen(true)} style={{ paddingInline: 0 }}>
        {t('consents.readPolicy')}
      </Button>
      <PrivacyPolicyModal open={policyOpen} onClose={() => setPolicyOpen(false)} />
      {purposes.map((p) => (
        <Form.Item
          key={p}
          name={['consentFlags', p]}
          valuePropName="checked"
          style={{ marginBottom: 8 }}
          rules={
            required.includes(p) ? [{ validator: (_r, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(t('consents.requiredMissing')))) }] : []
          }
        >
          <Checkbox data-testid={`consent-${p}`}>{t(`consents.${p}`)}</Checkbox>
        </Form.Item>
      ))}
    </fieldset>
  );
}

/** { consentFlags: { privacy_policy: true, … } } → ['privacy_policy', …] */
export function tickedConsents(flags: Partial<Record<ConsentPurpose, boolean>> | undefined): ConsentPurpose[] {
  return Object.entries(flags ?? {})
    .filter(([, v]) => v)
    .map(([k]) => k as ConsentPurpose);
}
