import { encode } from 'uqr';
import { qrLink } from '../share-links.ts';
import type { Messages } from '../messages.ts';

/**
 * The dark modules of the QR code for `text` as one SVG path (a unit square each), quiet zone
 * included. One `d` attribute, no `style`: allowed under a strict Content-Security-Policy.
 */
export function qrSvg(text: string): { size: number; path: string } {
  const { size, data } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => row.forEach((dark, x) => dark && (path += `M${x} ${y}h1v1h-1z`)));
  return { size, path };
}

interface Props {
  link: string;
  code: string;
  t: Messages;
}

/**
 * The referral link as a QR code to show or print: its own lazily loaded chunk (the encoder is
 * most of its weight), rendered as inline SVG, and downloadable as `invite-CODE.svg`.
 */
export function QrCode({ link, code, t }: Props) {
  const { size, path } = qrSvg(qrLink(link));
  const box = `0 0 ${size} ${size}`;
  const file = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box}" width="${size * 8}" height="${size * 8}"><rect width="100%" height="100%" fill="#fff"/><path d="${path}"/></svg>`;
  return (
    <div class="row" data-testid="sarafan-qr">
      <svg viewBox={box} width="160" height="160" role="img" aria-label={t.shareQr} data-testid="sarafan-qr-svg">
        <rect width="100%" height="100%" fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <a
        class="button secondary"
        data-testid="sarafan-qr-download"
        download={`invite-${code}.svg`}
        href={'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(file)}
      >
        {t.qrDownload}
      </a>
    </div>
  );
}
