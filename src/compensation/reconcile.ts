// Stage 4 of the pipeline (reconcile): who pays, and what the shop must still issue.
// - RULES 1.4: when the export carries the platform's own payout for the voucher's orders
//   (订单报表 延迟发货自动赔付金额, 宝贝报表 赔付金额/主动赔付金额), the platform has paid: the voucher
//   is `paid_by_platform` and nothing is issued again; the difference stays for reconciliation.
// - RULES 1.3b: under a `platform-deducts` rule set (douyin-2025) the platform pays the buyer and
//   charges the shop: the amount is what the shop will be charged, never a voucher to issue.
// Pure.
import { type Money, ZERO, isAboveZero } from '../money.js';
import type { Payer, RuleSet } from '../rules/ruleset.js';
import type { Voucher } from './vouchers.js';

export interface Reconciled extends Omit<Voucher, 'state'> {
  /** final / provisional (may still change) / paid_by_platform (the export shows the platform paid it). */
  state: Voucher['state'] | 'paid_by_platform';
  payer: Payer;
  /** The platform's own payouts for the voucher's orders, when the export carries them. */
  platformPaid: Money | null;
  /** platformPaid − amount: for the operator to reconcile. */
  difference: Money | null;
  /** What the shop must still issue itself: 0 when the platform paid or deducts it. */
  toIssue: Money;
}

/**
 * `unsettled`: the voucher's window may still be cut otherwise (a tmall-2023 window whose orders depend
 * on seconds a paid time lost, or that an order not judged yet, paid before it, may open earlier): its
 * orders may not be one voucher at all, so a payout on one of them does not settle it (RULES 1.7).
 */
export function reconcile(v: Voucher, rules: RuleSet, unsettled = false): Reconciled {
  let platform: Money | null = null;
  for (const l of v.orders) if (l.platformCompensation !== null) platform = (platform ?? ZERO).plus(l.platformCompensation);
  // Our reading: a positive payout on any of the voucher's orders means the platform handled the
  // voucher (it pays under its own judgment); a 0.00 or empty cell means it paid nothing. Not while
  // the window may be cut otherwise: the payout may then be another window's, and the rest owed.
  const paidByPlatform = platform !== null && isAboveZero(platform) && !(unsettled && v.state === 'provisional');
  const toIssue = rules.payer === 'platform-deducts' || paidByPlatform ? ZERO : v.amount;
  // Written out field by field: an object spread of the voucher was most of this stage's time.
  return {
    voucherKey: v.voucherKey,
    buyer: v.buyer,
    shop: v.shop,
    rules: v.rules,
    windowStart: v.windowStart,
    orders: v.orders,
    baseAmount: v.baseAmount,
    computedAmount: v.computedAmount,
    amount: v.amount,
    capped: v.capped,
    kinds: v.kinds,
    maxHoursLate: v.maxHoursLate,
    risk: v.risk,
    state: paidByPlatform ? 'paid_by_platform' : v.state,
    payer: rules.payer,
    platformPaid: platform,
    difference: platform === null ? null : platform.minus(v.amount),
    toIssue,
  };
}
