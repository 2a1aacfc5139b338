import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../helpers/test-app.ts';
import { ledgerViolations } from '../helpers/ledger-invariants.ts';
import { DEFAULT_REWARD_RULES } from '../../../shared/src/reward-rules/rules.ts';
import { AMBASSADORS, ScenarioRunner, type Order, type Scenario, type Step, type Who } from './scenario-runner.ts';

/**
 * The attribution, fraud and ledger rules as stories told through the HTTP API, each with its
 * expected attribution, reward status, reasons and balances. After every story the ledger's
 * invariants are checked on the database file. Orders are 100.00 EUR (a 10.00 reward) unless told.
 */

const FRIEND = 'friend@example.com';
const ALICE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const BOTS = [
  'WhatsApp/2.23.20.0 A',
  'TelegramBot (like TwitterBot)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Twitterbot/1.0',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)',
  'LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0',
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'curl/8.5.0',
];

const pending = (amount = 1_000) => ({ status: 'pending', amount, reasons: [] });
/** A new friend's first order `o{n}` with Alice's coupon. */
const friendOrder = (n: number, order: Partial<Order> = {}): Step => ({ order: `o${n}`, coupon: 'alice', email: `friend${n}@example.com`, ...order });

const scenarios: Scenario[] = [
  // --- clicks: deduplication, bots, short links
  {
    name: 'an order without any referral is not attributed',
    steps: [{ order: 'o1', email: FRIEND }],
    expect: { orders: { o1: { attributed: false, reason: 'no_referral', reward: null } }, rewards: 0 },
  },
  {
    name: 'a click and an order with its cookie: pending 10% reward',
    steps: [{ click: 'alice', visitor: 'f1' }, { advanceDays: 2 }, { order: 'o1', visitor: 'f1', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, to: 'alice', via: 'click', reward: pending() } }, clicks: { alice: 1 }, balances: { alice: { pending: 1_000 } } },
  },
  {
    name: 'reloads within the hour count once, a visit two hours later counts again',
    steps: [
      { click: 'alice', visitor: 'f1' },
      { click: 'alice', visitor: 'f1' },
      { click: 'alice', visitor: 'f1' },
      { advanceDays: 2 / 24 },
      { click: 'alice', visitor: 'f1' },
    ],
    expect: { clicks: { alice: 2 } },
  },
  {
    name: 'the short link and the landing page together count one click, and the cookie carries it',
    steps: [{ link: 'alice', visitor: 'f1' }, { order: 'o1', visitor: 'f1', email: FRIEND }],
    expect: { clicks: { alice: 1 }, orders: { o1: { attributed: true, to: 'alice', via: 'click' } } },
  },
  {
    name: 'bots and link-preview fetchers get a preview card and are never counted',
    steps: BOTS.map((ua, index) => ({ link: 'alice' as const, visitor: `bot-${index}`, ua })),
    expect: { clicks: { alice: 0 } },
  },
  {
    name: 'HEAD requests and requests without a user agent are not counted',
    steps: [
      { link: 'alice', visitor: 'f1', method: 'HEAD' },
      { link: 'alice', visitor: 'f2', ua: '' },
      { link: 'alice', visitor: 'f3' },
    ],
    expect: { clicks: { alice: 1 } },
  },
  {
    name: "the ambassador's clicks on their own link are not counted",
    steps: [{ identify: AMBASSADORS.alice.email, visitor: 'alice-phone' }, { click: 'alice', visitor: 'alice-phone' }],
    expect: { clicks: { alice: 0 } },
  },
  {
    name: 'consent granted late: the click reported two days after landing still attributes',
    steps: [{ advanceDays: 2 }, { click: 'alice', visitor: 'f1' }, { advanceDays: 1 }, { order: 'o1', visitor: 'f1', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, to: 'alice', via: 'click' } } },
  },
  {
    name: 'consent refused: no cookie, but the friend code typed at checkout attributes',
    steps: [{ order: 'o1', coupon: 'alice', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, to: 'alice', via: 'coupon', reward: pending() } }, clicks: { alice: 0 } },
  },

  // --- attribution window and model
  {
    name: 'the 30-day window is inclusive',
    steps: [{ click: 'alice', visitor: 'f1' }, { advanceDays: 30 }, { order: 'o1', visitor: 'f1' }],
    expect: { orders: { o1: { attributed: true, to: 'alice' } } },
  },
  {
    name: 'a click older than the window does not attribute',
    steps: [{ click: 'alice', visitor: 'f1' }, { advanceDays: 31 }, { order: 'o1', visitor: 'f1' }],
    expect: { orders: { o1: { attributed: false, reason: 'outside_attribution_window', reward: null } } },
  },
  {
    name: 'a 7-day window set by the program',
    settings: { attributionWindowMs: 7 * DAY },
    steps: [{ click: 'alice', visitor: 'f1' }, { advanceDays: 8 }, { order: 'o1', visitor: 'f1' }],
    expect: { orders: { o1: { attributed: false, reason: 'outside_attribution_window' } } },
  },
  {
    name: 'last click wins by default',
    steps: [{ click: 'alice', visitor: 'f1' }, { advanceDays: 1 }, { click: 'bob', visitor: 'f1' }, { order: 'o1', visitor: 'f1' }],
    expect: { orders: { o1: { attributed: true, to: 'bob' } } },
  },
  {
    name: 'first click wins under the first-click model',
    settings: { attributionModel: 'first_click' },
    steps: [{ click: 'alice', visitor: 'f1' }, { advanceDays: 1 }, { click: 'bob', visitor: 'f1' }, { order: 'o1', visitor: 'f1' }],
    expect: { orders: { o1: { attributed: true, to: 'alice', via: 'click' } } },
  },
  {
    name: 'under the first-click model, a first click outside the window gives way to the next',
    settings: { attributionModel: 'first_click' },
    steps: [
      { click: 'alice', visitor: 'f1' },
      { advanceDays: 10 },
      { click: 'bob', visitor: 'f1' },
      { advanceDays: 25 },
      { order: 'o1', visitor: 'f1' },
    ],
    expect: { orders: { o1: { attributed: true, to: 'bob' } } },
  },
  {
    name: 'an unknown coupon code is not a referral',
    steps: [{ order: 'o1', coupon: 'NOSUCHCODE' }],
    expect: { orders: { o1: { attributed: false, reason: 'unknown_referral' } } },
  },
  {
    name: 'a coupon beats a cookie of another ambassador by default',
    steps: [{ click: 'alice', visitor: 'f1' }, { order: 'o1', visitor: 'f1', coupon: 'bob', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, to: 'bob', via: 'coupon' } } },
  },
  {
    name: "a coupon of the cookie's own ambassador keeps the click as the evidence",
    steps: [{ click: 'alice', visitor: 'f1' }, { order: 'o1', visitor: 'f1', coupon: 'alice', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, to: 'alice', via: 'click' } } },
  },
  {
    name: 'the cookie beats the coupon when the program says so',
    settings: { couponBeatsCookie: false },
    steps: [{ click: 'alice', visitor: 'f1' }, { order: 'o1', visitor: 'f1', coupon: 'bob', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, to: 'alice', via: 'click' } } },
  },

  // --- cross-device
  {
    name: 'cross-device by email: referred on the phone, identified there, bought on the laptop without a cookie',
    steps: [
      { click: 'alice', visitor: 'carol-phone' },
      { identify: 'carol@example.com', visitor: 'carol-phone' },
      { advanceDays: 3 },
      { order: 'o1', email: 'Carol@Example.com', visitorIdOnly: 'carol-laptop' },
    ],
    expect: { orders: { o1: { attributed: true, to: 'alice', via: 'customer', reward: pending() } } },
  },
  {
    name: 'cross-device by customer id',
    steps: [
      { link: 'bob', visitor: 'frank-phone' },
      { identify: 'frank@example.com', customerId: 'cus_frank', visitor: 'frank-phone' },
      { order: 'o1', customerId: 'cus_frank' },
    ],
    expect: { orders: { o1: { attributed: true, to: 'bob', via: 'customer' } } },
  },
  {
    name: 'cross-device outside the window is not attributed',
    steps: [
      { click: 'alice', visitor: 'carol-phone' },
      { identify: 'carol@example.com', visitor: 'carol-phone' },
      { advanceDays: 31 },
      { order: 'o1', email: 'carol@example.com' },
    ],
    expect: { orders: { o1: { attributed: false, reason: 'no_referral' } } },
  },

  // --- first purchase and recurring rewards
  {
    name: 'only a first purchase is rewarded: an earlier customer is not a referral',
    steps: [{ order: 'o0', email: 'dave@example.com' }, { click: 'alice', visitor: 'f1' }, { order: 'o1', visitor: 'f1', email: 'dave@example.com' }],
    expect: { orders: { o1: { attributed: false, to: 'alice', reason: 'not_first_purchase', reward: null } }, rewards: 0 },
  },
  {
    name: 'a second purchase of a referred friend earns nothing by default',
    steps: [{ order: 'o1', coupon: 'alice', email: FRIEND }, { advanceDays: 5 }, { order: 'o2', coupon: 'alice', email: FRIEND }],
    expect: { orders: { o1: { attributed: true }, o2: { attributed: false, reason: 'not_first_purchase' } }, rewards: 1 },
  },
  {
    name: 'recurring for 6 months: a repeat purchase without any cookie is rewarded, one after 6 months is not a referral',
    settings: { recurringMonths: 6 },
    steps: [
      { click: 'alice', visitor: 'f1' },
      { order: 'o1', visitor: 'f1', email: FRIEND },
      { advanceDays: 60 },
      { order: 'o2', email: FRIEND, amount: 5_000 },
      { advanceDays: 130 },
      { order: 'o3', email: FRIEND },
    ],
    expect: {
      orders: {
        o1: { attributed: true, via: 'click' },
        o2: { attributed: true, to: 'alice', via: 'repeat', reward: { status: 'pending', amount: 500 } },
        o3: { attributed: false, reason: 'no_referral', reward: null },
      },
    },
  },

  // --- fraud rules
  {
    name: 'self-referral by normalised email (dots, plus-addressing, googlemail) is rejected with a reason',
    steps: [{ order: 'o1', coupon: 'alice', email: 'A.lice.Smith+promo@googlemail.com' }],
    expect: {
      orders: { o1: { attributed: false, to: 'alice', reason: 'self_referral', reward: { status: 'rejected', amount: 0, reasons: ['self_referral_email'] } } },
      balances: { alice: {} },
    },
  },
  {
    name: 'self-referral by customer id',
    steps: [{ order: 'o1', coupon: 'alice', email: 'alias@example.com', customerId: 'cus_alice' }],
    expect: { orders: { o1: { attributed: false, reason: 'self_referral', reward: { status: 'rejected', reasons: ['self_referral_customer_id'] } } } },
  },
  {
    name: "self-referral by the ambassador's browser (visitor id)",
    steps: [
      { identify: AMBASSADORS.alice.email, visitor: 'alice-phone' },
      { click: 'alice', visitor: 'alice-phone' },
      { order: 'o1', visitor: 'alice-phone', email: 'alias@example.com' },
    ],
    // Her phone is also where she identified from: the IP + user agent rule fires too.
    expect: {
      orders: {
        o1: { attributed: false, reason: 'self_referral', reward: { status: 'rejected', reasons: ['self_referral_visitor', 'self_referral_ip_ua'] } },
      },
    },
  },
  {
    name: "self-referral by the IP and user agent of the ambassador's own visits",
    steps: [
      { identify: AMBASSADORS.alice.email, visitor: 'alice-phone', ip: '198.51.100.20', ua: ALICE_UA },
      { order: 'o1', coupon: 'alice', email: 'alias@example.com', ip: '198.51.100.20', ua: ALICE_UA },
      { order: 'o2', coupon: 'alice', email: FRIEND, ip: '198.51.100.21', ua: ALICE_UA },
    ],
    expect: {
      orders: {
        o1: { attributed: false, reason: 'self_referral', reward: { status: 'rejected', reasons: ['self_referral_ip_ua'] } },
        o2: { attributed: true, reward: pending() },
      },
    },
  },
  {
    name: 'behind a proxy the server does not trust, every customer has its address: the IP rules stay silent',
    steps: [
      { identify: AMBASSADORS.alice.email, visitor: 'alice-phone', ip: '127.0.0.1', ua: ALICE_UA },
      { click: 'alice', visitor: 'f1', ip: '127.0.0.1', ua: ALICE_UA },
      { order: 'o1', visitor: 'f1', email: 'p1@example.com', ip: '10.0.0.5', ua: ALICE_UA },
      { order: 'o2', coupon: 'alice', email: 'p2@example.com', ip: '10.0.0.5' },
      { order: 'o3', coupon: 'alice', email: 'p3@example.com', ip: '10.0.0.5' },
      { order: 'o4', coupon: 'alice', email: 'p4@example.com', ip: '10.0.0.5' },
    ],
    expect: { orders: { o1: { attributed: true, via: 'click', reward: pending() }, o4: { attributed: true, reward: pending() } } },
  },
  {
    name: 'self-referral held for review when the program prefers a human look',
    settings: { fraudActions: { self_referral: 'hold' } },
    steps: [{ order: 'o1', coupon: 'alice', email: AMBASSADORS.alice.email }],
    expect: {
      orders: { o1: { attributed: true, reward: { status: 'held', amount: 1_000, reasons: ['self_referral_email'] } } },
      balances: { alice: { held: 1_000 } },
    },
  },
  {
    name: 'a disposable email address holds the reward for review',
    steps: [{ order: 'o1', coupon: 'alice', email: 'x7@mailinator.com' }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'held', reasons: ['disposable_email'] } } }, balances: { alice: { held: 1_000 } } },
  },
  {
    name: 'a disposable email address rejects the reward when the program says so',
    settings: { fraudActions: { disposable_email: 'reject' } },
    steps: [{ order: 'o1', coupon: 'alice', email: 'x7@sub.yopmail.com' }],
    expect: { orders: { o1: { attributed: false, reason: 'disposable_email', reward: { status: 'rejected', reasons: ['disposable_email'] } } } },
  },
  {
    name: 'many referred orders from one IP within a day: the fourth is held',
    steps: [
      { order: 'o1', coupon: 'alice', email: 'p1@example.com', ip: '192.0.2.50' },
      { order: 'o2', coupon: 'alice', email: 'p2@example.com', ip: '192.0.2.50' },
      { order: 'o3', coupon: 'bob', email: 'p3@example.com', ip: '192.0.2.50' },
      { order: 'o4', coupon: 'alice', email: 'p4@example.com', ip: '192.0.2.50' },
      { order: 'o5', coupon: 'alice', email: 'p5@example.com', ip: '192.0.2.51' },
      { advanceDays: 1.5 },
      { order: 'o6', coupon: 'alice', email: 'p6@example.com', ip: '192.0.2.50' },
    ],
    expect: {
      orders: {
        o3: { attributed: true, reward: pending() },
        o4: { attributed: true, reward: { status: 'held', reasons: ['ip_velocity'] } },
        o5: { attributed: true, reward: pending() },
        o6: { attributed: true, reward: pending() },
      },
    },
  },
  {
    name: 'a code clicked on a coupon-sharing site holds the reward',
    steps: [{ click: 'alice', visitor: 'f1', referrer: 'https://www.retailmenot.com/view/lindenloom.example' }, { order: 'o1', visitor: 'f1', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'held', reasons: ['coupon_site_referrer'] } } } },
  },
  {
    name: "a referrer domain on the program's own blocklist holds the reward",
    settings: { blockedReferrerDomains: ['deals.example'] },
    steps: [{ click: 'alice', visitor: 'f1', referrer: 'https://forum.deals.example/t/123' }, { order: 'o1', visitor: 'f1', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'held', reasons: ['coupon_site_referrer'] } } } },
  },

  // --- duplicates
  {
    name: 'the same conversion sent again changes nothing',
    steps: [{ order: 'o1', coupon: 'alice', email: FRIEND }, { advanceDays: 1 }, { order: 'o1', coupon: 'alice', email: FRIEND }],
    expect: { orders: { o1: { attributed: true, reward: pending() } }, conversions: 1, rewards: 1, balances: { alice: { pending: 1_000 } } },
  },
  {
    name: 'ten concurrent copies of one conversion make one conversion and one reward',
    steps: [{ concurrentOrders: 10, order: 'o1', coupon: 'alice', email: FRIEND }],
    expect: { conversions: 1, rewards: 1, balances: { alice: { pending: 1_000 } } },
  },

  // --- refunds
  {
    name: 'partial refunds shrink a pending reward in proportion; the rest of the refund voids it',
    steps: [
      { order: 'o1', coupon: 'alice', email: FRIEND },
      { refund: 'o1', amount: 2_500 },
      { refund: 'o1', amount: 2_500 },
      { refund: 'o1' },
    ],
    expect: { orders: { o1: { attributed: true, reward: { status: 'voided', amount: 0 } } }, balances: { alice: {} } },
  },
  {
    name: 'a refund repeated with the same refund id is applied once',
    steps: [
      { order: 'o1', coupon: 'alice', email: FRIEND },
      { refund: 'o1', amount: 2_500, refundId: 'r-1' },
      { refund: 'o1', amount: 2_500, refundId: 'r-1' },
    ],
    expect: { orders: { o1: { attributed: true, reward: { status: 'pending', amount: 750 } } }, balances: { alice: { pending: 750 } } },
  },
  {
    name: 'after the 14-day hold period the reward is approved, and approving again changes nothing',
    steps: [
      { order: 'o1', coupon: 'alice', email: FRIEND },
      { advanceDays: 13 },
      { approveDue: true },
      { advanceDays: 1 },
      { approveDue: true },
      { approveDue: true },
    ],
    expect: { orders: { o1: { attributed: true, reward: { status: 'approved', amount: 1_000 } } }, balances: { alice: { approved: 1_000 } } },
  },
  {
    name: 'a refund after approval claws back in proportion',
    steps: [{ order: 'o1', coupon: 'alice', email: FRIEND }, { advanceDays: 14 }, { approveDue: true }, { refund: 'o1', amount: 5_000 }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'approved', amount: 500 } } }, balances: { alice: { approved: 500 } } },
  },
  {
    name: 'a refund after payment makes the balance negative, and the next reward nets it out',
    steps: [
      { order: 'o1', coupon: 'alice', email: FRIEND },
      { advanceDays: 14 },
      { approveDue: true },
      { review: 'o1', decision: 'paid' },
      { refund: 'o1' },
      { order: 'o2', coupon: 'alice', email: 'friend2@example.com', amount: 15_000 },
      { advanceDays: 14 },
      { approveDue: true },
    ],
    expect: {
      orders: { o1: { attributed: true, reward: { status: 'paid', amount: 0 } }, o2: { attributed: true, reward: { status: 'approved', amount: 1_500 } } },
      balances: { alice: { approved: 500, paid: 1_000 } },
    },
  },

  // --- order status
  {
    name: 'when the program waits for fulfilment, the hold period starts then',
    settings: { holdStartsAt: 'fulfilled' },
    steps: [
      { order: 'o1', coupon: 'alice', email: FRIEND },
      { advanceDays: 20 },
      { approveDue: true },
      { status: 'o1', to: 'fulfilled' },
      { advanceDays: 13 },
      { approveDue: true },
    ],
    expect: { orders: { o1: { attributed: true, reward: { status: 'pending' } } }, balances: { alice: { pending: 1_000 } } },
  },
  {
    name: 'fulfilment plus the hold period approves the reward',
    settings: { holdStartsAt: 'fulfilled' },
    steps: [{ order: 'o1', coupon: 'alice', email: FRIEND }, { status: 'o1', to: 'fulfilled' }, { advanceDays: 14 }, { approveDue: true }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'approved' } } }, balances: { alice: { approved: 1_000 } } },
  },
  {
    name: 'cancellation before approval voids the reward',
    steps: [{ order: 'o1', coupon: 'alice', email: FRIEND }, { status: 'o1', to: 'canceled' }, { advanceDays: 14 }, { approveDue: true }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'voided', amount: 0 } } }, balances: { alice: {} } },
  },
  {
    name: 'cancellation after approval claws the whole reward back',
    steps: [{ order: 'o1', coupon: 'alice', email: FRIEND }, { advanceDays: 14 }, { approveDue: true }, { status: 'o1', to: 'canceled' }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'approved', amount: 0 } } }, balances: { alice: {} } },
  },
  {
    name: 'an order status never goes back, and a canceled order is not a previous purchase',
    steps: [
      { order: 'o1', coupon: 'alice', email: FRIEND },
      { status: 'o1', to: 'fulfilled' },
      { status: 'o1', to: 'paid', expectCode: 409 },
      { status: 'o1', to: 'fulfilled' },
      { status: 'o1', to: 'canceled' },
      { status: 'o1', to: 'fulfilled', expectCode: 409 },
      { order: 'o2', coupon: 'alice', email: FRIEND },
    ],
    expect: { orders: { o2: { attributed: true, reward: pending() } } },
  },

  // --- owner review
  {
    name: 'a held reward approved by the owner goes through its hold period, then is approved',
    steps: [
      { order: 'o1', coupon: 'alice', email: 'x@guerrillamail.com' },
      { review: 'o1', decision: 'approve', note: 'called the customer' },
      { review: 'o1', decision: 'approve' },
      { advanceDays: 14 },
      { approveDue: true },
    ],
    expect: { orders: { o1: { attributed: true, reward: { status: 'approved', amount: 1_000, reasons: ['disposable_email'] } } }, balances: { alice: { approved: 1_000 } } },
  },
  {
    name: 'a held reward rejected by the owner is worth nothing',
    steps: [{ order: 'o1', coupon: 'alice', email: 'x@guerrillamail.com' }, { review: 'o1', decision: 'reject', note: 'fake order' }, { advanceDays: 14 }, { approveDue: true }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'rejected', amount: 0 } } }, balances: { alice: {} } },
  },
  {
    name: 'a refund of a held reward voids it',
    steps: [{ order: 'o1', coupon: 'alice', email: 'x@guerrillamail.com' }, { refund: 'o1' }],
    expect: { orders: { o1: { attributed: true, reward: { status: 'voided', amount: 0 } } }, balances: { alice: {} } },
  },

  // --- reward rules (versioned configuration): each order is a new friend through Alice's coupon
  {
    name: 'flat reward: 5.00 EUR cash per conversion, whatever the order',
    settings: { rules: { ...DEFAULT_REWARD_RULES, referrer: { kind: 'cash', rate: { type: 'flat', amounts: { EUR: 500 } } } } },
    steps: [friendOrder(1, { amount: 30_000 })],
    expect: { orders: { o1: { attributed: true, reward: pending(500) } }, balances: { alice: { pending: 500 } } },
  },
  {
    name: 'per-category rate and an excluded category, from the order items',
    settings: { rules: { ...DEFAULT_REWARD_RULES, itemRates: [{ category: 'kitchen', basisPoints: 2_000 }], excludedCategories: ['gift-cards'] } },
    steps: [friendOrder(1, { items: [{ sku: 'mug', category: 'kitchen', amount: 2_500, quantity: 2 }, { sku: 'gc', category: 'gift-cards', amount: 5_000, quantity: 1 }] })],
    expect: { orders: { o1: { attributed: true, reward: pending(1_000) } } },
  },
  {
    name: 'threshold: rewards start with the 3rd successful referral',
    settings: { rules: { ...DEFAULT_REWARD_RULES, threshold: 3 } },
    steps: [friendOrder(1), friendOrder(2), friendOrder(3)],
    expect: { orders: { o1: { attributed: true, reward: null }, o2: { attributed: true, reward: null }, o3: { attributed: true, reward: pending() } }, rewards: 1 },
  },
  {
    name: 'milestone bonus at the 3rd friend: its own reward in the ledger',
    settings: { rules: { ...DEFAULT_REWARD_RULES, milestones: [{ referrals: 3, amounts: { EUR: 2_500 } }, { referrals: 10, amounts: { EUR: 10_000 } }] } },
    steps: [friendOrder(1), friendOrder(2), friendOrder(3), friendOrder(4)],
    expect: {
      orders: { o3: { attributed: true, reward: pending(), bonuses: [{ milestone: 3, status: 'pending', amount: 2_500 }] }, o4: { attributed: true, bonuses: [] } },
      balances: { alice: { pending: 6_500 } },
      rewards: 5,
    },
  },
  {
    name: 'a milestone reached by an order later refunded in full: the bonus is voided and reached again',
    settings: { rules: { ...DEFAULT_REWARD_RULES, milestones: [{ referrals: 2, amounts: { EUR: 2_000 } }] } },
    steps: [friendOrder(1), friendOrder(2), { refund: 'o2' }, friendOrder(3)],
    expect: {
      orders: {
        o2: { attributed: true, reward: { status: 'voided', amount: 0 }, bonuses: [{ milestone: 2, status: 'voided', amount: 0 }] },
        o3: { attributed: true, reward: pending(), bonuses: [{ milestone: 2, status: 'pending', amount: 2_000 }] },
      },
      balances: { alice: { pending: 4_000 } },
    },
  },
  {
    name: 'a partial refund keeps the milestone bonus; an approved bonus is clawed back when its order is canceled',
    settings: { rules: { ...DEFAULT_REWARD_RULES, milestones: [{ referrals: 1, amounts: { EUR: 1_500 } }] } },
    steps: [friendOrder(1), { refund: 'o1', amount: 5_000 }, { advanceDays: 15 }, { approveDue: true }, { status: 'o1', to: 'canceled' }],
    expect: { orders: { o1: { attributed: true, bonuses: [{ milestone: 1, status: 'approved', amount: 0 }] } }, balances: { alice: {} } },
  },
  {
    name: 'tiers: the rate grows from the 2nd referral, and a VIP tier set by hand beats it',
    settings: { rules: { ...DEFAULT_REWARD_RULES, tiers: [{ name: 'silver', fromReferrals: 2, bonusBasisPoints: 500 }, { name: 'vip', fromReferrals: null, bonusBasisPoints: 1_500 }] } },
    steps: [friendOrder(1), friendOrder(2), { choose: 'alice', tier: 'vip' }, friendOrder(3)],
    expect: { orders: { o1: { attributed: true, reward: pending(1_000) }, o2: { attributed: true, reward: pending(1_500) }, o3: { attributed: true, reward: pending(2_500) } } },
  },
  {
    name: 'caps: per referral, then per ambassador per month; a new month starts afresh',
    settings: { rules: { ...DEFAULT_REWARD_RULES, limits: { ...DEFAULT_REWARD_RULES.limits, perReferral: { EUR: 800 }, perAmbassadorMonthly: { EUR: 2_000 } } } },
    steps: [friendOrder(1), friendOrder(2), friendOrder(3), { advanceDays: 31 }, friendOrder(4)],
    expect: { orders: { o1: { attributed: true, reward: pending(800) }, o2: { attributed: true, reward: pending(800) }, o3: { attributed: true, reward: pending(400) }, o4: { attributed: true, reward: pending(800) } } },
  },
  {
    name: 'program budget: the last reward gets what is left, then nothing',
    settings: { rules: { ...DEFAULT_REWARD_RULES, limits: { ...DEFAULT_REWARD_RULES.limits, programBudget: { EUR: 1_500 } } } },
    steps: [friendOrder(1), friendOrder(2), friendOrder(3)],
    expect: { orders: { o1: { attributed: true, reward: pending(1_000) }, o2: { attributed: true, reward: pending(500) }, o3: { attributed: true, reward: null } } },
  },
  {
    name: 'split: Alice gives half of her reward to each friend through her link',
    settings: { rules: { ...DEFAULT_REWARD_RULES, split: { enabled: true, choices: [0, 50, 100] } } },
    steps: [{ choose: 'alice', friendSharePercent: 50 }, friendOrder(1)],
    expect: { orders: { o1: { attributed: true, reward: pending(500), friendShare: 500 } }, balances: { alice: { pending: 500 } } },
  },
  {
    name: 'tier + category rate + cap together',
    settings: {
      rules: {
        ...DEFAULT_REWARD_RULES,
        itemRates: [{ category: 'kitchen', basisPoints: 2_000 }],
        tiers: [{ name: 'vip', fromReferrals: null, bonusBasisPoints: 1_000 }],
        limits: { ...DEFAULT_REWARD_RULES.limits, perReferral: { EUR: 2_500 } },
      },
    },
    steps: [{ choose: 'alice', tier: 'vip' }, friendOrder(1, { items: [{ sku: 'pan', category: 'kitchen', amount: 10_000, quantity: 1 }] })],
    expect: { orders: { o1: { attributed: true, reward: pending(2_500) } } },
  },
  {
    name: 'friend-only program: the order is attributed, the friend gets the offer, the referrer nothing',
    settings: { rules: { ...DEFAULT_REWARD_RULES, sides: 'friend' } },
    steps: [friendOrder(1)],
    expect: { orders: { o1: { attributed: true, reward: null } }, rewards: 0 },
  },
  {
    name: 'minimum order: a small order earns nothing',
    settings: { rules: { ...DEFAULT_REWARD_RULES, limits: { ...DEFAULT_REWARD_RULES.limits, minimumOrder: { EUR: 5_000 } } } },
    steps: [friendOrder(1, { amount: 4_999 }), friendOrder(2, { amount: 5_000 })],
    expect: { orders: { o1: { attributed: true, reward: null }, o2: { attributed: true, reward: pending(500) } } },
  },
  {
    name: 'points: the reward is counted in points, apart from money',
    settings: { rules: { ...DEFAULT_REWARD_RULES, referrer: { kind: 'points', rate: { type: 'percent', basisPoints: 1_000 } } } },
    steps: [friendOrder(1)],
    expect: { orders: { o1: { attributed: true, reward: { status: 'pending', amount: 1_000, currency: 'points' } as never } }, balances: { alice: {} } },
  },
];

