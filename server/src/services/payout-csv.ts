import type { PayoutRecord } from '../store/records.ts';
import { decimalAmount, toCsv } from './csv.ts';

/**
 * What a batch sends to whom, as CSV for a bank or payment tool: one row per ambassador, amounts in
 * minor units and as a decimal (quoting and formula defusing: `csv.ts`).
 */
export function payoutCsv(payout: PayoutRecord): string {
  return toCsv([
    ['ambassador_code', 'email', 'name', 'amount_minor', 'amount', 'currency'],
    ...payout.items.map((item) => [
      item.ambassadorCode,
      item.email,
      item.name ?? '',
      String(item.amount),
      decimalAmount(item.amount, payout.currency),
      payout.currency,
    ]),
  ]);
}
