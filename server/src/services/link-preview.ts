import { REFERRAL_PARAM } from '../../../shared/src/referral-cookie.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
import type { FriendOfferTerms } from '../../../shared/src/reward-rules/friend-offer.ts';
import { friendOffer } from './ambassador-views.ts';

/** Where the built-in preview image is served, under the public URL. */
export const PREVIEW_CARD_PATH = '/preview-card.png';
export const PREVIEW_CARD_SIZE = { width: 1200, height: 630 } as const;

/** What a link preview (WhatsApp, Telegram, Slack, iMessage...) shows for a short link. Plain text: the page escapes it. */
export interface LinkPreview {
  /** The program's name. */
  title: string;
  /** The friend offer: "Alice gives you 10% off at Linden & Loom". */
  description: string;
  /** Absolute URL of the image: the program's own, else the built-in card. */
  image: { url: string; alt: string; width: number | null; height: number | null };
  /** The landing URL with the referral, so that a platform that links to it keeps the referral. */
  url: string;
  siteName: string;
}

/**
 * `terms`: the friend offer from the rules in force (null: the rules give friends nothing); when
 * absent, the program's percentage.
 */
export function linkPreview(publicUrl: string, program: ProgramRecord, ambassador: AmbassadorRecord, terms?: FriendOfferTerms | null): LinkPreview {
  const offer = friendOffer(program, ambassador, terms ?? undefined);
  const discount = terms === null ? null : offer.discount;
  const off =
    discount?.type === 'percent' ? (discount.percent > 0 ? `${discount.percent}%` : null) : discount && discount.amount > 0 ? englishMoney(discount.amount, discount.currency) : null;
  const minimum = offer.minimumOrder ? ` on orders from ${englishMoney(offer.minimumOrder.amount, offer.minimumOrder.currency)}` : '';
  const description = off
    ? `${offer.ambassadorName} gives you ${off} off${minimum} at ${program.name}`
    : `${offer.ambassadorName} invites you to ${program.name}`;
  const url = new URL(program.landingUrl);
  url.searchParams.set(REFERRAL_PARAM, ambassador.code);
  const image = program.previewImageUrl
    ? { url: program.previewImageUrl, alt: program.name, width: null, height: null }
    : { url: `${publicUrl}${PREVIEW_CARD_PATH}`, alt: 'A gift: a friend sent you a discount', ...PREVIEW_CARD_SIZE };
  return { title: program.name, description, image, url: url.toString(), siteName: program.name };
}

/** Minor units as English money text: 500 EUR → "€5", 550 EUR → "€5.50"; whole amounts without cents. */
export function englishMoney(amount: number, currency: string): string {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    const value = amount / 10 ** digits;
    return new Intl.NumberFormat('en', { style: 'currency', currency, minimumFractionDigits: Number.isInteger(value) ? 0 : digits }).format(value);
  } catch {
    return `${amount} ${currency}`;
  }
}