describe('attribution, fraud and ledger scenarios', () => {
  let runner: ScenarioRunner | null = null;
  afterEach(async () => {
    if (runner) {
      // The ledger explains every reward after every story.
      expect(ledgerViolations(runner.t.dbPath)).toEqual([]);
      await runner.t.close();
    }
    runner = null;
  });

  it('has at least 40 stories', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
  });

  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    runner = await ScenarioRunner.start(scenario);
    await runner.run(scenario.steps);
    const expected = scenario.expect;
    for (const [orderId, want] of Object.entries(expected.orders ?? {})) {
      const order = await runner.order(orderId);
      expect(order.attributed, `${orderId} attributed`).toBe(want.attributed);
      if (want.to) expect(order.ambassadorCode, `${orderId} ambassador`).toBe(runner.code(want.to));
      if (want.via) expect(order.attributedVia, `${orderId} via`).toBe(want.via);
      if (want.reason) expect(order.reason, `${orderId} reason`).toBe(want.reason);
      if (want.reward === null) expect(order.reward, `${orderId} reward`).toBeUndefined();
      else if (want.reward) expect(order.reward, `${orderId} reward`).toMatchObject(want.reward);
      if (want.bonuses) expect(order.bonuses ?? [], `${orderId} bonuses`).toMatchObject(want.bonuses);
      if (want.friendShare !== undefined) expect(order.friendShare, `${orderId} friend share`).toBe(want.friendShare);
    }
    for (const [who, count] of Object.entries(expected.clicks ?? {})) {
      expect(await runner.clicks(who as Who), `${who} clicks`).toBe(count);
    }
    for (const [who, balance] of Object.entries(expected.balances ?? {})) {
      expect(await runner.balances(who as Who), `${who} balances`).toEqual({ held: 0, pending: 0, approved: 0, paid: 0, ...balance });
    }
    if (expected.conversions !== undefined) expect(runner.t.count('conversions')).toBe(expected.conversions);
    if (expected.rewards !== undefined) expect(runner.t.count('rewards')).toBe(expected.rewards);
  });
});
