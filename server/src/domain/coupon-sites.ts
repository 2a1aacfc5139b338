import { matchesDomainList } from './domain-match.ts';

/**
 * Coupon and deal aggregators: a referral code that earns clicks there is being used as a public
 * discount code, not shared with friends. Programs can add their own domains.
 */
const COUPON_SITES = new Set([
  'retailmenot.com', 'retailmenot.co.uk', 'couponfollow.com', 'coupons.com', 'slickdeals.net',
  'dealspotr.com', 'knoji.com', 'wethrift.com', 'couponbirds.com', 'joinhoney.com', 'honey.com',
  'promocodes.com', 'groupon.com', 'vouchercodes.co.uk', 'myvouchercodes.co.uk', 'hotukdeals.com',
  'mydealz.de', 'dealabs.com', 'savings.com', 'couponcabin.com', 'offers.com', 'dontpayfull.com',
  'goodshop.com', 'coupert.com', 'capitaloneshopping.com', 'rakuten.com', 'pepper.pl', 'promokod.ru',
]);

/** `referrer` is a URL (or a bare host); anything unparsable is not a coupon site. */
export function isCouponSiteReferrer(referrer: string, extraDomains: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(referrer.includes('://') ? referrer : `https://${referrer}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  return matchesDomainList(host, COUPON_SITES) || matchesDomainList(host, extraDomains);
}
