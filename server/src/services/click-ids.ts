import { nanoid } from 'nanoid';

/** Base-64 digits in ASCII order, so that ids sort by time under SQLite's binary collation. */
const SORTABLE_DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/**
 * A click id: 8 characters of time (ms, good until the year 10889) and 14 random ones (84 bits,
 * so ids stay unguessable). Time first means new clicks land at the end of the primary key,
 * touching one page per batch instead of one random page per click.
 */
export function newClickId(now: number): string {
  let time = Math.max(0, Math.floor(now));
  let prefix = '';
  for (let i = 0; i < 8; i++) {
    prefix = SORTABLE_DIGITS[time % 64] + prefix;
    time = Math.floor(time / 64);
  }
  return prefix + nanoid(14);
}
