import type { FastifyBaseLogger } from 'fastify';
import type { ConversionRequest } from '../../../shared/src/wire.ts';
import type { Order, ShopStore } from '../store.ts';
import { errorMessage, SarafanRejectedError, type SarafanClient } from './client.ts';

/**
 * Keeping Sarafan in step with the shop's orders. The order is always stored first and is the
 * truth; Sarafan is told afterwards, and the order row remembers whether it has been told. Both
 * calls are idempotent on the order id, so a retry after a timeout (when the first call may have
 * arrived after all) is safe.
 */

export interface SyncDeps {
  store: ShopStore;
  sarafan: SarafanClient;
  now: () => number;
  log: FastifyBaseLogger;
}

/** What Sarafan needs to attribute the order and compute the ambassador's reward. */
export function conversionRequestFor(order: Order): ConversionRequest {
  const referral =
    order.referral || order.visitorId
      ? {
          ...(order.referral ? { code: order.referral.code, clickId: order.referral.clickId } : {}),
          ...(order.visitorId ? { visitorId: order.visitorId } : {}),
        }
      : undefined;
  return {
    orderId: order.id,
    // What the friend paid, after the discount: rewards are a share of real revenue.
    amount: order.total,
    currency: order.currency,
    customer: { email: order.email, id: String(order.customerId) },
    ...(referral ? { referral } : {}),
    ...(order.couponCode ? { couponCode: order.couponCode, discountAmount: order.discount } : {}),
    // Sarafan's item `amount` is the price of one item (it multiplies by the quantity itself).
    items: order.items.map((item) => ({
      sku: item.sku,
      category: item.category,
      amount: item.unitPrice,
      quantity: item.quantity,
    })),
  };
}

/**
 * Reports whatever Sarafan has not acknowledged yet for this order: the conversion, then the
 * refund. Never throws; a failure is recorded on the order and retried later. Returns the order as
 * stored afterwards.
 */
export async function syncOrderWithSarafan(deps: SyncDeps, order: Order): Promise<Order> {
  let current = order;
  try {
    if (current.sarafan.reportedAt === null) {
      const answer = await deps.sarafan.reportConversion(conversionRequestFor(current));
      deps.store.recordConversionReported(current.id, deps.now(), {
        attributed: answer.attributed === true,
        ambassadorCode: answer.attributed && typeof answer.ambassadorCode === 'string' ? answer.ambassadorCode : null,
      });
      current = deps.store.orderById(current.id) ?? current;
    }
    if (current.status === 'refunded' && current.sarafan.refundReportedAt === null) {
      await reportFullRefund(deps.sarafan, current.id);
      deps.store.recordRefundReported(current.id, deps.now());
    }
  } catch (error) {
    const message = errorMessage(error);
    deps.log.warn({ orderId: current.id, reason: message }, 'order not yet reported to Sarafan; will retry');
    deps.store.recordSyncFailed(current.id, message);
  }
  return deps.store.orderById(current.id) ?? current;
}

/**
 * The demo shop only refunds whole orders, so it asks for "whatever remains": a retry after a
 * refund that did arrive then finds nothing left, which Sarafan answers with
 * `refund_exceeds_order`. For a whole-order refund that means the work is already done.
 */
async function reportFullRefund(sarafan: SarafanClient, orderId: string): Promise<void> {
  try {
    await sarafan.reportRefund(orderId, {});
  } catch (error) {
    if (error instanceof SarafanRejectedError && error.code === 'refund_exceeds_order') return;
    throw error;
  }
}

/** Catches up on orders placed or refunded while Sarafan was unreachable (run at start-up). */
export async function syncPendingOrders(deps: SyncDeps, signal?: AbortSignal): Promise<number> {
  let synced = 0;
  for (const order of deps.store.ordersOutOfSync()) {
    if (signal?.aborted) break;
    const after = await syncOrderWithSarafan(deps, order);
    if (after.sarafan.reportedAt !== null && (after.status !== 'refunded' || after.sarafan.refundReportedAt !== null)) {
      synced++;
    }
  }
  return synced;
}
