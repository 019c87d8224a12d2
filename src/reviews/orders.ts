// Order facts for the reviewed orders (`--orders`): value, payment time, earlier orders by the
// same buyer. The reading is the orders module's; this only summarises, holding no more than the
// facts need: the lines of the orders the reviews name, and the payment history (one time per
// order) of those orders' buyers.
import type { Order } from '../orders/types.js';
import type { OrderFacts } from './types.js';

export interface OrderLike {
  orderId: string;
  parentOrderId: string | null;
  buyer: string;
  paidAt: number | null;
  paidAmount: Order['paidAmount'];
  status?: Order['status'];
  platform?: Order['platform'];
  /** The export's 店铺名称 (not its 店铺Id), when it has one. */
  shopName?: string;
  /** The item's title as the export gives it (拼多多 商品, 抖店 选购商品, 宝贝标题). */
  title?: string;
}

/**
 * Collects order lines as they stream by. `wanted`: the order (or line) ids the reviews name; only
 * their lines are kept. `buyers`: whose payment history is kept (`all`: everyone's, as orderFacts
 * does for a list in memory). A kept line whose buyer's history was not kept is named by
 * missedBuyers(): their history is taken from a second read of the exports (addHistory).
 */
export class FactsCollector {
  private readonly byId = new Map<string, OrderLike>();
  private readonly paidByBuyer = new Map<string, Map<string, number>>();

  constructor(
    private readonly wanted: ReadonlySet<string> | undefined,
    private readonly buyers: ReadonlySet<string> | 'all',
  ) {}

  private isWanted(o: OrderLike): boolean {
    return !this.wanted || this.wanted.has(o.orderId) || (o.parentOrderId !== null && this.wanted.has(o.parentOrderId));
  }

  add(o: OrderLike): void {
    if (this.isWanted(o) && !this.byId.has(o.orderId)) this.byId.set(o.orderId, o);
    if (this.buyers === 'all' || this.buyers.has(o.buyer)) this.history(o);
  }

  /** Second read: the history of these buyers only (their earlier part was not kept the first time). */
  addHistory(o: OrderLike, buyers: ReadonlySet<string>): void {
    if (buyers.has(o.buyer)) this.history(o);
  }

  private history(o: OrderLike): void {
    // A closed order (refunded or cancelled after payment) is not a purchase the buyer kept.
    if (o.buyer === '' || o.paidAt === null || o.status === 'closed') return;
    const top = o.parentOrderId ?? o.orderId;
    let m = this.paidByBuyer.get(o.buyer);
    if (!m) this.paidByBuyer.set(o.buyer, (m = new Map()));
    const prev = m.get(top);
    if (prev === undefined || o.paidAt < prev) m.set(top, o.paidAt);
  }

  /** Buyers of the kept lines whose history was not kept as the lines streamed by. */
  missedBuyers(): Set<string> {
    const out = new Set<string>();
    if (this.buyers === 'all') return out;
    for (const o of this.byId.values()) if (o.buyer !== '' && !this.buyers.has(o.buyer)) out.add(o.buyer);
    return out;
  }

  /** Drop what a first read kept of these buyers' history, before a second read adds it whole. */
  forget(buyers: ReadonlySet<string>): void {
    for (const b of buyers) this.paidByBuyer.delete(b);
  }

  /** Lines kept (for a test of what is held). */
  get keptLines(): number {
    return this.byId.size;
  }

  /** Buyers whose history is held (for a test of what is held). */
  get buyersHeld(): number {
    return this.paidByBuyer.size;
  }

  facts(): Map<string, OrderFacts> {
    const out = new Map<string, OrderFacts>();
    for (const o of this.byId.values()) {
      const top = o.parentOrderId ?? o.orderId;
      // An export without buyer names (宝贝报表, 拼多多) cannot tell a repeat buyer: unknown, not 0
      // ("0 earlier orders" was shown for a buyer whose order report lists an earlier order).
      let earlier: number | null = o.buyer === '' ? null : 0;
      const m = this.paidByBuyer.get(o.buyer);
      if (earlier !== null && m && o.paidAt !== null) for (const [id, at] of m) if (id !== top && at < o.paidAt) earlier++;
      const facts: OrderFacts = { buyer: o.buyer, paidAmount: o.paidAmount, paidAt: o.paidAt, earlierOrders: earlier };
      if (o.platform !== undefined) facts.platform = o.platform;
      if (o.shopName) facts.shopName = o.shopName;
      if (o.title) facts.title = o.title;
      out.set(o.orderId, facts);
      if (o.parentOrderId && !out.has(o.parentOrderId)) out.set(o.parentOrderId, facts);
    }
    return out;
  }
}

/**
 * Facts per order id (a review may name the order or one of its sub-orders). Earlier orders: paid
 * orders (not closed) of the same buyer with an earlier payment time (other order ids; sub-orders of one order count once);
 * null when the export names no buyer.
 */
export function orderFacts(orders: Iterable<OrderLike>, wanted?: Set<string>): Map<string, OrderFacts> {
  const c = new FactsCollector(wanted, 'all');
  for (const o of orders) c.add(o);
  return c.facts();
}
