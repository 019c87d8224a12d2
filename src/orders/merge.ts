// Order lines (宝贝报表, 抖店 sub-orders) folded into one order, and the join of lines to an
// order report's rows on 订单编号/主订单编号.
import { waybillList } from '../io/cells.js';
import { type Money } from '../money.js';
import type { ParsedRow } from './parse.js';
import { type Order, type OrderStatus, type TimeField, attachSubOrders } from './types.js';

function sum(a: Money | null, b: Money | null): Money | null {
  if (a === null) return b;
  if (b === null) return a;
  return a.plus(b);
}

function minT(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function foldStatus(statuses: OrderStatus[]): OrderStatus {
  const live = statuses.filter((s) => s !== 'closed');
  if (live.length === 0) return 'closed';
  if (live.every((s) => s === live[0])) return live[0]!;
  const shipped = live.filter((s) => s === 'shipped' || s === 'completed' || s === 'partially_shipped').length;
  if (shipped === 0) return live.includes('awaiting_shipment') ? 'awaiting_shipment' : 'unpaid';
  if (shipped === live.length) return live.includes('shipped') || live.includes('partially_shipped') ? 'shipped' : 'completed';
  return 'partially_shipped';
}

/**
 * Fold the lines of one order. Money sums (a line without a paid or goods amount, closed or not,
 * makes that total unknown: null, never the sum of the others); postage is per order, so the first line's counts;
 * the order is shipped when every line that is not closed has shipped, at the latest time any line
 * shipped (a closed line shipped then refunded included; one never shipped is not, even when every
 * line is closed: such an order is not shipped only when no line shipped).
 */
export function foldLines(lines: ParsedRow[], keepLines = false): Order {
  const first = lines[0]!;
  if (lines.length === 1) {
    const { price: _p, ...rest } = first;
    const o: Order = { ...rest, lineId: null };
    // A one-line order's line, kept when asked (reviews: its 子订单编号 may differ from the order's).
    if (keepLines && first.lineId !== null && first.lineId !== first.orderId) attachSubOrders(o, lines);
    return o;
  }
  const o: Order = { ...first, lineId: null };
  delete (o as ParsedRow).price;
  o.status = foldStatus(lines.map((l) => l.status));
  o.statusRaw = [...new Set(lines.map((l) => l.statusRaw))].join(';');
  o.goodsAmount = null;
  o.paidAmount = null;
  o.refundAmount = null;
  o.platformCompensation = null;
  o.quantity = null;
  let shippedAll = true;
  let shippedMax: number | null = null;
  let livePromise: number | null = null;
  // A line with no paid (or goods) amount makes the order's total unknown, not the sum of the others;
  // a closed (refunded) line too: its amount is in the base (docs/rules.md §1.3b, §1.4: refunds are
  // not subtracted), so an empty one is not 0.00. The first such line is named (file:line).
  let paidUnknown = false;
  let goodsUnknown = false;
  for (const l of lines) {
    if (l.paidAmount === null) {
      if (!paidUnknown) o.paidMissingLine = l.sourceLine;
      paidUnknown = true;
    }
    if (l.goodsAmount === null) goodsUnknown = true;
    o.goodsAmount = sum(o.goodsAmount, l.goodsAmount);
    o.paidAmount = sum(o.paidAmount, l.paidAmount);
    o.refundAmount = sum(o.refundAmount, l.refundAmount);
    o.platformCompensation = sum(o.platformCompensation, l.platformCompensation);
    if (l.quantity !== null) o.quantity = (o.quantity ?? 0) + l.quantity;
    o.createdAt = minT(o.createdAt, l.createdAt);
    o.paidAt = minT(o.paidAt, l.paidAt);
    // The order's promised time is its live lines' (the earliest): a closed (cancelled) line never
    // had to ship, so its promise sets no deadline (RULES 1.1). All lines closed: the earliest of all.
    if (l.status !== 'closed') livePromise = minT(livePromise, l.promisedShipAt);
    o.promisedShipAt = minT(o.promisedShipAt, l.promisedShipAt);
    if (!o.buyer && l.buyer) o.buyer = l.buyer;
    if (o.postage === null && l.postage !== null) o.postage = l.postage;
    if (l.presale) o.presale = true;
    // A live line not shipped leaves the order unshipped; every line that shipped — a closed one too,
    // shipped then refunded or returned (its own 发货时间) — counts toward when the order did (RULES
    // 1.1: late = shipped after the deadline, and a refund after shipping does not undo a late shipment).
    if (l.status !== 'closed' && l.shippedAt === null) shippedAll = false;
    else if (l.shippedAt !== null) shippedMax = shippedMax === null ? l.shippedAt : Math.max(shippedMax, l.shippedAt);
  }
  if (lines.some((l) => l.status !== 'closed')) {
    // Shipped when every live line has, at the last time any line shipped, a closed line's included: before
    // (money44), a line shipped after the deadline then refunded (交易关闭 / 已关闭 with its own 发货时间) dropped
    // out with its time, and the order, its live line on time, was on time (抖店 4.00 and tmall-2023 150.00
    // not owed, test/state/closed-shipped-line-priced-whole). A closed line never shipped still drops out.
    o.shippedAt = shippedAll ? shippedMax : null;
    o.promisedShipAt = livePromise;
    const own = ownPromises(lines, shippedAll);
    if (own) o.ownPromise = own;
  } else if (shippedMax !== null) {
    // Every line closed, one or more of them after shipping (returned, refunded): the order shipped when
    // the last of those did, as a one-line order closed after shipping keeps its ship time and is judged
    // by it; a line closed never shipped drops out, as beside a live line (nothing says when it closed),
    // and so does its promise (a cancelled line never had to ship; the deadline is the shipped lines').
    // RULES 1.1: late = shipped after the deadline; only an order closed before its deadline without
    // shipping is not late. Before (money47), one line closed never shipped made the whole order not
    // shipped (closed_unshipped, 0.00): a 抖店 order whose L2 250.00 shipped 48 h late then 已关闭, beside
    // L1 100.00 cancelled never shipped, owed nothing; 1 % × 350.00 = 3.50 → 4.00 is owed
    // (test/state/closed-shipped-line-priced-whole).
    o.shippedAt = shippedMax;
    let promise: number | null = null;
    for (const l of lines) if (l.shippedAt !== null) promise = minT(promise, l.promisedShipAt);
    o.promisedShipAt = promise;
    // Its shipped lines promised at different times: each against its own, as beside a live line (rev40:
    // before, both lines a day early then refunded was judged against the earlier promise with the later
    // line's ship time, 288 h late, 缺货 1 % × 600.00 = 6.00; test/compensation/mixed-promise-closed-scans).
    const own = ownPromises(lines, true);
    if (own) o.ownPromise = own;
  } else {
    // Every line closed, none shipped: not shipped (closed before it was, or unknown: closed_unshipped).
    o.shippedAt = null;
  }
  if (lines.some((l) => l.platformPaidUnknown)) o.platformPaidUnknown = true;
  if (paidUnknown) o.paidAmount = null;
  if (goodsUnknown) o.goodsAmount = null;
  // Any line's imprecise time makes the folded one as imprecise (the widest slack per field).
  delete o.timeSlack;
  for (const l of lines) {
    if (!l.timeSlack) continue;
    for (const [k, ms] of Object.entries(l.timeSlack) as [TimeField, number][]) {
      o.timeSlack ??= {};
      o.timeSlack[k] = Math.max(o.timeSlack[k] ?? 0, ms);
    }
  }
  o.title = lines.map((l) => l.title).filter(Boolean).join('，');
  // Each line's waybills (a line may list several), one waybill written twice in two spellings kept once.
  o.trackingNo = waybillList(lines.map((l) => l.trackingNo).filter(Boolean).join(';'));
  o.carrier = [...new Set(lines.map((l) => l.carrier).filter(Boolean))].join(';');
  o.articleNo = [...new Set(lines.map((l) => l.articleNo).filter(Boolean))].join(';');
  if (keepLines) attachSubOrders(o, lines);
  return o;
}

/**
 * Sub-orders promised at different times (抖店: each product has its own 发货时效, and a cart of a 48 h
 * scarf and a 15-day made-to-order one is one 主订单): each line had to ship by its own 承诺发货时间
 * (docs/rules.md §1.1). Judged as one order against the earliest promise and the last line's ship time,
 * an order whose every line shipped a day early was "288 h late", 缺货, 1 % of 600.00 = 6.00 forecast
 * (user13). Every line that shipped (a closed one shipped then refunded too) is measured against its own
 * promise: all shipped, the order is judged by the line latest against its own (its promise and ship
 * time: window and lateness are that line's); a live line still unshipped, by the earliest promise of
 * the unshipped lines (a shipped line's earlier promise is no deadline of theirs; its lateness is priced
 * beside them, judge.ts dearestBeside). Undefined when the lines share one promise, or a live line has none. Kept beside the
 * order's own promisedShipAt and shippedAt (Order.ownPromise), which judge() reads it in place of.
 */
function ownPromises(lines: readonly ParsedRow[], shippedAll: boolean): NonNullable<Order['ownPromise']> | undefined {
  const counted = lines.filter((l) => l.status !== 'closed' || l.shippedAt !== null);
  if (counted.some((l) => l.status !== 'closed' && l.promisedShipAt === null)) return undefined;
  const withPromise = counted.filter((l) => l.promisedShipAt !== null);
  if (new Set(withPromise.map((l) => l.promisedShipAt)).size < 2) return undefined;
  // Each line that shipped, against its own promise: judge() prices each late one on the order's whole
  // payment and takes the dearest (money52: the line latest against its own promise may fall in a cheaper
  // tier than another, A 72 h late on 48 h 1 % = 6.00 beside B 58 h late on 144 h 3 % = 18.00 of 600.00).
  const shippedLines = withPromise.filter((l) => l.shippedAt !== null).map((l) => ({ promisedShipAt: l.promisedShipAt!, shippedAt: l.shippedAt! }));
  const withLines = <T extends NonNullable<Order['ownPromise']>>(p: T): T => (shippedLines.length ? { ...p, lines: shippedLines } : p);
  if (shippedAll) {
    let worst: ParsedRow | undefined;
    for (const l of withPromise) {
      if (l.shippedAt === null) continue;
      const late = l.shippedAt - l.promisedShipAt!;
      const worstLate = worst ? worst.shippedAt! - worst.promisedShipAt! : -Infinity;
      if (late > worstLate || (late === worstLate && l.shippedAt > worst!.shippedAt!)) worst = l;
    }
    return worst ? withLines({ promisedShipAt: worst.promisedShipAt!, shippedAt: worst.shippedAt }) : undefined;
  }
  // Unshipped: due when its first unshipped line is. A line shipped late is priced beside them (judge.ts
  // dearestBeside, `lines`); its promise is no deadline of the lines still to ship: taken as one, an order whose
  // made-to-order line was not due was "overdue" in --at-risk, and a recording run's sighting of that line
  // unshipped (as it was allowed to be) later made the order late until the sighting.
  let deadline: number | null = null;
  for (const l of withPromise) if (l.status !== 'closed' && l.shippedAt === null) deadline = minT(deadline, l.promisedShipAt);
  return deadline === null ? undefined : withLines({ promisedShipAt: deadline, shippedAt: null });
}

/** An order report row shipped as a whole by its own status, with its own 发货时间 (enrichOrder, read.ts). */
export const shownShipped = (o: Order): boolean => o.shippedAt !== null && (o.status === 'shipped' || o.status === 'completed');

/** Order report statuses of an order not closed (paid): an item report whose lines are all closed overrides them. */
const OPEN_REPORT: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['awaiting_shipment', 'partially_shipped', 'shipped', 'completed']);

