import type { SessionRequest, SessionResponse } from '../../../shared/src/wire.ts';
import type { PanelContext } from '../panel-context.ts';
import { warn } from '../warn.ts';
import { toIdentity } from './identity.ts';

/** A slow server must not leave a dialog popping up long after the visitor moved on. */
export const SESSION_TIMEOUT_MS = 8000;

const sessions = new Map<string, Promise<SessionResponse | null>>();

/**
 * One `POST /v1/widget/session` per distinct request and page: every placement shares it.
 * `null` when the server is down, slow or refuses; failures are not cached, so a later call
 * tries again.
 */
export function loadSession(context: PanelContext): Promise<SessionResponse | null> {
  const request: SessionRequest = {
    programId: context.programId,
    visitorId: context.visitorId,
    // Only what the server knows: a referral waiting for consent also carries its landing URL.
    referral: context.referral ? { code: context.referral.code, clickId: context.referral.clickId } : undefined,
    identity: toIdentity(context.identity) ?? undefined,
    joinToken: storedJoinToken(),
  };
  const key = JSON.stringify(request);
  let session = sessions.get(key);
  if (!session) {
    session = fetchSession(context.server, request);
    sessions.set(key, session);
    void session.then((answer) => answer || sessions.delete(key));
  }
  return session;
}

async function fetchSession(server: string, request: SessionRequest): Promise<SessionResponse | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SESSION_TIMEOUT_MS);
  try {
    const response = await fetch(server + '/v1/widget/session', {
      method: 'POST',
      // Sends the tracking server's own HttpOnly `sarafan_ref` (first party only), which names the
      // referral when this page cannot: a friend identifying on a later page is bound to it.
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: abort.signal,
    });
    if (!response.ok) throw Error('session failed: HTTP ' + response.status);
    return (await response.json()) as SessionResponse;
  } catch (error) {
    warn(error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The token `POST /v1/widget/join` gave this browser (`JOIN_TOKEN_KEY` in `extras/join-token.ts`;
 * spelled out here so that the panel entry exports nothing more for the extras chunk). */
function storedJoinToken(): string | undefined {
  try {
    return localStorage.sarafan_join;
  } catch {
    // Storage blocked: this visitor joins again on every visit.
  }
}

/** For tests: forget the sessions of earlier cases. */
export function clearSessions(): void {
  sessions.clear();
}
