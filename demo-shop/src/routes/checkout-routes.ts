import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { placeOrder } from '../checkout.ts';
import { formField } from '../http/form-body.ts';
import { checkoutPage, type CheckoutForm } from '../pages/checkout.ts';
import { priceCart } from '../pricing.ts';
import { friendOfferForReferral } from '../sarafan/coupon.ts';
import { visitorReferral } from '../sarafan/referral.ts';
import type { ShopContext } from '../shop-context.ts';
import { currentCart, currentCustomer, redirectAfterPost, saveCart, sendPage, signIn } from './page.ts';

export const checkoutRoutes: FastifyPluginAsync<{ shop: ShopContext }> = async (app, { shop }) => {
  async function showForm(request: FastifyRequest, reply: FastifyReply, form: CheckoutForm, error: string | null) {
    const cart = currentCart(request);
    if (cart.length === 0) return redirectAfterPost(reply, '/cart');
    const pricing = priceCart(cart);
    // A visitor who came through a friend's link sees the friend offer and finds the coupon filled
    // in, unless the cart is still below the offer's minimum order (the page says so instead).
    const referral = visitorReferral(request).referral;
    const buyerEmail = currentCustomer(shop, request)?.email;
    const order = { amount: pricing.subtotal, currency: pricing.currency };
    const offer = await friendOfferForReferral(shop.sarafan, referral, buyerEmail, order, request.log);
    const prefill = offer !== null && offer.eligible !== false && form.coupon === '' && error === null;
    return sendPage(shop, request, reply, {
      status: error ? 422 : 200,
      title: 'Checkout',
      body: checkoutPage({ pricing, form: prefill ? { ...form, coupon: offer.code } : form, offer, error }),
    });
  }

  app.get('/checkout', async (request, reply) => {
    const customer = currentCustomer(shop, request);
    return showForm(request, reply, { email: customer?.email ?? '', name: customer?.name ?? '', coupon: '' }, null);
  });

  app.post('/checkout', async (request, reply) => {
    const form: CheckoutForm = {
      email: formField(request, 'email'),
      name: formField(request, 'name'),
      coupon: formField(request, 'coupon'),
    };
    const result = await placeOrder(shop, {
      cart: currentCart(request),
      form,
      visitor: visitorReferral(request),
      log: request.log,
    });
    if (!result.ok) return showForm(request, reply, form, result.message);
    signIn(shop, reply, result.customer);
    saveCart(shop, reply, []);
    return redirectAfterPost(reply, `/orders/${result.order.id}`);
  });
};
