// Stage 1 of the pipeline (judge): one order → the rule set that applies to it (RULES 1.3a), its
// verdict under that set, and, for a late order, the compact record the later stages need.
// Pure: no clock, no printing.
import { waybillList } from '../io/cells.js';
import { type Money, ZERO, moneyMax } from '../money.js';
import type { Order, TimeField } from '../orders/types.js';
import { type RuleBook, ruleSetFor } from '../rules/book.js';
import type { RuleSet } from '../rules/ruleset.js';
import { type JudgeOptions, type PickedUp, type Verdict, dearestBeside, judge } from './judge.js';
import { type BaseRule, payout, payoutFen } from './payout.js';
import { type LateOrder, capBuyer, compactPayout } from './vouchers.js';

export interface Assessed {
  verdict: Verdict;
  /** The verdict on shipping alone (as verdict, but a late order with no paid amount is still late here): the at-risk list's. */
  timing: Verdict;
  /**
   * Under a per-sub-order rule set with the lines known: each judged line (its view and its own
   * assessment). The at-risk list then lists the order by its lines still unshipped, as the run judges
   * and prices them (rows.ts atRiskRow), not by the order as a whole.
   */
  lineParts?: Array<{ view: Order; a: Assessed }>;
  /** null when no rule set of the order's platform is in force (or it is unpaid). */
  rules: RuleSet | null;
  /** Paid, not closed, not yet shipped: it may still become late, or join a buyer's window. */
  unshippedOpen: boolean;
  /** The late order as the window and voucher stages need it (verdict `late`); one per late sub-order under a per-sub-order rule set. */
  late: LateOrder[];
  /**
   * Ids to keep as the buyer's open orders (vouchers.ts: a voucher whose window they could still
   * join stays provisional): the order when it is unshipped, or late with no paid amount; under a
   * per-sub-order rule set, each such line, as `<order id>~<n>`.
   */
  openIds: string[];
}

/** The cell the payout's base is read from is empty (payout.ts baseAmount). */
export function baseMissing(o: Order, base: BaseRule): boolean {
  return base === 'goods' ? o.goodsAmount === null && o.paidAmount === null : o.paidAmount === null;
}

/** `--base` when given, else the base the rule set names (RULES 1.4, 1.3b). */
export function baseFor(rules: RuleSet, forced: BaseRule | undefined): BaseRule {
  return forced ?? rules.base;
}

/** The rule set that judges this order: forced, or its platform's set in force when it was paid. */
export function rulesForOrder(o: Order, book: RuleBook): RuleSet | null {
  if (book.forced) return book.forced;
  return o.paidAt === null ? null : ruleSetFor(book, o.platform, o.paidAt);
}

/**
 * The empty `late` and `openIds` of most orders (on time, not judged), shared: nothing adds to an
 * Assessed's lists (assess() makes new ones for an order judged by its lines). Issue 21: two arrays
 * fewer an order.
 */
const NO_LATE: LateOrder[] = [];
const NO_IDS: string[] = [];

