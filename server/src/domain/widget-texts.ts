import type { WidgetLanguage, WidgetSettings, WidgetTextCatalog } from '../../../shared/src/wire.ts';
import { ENGLISH } from '../../../widget/src/panel/messages.ts';
import POLISH from '../../../widget/src/panel/lang/pl.ts';
import RUSSIAN from '../../../widget/src/panel/lang/ru.ts';
import { EXTRA_ENGLISH } from '../../../widget/src/panel/extras/messages.ts';
import EXTRA_POLISH from '../../../widget/src/panel/extras/lang/extras-pl.ts';
import EXTRA_RUSSIAN from '../../../widget/src/panel/extras/lang/extras-ru.ts';

/** Longer texts would break the panel's layout; a shop that needs more should use a page of its own. */
export const MAX_WIDGET_TEXT_LENGTH = 300;

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * The keys an owner may set, derived from the widget's own English texts so that the two never
 * drift: a plain text is its key (`title`); a group is `group.member` (`status.pending`), and a
 * counted word takes one key per plural category (`clicks.few`). Each key maps to the
 * placeholders its English text uses, the only ones a replacement may use.
 */
export const WIDGET_TEXT_KEYS: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const keys = new Map<string, Set<string>>();
  for (const [key, value] of Object.entries({ ...ENGLISH, ...EXTRA_ENGLISH })) {
    if (key === 'lang') continue;
    if (typeof value === 'string') {
      keys.set(key, placeholders(value));
    } else if ('other' in value) {
      const allowed = new Set(Object.values(value).flatMap((text) => [...placeholders(String(text))]));
      for (const category of PLURAL_CATEGORIES) keys.set(`${key}.${category}`, allowed);
    } else {
      for (const [member, text] of Object.entries(value)) keys.set(`${key}.${member}`, placeholders(String(text)));
    }
  }
  return keys;
})();

const BUILT_IN: Record<WidgetLanguage, Record<string, unknown>> = {
  en: { ...ENGLISH, ...EXTRA_ENGLISH },
  ru: { ...RUSSIAN, ...EXTRA_RUSSIAN },
  pl: { ...POLISH, ...EXTRA_POLISH },
};

/** Every key an owner may set, its placeholders and the built-in text of each language that has
 * one (`GET /v1/program/widget/texts`), for an editor to show what is being replaced. */
export const WIDGET_TEXT_CATALOG: WidgetTextCatalog = {
  texts: [...WIDGET_TEXT_KEYS].map(([key, allowed]) => {
    const [group, member] = key.split('.') as [string, string?];
    const builtIn: WidgetTextCatalog['texts'][number]['builtIn'] = {};
    for (const [language, texts] of Object.entries(BUILT_IN) as Array<[WidgetLanguage, Record<string, unknown>]>) {
      const value = member ? (texts[group] as Record<string, string> | undefined)?.[member] : texts[group];
      if (typeof value === 'string') builtIn[language] = value;
    }
    return { key, placeholders: [...allowed], builtIn };
  }),
};

function placeholders(text: string): Set<string> {
  return new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!));
}

export interface TextProblem {
  /** Where, as the client sent it: `texts.ru.status.pending`. */
  field: string;
  message: string;
}

/** The first problem of the owner's texts, or null. The schema has checked types and languages. */
export function widgetTextProblem(texts: WidgetSettings['texts']): TextProblem | null {
  for (const [language, byKey] of Object.entries(texts)) {
    for (const [key, text] of Object.entries(byKey ?? {})) {
      const field = `texts.${language}.${key}`;
      const allowed = WIDGET_TEXT_KEYS.get(key);
      if (!allowed) return { field, message: 'is not a text of the widget' };
      if (text.trim() === '') return { field, message: 'is empty' };
      if (text.length > MAX_WIDGET_TEXT_LENGTH) return { field, message: `is longer than ${MAX_WIDGET_TEXT_LENGTH} characters` };
      const unknown = [...placeholders(text)].find((name) => !allowed.has(name));
      if (unknown) {
        const known = [...allowed].map((name) => `{${name}}`).join(', ');
        return { field, message: `uses {${unknown}}, which this text does not have (${known || 'it has none'})` };
      }
    }
  }
  return null;
}
