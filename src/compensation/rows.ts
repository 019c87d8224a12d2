// Stage 6 of the pipeline (rows): vouchers, their orders and at-risk orders as output rows
// (SPEC "compensate": voucher row, order row, at-risk row). Pure.
import type { Row } from '../io/columns.js';
import { type Money, ZERO, fenToMoney } from '../money.js';
import type { Order } from '../orders/types.js';
import { HOUR_MS } from '../time.js';
import { type Assessed, baseMissing } from './assess.js';
import { type BaseRule, payout } from './payout.js';
import type { PromiseVoucher } from './promise.js';
import type { Reconciled } from './reconcile.js';
import { orderIdsOf } from './vouchers.js';

/** `issueNow`: what the run's summary counts of this voucher in its total to issue (countVoucher). */
export function voucherRow(v: Reconciled, recorded: string, base: BaseRule, issueNow: Money): Row {
  const orderIds = orderIdsOf(v.orders);
  return {
    voucherKey: v.voucherKey,
    buyer: v.buyer,
    rules: v.rules,
    windowStart: v.windowStart,
    orderIds,
    lateOrders: orderIds.length,
    baseAmount: v.baseAmount,
    computedAmount: v.computedAmount,
    amount: v.amount,
    capped: v.capped,
    kinds: v.kinds,
    state: v.state,
    maxHoursLate: v.maxHoursLate,
    platformPaid: v.platformPaid,
    difference: v.difference,
    recorded,
    base,
    risk: v.risk,
    toIssue: v.toIssue,
    payer: v.payer,
    shop: v.shop ?? '',
    issueNow,
  };
}

/**
 * `--by order`: one row per late order of the voucher, with its working. `issueNowFen`: the voucher's
 * issueNow (what the summary counts of it toward the total to issue), shared out over its rows in the
 * order they are listed (paid time): each takes what it comes to on its own (afterMinimum) while any
 * is left, so a capped or topped-up voucher's later orders show less or 0.00, and the rows of a voucher
 * sum to its issueNow — the column sums to the summary's total as the voucher rows' does.
 */
export function* orderRows(v: Reconciled, base: BaseRule, issueNowFen: number): Generator<Row> {
  let left = issueNowFen;
  const n = v.orders.length;
  for (let i = 0; i < n; i++) {
    const l = v.orders[i]!;
    // The last row takes whatever is left (never more than the voucher's, never below 0.00).
    const take = i === n - 1 ? left : Math.min(Math.max(l.payout.afterFen, 0), left);
    left -= take;
    yield {
      orderId: l.orderId,
      lineId: l.lineId ?? '',
      buyer: v.buyer,
      paidAt: l.paidAt,
      deadline: l.deadline,
      shippedAt: l.shippedAt,
      shipSource: l.shipSource,
      hoursLate: l.hoursLate,
      kind: l.payout.kind,
      base: fenToMoney(l.payout.baseFen),
      rate: l.payout.rate.toString(),
      raw: fenToMoney(l.payout.rawFen),
      afterMinimum: fenToMoney(l.payout.afterFen),
      voucherKey: v.voucherKey,
      rules: l.rules,
      baseRule: base,
      shop: v.shop ?? '',
      issueNow: fenToMoney(take),
    };
  }
}

/** `issueNow`: what the run's summary counts of this promise in its unkept-promise total. */
export function promiseRow(p: PromiseVoucher, recorded: string, base: BaseRule, issueNow: Money): Row {
  return { ...p, recorded, base, shop: p.shop ?? '', issueNow };
}

/** `issueNow`: as promiseRow's (a promise is one order). */
export function promiseOrderRow(p: PromiseVoucher, base: BaseRule, issueNow: Money): Row {
  return { orderId: p.orderIds[0], buyer: p.buyer, paidAt: p.windowStart, kind: 'delivery_promise', afterMinimum: p.amount, raw: p.amount, voucherKey: p.voucherKey, rules: p.rules, baseRule: base, shop: p.shop ?? '', issueNow };
}

/**
 * `--at-risk`: an unshipped order already late or due before `riskUntil`, with what it costs if
 * late (RULES 1.5); null for any other order. An order paid after `--as-of` (an export made later)
 * was not paid then, so not one to ship yet: not on the list, as an order shipped after `--as-of`
 * is on it, unshipped then (judge.ts). Before, an export of 11-20 checked as of 11-10 12:00 listed
 * orders paid 11-10 20:00 and 11-11 10:00 as at risk.
 */
