export interface ContestReferrals {
  ambassadorCode: string;
  /** When each successful referral of the contest's window was made (epoch ms). */
  referralTimes: readonly number[];
}

export interface ContestStanding {
  rank: number;
  ambassadorCode: string;
  referrals: number;
  /** When the ambassador reached their count: the time of their last counted referral. */
  reachedAt: number;
}

/**
 * Ranks a contest: most successful referrals first; a tie goes to whoever reached the count first
 * (the earlier last referral), then to the smaller ambassador code (code-unit order). Every rank
 * is distinct, so the top N are always exactly N people. Ambassadors without referrals are not ranked.
 */
export function rankContest(entries: readonly ContestReferrals[]): ContestStanding[] {
  return entries
    .filter((entry) => entry.referralTimes.length > 0)
    .map((entry) => ({ ambassadorCode: entry.ambassadorCode, referrals: entry.referralTimes.length, reachedAt: Math.max(...entry.referralTimes) }))
    .sort((a, b) => b.referrals - a.referrals || a.reachedAt - b.reachedAt || (a.ambassadorCode < b.ambassadorCode ? -1 : a.ambassadorCode > b.ambassadorCode ? 1 : 0))
    .map((standing, index) => ({ rank: index + 1, ...standing }));
}
