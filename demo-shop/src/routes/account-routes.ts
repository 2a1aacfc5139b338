import type { FastifyPluginAsync } from 'fastify';
import { emailProblem, MAX_NAME_LENGTH } from '../checkout.ts';
import { formField } from '../http/form-body.ts';
import { accountPage, signInPage, signOutPage } from '../pages/account.ts';
import { errorMessage } from '../sarafan/client.ts';
import { storeCreditFor, type StoreCredit } from '../sarafan/store-credit.ts';
import type { ShopContext } from '../shop-context.ts';
import { currentCustomer, redirectAfterPost, sendPage, signIn, signOut } from './page.ts';

export const accountRoutes: FastifyPluginAsync<{ shop: ShopContext }> = async (app, { shop }) => {
  app.get('/account', async (request, reply) => {
    const customer = currentCustomer(shop, request);
    if (!customer) return sendPage(shop, request, reply, { title: 'Sign in', body: signInPage(null, '') });
    let credit: StoreCredit | null = null;
    try {
      credit = await storeCreditFor(shop, customer);
    } catch (error) {
      request.log.warn({ reason: errorMessage(error) }, 'store credit unavailable: Sarafan did not answer');
    }
    const orders = shop.store.ordersOfCustomer(customer.id);
    return sendPage(shop, request, reply, { title: 'Your account', body: accountPage({ customer, orders, credit }) });
  });

  // Demo sign-in: an e-mail address is enough. A real shop has its own login; what matters for
  // Sarafan is only that the shop knows who the customer is when it signs the identity.
  app.post('/sign-in', async (request, reply) => {
    const email = formField(request, 'email');
    const name = formField(request, 'name');
    const problem = emailProblem(email) ?? (name.length > MAX_NAME_LENGTH ? 'Please shorten the name.' : null);
    if (problem) {
      return sendPage(shop, request, reply, { status: 422, title: 'Sign in', body: signInPage(problem, email) });
    }
    signIn(shop, reply, shop.store.upsertCustomer({ email, name }, shop.now()));
    return redirectAfterPost(reply, '/account');
  });

  app.get('/sign-out', async (request, reply) =>
    sendPage(shop, request, reply, { title: 'Sign out', body: signOutPage() }),
  );

  app.post('/sign-out', async (_request, reply) => {
    signOut(reply);
    return redirectAfterPost(reply, '/');
  });
};
