// Stage 3 of the pipeline (voucher): one window of late orders → one voucher, its amount capped
// per the rule set (RULES 1.2 / 1.3). Pure.
import { hash } from 'node:crypto';
import { type Money, fenToMoney, moneyMin, moneyToFen } from '../money.js';
import type { RuleSet } from '../rules/ruleset.js';
import { DAY_MS, type TimeZone } from '../time.js';
import { LateStore } from './latestore.js';
import type { OpenOrders } from './openstore.js';
import type { Kind, Payout } from './payout.js';
import { type Reconciled, reconcile } from './reconcile.js';
import { windowEnd, windowReach, windows } from './window.js';

/**
 * A late order's payout as kept until the vouchers are built: whole fen in plain numbers (exact
 * integers), because a million-row export can hold hundreds of thousands of late orders.
 */
export interface LatePayout {
  kind: Kind;
  rate: Money;
  baseFen: number;
  rawFen: number;
  afterFen: number;
}

export function compactPayout(p: Payout): LatePayout {
  return { kind: p.kind, rate: p.rate, baseFen: moneyToFen(p.base), rawFen: moneyToFen(p.raw), afterFen: moneyToFen(p.afterMinimum) };
}

export interface LateOrder {
  orderId: string;
  buyer: string;
  /** The id of the rule set the order was judged under. */
  rules: string;
  paidAt: number;
  deadline: number;
  shippedAt: number | null;
  hoursLate: number;
  payout: LatePayout;
  platformCompensation: Money | null;
  /**
   * `seen_open`: closed and never shipped, its close time unknown, judged late from the state
   * database's sighting of it open and unshipped after its deadline (judge.ts seenOpen): it can no
   * longer ship (shippedAt null, but settled), `hoursLate` the least it was late.
   */
  shipSource: 'pickup_scan' | 'marked_shipped' | 'unshipped' | 'seen_open' | 'seen_unshipped';
  /** The line's 子订单编号 when its order was judged line by line (assess.ts: an item report under a per-sub-order rule set). */
  lineId?: string;
}

/** A paid order of the buyer that has not shipped and is not closed: it may still become late. */
export interface OpenOrder {
  orderId: string;
  paidAt: number;
  /** The rule set it would be judged under: only a window of the same rule set can take it. */
  rules?: string;
}

export interface Voucher {
  voucherKey: string;
  buyer: string;
  /** The shop the export names for its orders (Taobao/Tmall 店铺Id, else 店铺名称); absent when none. */
  shop?: string;
  rules: string;
  windowStart: number;
  orders: LateOrder[];
  baseAmount: Money;
  computedAmount: Money;
  amount: Money;
  capped: boolean;
  kinds: Kind[];
  state: 'final' | 'provisional';
  maxHoursLate: number;
  /** RULES 1.2: `serious_delay` when an order is later than the rule set's serious-delay mark. */
  risk: string;
}

/**
 * RULES 1.2 / 1.3 第十二条 cap a buyer's payments per shop: each shop owes up to its own cap. Inside a
 * run a buyer of a known shop is `nick` + SHOP_MARK + shop, so two shops' orders of one nick never
 * share a window; a buyer whose export names no shop stays the bare nick. The mark (U+001F) sorts
 * before every character a nick holds, so one shop's buyers keep their order.
 */
export const SHOP_MARK = '\u001f';

/** The buyer as windows and caps see it: the nick, qualified by the shop when the export names one. */
export function capBuyer(buyer: string, shop: string | undefined): string {
  return buyer !== '' && shop ? buyer + SHOP_MARK + shop : buyer;
}

/** The nick and shop of a capBuyer key. */
export function splitBuyer(key: string): { buyer: string; shop?: string } {
  const at = key.indexOf(SHOP_MARK);
  return at < 0 ? { buyer: key } : { buyer: key.slice(0, at), shop: key.slice(at + 1) };
}

/**
 * Rolling 24 h windows (tmall-2023): could an order of the buyer not judged yet (open: unshipped and not
 * due, not judged for lost seconds, a doubtful row), paid in the 24 h before the window's opening or at
 * it, open a window of its own that takes this one's first orders, cutting the rest otherwise? Then a
 * payout on one of its orders does not settle it (reconcile.ts `unsettled`). `lateOpen`: the open orders
 * judged late already (unshipped): they are in the windows as judged, not an unknown.
 */
