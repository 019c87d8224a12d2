// Stage 1 of the pipeline (judge): one order → its verdict under the rule set that applies to it,
// and, for a late order, the compact record the later stages need. Pure: no clock, no printing.
import type { Order } from '../orders/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { type JudgeOptions, type Verdict, judge } from './judge.js';
import { type BaseRule, payout } from './payout.js';
import { type LateOrder, compactPayout } from './vouchers.js';

export interface Assessed {
  verdict: Verdict;
  rules: RuleSet;
  /** Paid, not closed, not yet shipped: it may still become late, or join a buyer's window. */
  unshippedOpen: boolean;
  /** The late order as the window and voucher stages need it (verdict `late` only). */
  late: LateOrder | null;
}

export function assess(o: Order, rules: RuleSet, opts: JudgeOptions, base: BaseRule): Assessed {
  const v = judge(o, rules, opts);
  const unshippedOpen =
    o.paidAt !== null && o.status !== 'closed' && o.status !== 'unpaid' && (v.verdict === 'pending' || (v.verdict === 'late' && v.shippedAt === null));
  let late: LateOrder | null = null;
  if (v.verdict === 'late') {
    late = {
      orderId: o.orderId,
      buyer: o.buyer,
      rules: rules.id,
      paidAt: o.paidAt!,
      deadline: v.deadline,
      shippedAt: v.shippedAt,
      hoursLate: v.hoursLate,
      payout: compactPayout(payout(o, v.kind, v.windowHours, rules, base)),
      platformCompensation: o.platformCompensation,
      shipSource: v.shippedAt === null ? 'unshipped' : opts.pickupAt?.(o) !== undefined ? 'pickup_scan' : 'marked_shipped',
    };
  }
  return { verdict: v, rules, unshippedOpen, late };
}
