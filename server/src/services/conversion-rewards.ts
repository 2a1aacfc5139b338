import type { ConversionRequest } from '../../../shared/src/wire.ts';
import { createReward } from '../domain/reward-ledger.ts';
import { referralReward } from '../../../shared/src/reward-rules/referral-reward.ts';
import { rewardUnit } from '../../../shared/src/reward-rules/rules.ts';
import { rewardSkipReason } from '../../../shared/src/reward-rules/skip-reason.ts';
import type { FraudReason } from '../../../shared/src/wire.ts';
import type { AmbassadorRecord, ProgramRecord, RulesVersionRecord } from '../store/records.ts';
import type { NewReward, RewardPlanning } from '../store/store.ts';

export interface RewardPlanInput {
  program: ProgramRecord;
  rules: RulesVersionRecord;
  request: ConversionRequest;
  ambassador: AmbassadorRecord;
  /** A referred customer's later purchase (recurring). */
  repeat: boolean;
  /** `rejected`: a fraud rule rejected the order (the reward is kept as rejected, nothing else). */
  status: 'pending' | 'held' | 'rejected';
  reasons: FraudReason[];
  now: number;
}

/**
 * The referrer's side of a conversion as a plan the store runs inside the conversion's write
 * transaction, on the ambassador's standing read there (successful referrals, what this month
 * and the whole program have earned, milestones held): concurrent orders see each other.
 */
export function rewardPlanning(input: RewardPlanInput): RewardPlanning {
  const { program, rules, request, ambassador, repeat, status, reasons, now } = input;
  const month = new Date(now);
  const unit = rewardUnit(rules.rules.referrer.kind, request.currency);
  const order = { amount: request.amount, currency: request.currency, ...(request.items ? { items: request.items } : {}) };
  return {
    query: {
      programId: ambassador.programId,
      ambassadorId: ambassador.id,
      unit,
      monthStart: Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1),
      monthEnd: Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1),
    },
    plan(standing) {
      const outcome = referralReward(rules.rules, {
        order,
        successfulReferrals: standing.successfulReferrals + (repeat ? 0 : 1),
        repeat,
        manualTier: ambassador.tier,
        friendSharePercent: ambassador.friendSharePercent,
        earnedThisMonth: standing.earnedThisMonth,
        earnedByProgram: standing.earnedByProgram,
        milestonesAwarded: standing.milestonesAwarded,
      });
      const reward = (amount: number, earnedFor: 'conversion' | 'milestone_reached'): NewReward => ({
        ambassadorId: ambassador.id,
        kind: outcome.kind,
        originalAmount: amount,
        currency: outcome.unit,
        holdUntil: program.holdStartsAt === 'paid' && status !== 'rejected' ? now + program.holdPeriodMs : null,
        reasons,
        change: createReward(amount, status, earnedFor),
      });
      // Nothing to record when the rules give nothing (friend-only, threshold, limits used up).
      const own = outcome.skipped === null && outcome.amount > 0 ? reward(outcome.amount, 'conversion') : null;
      // A rejected reward is kept, so the ambassador can see why there is nothing for this order.
      if (status === 'rejected') return { reward: own, bonuses: [], friendShare: null, rewardSkipped: null };
      return {
        reward: own,
        // A milestone bonus is reviewed with the conversion that reached it: held with it, and
        // taken back with it when the whole order is refunded or canceled.
        bonuses: outcome.bonuses
          .filter((bonus) => bonus.amount > 0)
          .map((bonus) => ({ ...reward(bonus.amount, 'milestone_reached'), milestone: bonus.milestone })),
        friendShare: outcome.friendShare > 0 ? outcome.friendShare : null,
        rewardSkipped: rewardSkipReason(outcome, rules.rules, request.items),
      };
    },
  };
}
