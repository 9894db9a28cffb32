import { createI18n } from 'vue-i18n';
// The pages' texts are a bundle of the hub's message catalogue (src/main/resources/messages/portal_*.properties).
import zhCN from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';


function initialLocale() {
  // The language choice is the one thing kept in the browser (a cookie, never a token).
  if (typeof document !== 'undefined' && /(?:^|;\s*)wushe_lang=en(?:;|$)/.test(document.cookie)) return 'en';
  return 'zh-CN';
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false
});

const g = i18n.global;

/**
 * The text of a key as the page shows it: in Chinese mode the Chinese first with the English beside
 * ("发布需求 Publish need"); in English mode the English only.
 */
export function tt(key, params) {
  const p = params || {};
  const enText = g.t(key, p, { locale: 'en' });
  if (g.locale.value === 'en') return enText;
  const zh = g.t(key, p, { locale: 'zh-CN' });
  return zh && enText && zh !== enText ? `${zh} ${enText}` : zh || enText;
}

/** One language only (for aria labels and short cells): the current locale's text. */
export function t1(key, params) {
  return g.t(key, params || {});
}

/** An enum value's words, e.g. label('category', 'HOME_REPAIR') → '上门维修 Home repair'; the code when unknown. */
export function label(table, code) {
  if (code === null || code === undefined || code === '') return '';
  const key = `enum.${table}.${code}`;
  return g.te(key, 'zh-CN') ? tt(key) : String(code);
}

export function setLocale(locale) {
  g.locale.value = locale === 'en' ? 'en' : 'zh-CN';
  if (typeof document !== 'undefined') {
    document.documentElement.setAttribute('lang', g.locale.value);
    document.cookie = `wushe_lang=${g.locale.value === 'en' ? 'en' : 'zh'}; path=/; max-age=31536000; SameSite=Lax`;
  }
}

export function currentLocale() {
  return g.locale.value;
}


/** Is there a text for this key? */
export function te(key) {
  return g.te(key, 'zh-CN');
}
