import { ConfigProvider, theme as antdTheme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { catalogues, Language, MessageKey } from './messages';

export type { Language, MessageKey } from './messages';
export type Params = Record<string, string | number | null | undefined>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Where the chosen language is kept; the API client reads it too, so the server's messages come in that language. */
export const LANGUAGE_STORAGE_KEY = 'qj.lang';

/** Fills `{name}` placeholders; a key missing from the catalogue shows itself, so a gap is visible, not blank. */
export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text: string = catalogues[language][key] ?? catalogues.zh[key] ?? key;
  return params
    ? text.replace(/\{(\w+)\}/g, (match, name: string) => (params[name] === undefined || params[name] === null ? match : String(params[name])))
    : text;
}

/** For keys built from API values (`stage.${stage}`): the value itself when the catalogue has no entry. */
export function hasKey(key: string): key is MessageKey {
  return key in catalogues.zh;
}

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** `t` for a key made of a prefix and an API value, falling back to the value. */
  tv: (prefix: string, value: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.title = translate(language, 'app.title');
  }, [language]);
  const value = useMemo<I18n>(() => {
    const t: Translate = (key, params) => translate(language, key, params);
    const tv = (prefix: string, v: string | null | undefined) => {
      if (v === null || v === undefined) return '';
      const key = `${prefix}.${v}`;
      return hasKey(key) ? t(key) : v;
    };
    return { language, setLanguage, t, tv };
  }, [language, setLanguage]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={language === 'zh' ? zhCN : enUS}
        button={{ autoInsertSpace: false }}
        theme={{
          algorithm: antdTheme.defaultAlgorithm,
          token: {
            colorPrimary: '#1f4e79',
            borderRadius: 6,
            fontFamily: `-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Segoe UI', sans-serif`,
          },
        }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
