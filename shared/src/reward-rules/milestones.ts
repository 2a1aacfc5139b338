import type { Milestone } from './rules.ts';

/**
 * The milestones the ambassador reaches with this conversion that have not been awarded yet:
 * every milestone up to the count, so one skipped (say, by a bonus voided after a refund) is
 * awarded again when the count reaches it again. Smallest first.
 */
export function milestonesReached(milestones: readonly Milestone[], successfulReferrals: number, awarded: readonly number[]): Milestone[] {
  return milestones
    .filter((milestone) => milestone.referrals <= successfulReferrals && !awarded.includes(milestone.referrals))
    .sort((a, b) => a.referrals - b.referrals);
}
