/** Domains whose mailboxes ignore dots in the local part and anything after a `+`. */
const GMAIL_STYLE_DOMAINS = new Set(['gmail.com', 'googlemail.com']);
/** Domains that ignore anything after a `+` but keep dots. */
const PLUS_ADDRESSING_DOMAINS = new Set([
  'outlook.com', 'hotmail.com', 'live.com', 'icloud.com', 'me.com', 'fastmail.com',
  'proton.me', 'protonmail.com', 'yandex.ru', 'ya.ru',
]);

export const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

/**
 * The form of an address that identifies one mailbox, so that `Alice.Smith+shop@Gmail.com` and
 * `alicesmith@gmail.com` count as the same person (self-referral, idempotent ambassadors).
 */
export function normaliseEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  if (domain === 'googlemail.com') domain = 'gmail.com';
  if (GMAIL_STYLE_DOMAINS.has(domain) || PLUS_ADDRESSING_DOMAINS.has(domain)) {
    const plus = local.indexOf('+');
    if (plus > 0) local = local.slice(0, plus);
  }
  if (GMAIL_STYLE_DOMAINS.has(domain)) local = local.replaceAll('.', '');
  return `${local}@${domain}`;
}
