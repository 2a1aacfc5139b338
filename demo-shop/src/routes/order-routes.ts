import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { messagePage } from '../pages/message.ts';
import { orderPage } from '../pages/order.ts';
import { syncOrderWithSarafan } from '../sarafan/conversions.ts';
import type { ShopContext } from '../shop-context.ts';
import type { Order } from '../store.ts';
import { currentCustomer, redirectAfterPost, sendPage } from './page.ts';

const ORDER_ID = /^[A-Za-z0-9-]{1,40}$/;

export const orderRoutes: FastifyPluginAsync<{ shop: ShopContext }> = async (app, { shop }) => {
  /** The order, if it belongs to the signed-in customer. Someone else's order is "not found" too. */
  function ownOrder(request: FastifyRequest<{ Params: { id: string } }>): Order | null {
    const customer = currentCustomer(shop, request);
    if (!customer || !ORDER_ID.test(request.params.id)) return null;
    const order = shop.store.orderById(request.params.id);
    return order && order.customerId === customer.id ? order : null;
  }

  function notFound(request: FastifyRequest, reply: FastifyReply) {
    return sendPage(shop, request, reply, {
      status: 404,
      title: 'Order not found',
      body: messagePage('Order not found', 'Sign in with the e-mail address you ordered with to see your orders.'),
    });
  }

  const syncDeps = (request: FastifyRequest) => ({ store: shop.store, sarafan: shop.sarafan, now: shop.now, log: request.log });

  app.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
    let order = ownOrder(request);
    if (!order) return notFound(request, reply);
    // Sarafan was unreachable when the order was placed: try again now that someone is looking.
    if (order.sarafan.reportedAt === null) order = await syncOrderWithSarafan(syncDeps(request), order);
    return sendPage(shop, request, reply, {
      title: `Order ${order.id}`,
      body: orderPage(order),
      // Tells the widget a purchase just happened, so it opens the "invite a friend" panel.
      commands: order.status === 'paid' ? [['purchase', { orderId: order.id, amount: order.total, currency: order.currency }]] : [],
    });
  });

  app.post<{ Params: { id: string } }>('/orders/:id/refund', async (request, reply) => {
    const order = ownOrder(request);
    if (!order) return notFound(request, reply);
    // The shop refunds first (its own records are the truth), then tells Sarafan, which takes
    // back the referral reward. A second click finds the order already refunded and does nothing.
    if (shop.store.markRefunded(order.id, shop.now())) {
      const refunded = shop.store.orderById(order.id);
      if (refunded) await syncOrderWithSarafan(syncDeps(request), refunded);
    }
    return redirectAfterPost(reply, `/orders/${order.id}`);
  });
};