export function mayOpenBefore(g: readonly LateOrder[], openOrders: OpenOrders, rules: RuleSet, lateOpen: ReadonlySet<string>): boolean {
  const first = g[0]!;
  if (rules.combine.by !== 'rolling-24h' || !first.buyer) return false;
  // As toVoucher: the buyer's open orders in this shop, and those held by the bare nick.
  const keys = openLookup(first.buyer, first.orderId);
  const open = [...(openOrders.get(keys.inShop) ?? []), ...(keys.anyShop !== undefined ? (openOrders.get(keys.anyShop) ?? []) : [])];
  const start = first.paidAt;
  // A not-yet-due line, scan or exclusion entry (`<order id>~…`) of one of its own orders opens nothing before it.
  const mine = new Set(g.map((l) => l.orderId));
  return open.some(
    (o) =>
      (o.rules === undefined || o.rules === rules.id) &&
      !mine.has(o.orderId.includes('~') ? o.orderId.slice(0, o.orderId.indexOf('~')) : o.orderId) &&
      !lateOpen.has(o.orderId) &&
      (Number.isNaN(o.paidAt) || (o.paidAt >= start - DAY_MS && o.paidAt <= start)),
  );
}

/** Stable: the same orders under the same rules always give the same key. */
/** A voucher's orders, each once (an order priced per sub-order has an entry per late line). */
export function orderIdsOf(orders: readonly LateOrder[]): string[] {
  // Most vouchers hold one order: no set to make.
  if (orders.length === 1) return [orders[0]!.orderId];
  return [...new Set(orders.map((l) => l.orderId))];
}

/**
 * The buyer's key among the open orders: the buyer name, or for an order without one (never combined
 * with others) the order itself, so the not-yet-due lines of that order still count.
 */
export function openKey(buyer: string, orderId: string): string {
  return buyer || `\u0000${orderId}`;
}

/**
 * The keys a window's open orders are looked up by (toVoucher, mayOpenBefore), from its first
 * order's buyer (a capBuyer key) and id: the buyer in its shop (or the order, without a buyer),
 * and for a buyer of a shop also the bare nick, which holds rows whose shop is not trusted (a
 * rejected or repeated row holds the buyer's vouchers in every shop). NearLate (nearlate.ts) keeps
 * the open orders filed under these keys: any other key is never asked for.
 */
export function openLookup(buyer: string, orderId: string): { inShop: string; anyShop?: string } {
  const at = buyer.indexOf(SHOP_MARK);
  return at < 0 ? { inShop: openKey(buyer, orderId) } : { inShop: buyer, anyShop: buyer.slice(0, at) };
}

export function voucherKey(rules: string, kind: 'voucher' | 'delivery_promise', orderIds: readonly string[]): string {
  // An order priced per sub-order appears once per late line; the key names each order once.
  // (One order, most vouchers: the list is the id itself, with no set, sort or join to make.)
  const ids = orderIds.length === 1 ? orderIds[0]! : [...new Set(orderIds)].sort().join(',');
  // crypto.hash: one call, a third of the time of createHash().update().digest() a voucher.
  // The digest's first 10 bytes as hex after 'v', written into one flat 21-byte string. The same
  // text as `'v' + hash(…, 'hex').slice(0, 20)`, which V8 keeps as a cons string of 'v' and a slice
  // holding the whole 64-character digest (~130 bytes a key, the key held by the --record run's
  // records, maps and summary counts for every voucher of the call: issue 21); flat it is ~36.
  const d = hash('sha256', `${rules}|${kind}|${ids}`, 'binary');
  for (let i = 0; i < 10; i++) {
    const b = d.charCodeAt(i);
    KEY_BYTES[1 + 2 * i] = HEX_DIGITS[b >> 4]!;
    KEY_BYTES[2 + 2 * i] = HEX_DIGITS[b & 15]!;
  }
  return KEY_BYTES.toString('latin1', 0, 21);
}
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** voucherKey's scratch: 'v' and 20 hex digits. */
const KEY_BYTES = Buffer.from('v00000000000000000000', 'latin1');

/** A voucher's kinds in their fixed order, one frozen list each (the csv writer keeps a frozen value's field for the next row). */
const KINDS_OF: readonly (readonly Kind[])[] = [[], ['late'], ['out_of_stock'], ['late', 'out_of_stock']].map((k) => Object.freeze(k as Kind[]));

/**
 * The cap in whole fen, by rule set (undefined: no cap, or one with more than two decimals, which
 * is compared as a Decimal). Capping is then a comparison of two integers, exact either way.
 */
const capFens = new WeakMap<RuleSet, number | undefined>();
function capFen(rules: RuleSet): number | undefined {
  if (capFens.has(rules)) return capFens.get(rules);
  const cap = rules.combine.cap;
  let fen: number | undefined;
  if (cap) {
    const f = moneyToFen(cap);
    if (fenToMoney(f).eq(cap)) fen = f;
  }
  capFens.set(rules, fen);
  return fen;
}