export function assess(o: Order, rules: RuleSet | null, opts: JudgeOptions, base: BaseRule | undefined): Assessed {
  if (rules === null) {
    // RULES 1.3a: never apply another platform's rule; an order with no rule set is counted, not judged.
    const verdict: Verdict = o.status === 'unpaid' ? { verdict: 'unpaid' } : o.paidAt === null ? { verdict: 'not_judged', reason: 'no_paid_time' } : { verdict: 'not_judged', reason: 'no_rule_set' };
    return { verdict, timing: verdict, rules, unshippedOpen: false, late: NO_LATE, openIds: NO_IDS };
  }
  let lines = rules.unit === 'sub-order' ? subOrderViews(o, opts.seenOpen) : null;
  if (!lines) return assessOne(o, rules, foldedPickup(o, opts), base);
  // RULES 1.3 (tmall-2026): "5 % of the sub-order's actual transaction amount", and 1.4: for an item
  // report the line's 买家实际支付金额. Each live line is judged and priced on its own (its ship time,
  // its amount, its own minimum and maximum); the window and the cap then take them together.
  // Pickup scans, per line: its own waybill's scan first; a scan found by the order id only for a line
  // that shipped (one whose own status says it has not is matched by its own tracking number only).
  // A scan naming the order by id is checked against every waybill of the order (a line's view has only its own),
  // and is a line's only when its waybill, if it carries one, is that line's own (lineWaybills: another line's parcel is not).
  const pick = opts.pickupAt;
  const waybills = pick ? orderWaybills(o) : '';
  // A line whose waybills are several (its own, or the order's 拆单 W1;W2 standing in for a line without
  // one) is picked up when the last of those parcels was, as an order of them is (parcelsFound).
  // A row naming the order only, for an order of several parcels, is its first pickup, not known to be this
  // line's parcel's: the line's 发货时间 stands when later (firstPickupBound).
  const several = waybills.includes(';');
  const linePick = (v: Order, how?: 'tracking') =>
    pick!(v, 'tracking') ?? (v.shippedAt === null || how === 'tracking' ? undefined : (firstPickupBound(pick!({ ...v, waybills, lineWaybills: v.trackingNo }), several, v.shippedAt) ?? undefined));
  const lineOpts: JudgeOptions = pick
    ? {
        ...opts,
        pickupAt: (v: Order, how) => {
          const p = how === 'tracking' || !v.trackingNo.includes(';') ? undefined : parcelsFound({ ...v, waybills }, pick, v.trackingNo);
          return p === undefined ? linePick(v, how) : (p ?? undefined);
        },
      }
    : opts;
  let parts = lines.map((l) => assessOne(l, rules, lineOpts, base));
  // A closed line never shipped is judged only when the ledger's sighting of it proves it late
  // (judge.ts seenOpenLate, docs/rules.md §1.1); a sighting that proves nothing (not after the line's
  // deadline, or after --as-of) leaves it out, as any such line. None left: the order is judged as one.
  if (lines.some(closedNeverShipped)) {
    const keep = parts.map((p, k) => !closedNeverShipped(lines![k]!) || p.timing.verdict === 'late');
    if (!keep.every(Boolean)) {
      lines = lines.filter((_, k) => keep[k]);
      parts = parts.filter((_, k) => keep[k]);
      if (lines.length === 0) return assessOne(o, rules, foldedPickup(o, opts), base);
    }
  }
  // Each late line keeps its 子订单编号, so that `--by order` tells two lines of one order apart.
  const late = parts.flatMap((p, k) => {
    const lineId = lines[k]!.lineId;
    return lineId ? p.late.map((l) => ({ ...l, lineId })) : p.late;
  });
  // The order report's platform payout, when no line carries one, goes with the first late line
  // (the voucher then shows it once; on an on-time line it would be lost).
  const linesPaid = lines.some((l) => l.platformCompensation !== null);
  if (!linesPaid && o.platformCompensation !== null && late.length) late[0] = { ...late[0]!, platformCompensation: o.platformCompensation };
  else if (late.length) {
    // RULES 1.4a: a payout above 0.00 shown for the order — in the order report, or on a line that is
    // not late (on time, closed) — means the platform handled it: what the late lines do not carry
    // goes with the first of them, or the voucher would ask the shop to pay again (an order report
    // showing 7.00 whose lines show 0.00 was a voucher to issue).
    const positive = (m: Money | null): Money => (m !== null && m.gt(0) ? m : ZERO);
    const onLines = (o.subOrders ?? []).reduce((sum, l) => sum.plus(positive(l.platformCompensation)), ZERO);
    const shown = moneyMax(positive(o.platformCompensation), onLines);
    const onLate = late.reduce((sum, l) => sum.plus(positive(l.platformCompensation)), ZERO);
    if (shown.gt(onLate)) late[0] = { ...late[0]!, platformCompensation: positive(late[0]!.platformCompensation).plus(shown.minus(onLate)) };
  }
  const reason = (r: string) => parts.find((p) => p.verdict.verdict === 'not_judged' && p.verdict.reason === r);
  // The order's verdict (the summary counts orders): a line that could not be judged is told first.
  const shown = reason('no_paid_amount') ?? parts.find((p) => p.verdict.verdict === 'not_judged') ?? parts.find((p) => p.verdict.verdict === 'late') ?? parts[0]!;
  return {
    verdict: shown.verdict,
    // The order as a whole ships when its last live line does (its first parcel's scan does not ship it).
    timing: judge(o, rules, foldedPickup(o, opts), baseFor(rules, base)),
    lineParts: parts.map((a, k) => ({ view: lines[k]!, a })),
    rules,
    unshippedOpen: parts.some((p) => p.unshippedOpen),
    late,
    // A line still open, or one that could not be judged (it may still add to the window), keeps
    // the order's voucher provisional.
    openIds: parts.flatMap((p, k) => (p.openIds.length || p.verdict.verdict === 'not_judged' ? [`${o.orderId}~${k + 1}`] : [])),
  };
}

