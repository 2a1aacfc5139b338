import { warn } from '../../warn.ts';
import type { Messages } from '../messages.ts';

// Only the extras chunk merges texts: importing this from translations.ts (which the entry imports
// and which imports the language chunks) made the bundler split Preact out of the panel entry.

/**
 * `data-texts`: the shop's own wording, as JSON with the keys of `Messages`, over the built-in
 * texts. Groups (`status`, `clicks`, …) merge, so one plural form or one status can change
 * alone. A key we do not know, or a value of another type, is left out with a warning.
 */
export function withTexts(messages: Messages, json: string | undefined): Messages {
  const merged: Record<string, unknown> = { ...messages };
  try {
    const overrides = JSON.parse(json || '{}');
    for (const key in overrides) {
      const value = overrides[key];
      const base = merged[key];
      if (typeof value != typeof base || !value || Object.values(value).some((text) => typeof text != 'string')) warn('bad text ' + key);
      else merged[key] = typeof value == 'object' ? { ...base!, ...value } : value;
    }
  } catch (error) {
    warn(error);
  }
  return merged as Messages;
}
