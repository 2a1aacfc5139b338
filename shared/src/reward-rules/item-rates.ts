import type { ItemRate } from './rules.ts';

export interface OrderItem {
  sku: string;
  category?: string;
  /** Price of one item, minor units. */
  amount: number;
  quantity: number;
}

export interface ItemRateRules {
  itemRates: readonly ItemRate[];
  excludedSkus: readonly string[];
  excludedCategories: readonly string[];
}

/** The rate of one item: 0 when excluded, else its sku's rate, its category's, or the program's. */
export function rateOfItem(item: OrderItem, rules: ItemRateRules, baseBasisPoints: number): number {
  if (rules.excludedSkus.includes(item.sku)) return 0;
  if (item.category !== undefined && rules.excludedCategories.includes(item.category)) return 0;
  const bySku = rules.itemRates.find((rate) => rate.sku !== undefined && rate.sku === item.sku);
  if (bySku) return bySku.basisPoints;
  const byCategory = rules.itemRates.find((rate) => rate.sku === undefined && rate.category !== undefined && rate.category === item.category);
  return byCategory ? byCategory.basisPoints : baseBasisPoints;
}

/**
 * The percentage reward of an order. Without items: `rate` of what was paid. With items, each
 * line (price × quantity) earns its own rate (excluded lines earn 0), and the lines' shares are
 * scaled onto what was actually paid, so a discount or shipping line neither inflates nor
 * shrinks the reward: reward = paid × Σ(line × rate) / (Σ line × 10 000).
 *
 * Rounding: one rounding per reward, half up to a whole minor unit, in integer (BigInt)
 * arithmetic; per-line rounding would drift by a cent per line.
 */
export function percentageReward(
  paid: number,
  items: readonly OrderItem[] | undefined,
  rules: ItemRateRules,
  baseBasisPoints: number,
  bonusBasisPoints: number,
): number {
  const lines = (items ?? []).map((item) => ({ total: BigInt(item.amount) * BigInt(item.quantity), item }));
  const whole = lines.reduce((sum, line) => sum + line.total, 0n);
  if (whole === 0n) return roundHalfUp(BigInt(paid) * BigInt(baseBasisPoints + bonusBasisPoints), 10_000n);
  let weighted = 0n;
  for (const line of lines) {
    const rate = rateOfItem(line.item, rules, baseBasisPoints);
    // An excluded item stays excluded in every tier.
    weighted += line.total * BigInt(rate === 0 ? 0 : rate + bonusBasisPoints);
  }
  return roundHalfUp(BigInt(paid) * weighted, whole * 10_000n);
}

function roundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}