/**
 * Pickup scans of an order priced as one whose lines are known (抖店 sub-orders, 宝贝报表 lines): RULES
 * 1.1, the order ships when its last live line does, and each line when its own parcel was picked up.
 * Each live line, and each closed line that shipped (its own 发货时间: shipped, then refunded; a closed
 * line never shipped drops out, all lines closed or not), takes its own waybill's scan, else — when it shipped —
 * a scan by the order id, else its 发货时间; the order is picked up when the last of them was. A line
 * with neither, beside one with either, leaves the order with no pickup scan (judged as without
 * scans: unshipped, closed_unshipped or no_ship_time). Only when no line has a scan, or none has a
 * time or scan, is the order's own lookup used (the earliest scan by order id, else by any of its
 * waybills) as before. Before, that earliest scan
 * was the order's pickup: an order whose second parcel was picked up 23 h late was on time with scans
 * and late without them.
 */
function foldedPickup(o: Order, opts: JudgeOptions): JudgeOptions {
  const pick = opts.pickupAt;
  const all = o.subOrders;
  // 卖家部分发货: unshipped as a whole whatever its parcels' scans (judge.ts); none is looked up.
  if (!pick || o.status === 'partially_shipped') return opts;
  if (!all || all.length < 2) return parcelsPickup(o, opts);
  // The live lines and the closed ones that shipped (then refunded: their parcel left, RULES 1.1, as the
  // fold in merge.ts reads them). A closed line never shipped drops out, every line closed or not (money47:
  // before, with every line closed it was looked at, found no parcel, and left the order with no pickup
  // scan, as the fold left it unshipped); none shipped, every line is looked at (none has a time of its own).
  const counted = all.filter((l) => l.status !== 'closed' || l.shippedAt !== null);
  const live = counted.length ? counted : all;
  const orderShipped = o.shippedAt !== null && SHIPPED.has(o.status);
  let at = -Infinity;
  let until = -Infinity;
  let scanned = false;
  let known = false;
  let unknown = false;
  let marked = false;
  let waybills: string | undefined;
  // Its lines promised at different times, all shipped (merge.ts ownPromises): the order is judged by the
  // line latest against its own promise, each measured by its own parcel (its scan, else its 发货时间), and
  // that line's promise goes with its time (judge.ts). Before (rev40) the order's first parcel stood for it.
  const byOwn = o.ownPromise !== undefined && o.ownPromise.shippedAt !== null;
  let worst: { t: number; slack: number; promise: number; marked: boolean } | undefined;
  // Every such line's own parcel and promise: judge() prices each late one and takes the dearest (money52).
  const perLine: Array<{ at: number; slack: number; marked?: boolean; promisedShipAt: number }> = [];
  // Each line is looked up as the order's: its id and paid time (a scan before the order was paid is not its
  // pickup), and its buyer and shop (a 合并发货 row naming another buyer's order is not its pickup: an item
  // report has no buyer column, and a line without one was not told apart — B of another buyer took A's row).
  const as: { orderId: string; paidAt: number | null; buyer: string; shop?: string } = o.shop ? { orderId: o.orderId, paidAt: o.paidAt, buyer: o.buyer, shop: o.shop } : { orderId: o.orderId, paidAt: o.paidAt, buyer: o.buyer };
  for (const l of live) {
    const shippedAt = l.shippedAt ?? (orderShipped ? o.shippedAt : null);
    const shipped = shippedAt !== null;
    // Looked up as the order's (its id and paid time: a scan before the order was paid is not its pickup).
    const lineTn = l.trackingNo || (shipped ? o.trackingNo : '');
    // A line of several parcels (its own W1;W2, or the order's standing in for it): the last of them (parcelsFound).
    const parcels = lineTn.includes(';') ? parcelsFound({ ...l, ...as, shippedAt, waybills: (waybills ??= orderWaybills(o)) }, pick, lineTn) : undefined;
    let own: Found | undefined;
    if (parcels !== undefined) own = parcels === null || parcels.marked ? undefined : parcels;
    else {
      own = pick({ ...l, ...as, trackingNo: lineTn }, 'tracking');
      if (own === undefined && shipped) {
        // A row naming the order only: its first pickup; of several parcels, this line's 发货时间 stands when later.
        const byId = firstPickupBound(pick({ ...l, ...as, trackingNo: '', waybills: (waybills ??= orderWaybills(o)), lineWaybills: l.trackingNo || o.trackingNo }), waybills.includes(';'), shippedAt);
        if (byId === null) scanned = true;
        else own = byId;
      }
    }
    // Its parcels scanned, the last one standing at its 发货时间: the scans are used (the fold stands).
    if (parcels) scanned = true;
    let t: number;
    let slack: number;
    if (own !== undefined) {
      scanned = true;
      t = own.at;
      slack = own.slack;
    } else if (shippedAt !== null) {
      t = shippedAt;
      slack = (l.shippedAt !== null ? l.timeSlack?.shippedAt : o.timeSlack?.shippedAt) ?? 0;
    } else {
      // Neither a scan nor a ship time: this line's parcel is not known to have left.
      unknown = true;
      continue;
    }
    known = true;
    if (byOwn && l.promisedShipAt !== null) {
      const late = t - l.promisedShipAt;
      const worstLate = worst ? worst.t - worst.promise : -Infinity;
      if (late > worstLate || (late === worstLate && t > worst!.t)) worst = { t, slack, promise: l.promisedShipAt, marked: own === undefined };
      perLine.push(own === undefined ? { at: t, slack, marked: true, promisedShipAt: l.promisedShipAt } : { at: t, slack, promisedShipAt: l.promisedShipAt });
    }
    // The last parcel's time says where it came from (shipSource): a scan, or a line's 发货时间.
    if (t > at || (t === at && own !== undefined)) marked = own === undefined;
    at = Math.max(at, t);
    until = Math.max(until, t + slack);
  }
  // A line not known to have shipped while another is: the order was not picked up as a whole, and
  // no scan stands for it (the first parcel's scan made an order closed with a line never shipped
  // late where it is closed_unshipped, and one with a shipped line of no ship time on time where it
  // is no_ship_time — as each is without the scans). No line known at all: the order's own lookup.
  if (unknown) return known ? { ...opts, pickupAt: (v: Order, how) => (v === o ? undefined : pick(v, how)) } : opts;
  if (!scanned) return opts;
  if (worst) {
    const line: Found = worst.marked ? { at: worst.t, slack: worst.slack, marked: true, promisedShipAt: worst.promise, lines: perLine } : { at: worst.t, slack: worst.slack, promisedShipAt: worst.promise, lines: perLine };
    return { ...opts, pickupAt: (v: Order, how) => (v === o ? line : pick(v, how)) };
  }
  const found = marked ? { at, slack: until - at, marked } : { at, slack: until - at };
  return { ...opts, pickupAt: (v: Order, how) => (v === o ? found : pick(v, how)) };
}

