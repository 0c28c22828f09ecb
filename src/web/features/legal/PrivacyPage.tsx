import { PRIVACY_POLICY_VERSION } from '../../../shared/consent.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { privacyEn } from './legal.en-US.js';
import { privacyZh } from './legal.zh-CN.js';
import { Modal } from 'antd';
import { LegalPage, LegalSections } from './LegalPage.js';

export const PRIVACY_POLICY_DATE = '2026-11-27';

export function PrivacyPage() {
  const { lang, t } = useI18n();
  const meta = t('legal.updated', { version: PRIVACY_POLICY_VERSION, date: PRIVACY_POLICY_DATE });
  return <LegalPage doc={lang === 'en-US' ? privacyEn : privacyZh} meta={meta} />;
}

/** The privacy policy in a dialog, so it can be read while filling in a registration form. */
export function PrivacyPolicyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { lang, t } = useI18n();
  const doc = lang === 'en-US' ? privacyEn : privacyZh;
  return (
    <Modal
      open={open}
      title={doc.title}
      onCancel={onClose}
      onOk={onClose}
      okText={t('common.close')}
      cancelButtonProps={{ style: { display: 'none' } }}
      width={760}
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="legal" style={{ maxHeight: '60vh', overflow: 'auto' }} tabIndex={0} aria-label={doc.title}>
        <p>{t('legal.updated', { version: PRIVACY_POLICY_VERSION, date: PRIVACY_POLICY_DATE })}</p>
        <LegalSections doc={doc} />
      </section>
    </Modal>
  );
}
