// RULES 1.2: an unkept same-day/next-day/to-door promise pays a fixed amount per order, outside
// the voucher and its cap — under the rule sets that have such a payout (tmall-2023). Pure.
import type { Money } from '../money.js';
import type { Payer, RuleSet } from '../rules/ruleset.js';
import { voucherKey } from './vouchers.js';

export interface PromiseOrder {
  orderId: string;
  buyer: string;
  shop?: string;
  paidAt: number | null;
  /** The rule set that judges the order (null: none in force). */
  rules: RuleSet | null;
}

export interface PromiseVoucher {
  voucherKey: string;
  buyer: string;
  /** The order's shop when the export names it (recorded with the voucher; never capped). */
  shop?: string;
  rules: string;
  windowStart: number | null;
  orderIds: string[];
  lateOrders: number;
  baseAmount: null;
  computedAmount: Money;
  amount: Money;
  capped: boolean;
  kinds: string[];
  state: 'final';
  maxHoursLate: null;
  platformPaid: null;
  difference: null;
  toIssue: Money;
  payer: Payer;
}

export interface Promises {
  vouchers: PromiseVoucher[];
  /** Orders on the list whose rule set pays nothing for an unkept promise, by rule set id ('' = none in force). */
  ignored: Map<string, number>;
}

export function promiseVouchers(orders: PromiseOrder[]): Promises {
  const out: Promises = { vouchers: [], ignored: new Map() };
  for (const o of orders) {
    const dp = o.rules?.deliveryPromise;
    if (!o.rules || !dp) {
      const k = o.rules?.id ?? '';
      out.ignored.set(k, (out.ignored.get(k) ?? 0) + 1);
      continue;
    }
    out.vouchers.push({
      voucherKey: voucherKey(o.rules.id, 'delivery_promise', [o.orderId]),
      buyer: o.buyer,
      ...(o.shop ? { shop: o.shop } : {}),
      rules: o.rules.id,
      windowStart: o.paidAt,
      orderIds: [o.orderId],
      lateOrders: 0,
      baseAmount: null,
      computedAmount: dp.amount,
      amount: dp.amount,
      capped: false,
      kinds: ['delivery_promise'],
      state: 'final',
      maxHoursLate: null,
      platformPaid: null,
      difference: null,
      toIssue: o.rules.payer === 'platform-deducts' ? dp.amount.times(0) : dp.amount,
      payer: o.rules.payer,
    });
  }
  return out;
}
