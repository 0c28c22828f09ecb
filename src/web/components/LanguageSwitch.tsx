/** One button that switches between 中文 and English; the label is in the language it switches to. */
import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/I18nProvider.js';

export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  const label = compact ? (next === 'en-US' ? 'EN' : '中') : t('app.otherLanguage');
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      onClick={() => setLang(next)}
      aria-label={t('app.switchLanguage')}
      lang={next === 'en-US' ? 'en' : 'zh-CN'}
      data-testid="language-switch"
    >
      {label}
    </Button>
  );
}
