// RULES 1.2–1.4: the payout of one late order under one rule set. Pure functions.
import { type Money, ZERO, moneyMax, moneyMin, toFen } from '../money.js';
import type { Order } from '../orders/types.js';
import type { RuleSet } from '../rules/ruleset.js';

export type BaseRule = 'paid-minus-postage' | 'paid' | 'goods';
export const BASE_RULES: readonly BaseRule[] = ['paid-minus-postage', 'paid', 'goods'];

export type Kind = 'late' | 'out_of_stock' | 'delivery_promise';

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
