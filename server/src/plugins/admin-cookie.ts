import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestCookie } from './request-cookies.ts';

/** The owner dashboard's session cookie. Its value is a random token; only its hash is stored. */
export const ADMIN_COOKIE = 'sarafan_admin';
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** The session token from the request's cookies, if one that could be ours is there. */
export function readAdminCookie(request: FastifyRequest): string | null {
  const value = requestCookie(request, ADMIN_COOKIE);
  return value !== null && TOKEN.test(value) ? value : null;
}

/**
 * HttpOnly (scripts never see it), SameSite=Strict (no other site's page sends it), whole server
 * (the dashboard calls `/v1`), Secure when the request came over https.
 */
export function setAdminCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeMs: number): void {
  void reply.header('set-cookie', adminCookieHeader(token, Math.floor(maxAgeMs / 1000), request.protocol === 'https'));
}

export function clearAdminCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', adminCookieHeader('', 0, request.protocol === 'https'));
}

function adminCookieHeader(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${ADMIN_COOKIE}=${value}`, 'Path=/', `Max-Age=${maxAgeSeconds}`, 'HttpOnly', ...(secure ? ['Secure'] : []), 'SameSite=Strict'].join(
    '; ',
  );
}

/** Whether a browser's `Origin` header names this server: as the request reached it, or as configured. */
export function isOwnOrigin(request: FastifyRequest, origin: string, publicUrl: string): boolean {
  const asReached = `${request.protocol}://${request.host}`;
  return origin === asReached || origin === originOf(publicUrl);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
