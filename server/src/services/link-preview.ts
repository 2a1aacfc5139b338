import { REFERRAL_PARAM } from '../../../shared/src/referral-cookie.ts';
import type { AmbassadorRecord, ProgramRecord } from '../store/records.ts';
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

export function linkPreview(publicUrl: string, program: ProgramRecord, ambassador: AmbassadorRecord): LinkPreview {
  const offer = friendOffer(program, ambassador);
  const description =
    offer.discount.percent > 0
      ? `${offer.ambassadorName} gives you ${offer.discount.percent}% off at ${program.name}`
      : `${offer.ambassadorName} invites you to ${program.name}`;
  const url = new URL(program.landingUrl);
  url.searchParams.set(REFERRAL_PARAM, ambassador.code);
  const image = program.previewImageUrl
    ? { url: program.previewImageUrl, alt: program.name, width: null, height: null }
    : { url: `${publicUrl}${PREVIEW_CARD_PATH}`, alt: 'A gift: a friend sent you a discount', ...PREVIEW_CARD_SIZE };
  return { title: program.name, description, image, url: url.toString(), siteName: program.name };
}
