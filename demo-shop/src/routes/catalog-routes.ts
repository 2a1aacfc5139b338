import type { FastifyPluginAsync } from 'fastify';
import { findProduct, PRODUCTS } from '../catalog.ts';
import { homePage } from '../pages/home.ts';
import { messagePage } from '../pages/message.ts';
import { productPage } from '../pages/product.ts';
import type { ShopContext } from '../shop-context.ts';
import { sendPage } from './page.ts';

export const catalogRoutes: FastifyPluginAsync<{ shop: ShopContext }> = async (app, { shop }) => {
  app.get('/', async (request, reply) => sendPage(shop, request, reply, { title: 'Home', body: homePage(PRODUCTS) }));

  app.get<{ Params: { slug: string } }>('/products/:slug', async (request, reply) => {
    const product = findProduct(request.params.slug);
    if (!product) {
      return sendPage(shop, request, reply, {
        status: 404,
        title: 'Not found',
        body: messagePage('Product not found', 'We could not find that product.'),
      });
    }
    return sendPage(shop, request, reply, { title: product.name, body: productPage(product) });
  });
};
