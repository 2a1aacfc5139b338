import type { WidgetPlacement } from '../../../shared/src/wire.ts';
import type { PanelContext } from '../panel-context.ts';
import { warn } from '../warn.ts';
import { loadShare } from './components/lazy-share.tsx';
import { loadLocaleData } from './locale-data.ts';
import { reportShown, resetEvents, sendEvents, setEventTarget } from './events.ts';
import { MOUNT_SELECTOR, renderInline } from './inline-placement.tsx';
import { rememberShownFor, wasShownFor } from './purchase-memory.ts';
import { applyTheme } from './shadow-host.tsx';
import { clearSessions, loadSession } from './session.ts';
import { messagesFor, pageLanguage } from './translations.ts';

/** Set by `purchase` or `open`, cleared once the dialog was shown (or could not be). */
let dialogWanted: 'purchase' | 'open' | null = null;
/** The placement that asked for the dialog (launcher, banner; `purchase`), for the events. */
let dialogPlacement: WidgetPlacement | undefined;
/** Identifies the most recent call that fetched a session; older answers are not rendered. */
let latest = 0;
let lastContext: PanelContext | undefined;
/** The friend offer card's chunk, once a session had an offer. */
let offer: typeof import('./offer-placement.tsx') | undefined;
/** The loader's `data-launcher` and these mount points are rendered by their own chunk. */
const PLACEMENTS_SELECTOR = '[data-sarafan-banner],[data-sarafan-product]';

/**
 * The panel chunk's one entry point, called by the loader whenever a placement may have to
 * appear or change. Idempotent: every call brings all placements up to date with `context`.
 */
export function show(context: PanelContext): Promise<void> {
  // Rare (consent withdrawn), so a chunk of its own: the entry has no bytes to spare.
  if (context.reason === 'forget') return import('./forget-referral.ts').then((module) => module.forgetReferral(context.server, context.programId), warn);
  setEventTarget((lastContext = context));
  return update(context).catch(warn);
}

/** Opens the dialog from one of the widget's own placements (the launcher, the banner). */
export function openPanel(placement: WidgetPlacement): void {
  if (lastContext) void show({ ...lastContext, reason: 'open', placement });
}

async function update(context: PanelContext): Promise<void> {
  if (context.reason === 'open' || (context.reason === 'purchase' && !wasShownFor(context.orderId))) {
    dialogWanted = context.reason;
    dialogPlacement = context.reason === 'purchase' ? 'purchase' : context.placement;
  }
  const mounts = document.querySelectorAll(MOUNT_SELECTOR);
  const { dataset } = context;
  const placements = dataset.launcher || document.querySelector(PLACEMENTS_SELECTOR);
  // Nothing to show (say, `identify` on a page without a mount point): no request at all.
  if (!mounts.length && !placements && !context.referral && !dialogWanted && !offer?.isOfferShown()) return;

  const ticket = ++latest;
  const lang = pageLanguage(dataset.lang);
  // The language chunk (if any) and the dialog chunk (if wanted) arrive while the session is on
  // its way. The dialog is its own chunk: most pages only show inline panels and the offer.
  // So are the extras (owner's settings, joining, badge, progress, split, leaderboard), the friend
  // offer card (for a referred visitor), the share buttons (for one who may be an ambassador), and
  // the launcher, banner and product placements where the page has them.
  const [session, messages, dialog, extras, placementsModule] = await Promise.all([
    loadSession(context),
    messagesFor(lang),
    dialogWanted && import('./dialog-placement.tsx'),
    // A chunk that cannot be fetched leaves out its part only, not the others.
    import('./extras/extras.tsx').catch(warn),
    placements && import('./placements.tsx').catch(warn),
    // Not only with an identity: someone who joined by email is an ambassador without one.
    loadShare().catch(warn),
    context.referral && import('./offer-placement.tsx').catch(warn),
    // Rendering formats numbers: only once the browser has its locale data.
    loadLocaleData(),
  ]);
  // Rendering starts in a task of its own, not in the one that evaluated the last chunk.
  if (!(await inNextTask(ticket))) return;
  // Server down or slow: overlays stay hidden and inline mounts keep the shop's own content.
  if (!session) {
    dialogWanted = null;
    return;
  }
  // The extras merge the texts (theirs, the owner's, then `data-texts`) and set the theme. Should
  // their chunk fail to load, the panel still shows, with the built-in texts and scheme.
  const t = extras ? await extras.prepare(session, messages, context, lang, show) : (applyTheme(dataset.theme), messages);
  if (ticket !== latest) return;
  const shown: WidgetPlacement[] = placementsModule ? placementsModule.renderPlacements(session, t, dataset, openPanel) : [];
  if (!(await inNextTask(ticket))) return;
  for (const mount of mounts) renderInline(mount, session, t, lang);
  if (mounts.length) shown.push('inline');
  // Also when only the server knew the referral (from its HttpOnly cookie, out of the page's reach).
  if (session.offer) offer ||= (await import('./offer-placement.tsx').catch(warn)) || undefined;
  offer?.renderOffer(session.offer, t);
  const code = session.ambassador?.code;
  reportShown(shown, code);
  if (dialogWanted && dialog) {
    // A newer update opens the dialog instead (it is still wanted).
    if (!(await inNextTask(ticket))) return;
    if (dialog.openDialog(session, dialogWanted, t, lang, dialogPlacement)) {
      sendEvents([{ type: 'panel_opened', placement: dialogPlacement }], code);
      if (dialogWanted === 'purchase') rememberShownFor(context.orderId);
    }
  }
  dialogWanted = null;
}

/**
 * Resolves in a later task, with whether the update of `ticket` is still the latest. The first
 * render is split into such tasks (placements, inline panels, the dialog): in one, it took
 * 60-75 ms on a busy 2-core machine, and the budget is no task over 50 ms.
 */
function inNextTask(ticket: number): Promise<boolean> {
  return new Promise((resolve) => setTimeout(() => resolve(ticket === latest)));
}

/** For tests: back to the state of a page that has not shown anything yet. */
export async function resetPanel(): Promise<void> {
  (await import('./dialog-placement.tsx')).closeDialog();
  offer?.hideOffer();
  offer = undefined;
  clearSessions();
  (await import('./extras/extras.tsx')).resetExtras();
  resetEvents();
  dialogWanted = null;
}
