import { CLICK_PARAM, REFERRAL_PARAM, REFERRAL_PARAM_ALIAS, isClickId } from '../../../shared/src/referral-cookie.ts';
import { isReferralCode } from '../../../shared/src/referral-code.ts';
import type { ClickRequest, ClickResponse } from '../../../shared/src/wire.ts';

export interface LandingReferral {
  /** Canonical (upper-case) referral code from `?ref=` or `?via=`. */
  code: string;
  /** From `?sarafan_click=`: the click that `GET /r/{code}` already counted. */
  clickId: string | undefined;
  /** The landing page's address, reported with the click (also when consent comes on a later page). */
  url: string;
}

/** The referral this page was opened with, if the address bar carries a valid code. */
export function referralFromUrl(url: URL): LandingReferral | null {
  const params = url.searchParams;
  const code = (params.get(REFERRAL_PARAM) || params.get(REFERRAL_PARAM_ALIAS) || '').trim().toUpperCase();
  const clickId = params.get(CLICK_PARAM);
  return isReferralCode(code) ? { code, clickId: isClickId(clickId) ? clickId : undefined, url: url.href } : null;
}

/**
 * Drops `sarafan_click` from the address bar, so that a reload, a bookmark or a shared URL does
 * not claim the same click again. The rest of the URL (including `ref`) stays.
 */
export function removeClickParam(url: URL): void {
  if (!url.searchParams.has(CLICK_PARAM)) return;
  url.searchParams.delete(CLICK_PARAM);
  history.replaceState(history.state, '', url.href);
}

/**
 * Reports the click; `keepalive` lets it finish when the visitor navigates away at once. With
 * consent the request carries credentials, so that a tracking server reached under the shop's own
 * site may set `sarafan_ref` itself; without, the browser ignores any cookie in the answer.
 */
export function postClick(server: string, click: ClickRequest, consent: boolean): Promise<ClickResponse> {
  return fetch(server + '/v1/widget/clicks', {
    method: 'POST',
    keepalive: true,
    credentials: consent ? 'include' : 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(click),
  }).then((response) => (response.ok ? response.json() : Promise.reject(Error('click HTTP ' + response.status))));
}
