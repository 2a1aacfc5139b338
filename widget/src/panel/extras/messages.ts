import type { Plural } from '../messages.ts';

/**
 * The texts of the lazily loaded parts of the panel (joining by email, the new-rewards badge,
 * progress, the split choice, the leaderboard). They live in the extras chunk, not in the panel
 * entry, and are merged into the panel's texts before `data-texts` and the owner's settings, so
 * both can replace them like any other text. Russian and Polish are in `lang/`.
 */
const en = {
  joinLead: 'Join with your email and get your link right away.',
  emailLabel: 'Email',
  nameLabel: 'Name (optional)',
  join: 'Get my link',
  joinExists: 'This email is already in the program: sign in at the shop to see your link.',
  joinInvalid: 'Please check your email address.',
  joinDisposable: 'Please use your own email address, not a disposable one.',
  joinFailed: 'That did not work. Please try again later.',
  unconfirmed: 'Your rewards stay on hold until the shop confirms your account.',
  newRewards: { one: '{count} new reward', other: '{count} new rewards' } as Plural,
  nextBonus: { one: '{count} of {target} friend to your next bonus', other: '{count} of {target} friends to your next bonus' } as Plural,
  nextTier: { one: '{tier} tier from {target} friend', other: '{tier} tier from {target} friends' } as Plural,
  currentTier: 'Your tier: {tier}',
  splitLabel: 'Share your reward with your friends',
  splitOption: '{percent}% to your friend',
  splitSaved: 'Saved',
  leaderboardTitle: 'Top ambassadors',
  leaderboardFriends: { one: '{count} friend', other: '{count} friends' } as Plural,
};

export type ExtraMessages = typeof en;

export const EXTRA_ENGLISH: ExtraMessages = en;
