import { createServer, type Server } from 'node:http';
import { HOST_STYLES, type HostStyle } from './host-styles.ts';

/** The documented two-line embed's first line, the only inline script a page needs. */
export const STUB = 'window.sarafan=window.sarafan||function(){(sarafan.q=sarafan.q||[]).push(arguments)};';
/** `'sha256-…'` of STUB, as widget/README.md gives it for `script-src`. */
export const STUB_HASH = "'sha256-1guNsP20WFW2huXYOoLVsqMkeoI+046pUQ/wW7W/+uk='";

/** The strict policy of widget/README.md: no inline script but the stub, no eval, no inline style. */
export function strictPolicy(trackingServer: string, { workers = true } = {}): string {
  return [
    "default-src 'none'",
    `script-src ${STUB_HASH} ${trackingServer}`,
    `connect-src ${trackingServer}`,
    ...(workers ? ['worker-src blob:'] : []),
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The shop's own rule for the mount point, as widget/README.md asks: it reserves the panel's height. */
const MOUNT_CSS = '.sarafan-mount{display:block;min-height:560px;max-width:480px;margin:0 auto}';

export interface HostPageOptions {
  trackingServer: string;
  /** `data-*` attributes for the script tag (identity, language, …), without the `data-` prefix. */
  scriptData: Record<string, string>;
}

export interface HostServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A shop that is hard on embedded widgets: `/{style}` is a page with one of HOST_STYLES as its
 * stylesheet (`/{style}.css`), an inline mount point that reserves its height, and the strict
 * Content-Security-Policy (`?workers=no`: without its `worker-src blob:`). `scriptData` is read
 * on every request, so a test can change it.
 */
export async function startHostServer(port: number, options: HostPageOptions): Promise<HostServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://host.test');
    const path = url.pathname;
    const style = path.replace(/^\/|\.css$/g, '') as HostStyle;
    if (!(style in HOST_STYLES)) {
      response.writeHead(404).end();
    } else if (path.endsWith('.css')) {
      response.writeHead(200, { 'content-type': 'text/css' }).end(HOST_STYLES[style] + MOUNT_CSS);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': strictPolicy(options.trackingServer, { workers: url.searchParams.get('workers') !== 'no' }),
        })
        .end(hostPage(style, options));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function hostPage(style: HostStyle, { trackingServer, scriptData }: HostPageOptions): string {
  const attributes = Object.entries({ program: 'demo', ...scriptData })
    .map(([name, value]) => ` data-${name.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase())}="${escapeAttribute(value)}"`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hostile host: ${style}</title>
<link rel="stylesheet" href="/${style}.css">
<script>${STUB}</script>
<script async src="${trackingServer}/widget.js"${attributes}></script>
</head>
<body>
<main>
<h1>Your account</h1>
<div class="sarafan-mount" data-sarafan-panel></div>
<p id="after-panel">Orders, addresses and the rest of the account page.</p>
</main>
</body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
