import { useEffect } from 'react';
import { useT } from '../i18n/I18nProvider.js';

/** Sets the document title to "<page> - 赣才 · 江西省数字人才服务平台". */
export function usePageTitle(title: string) {
  const t = useT();
  const site = t('app.fullName');
  useEffect(() => {
    document.title = title ? `${title} - ${site}` : site;
  }, [title, site]);
}
