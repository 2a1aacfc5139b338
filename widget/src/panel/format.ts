import type { FriendOfferDiscount } from '../../../shared/src/wire.ts';
import { fill } from './messages.ts';

/** Number formatting in the page's language; an unknown language tag falls back to the browser's. */
function numberFormat(lang: string | undefined, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(lang, options);
  } catch {
    return new Intl.NumberFormat(undefined, options);
  }
}

/**
 * Integer minor units as currency: 1999 USD → "$19.99", 500 JPY → "¥500", 1500 KWD → "KWD 1.500".
 * The currency's own number of decimals decides the divisor. The division is for display only;
 * amounts are never computed with here.
 */
export function formatMoney(amount: number, currency: string, lang: string | undefined): string {
  try {
    const format = numberFormat(lang, { style: 'currency', currency });
    return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
  } catch {
    // Not an ISO 4217 code this browser knows.
    return `${amount} ${currency}`;
  }
}

export function formatCount(value: number, lang: string | undefined): string {
  return numberFormat(lang).format(value);
}

/** A text about the friend offer: its `{percent}%` reads as the amount off when the offer is flat,
 * so the built-in texts and a shop's own `data-texts` serve both kinds. */
export function offerText(text: string, discount: FriendOfferDiscount, lang: string | undefined): string {
  return discount.type == 'percent' ? fill(text, discount) : text.replace('{percent}%', formatMoney(discount.amount, discount.currency, lang));
}
