import type { PayoutRequest, PayoutView } from '../../../shared/src/wire.ts';
import { planPayout } from '../domain/payouts.ts';
import { moveReward, recoverClawback } from '../domain/reward-ledger.ts';
import { NothingToPayError, PayoutConflictError, PayoutNotFoundError } from '../errors.ts';
import type { PayoutRecord, ProgramRecord } from '../store/records.ts';
import type { PayoutSettler } from '../store/store.ts';
import type { ServiceContext } from './service-context.ts';

/** How many batches `GET /v1/payouts` lists. */
export const PAYOUT_LIST_LIMIT = 100;

/**
 * Payout batches: made from what each ambassador is owed (approved rewards, net of clawback debts),
 * paid through the ledger once the owner has sent the money, and exported as CSV for sending it.
 */
export class PayoutService {
  readonly #context: ServiceContext;

  constructor(context: ServiceContext) {
    this.#context = context;
  }

  async create(program: ProgramRecord, request: PayoutRequest): Promise<PayoutView> {
    const minimum = request.minimumAmount ?? 0;
    const payout = await this.#context.store.createPayout(
      program.id,
      request.currency,
      minimum,
      (rewards) => planPayout(rewards, minimum),
      this.#context.clock(),
    );
    if (!payout) throw new NothingToPayError(`No ambassador is owed at least ${minimum} ${request.currency} (minor units).`);
    return payoutView(payout);
  }

  /** The latest batches, newest first: enough for the dashboard; older ones stay reachable by id. */
  async list(program: ProgramRecord): Promise<PayoutView[]> {
    return (await this.#context.store.listPayouts(program.id, PAYOUT_LIST_LIMIT)).map(payoutView);
  }

  async get(program: ProgramRecord, payoutId: number): Promise<PayoutRecord> {
    const payout = await this.#context.store.getPayout(program.id, payoutId);
    if (!payout) throw new PayoutNotFoundError();
    return payout;
  }

  /** Idempotent: a paid batch answers as it is. Refused when a reward changed since the batch was made. */
  async markPaid(program: ProgramRecord, payoutId: number): Promise<PayoutView> {
    const settle: PayoutSettler = (lines) =>
      lines.map((line) => {
        const unchanged = line.move === 'pay' ? line.reward.status === 'approved' && line.owed === line.amount : line.owed === -line.amount;
        const change = !unchanged ? null : line.move === 'pay' ? moveReward(line.reward, 'paid', 'payout') : recoverClawback(line.reward, line.amount);
        if (!change) {
          throw new PayoutConflictError(
            `Reward ${line.rewardId} changed since payout ${payoutId} was made (a refund?): cancel the batch and make a new one.`,
          );
        }
        return { rewardId: line.rewardId, change };
      });
    const payout = await this.#context.store.markPayoutPaid(program.id, payoutId, settle, { actor: 'owner', at: this.#context.clock() });
    if (!payout) throw new PayoutNotFoundError();
    if (payout.status === 'canceled') throw new PayoutConflictError(`Payout ${payoutId} was canceled.`);
    return payoutView(payout);
  }

  async cancel(program: ProgramRecord, payoutId: number): Promise<PayoutView> {
    const payout = await this.#context.store.cancelPayout(program.id, payoutId, this.#context.clock());
    if (!payout) throw new PayoutNotFoundError();
    if (payout.status === 'paid') throw new PayoutConflictError(`Payout ${payoutId} was paid; it cannot be canceled.`);
    return payoutView(payout);
  }
}

export function payoutView(payout: PayoutRecord): PayoutView {
  return {
    id: payout.id,
    currency: payout.currency,
    status: payout.status,
    minimumAmount: payout.minimumAmount,
    total: payout.total,
    createdAt: payout.createdAt,
    ...(payout.closedAt === null ? {} : { closedAt: payout.closedAt }),
    items: payout.items.map((item) => ({ ambassadorCode: item.ambassadorCode, amount: item.amount })),
  };
}
