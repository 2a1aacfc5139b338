import type { SplitRules } from './rules.ts';

/**
 * Shares a reward between the ambassador and the friend as the ambassador chose (the friend's
 * percent). The friend's share is rounded half up and the ambassador keeps the rest, so the two
 * always add up to the reward. A choice the rules do not offer (or a disabled split) gives the
 * friend nothing.
 */
export function splitReward(amount: number, rules: SplitRules, friendSharePercent: number | null): { referrer: number; friend: number } {
  if (!rules.enabled || friendSharePercent === null || !rules.choices.includes(friendSharePercent)) {
    return { referrer: amount, friend: 0 };
  }
  const friend = Math.floor((amount * friendSharePercent * 2 + 100) / 200);
  return { referrer: amount - friend, friend };
}
