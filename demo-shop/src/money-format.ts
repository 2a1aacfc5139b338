const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-IE', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * `1999, 'EUR'` → `€19.99`. Amounts stay integer minor units everywhere else; the division here
 * only feeds the formatter, and uses the currency's own number of decimals (JPY has none).
 */
export function formatMoney(amountMinor: number, currency: string): string {
  const formatter = formatterFor(currency);
  const decimals = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountMinor / 10 ** decimals);
}
