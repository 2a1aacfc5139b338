import { matchesDomainList } from './domain-match.ts';

/**
 * Well-known throwaway mailbox services. A short built-in list on purpose: the big community lists
 * change daily and have false positives; this catches the services fraudsters actually reach for.
 * Subdomains count (`x.mailinator.com`).
 */
const DISPOSABLE_EMAIL_DOMAINS = new Set([
  '10minutemail.com', '10minutemail.net', '20minutemail.com', '33mail.com', 'anonbox.net',
  'burnermail.io', 'discard.email', 'dispostable.com', 'dropmail.me', 'emailondeck.com',
  'fakeinbox.com', 'fakemail.net', 'getairmail.com', 'getnada.com', 'guerrillamail.biz',
  'guerrillamail.com', 'guerrillamail.de', 'guerrillamail.info', 'guerrillamail.net',
  'guerrillamail.org', 'guerrillamailblock.com', 'harakirimail.com', 'inboxkitten.com',
  'incognitomail.org', 'mail.tm', 'mail-temp.com', 'mailcatch.com', 'maildrop.cc',
  'mailinator.com', 'mailinator.net', 'mailnesia.com', 'mailpoof.com', 'mintemail.com',
  'mohmal.com', 'mytemp.email', 'nada.email', 'sharklasers.com', 'spam4.me', 'spamgourmet.com',
  'temp-mail.io', 'temp-mail.org', 'tempail.com', 'tempmail.com', 'tempmail.dev', 'tempmail.net',
  'tempmailo.com', 'tempr.email', 'throwawaymail.com', 'trashmail.com', 'trashmail.de',
  'trashmail.net', 'yopmail.com', 'yopmail.fr', 'yopmail.net',
]);

export function isDisposableEmailDomain(domain: string): boolean {
  return matchesDomainList(domain.toLowerCase(), DISPOSABLE_EMAIL_DOMAINS);
}