export function atRiskRow(o: Order, a: Assessed, asOf: number, riskUntil: number, base: BaseRule): Row | null {
  if (o.paidAt !== null && o.paidAt > asOf) return null;
  if (a.lineParts) return atRiskLines(o, a, asOf, riskUntil, base);
  const v = a.timing;
  if (!a.rules || !a.unshippedOpen || (v.verdict !== 'pending' && v.verdict !== 'late') || v.deadline > riskUntil) return null;
  // The window as judged: a direct-mail deadline past holidays (RULES 1.3c) is later than paid-at + window.
  const windowHours = v.windowHours ?? (v.deadline - o.paidAt!) / HOUR_MS;
  const p = payout(o, 'late', windowHours, a.rules, base);
  // Late: what the run forecasts for it (a.verdict). Lines promised at different times (抖店), one shipped
  // late in a dearer tier than the overdue line's so far: that line's (judge.ts dearestBeside, money52);
  // the deadline to ship by stays the unshipped line's.
  const owed = v.verdict === 'late' && a.verdict.verdict === 'late' ? a.verdict : v;
  // Not due yet, another line already shipped late (dearestBeside, user22): the order owes that line's
  // amount whatever this one does, so late it costs the dearer of the two.
  const already = v.verdict === 'pending' && a.verdict.verdict === 'late' ? payout(o, a.verdict.kind, a.verdict.windowHours, a.rules, base, a.verdict.hoursLate).afterMinimum : null;
  // No paid amount: the order is listed (it must still ship), its money left empty, not guessed.
  const unknown = baseMissing(o, base);
  return {
    orderId: o.orderId,
    buyer: o.buyer,
    paidAt: o.paidAt,
    deadline: v.deadline,
    hoursLeft: (v.deadline - asOf) / HOUR_MS,
    risk: v.verdict === 'late' ? 'late' : 'at_risk',
    title: o.title,
    base: unknown ? null : p.base,
    costIfLate: unknown ? null : owed.verdict === 'late' ? payout(o, owed.kind, owed.windowHours, a.rules, base, owed.hoursLate).afterMinimum : already?.gt(p.afterMinimum) ? already : p.afterMinimum,
    rules: a.rules.id,
    payer: a.rules.payer,
  };
}

/**
 * `--at-risk` for an order judged line by line (tmall-2026 with the item report, RULES 1.3): the lines
 * still unshipped and already late or due before `riskUntil`, as the run judges them — each by its own
 * parcel (a scan of another parcel does not ship it) and priced on its own (its 买家实际支付金额, its own
 * minimum and maximum): the order's deadline is the earliest of theirs, its cost the sum of theirs.
 * Before, the order as a whole was looked at: a scan of its first parcel found by the order id made
 * it shipped (left off the list while its other line was late), and its cost was the whole order's.
 */
function atRiskLines(o: Order, a: Assessed, asOf: number, riskUntil: number, base: BaseRule): Row | null {
  let deadline = Infinity;
  let late = false;
  let baseSum: Money | null = ZERO;
  let cost: Money | null = ZERO;
  for (const { view, a: p } of a.lineParts!) {
    const v = p.timing;
    if (!p.rules || !p.unshippedOpen || (v.verdict !== 'pending' && v.verdict !== 'late') || v.deadline > riskUntil) continue;
    deadline = Math.min(deadline, v.deadline);
    if (v.verdict === 'late') late = true;
    if (baseMissing(view, base)) {
      baseSum = null;
      cost = null;
      continue;
    }
    const windowHours = v.windowHours ?? (v.deadline - view.paidAt!) / HOUR_MS;
    const p0 = payout(view, 'late', windowHours, p.rules, base);
    if (baseSum !== null) baseSum = baseSum.plus(p0.base);
    if (cost !== null) cost = cost.plus(v.verdict === 'late' ? payout(view, v.kind, v.windowHours, p.rules, base, v.hoursLate).afterMinimum : p0.afterMinimum);
  }
  if (deadline === Infinity) return null;
  return {
    orderId: o.orderId,
    buyer: o.buyer,
    paidAt: o.paidAt,
    deadline,
    hoursLeft: (deadline - asOf) / HOUR_MS,
    risk: late ? 'late' : 'at_risk',
    title: o.title,
    base: baseSum,
    costIfLate: cost,
    rules: a.rules!.id,
    payer: a.rules!.payer,
  };
}
