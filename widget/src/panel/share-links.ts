import type { ShareChannel } from '../../../shared/src/wire.ts';

/** The channels that are plain links, in the order the panel shows them. */
export type LinkChannel = Extract<ShareChannel, 'whatsapp' | 'telegram' | 'x' | 'facebook' | 'email' | 'sms'>;

const e = encodeURIComponent;

/**
 * Each channel's share address for `link`, with `title` (the e-mail subject) and `text` (the
 * invitation; it ends with a colon, the link follows). Where a channel takes one text only, the
 * link goes into it, so it survives apps that drop a separate `url`.
 */
export function shareLinks(link: string, title: string, text: string): Record<LinkChannel, string> {
  const message = text + ' ' + link;
  return {
    whatsapp: 'https://wa.me/?text=' + e(message),
    telegram: 'https://t.me/share/url?url=' + e(link) + '&text=' + e(text),
    x: 'https://x.com/intent/post?text=' + e(text) + '&url=' + e(link),
    facebook: 'https://www.facebook.com/sharer/sharer.php?u=' + e(link),
    email: 'mailto:?subject=' + e(title) + '&body=' + e(text + '\n\n' + link),
    // `?&`: iOS reads the body after `&`, Android after `?`; both accept this form.
    sms: 'sms:?&body=' + e(message),
  };
}

/** What a QR code encodes: the link marked `qr=1`, so the server counts the scan as a QR click. */
export function qrLink(link: string): string {
  return link + (link.includes('?') ? '&' : '?') + 'qr=1';
}
