import { warn } from '../warn.ts';
import { ENGLISH, type Messages } from './messages.ts';

/**
 * The built-in languages besides English, by primary language subtag. Each is its own chunk
 * (`panel-ru-{hash}.js`), fetched from next to the panel only for a page in that language: the
 * panel stays within its budget, and an English page downloads no Russian.
 */
const LANGUAGES: Record<string, () => Promise<{ default: Messages }>> = {
  ru: () => import('./lang/ru.ts'),
  pl: () => import('./lang/pl.ts'),
};

/** The language to show: `data-lang`, then `<html lang>`, then the browser's. */
export function pageLanguage(dataLang: string | undefined): string {
  return dataLang || document.documentElement.lang || navigator.language;
}

/**
 * The built-in texts for a BCP 47 tag (`pl-PL` → Polish): English for a language we do not have,
 * or (with a warning) when its chunk cannot be loaded. The browser keeps an imported chunk, so
 * later renders cost nothing.
 */
export async function messagesFor(lang: string): Promise<Messages> {
  try {
    return (await LANGUAGES[lang.split('-')[0]!.toLowerCase()]?.())?.default ?? ENGLISH;
  } catch (error) {
    warn(error);
    return ENGLISH;
  }
}
