/**
 * Every text the panel shows. English lives here, in the panel chunk; other languages are
 * lazily loaded chunks in `lang/` with the same keys (`translations.ts`), so a shop pays only for
 * the language its visitor reads. Placeholders are `{name}`, filled by `fill`; texts that follow
 * a number have one form per plural category (`Plural`), picked by `plural`.
 */
const en = {
  /** The language these texts are in, for the panel's `lang` attribute and its plural rules. */
  lang: 'en',
  title: 'Invite a friend',
  friendsGet: 'Your friends get {percent}% off',
  linkLabel: 'Your referral link',
  codeLabel: 'Your referral code',
  copyLink: 'Copy link',
  copyCode: 'Copy code',
  copied: 'Copied!',
  copyFailed: 'Copy failed',
  shareNative: 'Share',
  shareEmail: 'Email',
  shareTitle: '{percent}% off at {program}',
  shareText: 'I shop at {program} and thought you would like it too. Here is {percent}% off your order:',
  shareSms: 'SMS',
  shareQr: 'QR code',
  qrDownload: 'Download QR code',
  invite: 'Invite friends',
  banner: 'Give your friends {percent}% off and earn a reward',
  productTitle: 'Recommend this product',
  clicks: { one: 'click', other: 'clicks' } as Plural,
  friendsBought: { one: 'friend bought', other: 'friends bought' } as Plural,
  rewards: 'Your rewards',
  noRewards: 'No rewards yet: they appear here when a friend buys through your link.',
  status: {
    pending: 'Pending',
    approved: 'Approved',
    paid: 'Paid',
    voided: 'Voided',
    held: 'On hold',
    rejected: 'Rejected',
  },
  reason: {
    own_purchase: 'your own purchase',
    not_eligible: 'not eligible',
    under_review: 'under review',
    order_refunded: 'order refunded',
  },
  introTitle: 'Tell your friends about {program}',
  introText:
    'After your first purchase you get a personal link: your friends get a discount, and you earn a reward for each friend who buys.',
  offer: '{name} gives you {percent}% off',
  /** The friend offer's minimum order and last day: "… on orders from €30.00 until 12/31/2025". */
  min: 'on orders from',
  until: 'until',
  offerCode: 'Use this code at checkout:',
  offerLabel: 'Friend offer',
  close: 'Close',
  dismiss: 'Dismiss',
};

/** A text per CLDR plural category of the language; `other` is required, as the last resort. */
export type Plural = { [category in Intl.LDMLPluralRule]?: string } & { other: string };

export type Messages = typeof en;

export const ENGLISH: Messages = en;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => String(values[key] ?? placeholder));
}

/** The form of `forms` for `count` in `lang`: "1 click", "2 clicks"; "2 перехода", "5 переходов". */
export function plural(forms: Plural, count: number, lang: string): string {
  try {
    return forms[new Intl.PluralRules(lang).select(count)] ?? forms.other;
  } catch {
    // A language tag this browser cannot parse (from `data-texts`): the general form.
    return forms.other;
  }
}