/**
 * 拆单 (RULES 1.1): an order whose lines are not known, shipped in several parcels (its 物流单号 lists
 * them, `W1;W2`), is shipped when all of it is: each parcel takes its own waybill's scan, else (when
 * the order shipped) a scan naming the order by id that carries no other of its waybills, else the
 * order's 发货时间; the order is picked up when the last of them was. A parcel with none of these
 * (the order not marked shipped) beside one that has a scan leaves the order with no pickup scan,
 * judged as without the scans. When the last time is the 发货时间 the order is judged by it
 * (`marked_shipped`). No parcel scanned: the order's own lookup, as for one parcel. Before, the earliest
 * of its waybills' scans — the first parcel's — was the order's pickup: an order whose second parcel was
 * picked up a day late was on time (10.00 lost on 200.00 under tmall-2026).
 */
function parcelsPickup(o: Order, opts: JudgeOptions): JudgeOptions {
  const found = parcelsFound(o, opts.pickupAt!, o.trackingNo);
  if (found === undefined) return opts;
  const pick = opts.pickupAt!;
  return { ...opts, pickupAt: (v: Order, how) => (v === o ? (found ?? undefined) : pick(v, how)) };
}

type Found = PickedUp;

/**
 * The last parcel's pickup of `o` (an order, or one line's view) when its waybills `all` (`;`-separated) are
 * several (拆单, RULES 1.1): each parcel its own waybill's scan, else (shipped) a scan naming the order by id
 * that carries no other of its waybills, else `o`'s 发货时间 (then `marked`). undefined: one waybill, or no
 * parcel scanned (the usual lookup stands); null: a parcel with none of these beside a scanned one (no pickup scan).
 */
