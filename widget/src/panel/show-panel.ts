import type { PanelContext } from '../panel-context.ts';
import { warn } from '../warn.ts';
import { MOUNT_SELECTOR, renderInline } from './inline-placement.tsx';
import { hideOffer, isOfferShown, renderOffer } from './offer-placement.tsx';
import { rememberShownFor, wasShownFor } from './purchase-memory.ts';
import { applyTheme } from './shadow-host.tsx';
import { forgetReferral } from './forget-referral.ts';
import { clearSessions, loadSession } from './session.ts';
import { messagesFor, pageLanguage } from './translations.ts';

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
  const { dataset } = context;
  const lang = pageLanguage(dataset.lang);
  // The language chunk (if any) and the dialog chunk (if wanted) arrive while the session is on
  // its way. The dialog is its own chunk: most pages only show inline panels and the offer.
  // The extras (owner's settings, joining, badge, progress, split, leaderboard) are a chunk of
  // their own too; without them the panel still renders.
  const [session, messages, dialog, extras] = await Promise.all([
    loadSession(context),
    messagesFor(lang),
    dialogWanted && import('./dialog-placement.tsx'),
    import('./extras/extras.tsx').catch(warn),
  ]);
  if (ticket !== latest) return;
  // Server down or slow: overlays stay hidden and inline mounts keep the shop's own content.
  if (!session) {
    dialogWanted = null;
    return;
  }
  // The extras merge the texts (theirs, the owner's, then `data-texts`) and set the theme. Should
  // their chunk fail to load, the panel still shows, with the built-in texts and scheme.
  const t = extras ? await extras.prepare(session, messages, context, lang) : (applyTheme(dataset.theme), messages);
  if (ticket !== latest) return;
  for (const mount of mounts) renderInline(mount, session, t, lang);
  renderOffer(session.offer, t);
  if (dialogWanted && dialog && dialog.openDialog(session, dialogWanted, t, lang) && dialogWanted === 'purchase') {
    rememberShownFor(context.orderId);
  }
  dialogWanted = null;
}

/** For tests: back to the state of a page that has not shown anything yet. */
export async function resetPanel(): Promise<void> {
  (await import('./dialog-placement.tsx')).closeDialog();
  hideOffer();
  clearSessions();
  (await import('./extras/extras.tsx')).resetExtras();
  dialogWanted = null;
}
