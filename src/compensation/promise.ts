// RULES 1.2: an unkept same-day/next-day/to-door promise pays a fixed amount per order, outside
// the voucher and its cap. Pure.
import type { Money } from '../money.js';
import type { RuleSet } from '../rules/ruleset.js';
import { voucherKey } from './vouchers.js';

export interface PromiseOrder {
  orderId: string;
  buyer: string;
  paidAt: number | null;
}

export interface PromiseVoucher {
  voucherKey: string;
  buyer: string;
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
}

/** null when the rule set pays nothing for an unkept promise (the caller says so). */
export function promiseVouchers(orders: PromiseOrder[], rules: RuleSet): PromiseVoucher[] | null {
  const dp = rules.deliveryPromise;
  if (!dp) return null;
  return orders.map((o) => ({
    voucherKey: voucherKey(rules.id, 'delivery_promise', [o.orderId]),
    buyer: o.buyer,
    rules: rules.id,
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
  }));
}
