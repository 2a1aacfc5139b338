/**
 * CSV for spreadsheets and payment tools: RFC 4180 quoting, CRLF line ends, and a cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`. Every export
 * writes through here, so owner-controlled text (names, emails, order ids) cannot inject formulas.
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Minor units as a decimal in the currency's own digits (`1234` EUR → `12.34`, JPY → `1234`). */
export function decimalAmount(amount: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  return (amount / 10 ** decimals).toFixed(decimals);
}

/** UTC time as ISO 8601, which every spreadsheet reads. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
