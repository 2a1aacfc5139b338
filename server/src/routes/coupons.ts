import type { FastifyInstance } from 'fastify';
import type { CouponResponse as CouponResponseBody } from '../../../shared/src/wire.ts';
import { CouponNotFoundError } from '../errors.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { CouponParams, CouponQuery, CouponResponse } from '../schemas/coupons.ts';
import type { CouponQuery as CouponQueryInput } from '../services/friend-offers.ts';
import type { Services } from '../services/services.ts';

/**
 * `GET /v1/coupons/{code}[?email=&amount=&currency=]`: lets the checkout apply a friend's coupon,
 * the ambassador's shared code or a friend's single-use one. A coupon that may not be applied is
 * still returned, with `eligible: false` and a `reason` (`own_code`, `already_used`, `expired`,
 * `below_minimum`), so the checkout can say why instead of "no such coupon".
 */
export async function couponRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Params: { code: string }; Querystring: { email?: string; amount?: string; currency?: string }; Reply: CouponResponseBody }>(
    '/coupons/:code',
    { schema: { params: CouponParams, querystring: CouponQuery, response: responses({ 200: CouponResponse }) } },
    async (request) => {
      const { amount, ...query } = request.query;
      const lookup: CouponQueryInput = { ...query, ...(amount !== undefined ? { amount: Number(amount) } : {}) };
      const coupon = await services.friendOffers.lookup(authenticatedProgram(request), request.params.code, lookup);
      if (!coupon) throw new CouponNotFoundError();
      return coupon;
    },
  );
}