function parcelsFound(o: Order & { waybills?: string }, pick: NonNullable<JudgeOptions['pickupAt']>, all: string): Found | null | undefined {
  if (!all.includes(';')) return undefined;
  // One parcel each: a waybill written twice (`SF1 400 000001;sf1400000001`, one key) is one parcel.
  const parcels = waybillList(all).split(';');
  if (parcels.length < 2) return undefined;
  let at = -Infinity;
  let until = -Infinity;
  let scanned = false;
  let unknown = false;
  let marked = false;
  const shipped = o.shippedAt !== null || SHIPPED.has(o.status);
  for (const w of parcels) {
    let own = pick({ ...o, trackingNo: w }, 'tracking');
    if (own === undefined && shipped) {
      // No scan of its own: a row naming the order only is its first pickup, this parcel's or another's (firstPickupBound).
      const byId = firstPickupBound(pick({ ...o, trackingNo: '', waybills: o.waybills ?? all, lineWaybills: w }), true, o.shippedAt);
      if (byId === null) scanned = true;
      else own = byId;
    }
    let t: number;
    let slack: number;
    if (own !== undefined) {
      scanned = true;
      t = own.at;
      slack = own.slack;
    } else if (o.shippedAt !== null) {
      t = o.shippedAt;
      slack = o.timeSlack?.shippedAt ?? 0;
    } else {
      unknown = true;
      continue;
    }
    if (t > at || (t === at && own !== undefined)) marked = own === undefined;
    at = Math.max(at, t);
    until = Math.max(until, t + slack);
  }
  if (!scanned) return undefined;
  if (unknown) return null;
  return marked ? { at, slack: until - at, marked } : { at, slack: until - at };
}

/**
 * A scan row found by the order's id (no waybill of the parcel's own) for a parcel of an order of several
 * (拆单, RULES 1.1): the row names the order, not the parcel — it is the order's first pickup, which parcel's
 * is not known. No parcel left before it; one with no scan of its own stands at the later of the row and its
 * 发货时间: null when the 发货时间 is later (it stands, as the parcel's time; the row still decides that the
 * scans are used). One parcel (`several` false): the row is its pickup, as it is. Reading adopted (docs/rules.md
 * §1.1). Before, the row was each such parcel's pickup: an order of two parcels whose line L2 (200.00) was marked
 * shipped 24 h late, with one row naming the order picked up on time, owed 0.00 where 5 % × 200.00 = 10.00
 * (`tmall-2026`) or, priced as one, 30 % × 500.00 = 150.00 (`tmall-2023`) is owed.
 */
function firstPickupBound(p: Found | undefined, several: boolean, shippedAt: number | null): Found | null | undefined {
  if (p === undefined || !several || shippedAt === null) return p;
  return shippedAt > p.at ? null : p;
}

/**
 * The order's ship time as judge() sees it (RULES 1.1): its pickup scan — for an order whose lines are
 * known, its last live line's parcel (foldedPickup) —, else its 发货时间; null when it has not shipped
 * (卖家部分发货 included). A scan before its paid time is not its pickup (inputs.ts pickupResolver).
 */
export function shipTimeOf(o: Order, opts: JudgeOptions): number | null {
  if (o.status === 'partially_shipped') return null;
  return foldedPickup(o, opts).pickupAt?.(o)?.at ?? o.shippedAt;
}

/** Whether the order's ship time, as judge() sees it, is a pickup scan's (for an order whose lines are known, its last parcel's). */
export function judgedByScan(o: Order, opts: JudgeOptions): boolean {
  if (o.status === 'partially_shipped') return false;
  const p = foldedPickup(o, opts).pickupAt?.(o);
  return p !== undefined && p.marked !== true;
}

/** Every waybill the export shows for the order: its own and its lines' (`;`-separated). */
function orderWaybills(o: Order): string {
  if (!o.subOrders || o.subOrders.length === 0) return o.trackingNo;
  return waybillList([o.trackingNo, ...o.subOrders.map((l) => l.trackingNo)].filter(Boolean).join(';'));
}

/** The order report says every line shipped (not 卖家部分发货). */
const SHIPPED: ReadonlySet<string> = new Set(['shipped', 'completed']);

/** A line's view that is closed and never shipped (kept by subOrderViews only for a ledger sighting of it). */
function closedNeverShipped(v: Order): boolean {
  return v.status === 'closed' && v.shippedAt === null;
}

