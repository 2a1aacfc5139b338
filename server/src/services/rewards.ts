import type { LedgerResponse, OwnerRewardView, RewardStatus } from '../../../shared/src/wire.ts';
import { moveReward, type LedgerReason } from '../domain/reward-ledger.ts';
import { AmbassadorNotFoundError, RewardNotFoundError, RewardStatusConflictError } from '../errors.ts';
import type { OwnerReward, ProgramRecord } from '../store/records.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { ServiceContext } from './service-context.ts';

/** How many rewards one list or one approval round handles; the next call takes the rest. */
export const REWARD_PAGE_LIMIT = 500;

type OwnerDecision = 'approve' | 'reject' | 'paid';

/** What the owner does with rewards, and the approval of rewards whose hold period has passed. */
export class RewardService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;

  constructor(context: ServiceContext, ambassadors: AmbassadorService) {
    this.#context = context;
    this.#ambassadors = ambassadors;
  }

  async list(program: ProgramRecord, status: RewardStatus | null): Promise<OwnerRewardView[]> {
    const rewards = await this.#context.store.listRewards(program.id, status, REWARD_PAGE_LIMIT);
    return rewards.map(ownerRewardView);
  }

  /**
   * `approve` releases a held reward into its hold period (it is approved when that ends, unless
   * refunded first), `reject` refuses a held or pending one, `paid` records that an approved one
   * was paid out. Repeating a decision that is already in effect changes nothing.
   */
  async decide(program: ProgramRecord, rewardId: number, decision: OwnerDecision, note: string | null): Promise<OwnerRewardView> {
    const result = await this.#context.store.changeReward(
      program.id,
      rewardId,
      (reward) => {
        const { to, from, reason } = DECISIONS[decision];
        if (reward.status === to || DONE_ALREADY[decision].includes(reward.status)) return null;
        const change = (from as readonly RewardStatus[]).includes(reward.status) ? moveReward(reward, to, reason) : null;
        if (!change) throw new RewardStatusConflictError(`Reward ${rewardId} is ${reward.status}; it cannot be ${PAST_TENSE[decision]}.`);
        return change;
      },
      { actor: 'owner', at: this.#context.clock(), note },
    );
    if (!result) throw new RewardNotFoundError();
    return ownerRewardView(result.reward);
  }

  /** Idempotent: what was approved is no longer pending. `programId` null approves for every program. */
  async approveDue(programId: string | null): Promise<number> {
    return this.#context.store.approveDueRewards(programId, { actor: 'system', at: this.#context.clock() }, REWARD_PAGE_LIMIT);
  }

  async ledger(program: ProgramRecord, code: string): Promise<LedgerResponse> {
    const ambassador = await this.#ambassadors.findByCode(program, code);
    if (!ambassador) throw new AmbassadorNotFoundError();
    const { entries, balances } = await this.#context.store.ledgerOf(ambassador.id);
    return {
      ambassadorCode: ambassador.code,
      balances,
      entries: entries.map(({ note, ...entry }) => (note === null ? entry : { ...entry, note })),
    };
  }
}

const DECISIONS = {
  approve: { from: ['held'], to: 'pending', reason: 'owner_approved' },
  reject: { from: ['held', 'pending'], to: 'rejected', reason: 'owner_rejected' },
  paid: { from: ['approved'], to: 'paid', reason: 'owner_paid' },
} as const satisfies Record<OwnerDecision, { from: readonly RewardStatus[]; to: 'pending' | 'rejected' | 'paid'; reason: LedgerReason }>;

/** Statuses in which a decision has nothing left to do: an approved reward was approved already. */
const DONE_ALREADY: Record<OwnerDecision, readonly RewardStatus[]> = {
  approve: ['pending', 'approved', 'paid'],
  reject: [],
  paid: [],
};
const PAST_TENSE = { approve: 'approved', reject: 'rejected', paid: 'marked paid' } as const;

function ownerRewardView(reward: OwnerReward): OwnerRewardView {
  const view: OwnerRewardView = {
    id: reward.id,
    ambassadorCode: reward.ambassadorCode,
    orderId: reward.orderId,
    kind: reward.kind,
    purpose: reward.purpose,
    ...(reward.milestone === null ? {} : { milestone: reward.milestone }),
    amount: reward.amount,
    originalAmount: reward.originalAmount,
    currency: reward.currency,
    status: reward.status,
    reasons: reward.reasons,
    createdAt: reward.createdAt,
  };
  if (reward.holdUntil !== null) view.holdUntil = reward.holdUntil;
  return view;
}
