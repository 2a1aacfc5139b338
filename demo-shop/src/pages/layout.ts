import { html, type SafeHtml } from '../html.ts';
import type { Customer } from '../store.ts';

export const SHOP_NAME = 'Linden & Loom';

export interface LayoutProps {
  title: string;
  customer: Customer | null;
  cartCount: number;
  /** The Sarafan embed for this page (stub, commands, loader). */
  sarafan: SafeHtml;
  body: SafeHtml;
  /** A cookie banner, when the shop asks for consent (`sarafan/consent.ts`). */
  banner?: SafeHtml;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%232f6b4f'/%3E%3C/svg%3E";

export function layout(props: LayoutProps): SafeHtml {
  const { customer } = props;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${props.title} · ${SHOP_NAME}</title>
<link rel="icon" href="${FAVICON}">
<link rel="stylesheet" href="/assets/shop.css">
${props.sarafan}
</head>
<body>
<header class="site-header">
  <a class="brand" href="/">${SHOP_NAME}</a>
  <nav>
    <a href="/account">${customer ? `Your account (${customer.name ?? customer.email})` : 'Sign in'}</a>
    <a data-testid="cart-link" href="/cart">Cart (${props.cartCount})</a>
    ${customer ? html`<form method="post" action="/sign-out" class="inline"><button class="link">Sign out</button></form>` : ''}
  </nav>
</header>
<main>
${props.body}
</main>
<footer class="site-footer">
  ${SHOP_NAME} is a demo shop for Sarafan, a self-hosted referral program.
  Nothing here is for sale and no payment is taken.
</footer>
${props.banner ?? ''}
</body>
</html>`;
}
