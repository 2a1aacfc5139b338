/**
 * Order confirmation pages send `purchase` on every view (a reload, a later visit from the
 * order history). The dialog opens once for the latest order; later views of that order leave
 * the page usable. Only the last order is remembered: that is the one a reload repeats.
 */
const LAST_ORDER_KEY = 'sarafan_purchase_shown';

/** `orderId` is whatever the shop passed to `purchase`; without one, every purchase counts. */
export function wasShownFor(orderId: unknown): boolean {
  if (orderId == null || orderId === '') return false;
  try {
    return localStorage.getItem(LAST_ORDER_KEY) === String(orderId);
  } catch {
    return false;
  }
}

export function rememberShownFor(orderId: unknown): void {
  if (orderId == null || orderId === '') return;
  try {
    localStorage.setItem(LAST_ORDER_KEY, String(orderId));
  } catch {
    // Storage blocked: the dialog may open again on the next view of this order.
  }
}
