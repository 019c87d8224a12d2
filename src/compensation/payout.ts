// RULES 1.2–1.4, 1.3b, 1.3c: the payout of one late order under one rule set: the tier for its
// window and lateness, the rate, rounding (fen or whole yuan, half-up), then the per-order
// minimum and maximum. Every number comes from the rule set. Pure.
import { Decimal } from 'decimal.js';
import { type Money, ZERO, moneyMax, moneyMin } from '../money.js';
import type { Order } from '../orders/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { pickTier } from '../rules/tiers.js';
import { BASE_RULES, type BaseRule, type Rounding } from '../rules/types.js';

export { BASE_RULES, type BaseRule };

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

/** RULES 1.4: half-up to the fen; RULES 1.3b (douyin-2025): half-up to the whole yuan (7.5 → 8). */
export function roundPayout(m: Money, rounding: Rounding): Money {
  return m.toDecimalPlaces(rounding === 'yuan' ? 0 : 2, Decimal.ROUND_HALF_UP);
}

export interface Payout {
  kind: Kind;
  base: Money;
  rate: Money;
  /** base × rate, rounded half-up as the rule set says (fen or yuan). */
  raw: Money;
  /** After the per-order minimum and maximum. */
  afterMinimum: Money;
}

/**
 * The payout of one late order. `hoursLate` picks the tier by lateness; without it (the at-risk
 * "what would it cost") the first tier of `kind` for the window applies.
 */
export function payout(o: Order, kind: Kind, windowHours: number, rules: RuleSet, base: BaseRule, hoursLate?: number): Payout {
  const b = baseAmount(o, base);
  const tier = pickTier(rules, windowHours, hoursLate, o.presale === true, kind === 'delivery_promise' ? undefined : kind);
  const raw = roundPayout(b.times(tier.rate), rules.rounding);
  let after = moneyMax(raw, tier.min);
  if (tier.max) after = moneyMin(after, tier.max);
  return { kind: tier.kind, base: b, rate: tier.rate, raw, afterMinimum: after };
}
