import { createSignal } from 'solid-js';
import { en, vi, type MessageKey } from './messages.js';

export type Locale = 'vi' | 'en';
export type { MessageKey };

const STORAGE_KEY = 'locale';
const initial: Locale = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
const [locale, setLocaleSignal] = createSignal<Locale>(initial);
document.documentElement.lang = initial;

export { locale };

export function setLocale(next: Locale) {
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  setLocaleSignal(next);
}

/** Reactive translation: components re-render when the locale changes. */
export function t(key: MessageKey): string {
  return (locale() === 'vi' ? vi : en)[key];
}

/** A message with `{name}` slots filled in. */
export function fill(key: MessageKey, values: Record<string, string | number>): string {
  return t(key).replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}

/** A bilingual text from the domain (role labels, API messages) in the current language. */
export function pick(message: { vi: string; en: string }): string {
  return message[locale()];
}
