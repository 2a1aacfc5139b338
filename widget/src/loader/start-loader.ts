import {
  REFERRAL_COOKIE,
  VISITOR_COOKIE,
  formatReferralCookie,
  isVisitorId,
  parseReferralCookie,
  type ReferralCookie,
} from '../../../shared/src/referral-cookie.ts';
import type { IdentityInput, PanelModule, PanelReason } from '../panel-context.ts';
import { THIRTY_DAYS_SECONDS, YEAR_SECONDS, readCookie, writeCookie } from './cookies.ts';
import { isIdentityInput } from './identity-input.ts';
import { PANEL_FILE } from './panel-file.ts';
import { postClick, referralFromUrl, removeClickParam, type LandingReferral } from './referral-click.ts';
import { randomVisitorId } from './visitor-id.ts';
import { warn } from '../warn.ts';

/** `window.sarafan`: the documented stub queues calls in `q` until the loader replaces it. */
export type SarafanFunction = ((command: unknown, args?: unknown) => void) & {
  q?: ArrayLike<unknown>[];
  /** Marks the real function, so that a second copy of the script does nothing. */
  loaded?: true;
};

const CONSENT_KEY = 'sarafan_consent';
/** Consent-required mode: where a landing referral waits for consent, for this tab only. */
const HELD_KEY = 'sarafan_held';
/** Mount points of the panel's placements (inline panel, banner, product share). */
const MOUNT_SELECTOR = '[data-sarafan-panel],[data-sarafan-banner],[data-sarafan-product]';

const importByUrl = (url: string): Promise<PanelModule> => import(/* @vite-ignore */ url);

/**
 * Everything the widget does on every page. Never throws: the shop's page must not break
 * because of us. `importPanel` is replaceable so tests can load the panel from source.
 */
export function startLoader(script: HTMLOrSVGScriptElement | null, importPanel = importByUrl): void {
  try {
    const host = window as unknown as { sarafan?: SarafanFunction };
    if (host.sarafan?.loaded) return warn('loaded twice');
    const data = (script as HTMLScriptElement | null)?.dataset;
    const programId = data?.program;
    if (!programId) return warn('data-program missing');
    // The directory the script was served from, so a server mounted under a path works too.
    const server = new URL('.', (script as HTMLScriptElement).src).href.slice(0, -1);

    // `data-consent="required"`: no cookie and no click until `consent(true)`; otherwise cookies
    // are on until `consent(false)`. A remembered choice wins either way.
    const required = data.consent == 'required';
    let consent = !required;
    try {
      const choice = localStorage.getItem(CONSENT_KEY);
      if (choice) consent = choice != '0';
    } catch {
      // Storage can be blocked (sandboxed frames, strict privacy modes); the mode's default holds.
    }
    const storedVisitor = readCookie(VISITOR_COOKIE);
    const visitorId = isVisitorId(storedVisitor) ? storedVisitor : randomVisitorId();
    let referral: ReferralCookie | null = parseReferralCookie(readCookie(REFERRAL_COOKIE));
    let identity: IdentityInput | null = null;
    let purchaseWaiting = false;
    let orderId: unknown;
    let panel: Promise<PanelModule> | undefined;
    const url = new URL(location.href);
    // The referral this page landed with, else one that an earlier page of this tab kept waiting
    // for consent. Read before the queued calls run, so that a queued `consent` can act on it.
    // Kept as the landing URL and parsed again, so a hand-edited value is checked like an address bar.
    let held = referralFromUrl(url);
    try {
      held ||= referralFromUrl(new URL(sessionStorage.getItem(HELD_KEY)!));
    } catch {
      // Nothing kept (no URL to parse), or storage blocked: a referral waits on this page only.
    }

    const saveReferral = () => referral && writeCookie(REFERRAL_COOKIE, formatReferralCookie(referral), THIRTY_DAYS_SECONDS);

    // Loads the panel chunk once, then lets it show whatever `reason` calls for with the
    // current state (read when the chunk has arrived, not when it was asked for).
    const need = (reason: PanelReason) => {
      (panel ||= importPanel(server + '/widget/' + PANEL_FILE))
        // A referral still waiting for consent is shown too: the friend sees the offer and its
        // coupon code, which attributes the order at checkout without any cookie.
        .then((module) => module.show({ server, programId, visitorId, referral: referral || held, identity, dataset: data, orderId, reason }))
        .catch((error) => {
          panel = undefined;
          warn(error);
        });
    };

    // Reports the click; its answer completes the referral, which replaces any earlier one (last click wins).
    const report = ({ code, clickId, url }: LandingReferral) => {
      postClick(server, { programId, code, visitorId, clickId, url, referrer: document.referrer }, consent)
        .then((answer) => {
          referral = { code, clickId: answer.clickId };
          if (consent) saveReferral();
          need('referral');
        })
        .catch(warn);
    };

    // Sends the waiting click once consent allows (at once when consent is not required). In
    // consent-required mode, whatever still waits is kept for later pages of this tab ('' = nothing).
    const release = () => {
      if (held && (consent || !required)) {
        report(held);
        held = null;
      }
      try {
        if (required) sessionStorage.setItem(HELD_KEY, held ? held.url : '');
      } catch {
        // Memory only: see above.
      }
    };

    const run = (command: unknown, args: unknown) => {
      try {
        if (command == 'identify') {
          if (!isIdentityInput(args)) return warn('identify: email, timestamp, signature?');
          identity = args;
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
          if (typeof args != 'boolean') return warn('consent: boolean');
          // A `sarafan_ref` set by the tracking server is HttpOnly: only the server can delete it.
          // Asked once, when the choice turns to no (it is remembered); the panel chunk does it.
          if (consent && !args) need('forget');
          consent = args;
          try {
            localStorage.setItem(CONSENT_KEY, args ? '1' : '0');
          } catch {
            // Remembered for this page only.
          }
          if (args) {
            writeCookie(VISITOR_COOKIE, visitorId, YEAR_SECONDS);
            saveReferral();
            release();
          } else {
            writeCookie(VISITOR_COOKIE, '', 0);
            writeCookie(REFERRAL_COOKIE, '', 0);
            held = null;
            release();
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
    // Queued calls run before any cookie is written or click sent, so a queued `consent` is honoured.
    for (const call of Array.from(queued)) run(call[0], call[1]);

    if (consent) writeCookie(VISITOR_COOKIE, visitorId, YEAR_SECONDS);
    release();
    removeClickParam(url);

    if (referral || held) need('referral');
    const findMounts = () => (data.launcher || document.querySelector(MOUNT_SELECTOR)) && need('inline');
    findMounts();
    // A script in <head> runs before the body's mount points exist.
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', findMounts);
  } catch (error) {
    warn(error);
  }
}
