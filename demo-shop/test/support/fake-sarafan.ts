import Fastify, { type FastifyInstance } from 'fastify';
import type {
  AmbassadorResponse,
  ConversionRequest,
  ConversionResponse,
  CouponResponse,
} from '../../../shared/src/wire.ts';

/**
 * A stand-in for the tracking server's server-to-server API, for testing the shop's side of the
 * integration in isolation: it records what the shop sent and answers in the wire format. It is
 * deliberately simple (every referral to a known code is attributed); the real server's rules are
 * tested against the real server in integration-with-server.test.ts.
 */
export interface FakeAmbassador {
  code: string;
  name: string;
  email: string;
  rewards?: AmbassadorResponse['rewards'];
}

export interface FakeSarafan {
  url: string;
  secret: string;
  ambassadors: Map<string, FakeAmbassador>;
  conversions: ConversionRequest[];
  refunds: Array<{ orderId: string; body: unknown }>;
  requests: Array<{ method: string; url: string; authorization: string | undefined }>;
  /** The friend offer every coupon answers with: 10% off, no minimum, unless a test changes it. */
  friendOffer: Pick<CouponResponse, 'discount' | 'minimumOrder'>;
  /** When set, every /v1 request answers with this status. */
  failWith: number | null;
  close(): Promise<void>;
}

export async function startFakeSarafan(secret = 'sk_test_fake'): Promise<FakeSarafan> {
  const app: FastifyInstance = Fastify();
  const fake: FakeSarafan = {
    url: '',
    secret,
    ambassadors: new Map(),
    conversions: [],
    refunds: [],
    requests: [],
    friendOffer: { discount: { type: 'percent', percent: 10 } },
    failWith: null,
    close: () => app.close(),
  };
  let nextAmbassador = 1;

  app.addHook('onRequest', async (request, reply) => {
    fake.requests.push({ method: request.method, url: request.url, authorization: request.headers.authorization });
    if (fake.failWith) return reply.code(fake.failWith).send({ error: { code: 'failure', message: 'failing on purpose' } });
    if (request.headers.authorization !== `Bearer ${secret}`) {
      return reply.code(401).send({ error: { code: 'unauthorized', message: 'bad secret' } });
    }
  });

  const ambassadorView = (ambassador: FakeAmbassador): AmbassadorResponse => ({
    code: ambassador.code,
    email: ambassador.email,
    name: ambassador.name,
    customerId: null,
    link: `${fake.url}/r/${ambassador.code}`,
    couponCode: ambassador.code,
    createdAt: 0,
    clicks: 0,
    conversions: 0,
    rewards: ambassador.rewards ?? [],
  });

  app.get<{ Params: { code: string }; Querystring: { email?: string; amount?: string; currency?: string } }>(
    '/v1/coupons/:code',
    async (request, reply) => {
      const ambassador = fake.ambassadors.get(request.params.code.toUpperCase());
      if (!ambassador) return reply.code(404).send({ error: { code: 'coupon_not_found', message: 'no such coupon' } });
      const { email, amount, currency } = request.query;
      const minimum = fake.friendOffer.minimumOrder;
      const reason =
        email?.toLowerCase() === ambassador.email.toLowerCase()
          ? ('own_code' as const)
          : minimum && amount !== undefined && currency === minimum.currency && Number(amount) < minimum.amount
            ? ('below_minimum' as const)
            : null;
      const answer: CouponResponse = {
        code: ambassador.code,
        ambassadorCode: ambassador.code,
        ambassadorName: ambassador.name,
        ...fake.friendOffer,
        eligible: reason === null,
        ...(reason ? { reason } : {}),
      };
      return answer;
    },
  );

  app.post<{ Body: ConversionRequest }>('/v1/conversions', async (request) => {
    const body = request.body;
    fake.conversions.push(body);
    const code = body.referral?.code ?? body.couponCode;
    const ambassador = code ? fake.ambassadors.get(code) : undefined;
    const answer: ConversionResponse = {
      orderId: body.orderId,
      amount: body.amount,
      currency: body.currency,
      refundedAmount: 0,
      status: 'paid',
      orderStatus: 'paid',
      attributed: !!ambassador,
      ...(ambassador ? { ambassadorCode: ambassador.code } : { reason: 'no_referral' as const }),
      createdAt: 0,
    };
    return answer;
  });

  app.post<{ Params: { orderId: string } }>('/v1/conversions/:orderId/refunds', async (request) => {
    fake.refunds.push({ orderId: request.params.orderId, body: request.body });
    return { orderId: request.params.orderId, status: 'refunded' };
  });

  app.post<{ Body: { email: string; name?: string } }>('/v1/ambassadors', async (request) => {
    const existing = [...fake.ambassadors.values()].find((a) => a.email === request.body.email);
    if (existing) return ambassadorView(existing);
    const created: FakeAmbassador = { code: `FAKE${nextAmbassador++}X`, name: request.body.name ?? '', email: request.body.email };
    fake.ambassadors.set(created.code, created);
    return ambassadorView(created);
  });

  app.get<{ Params: { code: string } }>('/v1/ambassadors/:code', async (request, reply) => {
    const ambassador = fake.ambassadors.get(request.params.code);
    if (!ambassador) return reply.code(404).send({ error: { code: 'ambassador_not_found', message: 'no such ambassador' } });
    return ambassadorView(ambassador);
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  fake.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return fake;
}
