/**
 * Which rewards a payout batch pays, per ambassador: all of their approved rewards, minus the debts
 * that clawbacks after earlier payments left (rewards whose share of `approved` is negative). An
 * ambassador is paid when what they are owed, net, reaches the minimum. Pure: the store reads the
 * rewards and writes the batch in one transaction.
 */

export interface PayableReward {
  rewardId: number;
  ambassadorId: number;
  status: 'approved' | 'paid';
  /** What the reward adds to, or (a debt) takes from, what is owed: its net of `approved`. */
  owed: number;
}

export interface PayoutLine {
  rewardId: number;
  /** `pay`: approved → paid; `recover`: the debt is netted (paid → approved). */
  move: 'pay' | 'recover';
  amount: number;
}

export interface PayoutItem {
  ambassadorId: number;
  /** What is sent to the ambassador: the sum of `pay` lines minus the `recover` lines. */
  amount: number;
  lines: PayoutLine[];
}

export function planPayout(rewards: readonly PayableReward[], minimumAmount: number): PayoutItem[] {
  const byAmbassador = new Map<number, PayableReward[]>();
  for (const reward of rewards) byAmbassador.set(reward.ambassadorId, [...(byAmbassador.get(reward.ambassadorId) ?? []), reward]);
  const items: PayoutItem[] = [];
  for (const [ambassadorId, own] of byAmbassador) {
    const lines: PayoutLine[] = own
      .filter((reward) => reward.owed !== 0)
      .map((reward) =>
        reward.owed > 0 ? { rewardId: reward.rewardId, move: 'pay', amount: reward.owed } : { rewardId: reward.rewardId, move: 'recover', amount: -reward.owed },
      );
    const amount = lines.reduce((sum, line) => sum + (line.move === 'pay' ? line.amount : -line.amount), 0);
    if (amount > 0 && amount >= minimumAmount && lines.some((line) => line.move === 'pay')) items.push({ ambassadorId, amount, lines });
  }
  return items.sort((a, b) => a.ambassadorId - b.ambassadorId);
}
