import type { FastifyInstance } from 'fastify';
import { normaliseEmail } from '../../../shared/src/email.ts';
import type { CouponResponse as CouponResponseBody } from '../../../shared/src/wire.ts';
import { displayName } from '../domain/display-name.ts';
import { CouponNotFoundError } from '../errors.ts';
import { authenticatedProgram } from '../plugins/server-auth.ts';
import { responses } from '../schemas/common.ts';
import { CouponParams, CouponQuery, CouponResponse } from '../schemas/coupons.ts';
import type { Services } from '../services/services.ts';

/**
 * `GET /v1/coupons/{code}[?email=]`: lets the checkout apply a friend's coupon. With `email`, a
 * coupon is not eligible for its own ambassador (`reason: own_code`); the coupon is still
 * returned, so the checkout can say why instead of "no such coupon".
 */
export async function couponRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get<{ Params: { code: string }; Querystring: { email?: string }; Reply: CouponResponseBody }>(
    '/coupons/:code',
    { schema: { params: CouponParams, querystring: CouponQuery, response: responses({ 200: CouponResponse }) } },
    async (request) => {
      const program = authenticatedProgram(request);
      const ambassador = await services.ambassadors.findByCode(program, request.params.code);
      if (!ambassador) throw new CouponNotFoundError();
      const ownCode = request.query.email !== undefined && normaliseEmail(request.query.email) === ambassador.emailNormalised;
      return {
        code: ambassador.code,
        ambassadorCode: ambassador.code,
        ambassadorName: displayName(ambassador),
        discount: { type: 'percent' as const, percent: program.friendDiscountPercent },
        eligible: !ownCode,
        ...(ownCode ? { reason: 'own_code' as const } : {}),
      };
    },
  );
}
