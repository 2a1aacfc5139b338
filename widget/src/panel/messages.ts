/**
 * Every text the panel shows, per language. Only English for now; Russian and Polish will be
 * added as siblings of `en` with the same keys (the `Messages` type makes that checked).
 * Placeholders are `{name}`, filled by `fill`.
 */
const en = {
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
  clicks: 'Clicks',
  friendsBought: 'Friends who bought',
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
  offerCode: 'Use this code at checkout:',
  offerLabel: 'Friend offer',
  close: 'Close',
  dismiss: 'Dismiss',
};

export type Messages = typeof en;

const messagesByLanguage: Record<string, Messages> = { en };

/** The messages for a BCP 47 tag such as `pl-PL`, English when we do not have that language. */
export function messagesFor(lang: string | undefined): Messages {
  return messagesByLanguage[(lang || '').slice(0, 2).toLowerCase()] ?? en;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, key: string) => String(values[key] ?? placeholder));
}
