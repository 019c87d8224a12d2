// Stage 1 of the pipeline (judge): one order → the rule set that applies to it (RULES 1.3a), its
// verdict under that set, and, for a late order, the compact record the later stages need.
// Pure: no clock, no printing.
import type { Order } from '../orders/types.js';
import { type RuleBook, ruleSetFor } from '../rules/book.js';
import type { RuleSet } from '../rules/ruleset.js';
import { type JudgeOptions, type Verdict, judge } from './judge.js';
import { type BaseRule, payout } from './payout.js';
import { type LateOrder, compactPayout } from './vouchers.js';

export interface Assessed {
  verdict: Verdict;
  /** The verdict on shipping alone (as verdict, but a late order with no paid amount is still late here): the at-risk list's. */
  timing: Verdict;
  /** null when no rule set of the order's platform is in force (or it is unpaid). */
  rules: RuleSet | null;
  /** Paid, not closed, not yet shipped: it may still become late, or join a buyer's window. */
  unshippedOpen: boolean;
  /** The late order as the window and voucher stages need it (verdict `late` only). */
  late: LateOrder | null;
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

export function assess(o: Order, rules: RuleSet | null, opts: JudgeOptions, base: BaseRule | undefined): Assessed {
  if (rules === null) {
    // RULES 1.3a: never apply another platform's rule; an order with no rule set is counted, not judged.
    const verdict: Verdict = o.status === 'unpaid' ? { verdict: 'unpaid' } : o.paidAt === null ? { verdict: 'not_judged', reason: 'no_paid_time' } : { verdict: 'not_judged', reason: 'no_rule_set' };
    return { verdict, timing: verdict, rules, unshippedOpen: false, late: null };
  }
  const judged = judge(o, rules, opts);
  // RULES 1.2–1.4: the payout is a share of the paid amount; an empty one is not 0 (a 5.00 minimum
  // would be paid on it): the late order is counted as not judged and listed, never paid on a guess.
  const v: Verdict = judged.verdict === 'late' && baseMissing(o, baseFor(rules, base)) ? { verdict: 'not_judged', reason: 'no_paid_amount' } : judged;
  const unshippedOpen =
    o.paidAt !== null && o.status !== 'closed' && o.status !== 'unpaid' && (judged.verdict === 'pending' || (judged.verdict === 'late' && judged.shippedAt === null));
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
      payout: compactPayout(payout(o, v.kind, v.windowHours, rules, baseFor(rules, base), v.hoursLate)),
      platformCompensation: o.platformCompensation,
      shipSource: v.shippedAt === null ? 'unshipped' : opts.pickupAt?.(o) !== undefined ? 'pickup_scan' : 'marked_shipped',
    };
  }
  return { verdict: v, timing: judged, rules, unshippedOpen, late };
}
