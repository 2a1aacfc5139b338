/**
 * A name for the public leaderboard: enough for a friend to recognise, too little to find the
 * person. "Alice Kowalska" → "Al*** K.", "bob" → "Bo***". Built from the display name, never from
 * an email address.
 */
export function maskedName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = [...(words[0] ?? '')];
  if (!first.length) return '***';
  const last = words.length > 1 ? [...words[words.length - 1]!][0] : undefined;
  return `${first.slice(0, 2).join('')}***${last ? ` ${last.toUpperCase()}.` : ''}`;
}
