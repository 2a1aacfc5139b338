import {
  REFERRAL_COOKIE,
  VISITOR_COOKIE,
  formatReferralCookie,
  isVisitorId,
  parseReferralCookie,
  type ReferralCookie,
} from '../../../shared/src/referral-cookie.ts';
import type { Identity, PanelModule, PanelReason } from '../panel-context.ts';
import { THIRTY_DAYS_SECONDS, YEAR_SECONDS, readCookie, writeCookie } from './cookies.ts';
import { toIdentity } from './identity.ts';
import { PANEL_FILE } from './panel-file.ts';
import { postClick, referralFromUrl, removeClickParam } from './referral-click.ts';
import { randomVisitorId } from './visitor-id.ts';
import { warn } from '../warn.ts';

/** `window.sarafan`: the documented stub queues calls in `q` until the loader replaces it. */
export type SarafanFunction = ((command: unknown, args?: unknown) => void) & {
  q?: ArrayLike<unknown>[];
  /** Marks the real function, so that a second copy of the script does nothing. */
  loaded?: true;
};

const CONSENT_KEY = 'sarafan_consent';
const MOUNT_SELECTOR = '[data-sarafan-panel]';

const importByUrl = (url: string): Promise<PanelModule> => import(/* @vite-ignore */ url);

/**
 * Everything the widget does on every page. Never throws: the shop's page must not break
 * because of us. `importPanel` is replaceable so tests can load the panel from source.
 */
export function startLoader(script: HTMLOrSVGScriptElement | null, importPanel = importByUrl): void {
  try {
    const host = window as unknown as { sarafan?: SarafanFunction };
    if (host.sarafan?.loaded) return warn('script included twice');
    const data = (script as HTMLScriptElement | null)?.dataset;
    const programId = data?.program;
    if (!programId) return warn('data-program missing');
    // The directory the script was served from, so a server mounted under a path works too.
    const server = new URL('.', (script as HTMLScriptElement).src).href.slice(0, -1);
    const lang = data.lang;

    let consent = true;
    try {
      consent = localStorage.getItem(CONSENT_KEY) != '0';
    } catch {
      // Storage can be blocked (sandboxed frames, strict privacy modes); default to cookies on.
    }
    const storedVisitor = readCookie(VISITOR_COOKIE);
    const visitorId = isVisitorId(storedVisitor) ? storedVisitor : randomVisitorId();
    let referral: ReferralCookie | null = parseReferralCookie(readCookie(REFERRAL_COOKIE));
    let identity: Identity | null = null;
    let purchaseWaiting = false;
    let orderId: unknown;
    let panel: Promise<PanelModule> | undefined;

    const saveReferral = () => referral && writeCookie(REFERRAL_COOKIE, formatReferralCookie(referral), THIRTY_DAYS_SECONDS);

    // Loads the panel chunk once, then lets it show whatever `reason` calls for with the
    // current state (read when the chunk has arrived, not when it was asked for).
    const need = (reason: PanelReason) => {
      (panel ||= importPanel(server + '/widget/' + PANEL_FILE))
        .then((module) => module.show({ server, programId, visitorId, referral, identity, lang, orderId, reason }))
        .catch((error) => {
          panel = undefined;
          warn(error);
        });
    };

    const run = (command: unknown, args: unknown) => {
      try {
        if (command == 'identify') {
          const next = toIdentity(args);
          if (!next) return warn('identify needs email, timestamp, signature');
          identity = next;
          need(purchaseWaiting ? 'purchase' : 'inline');
          purchaseWaiting = false;
        } else if (command == 'purchase') {
          orderId = Object(args).orderId;
          // The ambassador panel needs to know who bought: wait for `identify` if it comes later.
          if (identity) need('purchase');
          else purchaseWaiting = true;
        } else if (command == 'open') {
          need('open');
        } else if (command == 'consent') {
          if (typeof args != 'boolean') return warn('consent needs a boolean');
          consent = args;
          try {
            localStorage.setItem(CONSENT_KEY, args ? '1' : '0');
          } catch {
            // Remembered for this page only.
          }
          if (args) {
            writeCookie(VISITOR_COOKIE, visitorId, YEAR_SECONDS);
            saveReferral();
          } else {
            writeCookie(VISITOR_COOKIE, '', 0);
            writeCookie(REFERRAL_COOKIE, '', 0);
          }
        } else {
          warn('unknown command ' + command);
        }
      } catch (error) {
        warn(error);
      }
    };

    const queued = host.sarafan?.q || [];
    const sarafan: SarafanFunction = run;
    sarafan.loaded = true;
    host.sarafan = sarafan;
    // Identity from the script tag first, so that queued calls can override it.
    if (data.email) run('identify', data);
    // Queued calls run before any cookie is written, so a queued `consent(false)` is honoured.
    for (const call of Array.from(queued)) run(call[0], call[1]);

    if (consent) writeCookie(VISITOR_COOKIE, visitorId, YEAR_SECONDS);

    const url = new URL(location.href);
    const landing = referralFromUrl(url);
    if (landing) {
      const { code } = landing;
      postClick(server, {
        programId,
        code,
        visitorId,
        clickId: landing.clickId,
        url: url.href,
        referrer: document.referrer,
      })
        .then(({ clickId }) => {
          // Last click wins: a new referral replaces the one in the cookie.
          referral = { code, clickId };
          if (consent) saveReferral();
          need('referral');
        })
        .catch(warn);
    }
    removeClickParam(url);

    if (referral) need('referral');
    const findMounts = () => document.querySelector(MOUNT_SELECTOR) && need('inline');
    findMounts();
    // A script in <head> runs before the body's mount points exist.
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', findMounts);
  } catch (error) {
    warn(error);
  }
}
