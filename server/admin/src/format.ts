/** Minor units and ISO codes to text, in the browser's locale; points, entries and gifts are counts. */
const COUNT_UNITS = new Set(['points', 'entries', 'gifts']);

export function money(amount: number, currency: string): string {
  if (COUNT_UNITS.has(currency)) return `${amount.toLocaleString()} ${currency}`;
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(amount / 10 ** digits);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function moneyList(amounts: ReadonlyArray<{ amount: number; currency: string }>): string {
  return amounts.length === 0 ? '—' : amounts.map((entry) => money(entry.amount, entry.currency)).join(' · ');
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function count(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? '—' : value.toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  const hours = ms / 3_600_000;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

export function dateTime(epochMs: number | null | undefined): string {
  return epochMs === null || epochMs === undefined ? '—' : new Date(epochMs).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** `YYYY-MM-DD` of a UTC day, as date inputs want it. */
export function isoDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
