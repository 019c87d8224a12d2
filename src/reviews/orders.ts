// Order facts for the reviewed orders (`--orders`): value, payment time, earlier orders by the
// same buyer. The reading is the orders module's; this only summarises.
import type { Order } from '../orders/types.js';
import type { OrderFacts } from './types.js';

export interface OrderLike {
  orderId: string;
  parentOrderId: string | null;
  buyer: string;
  paidAt: number | null;
  paidAmount: Order['paidAmount'];
  status?: Order['status'];
}

/**
 * Facts per order id (a review may name the order or one of its sub-orders). Earlier orders: paid
 * orders (not closed) of the same buyer with an earlier payment time (other order ids; sub-orders of one order count once);
 * null when the export names no buyer.
 */
export function orderFacts(orders: Iterable<OrderLike>, wanted?: Set<string>): Map<string, OrderFacts> {
  const byId = new Map<string, OrderLike>();
  const paidByBuyer = new Map<string, Map<string, number>>();
  for (const o of orders) {
    if (!byId.has(o.orderId)) byId.set(o.orderId, o);
    const top = o.parentOrderId ?? o.orderId;
    // A closed order (refunded or cancelled after payment) is not a purchase the buyer kept.
    if (o.buyer !== '' && o.paidAt !== null && o.status !== 'closed') {
      let m = paidByBuyer.get(o.buyer);
      if (!m) paidByBuyer.set(o.buyer, (m = new Map()));
      const prev = m.get(top);
      if (prev === undefined || o.paidAt < prev) m.set(top, o.paidAt);
    }
  }
  const out = new Map<string, OrderFacts>();
  for (const o of byId.values()) {
    if (wanted && !wanted.has(o.orderId) && !(o.parentOrderId && wanted.has(o.parentOrderId))) continue;
    const top = o.parentOrderId ?? o.orderId;
    // An export without buyer names (宝贝报表, 拼多多) cannot tell a repeat buyer: unknown, not 0
    // ("0 earlier orders" was shown for a buyer whose order report lists an earlier order).
    let earlier: number | null = o.buyer === '' ? null : 0;
    const m = paidByBuyer.get(o.buyer);
    if (earlier !== null && m && o.paidAt !== null) for (const [id, at] of m) if (id !== top && at < o.paidAt) earlier++;
    const facts: OrderFacts = { buyer: o.buyer, paidAmount: o.paidAmount, paidAt: o.paidAt, earlierOrders: earlier };
    out.set(o.orderId, facts);
    if (o.parentOrderId && !out.has(o.parentOrderId)) out.set(o.parentOrderId, facts);
  }
  return out;
}
