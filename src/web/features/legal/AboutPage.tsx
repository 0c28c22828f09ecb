import { Link } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.js';
import { aboutEn } from './legal.en-US.js';
import { aboutZh } from './legal.zh-CN.js';
import { LegalPage } from './LegalPage.js';

export function AboutPage() {
  const { lang, t } = useI18n();
  return (
    <>
      <LegalPage doc={lang === 'en-US' ? aboutEn : aboutZh} />
      <p>
        <Link to="/sources">{t('nav.sources')}</Link> · <Link to="/privacy">{t('nav.privacy')}</Link>
      </p>
    </>
  );
}
