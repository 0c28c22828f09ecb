/** Page frame: skip link, header (banner + nav), main, footer. Pages render lazily inside main. */
import { Layout } from 'antd';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { PageSpinner } from '../auth/RequireRole.js';
import { useT } from '../i18n/I18nProvider.js';
import { AppFooter } from './AppFooter.js';
import { AppHeader } from './AppHeader.js';

/** After client-side navigation, move focus to <main> so screen readers start at the new page. */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page (pathname)
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [pathname]);
  return main;
}

export function AppLayout() {
  const t = useT();
  const main = useFocusMainOnNavigate();
  return (
    <Layout className="app">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <AppHeader />
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Suspense fallback={<PageSpinner />}>
          <Outlet />
        </Suspense>
      </main>
      <AppFooter />
    </Layout>
  );
}