/**
 * An order's lines that are judged (not closed, or closed after they shipped) as orders of their own, when it was folded from two lines or
 * more (Order.subOrders: only from an item report that has 发货时间 and 买家实际支付金额): each with the
 * line's ship time, amounts, title, tracking number and promised time, and no postage (the base of a
 * line is its 买家实际支付金额, RULES 1.4). The order report stays the truth where the line is silent:
 * a line with no ship time of an order the report says fully shipped takes the report's time; the
 * report's presale mark and waybill number carry over (its platform payout: see assess).
 * A closed line never shipped that a recording run saw open and unshipped (`seen`: the ledger's
 * sighting of the line by its 子订单编号, schema 13) is judged too, from that sighting (docs/rules.md
 * §1.1); assess leaves it out again when the sighting proves nothing.
 * null when there is no such line.
 */
function subOrderViews(o: Order, seen?: (v: Order) => number | undefined): Order[] | null {
  const all = o.subOrders;
  if (!all || all.length < 2) return null;
  // A closed line that shipped (its own 发货时间: shipped, then refunded or returned) is judged by its
  // ship time, as a one-line order closed after shipping (RULES 1.1: only closed *before* the deadline
  // is not late; 1.4: refunds are not subtracted). Before, it was left out: a line of 1000.00 shipped
  // a day late, then refunded, beside a live line of 100.00 shipped as late, paid 5.00, not 55.00 —
  // and refunding the other line too made it 50.00 (the order priced as one). A closed line never
  // shipped is left out (nothing says when it was closed), whether or not the other lines are closed
  // too; only when no line shipped is the order judged as one (closed_unshipped, RULES 1.1). Before,
  // every line closed and one never shipped made the order closed_unshipped (0.00) from the item
  // report alone, and, joined with an order report holding a 发货时间, priced as one on every line
  // (1300.00: 50.00) — where its line that shipped late, refunded after, is owed 5 % of its own amount.
  // A closed line never shipped is looked up in the ledger's sightings (by its 子订单编号) only when
  // the ledger holds any; one without a 子订单编号, or sharing it with another line of the order, has none.
  const sighted = (l: Order) => seen !== undefined && l.lineId !== null && seen(l) !== undefined && all.every((m) => m === l || m.lineId !== l.lineId);
  const live = all.filter((l) => l.status !== 'closed' || l.shippedAt !== null || sighted(l));
  if (live.length === 0) return null;
  const orderShipped = o.shippedAt !== null && SHIPPED.has(o.status);
  return live.map((l) => {
    // A closed line never shipped (kept for its sighting) stays so: the order's 发货时间 is another line's.
    const stale = l.shippedAt === null && orderShipped && l.status !== 'closed';
    const shipped = l.shippedAt !== null || stale;
    return {
      ...o,
      // The line is judged by its own promise and ship time, not the order's (merge.ts ownPromises).
      ownPromise: undefined,
      lineId: l.lineId,
      status: stale ? o.status : l.status,
      statusRaw: stale ? o.statusRaw : l.statusRaw,
      shippedAt: l.shippedAt ?? (stale ? o.shippedAt : null),
      promisedShipAt: l.promisedShipAt ?? o.promisedShipAt,
      goodsAmount: l.goodsAmount,
      paidAmount: l.paidAmount,
      postage: null,
      platformCompensation: l.platformCompensation,
      platformPaidUnknown: l.platformPaidUnknown === true,
      presale: l.presale === true || o.presale === true ? true : (l.presale ?? o.presale),
      title: l.title || o.title,
      // A shipped line without its own waybill number goes by the order's; an unshipped one has none.
      trackingNo: l.trackingNo || (shipped ? o.trackingNo : ''),
      timeSlack: viewSlack(o, l),
    };
  });
}

/**
 * A line view's lost seconds, each time's from where the view takes it: the paid time is the order's;
 * the ship and promised times the line's own, else the order report's. (Taking the line's whole slack
 * lost the report's when the line had any: a re-saved report's 发货时间 "2026/11/3 10:00", put on lines
 * without one, was judged whole to the second: on time at a deadline of 10:00:00–10:00:59.)
 */
function viewSlack(o: Order, l: Order): Order['timeSlack'] {
  const out: NonNullable<Order['timeSlack']> = {};
  const take = (field: TimeField, from: Order) => {
    const ms = from.timeSlack?.[field];
    if (ms) out[field] = ms;
  };
  take('createdAt', o);
  take('paidAt', o);
  take('confirmedAt', o);
  take('shippedAt', l.shippedAt !== null ? l : o);
  take('promisedShipAt', l.promisedShipAt !== null ? l : o);
  return Object.keys(out).length ? out : undefined;
}

