import type { FastifyReply, FastifyRequest } from 'fastify';
import { CART_COOKIE, formatCart, itemCount, parseCart, type Cart } from '../cart.ts';
import { CUSTOMER_COOKIE, SESSION_MAX_AGE_MS } from '../customer-session.ts';
import { html, type SafeHtml } from '../html.ts';
import { clearCookie, parseCookies, requestCookie, safeDecode, setCookie } from '../http/cookies.ts';
import { layout } from '../pages/layout.ts';
import { consentBanner, consentChoice, consentCommands } from '../sarafan/consent.ts';
import { sarafanEmbed, type SarafanCommand } from '../sarafan/embed.ts';
import { identifyArgsFor } from '../sarafan/identity.ts';
import { SARAFAN_PROXY_PATH } from '../sarafan/proxy.ts';
import type { ShopContext } from '../shop-context.ts';
import type { Customer } from '../store.ts';

/** The signed-in customer, or null for a missing, forged or expired cookie. */
export function currentCustomer(shop: ShopContext, request: FastifyRequest): Customer | null {
  const customerId = shop.sessions.verify(requestCookie(request, CUSTOMER_COOKIE));
  return customerId === null ? null : shop.store.customerById(customerId);
}

export function signIn(shop: ShopContext, reply: FastifyReply, customer: Customer): void {
  setCookie(reply, CUSTOMER_COOKIE, shop.sessions.issue(customer.id), {
    maxAgeSeconds: SESSION_MAX_AGE_MS / 1000,
    httpOnly: true,
    secure: isHttps(shop),
  });
}

export function signOut(reply: FastifyReply): void {
  clearCookie(reply, CUSTOMER_COOKIE);
}

export function currentCart(request: FastifyRequest): Cart {
  return parseCart(safeDecode(parseCookies(request.headers.cookie).get(CART_COOKIE)));
}

export function saveCart(shop: ShopContext, reply: FastifyReply, cart: Cart): void {
  if (cart.length === 0) clearCookie(reply, CART_COOKIE);
  else setCookie(reply, CART_COOKIE, formatCart(cart), { maxAgeSeconds: 7 * 24 * 3600, httpOnly: true, secure: isHttps(shop) });
}

function isHttps(shop: ShopContext): boolean {
  return shop.config.publicUrl.startsWith('https:');
}

export interface PageOptions {
  title: string;
  body: SafeHtml;
  status?: number;
  /** Page-specific widget commands, queued after `identify`. */
  commands?: readonly SarafanCommand[];
  /** Overrides the cart read from the request (after the handler changed it). */
  cart?: Cart;
  /** Overrides the customer read from the request (after the handler signed someone in or out). */
  customer?: Customer | null;
}

/**
 * Renders a page in the shop layout, with the Sarafan embed. A signed-in customer is identified to
 * the widget on every page, so the "invite a friend" panel can show their own link anywhere.
 */
export function sendPage(shop: ShopContext, request: FastifyRequest, reply: FastifyReply, options: PageOptions): FastifyReply {
  const customer = options.customer === undefined ? currentCustomer(shop, request) : options.customer;
  const cart = options.cart ?? currentCart(request);
  // With consent required, the visitor's answer goes first: it decides what the rest may store.
  const choice = shop.config.consentRequired ? consentChoice(request) : null;
  const commands: SarafanCommand[] = consentCommands(choice);
  if (customer) {
    const program = { programId: shop.config.sarafanProgramId, secretKey: shop.config.sarafanSecretKey };
    commands.push(['identify', identifyArgsFor(customer, program, shop.now())]);
  }
  commands.push(...(options.commands ?? []));
  const page = layout({
    title: options.title,
    customer,
    cartCount: itemCount(cart),
    // Through the shop's own path, so that Sarafan is first party (see sarafan/proxy.ts).
    sarafan: sarafanEmbed({
      serverUrl: SARAFAN_PROXY_PATH,
      programId: shop.config.sarafanProgramId,
      commands,
      consentRequired: shop.config.consentRequired,
      // The floating "Invite friends" button on every page.
      launcher: 'bottom-right',
    }),
    body: options.body,
    banner: shop.config.consentRequired ? consentBanner(choice) : html``,
  });
  return reply
    .code(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    // Pages carry a signed identity and personal data: never cache them.
    .header('cache-control', 'no-store')
    .send(page.toString());
}

/** After a form post: 303 so that reloading the next page does not post the form again. */
export function redirectAfterPost(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send();
}
