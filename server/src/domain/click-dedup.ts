/**
 * Whether a click is new, a repeat, or the landing-page half of a short-link click.
 *
 * A friend who follows a short link is seen twice: first by `GET /r/{code}` (no visitor id yet,
 * only IP + user agent), then by the widget on the landing page (visitor id, plus the click id
 * from the redirect). The second sighting claims the first click instead of counting another.
 * Repeats within the program's deduplication window return the earlier click.
 */

/** What the store found about earlier clicks, all on the same ambassador unless noted. */
export interface ClickDedupInput {
  now: number;
  dedupWindowMs: number;
  ambassadorId: number;
  source: 'link' | 'widget';
  visitorId: string | null;
  /** The click named by the request's click id, on any ambassador, or null. */
  claimTarget: ClickSeen | null;
  /** The latest click from this visitor id within the window. */
  recentByVisitor: ClickSeen | null;
  /** The latest click from this IP + user agent within the window. */
  recentByIpUa: ClickSeen | null;
}

export interface ClickSeen {
  id: string;
  ambassadorId: number;
  visitorId: string | null;
  createdAt: number;
}

export type ClickDecision =
  /** A new click. */
  | { action: 'insert' }
  /** A repeat of `clickId`: nothing is written. */
  | { action: 'duplicate'; clickId: string }
  /**
   * Bind the visitor to the short-link click `clickId`, which was counted when it was made.
   * `uncount` when this visitor had already clicked within the window, so the short-link click
   * turns out to be a repeat after all.
   */
  | { action: 'claim'; clickId: string; uncount: boolean };

export type ClickDecider = (input: ClickDedupInput) => ClickDecision;

export function decideClick(input: ClickDedupInput): ClickDecision {
  const { claimTarget, recentByVisitor, recentByIpUa, visitorId } = input;
  const isRecent = (click: ClickSeen) =>
    click.ambassadorId === input.ambassadorId &&
    input.now - click.createdAt <= input.dedupWindowMs &&
    click.createdAt <= input.now;

  if (visitorId !== null && claimTarget && isRecent(claimTarget)) {
    if (claimTarget.visitorId === visitorId) return { action: 'duplicate', clickId: claimTarget.id };
    if (claimTarget.visitorId === null) {
      const alreadyClicked = recentByVisitor !== null && isRecent(recentByVisitor) && recentByVisitor.id !== claimTarget.id;
      return { action: 'claim', clickId: claimTarget.id, uncount: alreadyClicked };
    }
    // Claimed by another browser: the landing URL was shared onwards, so this is a click of its own.
  }

  if (visitorId !== null && recentByVisitor && isRecent(recentByVisitor)) {
    return { action: 'duplicate', clickId: recentByVisitor.id };
  }

  if (recentByIpUa && isRecent(recentByIpUa)) {
    if (input.source === 'link') return { action: 'duplicate', clickId: recentByIpUa.id };
    // The landing page lost the click id (a redirect dropped it) but this is the same browser.
    if (visitorId !== null && recentByIpUa.visitorId === null) {
      return { action: 'claim', clickId: recentByIpUa.id, uncount: false };
    }
  }

  return { action: 'insert' };
}