/**
 * The order's ship time is a pickup scan's (not a line's 发货时间 standing for its last parcel). Lines promised
 * at different times: the scan of the line whose lateness the verdict is (judge.ts judgeByLines).
 */
function scannedAt(opts: JudgeOptions, o: Order, v?: { deadline: number; shippedAt: number | null }): boolean {
  const p = opts.pickupAt?.(o);
  const line = v && p?.lines?.find((l) => l.promisedShipAt === v.deadline && l.at === v.shippedAt);
  if (line) return line.marked !== true;
  return p !== undefined && p.marked !== true;
}

function assessOne(o: Order, rules: RuleSet, opts: JudgeOptions, base: BaseRule | undefined): Assessed {
  const b = baseFor(rules, base);
  const judged = judge(o, rules, opts, b);
  // Lines promised at different times, one still unshipped and overdue: priced by the dearest of it and
  // the lines shipped late against their own promises; `timing` (at-risk, sightings) keeps its deadline.
  const priced = o.ownPromise?.lines ? dearestBeside(o, judged, rules, opts, b) : judged;
  // RULES 1.2–1.4: the payout is a share of the paid amount; an empty one is not 0 (a 5.00 minimum
  // would be paid on it): the late order is counted as not judged and listed, never paid on a guess.
  // The item report says the platform paid it, without the amount: not paid again, not guessed.
  // An unshipped order late, or of its tier, only for some of the seconds its times lost (judge.ts
  // `seconds`, RULES 1.7) is not judged: it holds its buyer's window open (openIds below) and carries
  // no payout into it — a platform payout on it settled the other orders' voucher while the original
  // export (with seconds) shows the order not yet due and those orders owed a voucher of their own.
  const v: Verdict =
    priced.verdict !== 'late' ? priced
    : priced.seconds ? { verdict: 'not_judged', reason: 'time_precision', ...(priced.seconds === 'tier' ? { late: true as const } : {}) }
    : o.noOrderRow ? { verdict: 'not_judged', reason: 'no_order_row' }
    : o.platformPaidUnknown ? { verdict: 'not_judged', reason: 'platform_paid_unknown' }
    : baseMissing(o, b) ? { verdict: 'not_judged', reason: 'no_paid_amount' }
    : priced;
  // An order shipped after --as-of (judge.ts shippedLater) was open then, whatever its status now.
  const unshippedOpen =
    o.paidAt !== null && (o.status !== 'closed' || (judged.verdict !== 'not_judged' && 'shippedLater' in judged)) && o.status !== 'unpaid' && (judged.verdict === 'pending' || (judged.verdict === 'late' && judged.shippedAt === null));
  let late = NO_LATE;
  if (v.verdict === 'late') {
    late = [];
    late.push({
      orderId: o.orderId,
      buyer: capBuyer(o.buyer, o.shop),
      rules: rules.id,
      paidAt: o.paidAt!,
      deadline: v.deadline,
      shippedAt: v.shippedAt,
      hoursLate: v.hoursLate,
      payout: payoutFen(o, v.kind, v.windowHours, rules, b, v.hoursLate) ?? compactPayout(payout(o, v.kind, v.windowHours, rules, b, v.hoursLate)),
      platformCompensation: o.platformCompensation,
      shipSource: v.shippedAt === null ? (v.seenOpen !== undefined ? 'seen_open' : 'unshipped') : v.seenOpen !== undefined ? 'seen_unshipped' : scannedAt(opts, o, v) ? 'pickup_scan' : 'marked_shipped',
    });
  }
  // A late order whose amount is unknown may still join its buyer's window: like an unshipped one,
  // it keeps that window's voucher provisional (never recorded as final without it). So does one
  // whose verdict depends on the seconds its times lost (time_precision): it may be late and belong
  // to the window, as a line that cannot be judged holds its order's voucher (assess above).
  const heldOut = v.verdict === 'not_judged' && (v.reason === 'no_paid_amount' || v.reason === 'platform_paid_unknown' || v.reason === 'time_precision');
  return { verdict: v, timing: judged, rules, unshippedOpen, late, openIds: unshippedOpen || heldOut ? [o.orderId] : NO_IDS };
}