/**
 * What an order report row takes from its item-report lines (when it lacks them itself).
 * `linesShowShipping`: the item report has a 发货时间 column, so a line without one never shipped.
 */
export function enrichOrder(o: Order, lines: Order, linesShowShipping = false): void {
  const slack = (k: TimeField) => {
    const ms = lines.timeSlack?.[k];
    if (ms) (o.timeSlack ??= {})[k] = ms;
  };
  // Not a row the report shows shipped with a 发货时间 of its own (卖家已发货 21 h late): the lines may be a
  // filtered item report holding only the refunded line (rev38), and a shipment stands. 卖家部分发货's
  // 发货时间 is the first parcel's: the report says itself the order was not wholly shipped.
  if (lines.status === 'closed' && OPEN_REPORT.has(o.status) && !shownShipped(o)) {
    // Every line closed (交易关闭) while the order report still says open (等待卖家发货, 卖家部分发货,
    // 卖家已发货 …): a closed line never reopens, so the lines are the order's later state — the order
    // report is an older download (docs/formats.md; read.ts says so). RULES 1.1: an order whose lines
    // are all closed ships when the last of its lines that shipped did; if none shipped, it is a closed
    // order that cannot be judged (closed_unshipped), as the same files written by `orders normalize
    // --lines` and read back are judged. Before (money43), the report's status stood: a tmall-2023 order of 500.00 whose two lines
    // were both refunded unshipped was late and unshipped, 30 % = 150.00 provisional, on the --at-risk
    // list to ship, holding its buyer's 24-hour window provisional.
    o.status = 'closed';
    o.statusRaw = lines.statusRaw;
  }
  if (linesShowShipping && o.status === 'closed' && lines.status === 'closed') {
    // RULES 1.1: a closed order is judged by its lines when the item report shows their ship times, as
    // the same files joined by `orders normalize --lines` and read back are (foldLines): it shipped when
    // the last of its lines that shipped (then refunded or returned) did, a line closed never shipped left
    // out; no line shipped — not shipped (closed_unshipped: nothing says when it was closed). The order report's 发货时间 of a
    // closed order is not its lines': before, a 1300.00 order whose two lines were both closed unshipped,
    // its report showing a 发货时间 a day late, was paid 390.00 (tmall-2023, 30 %) or 50.00 (tmall-2026)
    // where the read-back lines called it closed_unshipped.
    o.shippedAt = lines.shippedAt;
    if (o.timeSlack) delete o.timeSlack.shippedAt;
    slack('shippedAt');
  } else if (o.shippedAt === null && lines.shippedAt !== null && o.status !== 'awaiting_shipment') {
    o.shippedAt = lines.shippedAt;
    slack('shippedAt');
  } else if (o.shippedAt !== null && lines.shippedAt !== null && lines.shippedAt > o.shippedAt && (o.status === 'shipped' || o.status === 'completed')) {
    // RULES 1.1: an order of several lines ships when its last live line does. The order report's
    // 发货时间 is its first parcel's (as for 卖家部分发货); the lines, all shipped, say when the last
    // one went: a line shipped after the deadline made the order late though the report's time was
    // on time (tmall-2023 paid nothing, where `orders normalize --lines` read back paid the voucher).
    o.shippedAt = lines.shippedAt;
    if (o.timeSlack) delete o.timeSlack.shippedAt;
    slack('shippedAt');
  }
  // RULES 1.4a: a payout above 0.00 on the order's lines counts when the order report shows none
  // (empty or 0.00: a report taken before the platform paid); never 0.00 over a positive payout.
  if (o.platformCompensation === null || (o.platformCompensation.isZero() && lines.platformCompensation?.gt(0))) o.platformCompensation = lines.platformCompensation;
  if (lines.platformPaidUnknown) o.platformPaidUnknown = true;
  if (o.presale === null) o.presale = lines.presale;
  if (o.promisedShipAt === null && lines.promisedShipAt !== null) {
    o.promisedShipAt = lines.promisedShipAt;
    slack('promisedShipAt');
  }
  if (lines.subOrders) attachSubOrders(o, lines.subOrders);
}