/**
 * One window's voucher. It is final only when it can no longer change: every order in it has
 * shipped, the window is over at as-of, and no other open order of the buyer could still join it.
 */
export function toVoucher(g: LateOrder[], openOrders: OpenOrders, rules: RuleSet, asOf: number, tz: TimeZone): Voucher {
  const first = g[0]!;
  const start = first.paidAt;
  const end = windowEnd(start, rules, tz);
  let baseFen = 0;
  let computedFen = 0;
  let late = false;
  let outOfStock = false;
  let maxLate = 0;
  let shipped = true;
  const ids: string[] = new Array<string>(g.length);
  for (let k = 0; k < g.length; k++) {
    const l = g[k]!;
    const p = l.payout;
    baseFen += p.baseFen;
    computedFen += p.afterFen;
    if (p.kind === 'late') late = true;
    else if (p.kind === 'out_of_stock') outOfStock = true;
    maxLate = Math.max(maxLate, l.hoursLate);
    if (l.shippedAt === null && l.shipSource !== 'seen_open') shipped = false;
    ids[k] = l.orderId;
  }
  const computed = fenToMoney(computedFen);
  // RULES 1.2 / 1.3: the cap, compared in whole fen when it is a whole number of fen.
  const cap = rules.combine.cap;
  const capAt = cap ? capFen(rules) : undefined;
  const amount = !cap ? computed : capAt !== undefined ? (computedFen <= capAt ? computed : cap) : moneyMin(computed, cap);
  const capped = amount !== computed && (capAt !== undefined || computed.gt(amount));
  // Could another open order of this buyer (under the same rule set) still join or reshape this window?
  // The buyer's open orders in this shop, and those held by the bare nick (a rejected or repeated
  // row, whose shop is not trusted, holds the buyer's vouchers in every shop).
  const keys = openLookup(first.buyer, first.orderId);
  const inShop = openOrders.get(keys.inShop);
  const anyShop = keys.anyShop !== undefined ? openOrders.get(keys.anyShop) : undefined;
  const open = anyShop === undefined ? (inShop ?? []) : inShop === undefined ? anyShop : [...inShop, ...anyShop];
  let othersOpen = false;
  if (open.length > 0) {
    const reach = windowReach(start, rules, tz);
    const mine = new Set(ids);
    // A line of one of these orders not yet due (assess.ts: `<order id>~<n>`) may still turn late and
    // join, whatever the rule's combining; another order of the buyer only when orders combine.
    const sibling = (id: string) => mine.has(id.slice(0, id.indexOf('~')));
    othersOpen = open.some(
      (o) =>
        (o.rules === undefined || o.rules === rules.id) &&
        // NaN: a rejected row whose paid time cannot be read may be in any window of the buyer.
        (Number.isNaN(o.paidAt) || (o.paidAt >= reach && o.paidAt <= end)) &&
        !mine.has(o.orderId) &&
        (rules.combine.by !== 'none' || (o.orderId.includes('~') && sibling(o.orderId))),
    );
  }
  const final = shipped && asOf > end && !othersOpen;
  const who = splitBuyer(first.buyer);
  return {
    voucherKey: voucherKey(rules.id, 'voucher', ids),
    buyer: who.buyer,
    // Present even when undefined: an object literal without a spread in it is made in one step.
    shop: who.shop,
    rules: rules.id,
    windowStart: start,
    orders: g,
    baseAmount: fenToMoney(baseFen),
    computedAmount: computed,
    amount,
    capped,
    kinds: KINDS_OF[(late ? 1 : 0) + (outOfStock ? 2 : 0)]! as Kind[],
    state: final ? 'final' : 'provisional',
    maxHoursLate: maxLate,
    risk: rules.seriousDelay && maxLate > rules.seriousDelay.afterHours ? 'serious_delay' : '',
  };
}

/**
 * window → voucher → reconcile for late orders all judged under `rules` (the in-process API the
 * rule tests use; the command streams the same stages over its store).
 */
export function buildVouchers(late: LateOrder[], openOrders: OpenOrders, rules: RuleSet, asOf: number, tz: TimeZone): Reconciled[] {
  const store = new LateStore();
  for (const l of late) store.push({ ...l, rules: rules.id });
  const lateOpen = new Set(late.filter((l) => l.shippedAt === null && l.shipSource !== 'seen_open').map((l) => l.orderId));
  return windows(store, () => rules, tz).map((g) => {
    const orders = Array.from(g, (i) => store.get(i));
    return reconcile(toVoucher(orders, openOrders, rules, asOf, tz), rules, mayOpenBefore(orders, openOrders, rules, lateOpen));
  });
}
