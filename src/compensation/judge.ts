// RULES 1.1: deadlines and lateness; RULES 1.2–1.4: the payout of one order. Pure functions.
import { type Money, ZERO, moneyMax, moneyMin, toFen } from '../money.js';
import type { Order } from '../orders/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { HOUR_MS } from '../time.js';

export type BaseRule = 'paid-minus-postage' | 'paid' | 'goods';
export const BASE_RULES: readonly BaseRule[] = ['paid-minus-postage', 'paid', 'goods'];

export type Kind = 'late' | 'out_of_stock' | 'delivery_promise';

export type Verdict =
  | { verdict: 'unpaid' }
  | { verdict: 'on_time'; deadline: number }
  | { verdict: 'pending'; deadline: number } // unshipped, deadline not yet passed
  | { verdict: 'closed_in_time'; deadline: number }
  | { verdict: 'not_judged'; reason: 'closed_unshipped' | 'no_paid_time' | 'no_ship_time' }
  | { verdict: 'late'; deadline: number; shippedAt: number | null; hoursLate: number; kind: Kind; windowHours: number };

export interface JudgeOptions {
  asOf: number;
  /** --ship-within: overrides the rule set's default window for orders with no promised time. */
  shipWithinHours?: number;
  /** Pickup scans by order id (preferred over the export's 发货时间, RULES 1.1). */
  pickupAt?: (o: Order) => number | undefined;
}

/** Hours the shop had to ship this order (RULES 1.1, 1.3 listing words). */
export function shipWindowHours(o: Order, rules: RuleSet, opts: JudgeOptions): number {
  if (opts.shipWithinHours !== undefined) return opts.shipWithinHours;
  let hours = rules.shipWindowHours;
  for (const w of rules.titleWindows) if (w.keywords.some((k) => o.title.includes(k))) hours = Math.min(hours, w.hours);
  return hours;
}

export function judge(o: Order, rules: RuleSet, opts: JudgeOptions): Verdict {
  if (o.status === 'unpaid') return { verdict: 'unpaid' };
  if (o.paidAt === null) return { verdict: 'not_judged', reason: 'no_paid_time' };
  // RULES 1.1: the order's own promised time when the export has one, else paid-at + window.
  const windowHours = o.promisedShipAt !== null ? (o.promisedShipAt - o.paidAt) / HOUR_MS : shipWindowHours(o, rules, opts);
  const deadline = o.promisedShipAt ?? o.paidAt + windowHours * HOUR_MS;
  const shippedAt = opts.pickupAt?.(o) ?? o.shippedAt;
  if (shippedAt !== null) {
    // Shipped exactly at the deadline is on time; one second after is late.
    if (shippedAt <= deadline) return { verdict: 'on_time', deadline };
    return { verdict: 'late', deadline, shippedAt, hoursLate: (shippedAt - deadline) / HOUR_MS, kind: lateKind(deadline, shippedAt, rules), windowHours };
  }
  if (o.status === 'shipped' || o.status === 'completed' || o.status === 'partially_shipped') {
    return { verdict: 'not_judged', reason: 'no_ship_time' };
  }
  if (o.status === 'closed') {
    // RULES 1.1: closed before the deadline is not late; with no close time we cannot tell.
    if (opts.asOf <= deadline) return { verdict: 'closed_in_time', deadline };
    return { verdict: 'not_judged', reason: 'closed_unshipped' };
  }
  if (opts.asOf <= deadline) return { verdict: 'pending', deadline };
  return { verdict: 'late', deadline, shippedAt: null, hoursLate: (opts.asOf - deadline) / HOUR_MS, kind: lateKind(deadline, opts.asOf, rules), windowHours };
}

/** RULES 1.3: still unshipped 72 h after becoming late is out of stock (tmall-2026 only). */
function lateKind(deadline: number, shippedOrNow: number, rules: RuleSet): Kind {
  if (rules.outOfStock && shippedOrNow > deadline + rules.outOfStock.afterLateHours * HOUR_MS) return 'out_of_stock';
  return 'late';
}

/** RULES 1.4: the goods' actual transaction amount under the chosen base setting. */
export function baseAmount(o: Order, base: BaseRule): Money {
  switch (base) {
    case 'paid':
      return o.paidAmount ?? ZERO;
    case 'goods':
      return o.goodsAmount ?? o.paidAmount ?? ZERO;
    default: {
      // 买家实际支付金额 − 买家应付邮费, never below zero.
      const b = (o.paidAmount ?? ZERO).minus(o.postage ?? ZERO);
      return b.isNegative() ? ZERO : b;
    }
  }
}

export interface Payout {
  kind: Kind;
  base: Money;
  rate: Money;
  /** base × rate, rounded half-up to the fen (RULES 1.4). */
  raw: Money;
  /** After the per-order minimum (and per-order maximum where the rule set has one). */
  afterMinimum: Money;
}

/** The payout of one late order (RULES 1.2 tmall-2023; 1.3 tmall-2026). */
export function payout(o: Order, kind: Kind, windowHours: number, rules: RuleSet, base: BaseRule): Payout {
  const b = baseAmount(o, base);
  let rate: Money;
  let min: Money;
  let max: Money | null;
  if (kind === 'out_of_stock' && rules.outOfStock) {
    const s = rules.outOfStock;
    rate = windowHours > rules.longWindowOverHours ? s.longWindowRate : s.rate; // RULES 1.3 out of stock
    min = s.min;
    max = s.max;
  } else {
    const l = rules.late;
    // RULES 1.3: presale, or a set window over 48 h, takes the higher late rate.
    rate = o.presale ? l.presaleRate : windowHours > rules.longWindowOverHours ? l.longWindowRate : l.rate;
    min = l.min;
    max = l.max;
  }
  const raw = toFen(b.times(rate));
  let after = moneyMax(raw, min);
  if (max) after = moneyMin(after, max);
  return { kind, base: b, rate, raw, afterMinimum: after };
}
