import { Layout } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider.js';

export function AppFooter() {
  const t = useT();
  return (
    <Layout.Footer className="app-footer">
      <nav aria-label={t('app.footerNav')}>
        <ul className="footer-links">
          <li>
            <Link to="/policies">{t('policies.nav.list')}</Link>
          </li>
          <li>
            <Link to="/policies/notices">{t('policies.notices.title')}</Link>
          </li>
          <li>
            <Link to="/wages">{t('wages.nav.wages')}</Link>
          </li>
          <li>
            <Link to="/open-data">{t('wages.nav.openData')}</Link>
          </li>
          <li>
            <Link to="/sources">{t('nav.sources')}</Link>
          </li>
          <li>
            <Link to="/privacy">{t('nav.privacy')}</Link>
          </li>
          <li>
            <Link to="/about">{t('nav.about')}</Link>
          </li>
        </ul>
      </nav>
      <p>{t('app.copyright', { year: new Date().getFullYear() })}</p>
      <p>{t('app.footerNote')}</p>
    </Layout.Footer>
  );
}
