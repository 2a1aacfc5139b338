import type { FastifyRequest } from 'fastify';

/** The value of one cookie of the request, as sent (no decoding), or null. */
export function requestCookie(request: FastifyRequest, name: string): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}
