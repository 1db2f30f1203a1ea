import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
// The chosen language only (never a credential) is remembered in the browser.
const STORED = 'loa.language';

function initial(): Language {
  const saved = localStorage.getItem(STORED);
  return saved === 'en' ? 'en' : 'vi';
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});
document.documentElement.lang = i18n.language;

export function setLanguage(lang: Language): void {
  localStorage.setItem(STORED, lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