/** What a line takes from its order report row (buyer, shop, times, receiver). */
export function enrichLine(l: Order, o: Order): void {
  if (!l.buyer) l.buyer = o.buyer;
  // The shop the order report names (店铺Id/店铺名称; an item report has no such column): written
  // without it, `orders normalize --lines` read back by compensate gave vouchers with no shop (counted
  // toward every shop's cap, docs/rules.md §1.3a) where the two reports gave the order report's shop.
  if (l.shop === undefined && o.shop !== undefined) {
    l.shop = o.shop;
    if (o.shopName !== undefined) l.shopName = o.shopName;
    if (o.shopByName) l.shopByName = true;
  }
  // A time taken from the order report keeps its lost seconds (RULES 1.7): written without them
  // (orders normalize), a re-saved report's 付款时间 "2026/11/1 10:00" on a line without one was
  // read back as 10:00:00 exactly, and a line shipped at its deadline's 10:00:30 judged late.
  const take = <K extends 'createdAt' | 'paidAt' | 'confirmedAt' | 'promisedShipAt'>(k: K) => {
    if (l[k] !== null || o[k] === null) return;
    l[k] = o[k];
    const ms = o.timeSlack?.[k];
    if (ms) (l.timeSlack ??= {})[k] = ms;
  };
  take('createdAt');
  take('paidAt');
  take('confirmedAt');
  take('promisedShipAt');
  // A live line without 发货时间 of an order the report says fully shipped ships at the report's time,
  // as compensate's line views take it (src/compensation/assess.ts subOrderViews): written without it,
  // the line read back was not judged (no_ship_time) where the two files priced it.
  if (l.shippedAt === null && l.status !== 'closed' && o.shippedAt !== null && (o.status === 'shipped' || o.status === 'completed')) {
    l.status = o.status;
    l.statusRaw = o.statusRaw;
    l.shippedAt = o.shippedAt;
    const ms = o.timeSlack?.shippedAt;
    if (ms) (l.timeSlack ??= {}).shippedAt = ms;
    if (!l.trackingNo) l.trackingNo = o.trackingNo;
  }
  // The order report's presale mark stands over a line's silence: an item report's empty 分阶段订单信息
  // reads as "not presale", as compensate's line views take it (src/compensation/assess.ts).
  if (l.presale === null || (o.presale === true && l.presale === false)) l.presale = o.presale;
  if (!l.receiver) l.receiver = o.receiver;
  if (!l.phone) l.phone = o.phone;
  if (!l.address) l.address = o.address;
  if (!l.closeReason) l.closeReason = o.closeReason;
  if (!l.sellerFlag) l.sellerFlag = o.sellerFlag;
}
