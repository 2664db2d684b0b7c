import { create } from 'zustand';
import { en, ko, type MessageKey } from './messages';

export type Locale = 'ko' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { ko, en };
const storageKey = 'gamgyul.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useLocale = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      localStorage.setItem(storageKey, locale);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** A message with its {placeholders} filled in. */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const template = catalogs[locale][key];
  return values ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : template;
}

export function useT() {
  const locale = useLocale((state) => state.locale);
  return (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
}

/** "3분 전" / "3m ago" for recent times, the date for older ones. */
export function relativeTime(locale: Locale, iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, (now - new Date(iso).getTime()) / 1000);
  if (seconds < 60) return translate(locale, 'time.now');
  if (seconds < 3600) return translate(locale, 'time.minutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86400) return translate(locale, 'time.hours', { n: Math.floor(seconds / 3600) });
  if (seconds < 7 * 86400) return translate(locale, 'time.days', { n: Math.floor(seconds / 86400) });
  return new Date(iso).toLocaleDateString(locale === 'ko' ? 'ko-KR' : 'en-US');
}
