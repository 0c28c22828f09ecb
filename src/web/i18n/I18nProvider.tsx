/**
 * Language state. Only the language choice is persisted (localStorage `gancai.lang`);
 * nothing else the app knows is ever written to browser storage.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Lang, lookup, type MessageKey, type Params, translate } from './messages.js';

const STORAGE_KEY = 'gancai.lang';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Typed lookup of a key in zh-CN.ts. */
  t: (key: MessageKey, params?: Params) => string;
  /** Lookup of a key built at run time (e.g. `orgStatus.${status}`); `fallback` when it does not exist. */
  tx: (key: string, fallback: string, params?: Params) => string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function storeLang(lang: Lang) {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage can be unavailable inside some in-app browsers; the choice then lasts for this page only
  }
}

function applyDayjsLocale(lang: Lang): Lang {
  dayjs.locale(lang === 'en-US' ? 'en' : 'zh-cn');
  return lang;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => applyDayjsLocale(readStoredLang()));

  useEffect(() => {
    document.documentElement.lang = lang === 'en-US' ? 'en' : 'zh-CN';
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(applyDayjsLocale(next));
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      tx: (key, fallback, params) => {
        const text = lookup(lang, key);
        return text === undefined ? fallback : translate(lang, key, params);
      },
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The `t` function of the current language. */
export function useT() {
  return useI18n().t;
}
