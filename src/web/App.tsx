/** Providers: language → antd theme and locale → router → auth. */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router';
import { AuthProvider } from './auth/AuthProvider.js';
import { I18nProvider, useI18n } from './i18n/I18nProvider.js';
import { AppRoutes } from './router.js';
import { theme } from './theme.js';

function Themed() {
  const { lang } = useI18n();
  return (
    <ConfigProvider theme={theme} locale={lang === 'en-US' ? enUS : zhCN}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
