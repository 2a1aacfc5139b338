import type { FastifyPluginAsync } from 'fastify';
import { addToCart, MAX_QUANTITY, setQuantity } from '../cart.ts';
import { findProduct } from '../catalog.ts';
import { formField } from '../http/form-body.ts';
import { cartPage } from '../pages/cart.ts';
import { messagePage } from '../pages/message.ts';
import { priceCart } from '../pricing.ts';
import type { ShopContext } from '../shop-context.ts';
import { currentCart, redirectAfterPost, saveCart, sendPage } from './page.ts';

/** A quantity from a form: whole numbers 0…MAX_QUANTITY, anything else is `null`. */
function parseQuantity(text: string, fallback: number): number | null {
  if (text === '') return fallback;
  if (!/^\d{1,4}$/.test(text)) return null;
  return Math.min(Number(text), MAX_QUANTITY);
}

export const cartRoutes: FastifyPluginAsync<{ shop: ShopContext }> = async (app, { shop }) => {
  app.get('/cart', async (request, reply) =>
    sendPage(shop, request, reply, { title: 'Cart', body: cartPage(priceCart(currentCart(request))) }),
  );

  app.post('/cart', async (request, reply) => {
    const slug = formField(request, 'slug');
    const quantity = parseQuantity(formField(request, 'quantity'), 1);
    if (!findProduct(slug) || quantity === null || quantity < 1) {
      return sendPage(shop, request, reply, {
        status: 400,
        title: 'Not added',
        body: messagePage('Not added to the cart', 'Choose a product and a quantity from 1 to 20.'),
      });
    }
    saveCart(shop, reply, addToCart(currentCart(request), slug, quantity));
    return redirectAfterPost(reply, '/cart');
  });

  app.post('/cart/update', async (request, reply) => {
    const quantity = parseQuantity(formField(request, 'quantity'), 0);
    if (quantity !== null) saveCart(shop, reply, setQuantity(currentCart(request), formField(request, 'slug'), quantity));
    return redirectAfterPost(reply, '/cart');
  });

  app.post('/cart/remove', async (request, reply) => {
    saveCart(shop, reply, setQuantity(currentCart(request), formField(request, 'slug'), 0));
    return redirectAfterPost(reply, '/cart');
  });
};
