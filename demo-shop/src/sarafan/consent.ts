import type { FastifyRequest } from 'fastify';
import { html, trustedHtml, type SafeHtml } from '../html.ts';
import { requestCookie } from '../http/cookies.ts';
import type { SarafanCommand } from './embed.ts';

/**
 * A stand-in for a consent banner (a CMP), for shops that embed Sarafan with
 * `data-consent="required"`. The visitor's answer lives in the shop's own `shop_consent` cookie,
 * which remembers a choice and so needs no consent itself; every page passes that answer on to
 * Sarafan with `sarafan('consent', …)`, the way a CMP's callback would.
 */
export const CONSENT_COOKIE = 'shop_consent';

/** `true` or `false` once the visitor answered, `null` before. */
export function consentChoice(request: FastifyRequest): boolean | null {
  const value = requestCookie(request, CONSENT_COOKIE);
  return value === 'yes' ? true : value === 'no' ? false : null;
}

/** The answer for the widget's command queue; nothing until the visitor has answered. */
export function consentCommands(choice: boolean | null): SarafanCommand[] {
  return choice === null ? [] : [['consent', choice]];
}

// Remembers the answer for half a year, tells Sarafan at once and removes the banner.
const ANSWER = trustedHtml(
  "function shopConsent(yes){document.cookie='" +
    CONSENT_COOKIE +
    "='+(yes?'yes':'no')+';path=/;max-age=15552000;samesite=lax';sarafan('consent',yes);document.getElementById('consent-banner').remove()}",
);

/** The banner, shown until the visitor answers. */
export function consentBanner(choice: boolean | null): SafeHtml {
  if (choice !== null) return html``;
  return html`<div id="consent-banner" class="consent-banner" data-testid="consent-banner" role="region" aria-label="Cookies">
  <p>We use cookies to remember who recommended us to you, so that they get their reward.</p>
  <button type="button" data-testid="consent-accept" onclick="shopConsent(true)">Accept</button>
  <button type="button" class="link" data-testid="consent-refuse" onclick="shopConsent(false)">No, thanks</button>
  <script>${ANSWER}</script>
</div>`;
}
