import { describe, expect, it } from 'vitest';
import { planPayout, type PayableReward } from '../../src/domain/payouts.ts';

const approved = (rewardId: number, ambassadorId: number, owed: number): PayableReward => ({ rewardId, ambassadorId, status: 'approved', owed });
const debt = (rewardId: number, ambassadorId: number, owed: number): PayableReward => ({ rewardId, ambassadorId, status: 'paid', owed });

describe('planPayout', () => {
  it('pays each ambassador what they are owed, net of debts from clawbacks after payment', () => {
    expect(planPayout([approved(1, 7, 1_500), debt(2, 7, -1_000), approved(3, 8, 200)], 0)).toEqual([
      { ambassadorId: 7, amount: 500, lines: [{ rewardId: 1, move: 'pay', amount: 1_500 }, { rewardId: 2, move: 'recover', amount: 1_000 }] },
      { ambassadorId: 8, amount: 200, lines: [{ rewardId: 3, move: 'pay', amount: 200 }] },
    ]);
  });

  it('leaves out ambassadors below the minimum, owing money, or owed nothing', () => {
    expect(planPayout([approved(1, 7, 1_999), approved(2, 8, 500), debt(3, 8, -900), approved(4, 9, 0)], 2_000)).toEqual([]);
    expect(planPayout([approved(1, 7, 2_000)], 2_000)).toHaveLength(1);
  });
});
