import type { WidgetSettings } from '../../../../shared/src/wire.ts';

/**
 * The owner's widget settings (`PUT /v1/program/widget`), applied under the script tag's own
 * `data-texts` and `data-theme`, which the panel applies afterwards and so win.
 */

/** Flat keys over the texts: `title`, or `status.pending` / `clicks.few` inside a group. */
export function withOwnerTexts<T extends object>(messages: T, texts: Record<string, string> | undefined): T {
  const merged = { ...messages } as Record<string, unknown>;
  for (const [key, text] of Object.entries(texts ?? {})) {
    const [group, member] = key.split('.') as [string, string?];
    // The server checked the keys; one a newer server knows and this panel does not is skipped.
    if (!(group in merged)) continue;
    merged[group] = member ? { ...(merged[group] as object), [member]: text } : text;
  }
  return merged as T;
}

const HEX = /^#([0-9a-f]{3}){1,2}$/i;
const FONT = /^[\w ,"'-]{1,200}$/;

/**
 * The owner's theme as CSS after the panel's own: their values replace the built-in defaults
 * (in both schemes), while `--sarafan-*` properties the page sets still win. Values are checked
 * again here, because they end up in a stylesheet.
 */
export function themeCss(theme: WidgetSettings['theme'] | undefined): string {
  let css = '';
  const { accent, radius, font } = theme ?? {};
  if (accent && HEX.test(accent)) css += `:host{--a:var(--sarafan-accent,${accent});--at:var(--sarafan-accent-text,${textOn(accent)})}`;
  if (Number.isInteger(radius) && radius! >= 0 && radius! <= 32) css += `.card,.dialog{border-radius:var(--sarafan-radius,${radius}px)}`;
  if (font && FONT.test(font)) css += `.card{font-family:var(--sarafan-font,${font})}`;
  return css;
}

/** Black or white, whichever reads better on the accent (WCAG relative luminance). */
export function textOn(hex: string): string {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((digit) => digit + digit) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const [r, g, b] = digits.map((pair) => {
    const channel = parseInt(pair, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L ≈ 0.179.
  return luminance > 0.179 ? '#000' : '#fff';
}
