import type { LedgerResponse, OwnerRewardView, RewardBalancesResponse, RewardStatus } from '../../../shared/src/wire.ts';
import { moveReward, type LedgerReason } from '../domain/reward-ledger.ts';
import { AmbassadorNotFoundError, RewardNotFoundError, RewardStatusConflictError } from '../errors.ts';
import type { AmbassadorRecord, OwnerReward, ProgramRecord } from '../store/records.ts';
import type { AmbassadorService } from './ambassadors.ts';
import type { ServiceContext } from './service-context.ts';

/** How many rewards one list or one approval round handles; the next call takes the rest. */
export const REWARD_PAGE_LIMIT = 500;

type OwnerDecision = 'approve' | 'reject' | 'paid';

/** `GET /v1/rewards`'s query: query strings arrive as text. */
export interface RewardListQuery {
  status?: RewardStatus;
  ambassador?: string;
  flagged?: 'true' | 'false';
}

/** What the owner does with rewards, and the approval of rewards whose hold period has passed. */
export class RewardService {
  readonly #context: ServiceContext;
  readonly #ambassadors: AmbassadorService;

  constructor(context: ServiceContext, ambassadors: AmbassadorService) {
    this.#context = context;
    this.#ambassadors = ambassadors;
  }

  /** The newest rewards, of one status, one ambassador (by code) or with fraud flags when asked. */
  async list(program: ProgramRecord, query: RewardListQuery): Promise<OwnerRewardView[]> {
    const ambassadorId = query.ambassador === undefined ? null : (await this.#ambassadorOf(program, query.ambassador)).id;
    const filter = { status: query.status ?? null, ambassadorId, flagged: query.flagged === 'true' };
    const rewards = await this.#context.store.listRewards(program.id, filter, REWARD_PAGE_LIMIT);
    return rewards.map(ownerRewardView);
  }

  /** Every reward of the program (or of one ambassador) summed per currency: see `RewardBalance`. */
  async balances(program: ProgramRecord, code: string | undefined): Promise<RewardBalancesResponse> {
    if (code === undefined) return { balances: await this.#context.store.rewardBalances(program.id, null) };
    const ambassador = await this.#ambassadorOf(program, code);
    return { ambassadorCode: ambassador.code, balances: await this.#context.store.rewardBalances(program.id, ambassador.id) };
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
    const ambassador = await this.#ambassadorOf(program, code);
    const { entries, balances } = await this.#context.store.ledgerOf(ambassador.id);
    return {
      ambassadorCode: ambassador.code,
      balances,
      entries: entries.map(({ note, ...entry }) => (note === null ? entry : { ...entry, note })),
    };
  }

  async #ambassadorOf(program: ProgramRecord, code: string): Promise<AmbassadorRecord> {
    const ambassador = await this.#ambassadors.findByCode(program, code);
    if (!ambassador) throw new AmbassadorNotFoundError();
    return ambassador;
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
