import type { PanelContext } from '../panel-context.ts';
import { warn } from '../warn.ts';
import { closeDialog, openDialog } from './dialog-placement.tsx';
import { MOUNT_SELECTOR, renderInline } from './inline-placement.tsx';
import { messagesFor } from './messages.ts';
import { hideOffer, isOfferShown, renderOffer } from './offer-placement.tsx';
import { rememberShownFor, wasShownFor } from './purchase-memory.ts';
import { forgetReferral } from './forget-referral.ts';
import { clearSessions, loadSession } from './session.ts';

/** Set by `purchase` or `open`, cleared once the dialog was shown (or could not be). */
let dialogWanted: 'purchase' | 'open' | null = null;
/** Identifies the most recent call that fetched a session; older answers are not rendered. */
let latest = 0;

/**
 * The panel chunk's one entry point, called by the loader whenever a placement may have to
 * appear or change. Idempotent: every call brings all placements up to date with `context`.
 */
export function show(context: PanelContext): Promise<void> {
  if (context.reason === 'forget') return forgetReferral(context.server, context.programId);
  return update(context).catch(warn);
}

async function update(context: PanelContext): Promise<void> {
  if (context.reason === 'open' || (context.reason === 'purchase' && !wasShownFor(context.orderId))) dialogWanted = context.reason;
  const mounts = document.querySelectorAll(MOUNT_SELECTOR);
  // Nothing to show (say, `identify` on a page without a mount point): no request at all.
  if (!mounts.length && !context.referral && !dialogWanted && !isOfferShown()) return;

  const ticket = ++latest;
  const session = await loadSession(context);
  if (ticket !== latest) return;
  // Server down or slow: overlays stay hidden and inline mounts keep the shop's own content.
  if (!session) {
    dialogWanted = null;
    return;
  }
  const lang = context.lang || document.documentElement.lang || undefined;
  const t = messagesFor(lang);
  for (const mount of mounts) renderInline(mount, session, t, lang);
  renderOffer(session.offer, t);
  if (dialogWanted && openDialog(session, dialogWanted, t, lang) && dialogWanted === 'purchase') rememberShownFor(context.orderId);
  dialogWanted = null;
}

/** For tests: back to the state of a page that has not shown anything yet. */
export function resetPanel(): void {
  closeDialog();
  hideOffer();
  clearSessions();
  dialogWanted = null;
}
