import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { FastifyPluginAsync } from 'fastify';

/**
 * Where the shop's pages reach Sarafan: a path on the shop's own site, forwarded to the tracking
 * server. The browser then sees Sarafan as first party, so the click answer can set `sarafan_ref`
 * as an HttpOnly cookie that Safari does not cap at 7 days. In production a reverse proxy does
 * the same (see the README's nginx `location /sarafan/` block); this is the demo's few lines.
 */
export const SARAFAN_PROXY_PATH = '/sarafan';

/** Hop-by-hop headers belong to one connection and are not forwarded (RFC 9110, 7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

/**
 * Forwards `{SARAFAN_PROXY_PATH}/*` to `sarafanUrl` as it came: method, body and headers, the
 * browser's `Host` included (like nginx `proxy_set_header Host $host`). That Host, equal to the
 * page's Origin, is how the tracking server knows it is first party. The answer comes back as it
 * went, `Set-Cookie` included.
 */
export const sarafanProxy: FastifyPluginAsync<{ sarafanUrl: string }> = async (app, { sarafanUrl }) => {
  const upstream = new URL(sarafanUrl.endsWith('/') ? sarafanUrl : sarafanUrl + '/');
  // Bodies pass through as streams; this plugin parses nothing.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

  app.all(`${SARAFAN_PROXY_PATH}/*`, (request, reply) => {
    const target = new URL(request.url.slice(SARAFAN_PROXY_PATH.length + 1), upstream);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const forwarded = send(target, {
      method: request.method,
      headers: {
        ...forwardable(request.headers),
        'x-forwarded-for': request.ip,
        'x-forwarded-host': request.host,
        'x-forwarded-proto': request.protocol,
      },
    });
    forwarded.on('response', (answer) => {
      void reply.code(answer.statusCode ?? 502).headers(forwardable(answer.headers)).send(answer);
    });
    forwarded.on('error', (error) => {
      request.log.warn({ reason: error.message }, 'Sarafan could not be reached through the proxy');
      if (!reply.sent) void reply.code(502).type('text/plain; charset=utf-8').send('Sarafan is not reachable.');
    });
    const body = request.raw.readableEnded ? null : request.raw;
    if (body && request.method !== 'GET' && request.method !== 'HEAD') body.pipe(forwarded);
    else forwarded.end();
    return reply;
  });
};
