import type { PayoutRecord } from '../store/records.ts';

/**
 * What a batch sends to whom, as CSV for a bank or payment tool: one row per ambassador, amounts in
 * minor units and as a decimal. Cells are quoted when needed, and a cell that a spreadsheet would
 * read as a formula is prefixed with `'`.
 */
export function payoutCsv(payout: PayoutRecord): string {
  const decimals = currencyDecimals(payout.currency);
  const rows = [
    ['ambassador_code', 'email', 'name', 'amount_minor', 'amount', 'currency'],
    ...payout.items.map((item) => [
      item.ambassadorCode,
      item.email,
      item.name ?? '',
      String(item.amount),
      (item.amount / 10 ** decimals).toFixed(decimals),
      payout.currency,
    ]),
  ];
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
