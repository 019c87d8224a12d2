// RULES 1.2 / 1.3 combining: a buyer's late orders grouped into vouchers and capped per window.
import { createHash } from 'node:crypto';
import { type Money, ZERO, fenToMoney, moneyMin, moneyToFen } from '../money.js';
import { LateStore } from './latestore.js';
import type { RuleSet } from '../rules/ruleset.js';
import { DAY_MS, HOUR_MS, type TimeZone } from '../time.js';
import type { Kind, Payout } from './judge.js';

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
  paidAt: number;
  deadline: number;
  shippedAt: number | null;
  hoursLate: number;
  payout: LatePayout;
  platformCompensation: Money | null;
  shipSource: 'pickup_scan' | 'marked_shipped' | 'unshipped';
}

/** A paid order of the buyer that has not shipped and is not closed: it may still become late. */
export interface OpenOrder {
  orderId: string;
  paidAt: number;
}

export interface Voucher {
  voucherKey: string;
  buyer: string;
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
  platformPaid: Money | null;
  difference: Money | null;
  /** RULES 1.2: `serious_delay` when an order is later than the rule set's serious-delay mark. */
  risk: string;
}

/** Stable: the same orders under the same rules always give the same key. */
export function voucherKey(rules: string, kind: 'voucher' | 'delivery_promise', orderIds: string[]): string {
  const ids = [...orderIds].sort();
  return 'v' + createHash('sha256').update(`${rules}|${kind}|${ids.join(',')}`).digest('hex').slice(0, 20);
}

/** The end of the window a payment at `start` opens (inclusive for rolling 24 h windows). */
function windowEnd(start: number, rules: RuleSet, tz: TimeZone): number {
  if (rules.combine.by === 'rolling-24h') return start + DAY_MS;
  // The last millisecond of that calendar day (+2 h keeps it right across a 23/25 h DST day).
  return tz.startOfDay(tz.startOfDay(start) + DAY_MS + 2 * HOUR_MS) - 1;
}

/**
 * Group late orders by buyer into windows. tmall-2023 (RULES 1.2, our reading): sort a buyer's
 * late orders by paid-at; a window opens at the first, every order paid within 24 h of that
 * opening joins it (exactly 24 h included), the next opens a new window. tmall-2026 (RULES 1.3
 * 第十二条): payments on the same calendar day in Beijing time. The cap applies per window.
 *
 * A voucher is final only when it can no longer change: every order in it has shipped, the
 * window is over at as-of, and no other open order of the buyer could still join it.
 */
export function buildVouchers(late: LateOrder[], openOrders: Map<string, OpenOrder[]>, rules: RuleSet, asOf: number, tz: TimeZone): Voucher[] {
  const store = new LateStore();
  for (const l of late) store.push(l);
  return windows(store, rules, tz).map((g) => toVoucher(Array.from(g, (i) => store.get(i)), openOrders, rules, asOf, tz));
}

/**
 * The windows of late orders (as indices into the store), in output order: window start, buyer,
 * first order id. Vouchers are made from them one at a time (toVoucher), so a big export never
 * holds them all at once.
 */
export function windows(store: LateStore, rules: RuleSet, tz: TimeZone): Int32Array[] {
  const n = store.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const cmpId = (a: number, b: number) => (store.orderId(a) < store.orderId(b) ? -1 : store.orderId(a) > store.orderId(b) ? 1 : 0);
  order.sort((a, b) => {
    const ba = store.buyer(a);
    const bb = store.buyer(b);
    if (ba !== bb) return ba < bb ? -1 : 1;
    return store.paidAt(a) - store.paidAt(b) || cmpId(a, b);
  });
  const groups: Int32Array[] = [];
  let from = 0;
  let end = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const sameBuyer = k > from && store.buyer(order[from]!) === store.buyer(i) && store.buyer(i) !== '';
    if (sameBuyer && store.paidAt(i) <= end) continue;
    if (k > from) groups.push(order.subarray(from, k));
    from = k;
    // A buyer with no name cannot be combined with anything: every order is its own window.
    end = windowEnd(store.paidAt(i), rules, tz);
  }
  if (n > from) groups.push(order.subarray(from, n));
  groups.sort((a, b) => {
    const x = a[0]!;
    const y = b[0]!;
    return store.paidAt(x) - store.paidAt(y) || (store.buyer(x) < store.buyer(y) ? -1 : store.buyer(x) > store.buyer(y) ? 1 : 0) || cmpId(x, y);
  });
  return groups;
}

export function toVoucher(g: LateOrder[], openOrders: Map<string, OpenOrder[]>, rules: RuleSet, asOf: number, tz: TimeZone): Voucher {
  const start = g[0]!.paidAt;
  const end = windowEnd(start, rules, tz);
  let baseFen = 0;
  let computedFen = 0;
  let platform: Money | null = null;
  const kinds = new Set<Kind>();
  let maxLate = 0;
  for (const l of g) {
    baseFen += l.payout.baseFen;
    computedFen += l.payout.afterFen;
    kinds.add(l.payout.kind);
    maxLate = Math.max(maxLate, l.hoursLate);
    if (l.platformCompensation !== null) platform = (platform ?? ZERO).plus(l.platformCompensation);
  }
  const base = fenToMoney(baseFen);
  const computed = fenToMoney(computedFen);
  const cap = rules.combine.cap;
  const amount = cap ? moneyMin(computed, cap) : computed;
  // Could another open order of this buyer still join or reshape this window?
  const reach = rules.combine.by === 'rolling-24h' ? start - DAY_MS : start;
  const open = g[0]!.buyer ? (openOrders.get(g[0]!.buyer) ?? []) : [];
  const mine = new Set(g.map((l) => l.orderId));
  const othersOpen = open.some((o) => o.paidAt >= reach && o.paidAt <= end && !mine.has(o.orderId));
  const final = g.every((l) => l.shippedAt !== null) && asOf > end && !othersOpen;
  return {
    voucherKey: voucherKey(rules.id, 'voucher', g.map((l) => l.orderId)),
    buyer: g[0]!.buyer,
    rules: rules.id,
    windowStart: start,
    orders: g,
    baseAmount: base,
    computedAmount: computed,
    amount,
    capped: computed.gt(amount),
    kinds: (['late', 'out_of_stock'] as Kind[]).filter((k) => kinds.has(k)),
    state: final ? 'final' : 'provisional',
    maxHoursLate: maxLate,
    platformPaid: platform,
    difference: platform === null ? null : platform.minus(amount),
    risk: rules.seriousDelay && maxLate > rules.seriousDelay.afterHours ? 'serious_delay' : '',
  };
}
