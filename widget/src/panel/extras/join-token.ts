/** localStorage: the join token of the ambassador who joined by email in this browser (read by
 * the panel entry's `session.ts` under the same name). */
export const JOIN_TOKEN_KEY = 'sarafan_join';

export function readJoinToken(): string | undefined {
  try {
    return localStorage.getItem(JOIN_TOKEN_KEY) || undefined;
  } catch {
    return undefined;
  }
}

export function writeJoinToken(token: string): void {
  try {
    localStorage.setItem(JOIN_TOKEN_KEY, token);
  } catch {
    // Storage blocked: the panel shows now, and this visitor joins again next visit.
  }
}
