import type { AmbassadorResponse, RewardStatus } from '../../../shared/src/wire.ts';
import type { Customer, ShopStore } from '../store.ts';
import type { SarafanClient } from './client.ts';

/**
 * Store credit in the demo shop is the customer's referral rewards. Usable credit is what the shop
 * granted when Sarafan's `reward.approved` webhook arrived (its own `store_credits`); what is still
 * pending comes from Sarafan's answer.
 */

export interface CreditTotals {
  currency: string;
  /** Earned but not yet usable: waiting for approval (or for a review). */
  pending: number;
  /** Approved and credited by the shop: usable. */
  approved: number;
}

export interface StoreCredit {
  ambassadorCode: string;
  link: string;
  totals: CreditTotals[];
}

/** `held` rewards are under a fraud review; to the customer that is still "pending". */
const PENDING: ReadonlySet<RewardStatus> = new Set(['pending', 'held']);

export function creditTotals(rewards: AmbassadorResponse['rewards'], credited: Array<{ currency: string; amount: number }>): CreditTotals[] {
  const byCurrency = new Map<string, CreditTotals>();
  const totalsOf = (currency: string) => {
    const totals = byCurrency.get(currency) ?? { currency, pending: 0, approved: 0 };
    byCurrency.set(currency, totals);
    return totals;
  };
  for (const reward of rewards) if (PENDING.has(reward.status)) totalsOf(reward.currency).pending += reward.amount;
  for (const credit of credited) totalsOf(credit.currency).approved += credit.amount;
  return [...byCurrency.values()];
}

/**
 * The customer's referral code comes from `POST /v1/ambassadors` (idempotent: it returns the
 * existing ambassador for a known e-mail); the shop remembers it and afterwards reads the rewards
 * with `GET /v1/ambassadors/{code}`. Throws when Sarafan is unreachable; the caller shows a notice.
 */
export async function storeCreditFor(
  deps: { store: ShopStore; sarafan: SarafanClient },
  customer: Customer,
): Promise<StoreCredit> {
  let ambassador = customer.ambassadorCode ? await deps.sarafan.getAmbassador(customer.ambassadorCode) : null;
  if (!ambassador) {
    ambassador = await deps.sarafan.ensureAmbassador({
      email: customer.email,
      ...(customer.name ? { name: customer.name } : {}),
      customerId: String(customer.id),
    });
    if (ambassador.code !== customer.ambassadorCode) deps.store.setAmbassadorCode(customer.id, ambassador.code);
  }
  return {
    ambassadorCode: ambassador.code,
    link: ambassador.link,
    totals: creditTotals(Array.isArray(ambassador.rewards) ? ambassador.rewards : [], deps.store.storeCreditOf(ambassador.code)),
  };
}
