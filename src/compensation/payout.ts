// RULES 1.2–1.4, 1.3b, 1.3c: the payout of one late order under one rule set: the tier for its
// window and lateness, the rate, rounding (fen or whole yuan, half-up), then the per-order
// minimum and maximum. Every number comes from the rule set. Pure.
import { Decimal } from 'decimal.js';
import { type Money, ZERO, moneyMax, moneyMin } from '../money.js';
import type { Order } from '../orders/types.js';
import type { RuleSet } from '../rules/ruleset.js';
import { pickTier } from '../rules/tiers.js';
import { BASE_RULES, type BaseRule, type Rounding, type Tier } from '../rules/types.js';

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
  const b = memoBase(o, base);
  const tier = pickTier(rules, windowHours, hoursLate, o.presale === true, kind === 'delivery_promise' ? undefined : kind);
  const { raw, after } = memoPriced(b, tier, rules.rounding);
  return { kind: tier.kind, base: b, rate: tier.rate, raw, afterMinimum: after };
}

// Memos for a big export (hundreds of thousands of late orders, a few hundred distinct prices):
// keyed by the Decimals themselves, which are immutable (the reader shares one per amount text,
// money.ts parseMoney), and by the rule set's tier objects. A value is always computed from its key
// exactly as without the memo; a memo that grows past MEMO_MAX is emptied.
const MEMO_MAX = 10_000;
/** paid-minus-postage: paid amount → postage (null: none) → base. */
const baseMemo = new Map<Money, Map<Money | null, Money>>();
let baseMemoSize = 0;
/** base → tier → rounding → priced. */
const pricedMemo = new Map<Money, Map<Tier, { fen?: Priced; yuan?: Priced }>>();
let pricedMemoSize = 0;

interface Priced {
  raw: Money;
  after: Money;
}

function memoBase(o: Order, base: BaseRule): Money {
  if (base !== 'paid-minus-postage' || o.paidAmount === null) return baseAmount(o, base);
  let byPostage = baseMemo.get(o.paidAmount);
  let b = byPostage?.get(o.postage);
  if (b !== undefined) return b;
  b = baseAmount(o, base);
  if (baseMemoSize >= MEMO_MAX) {
    baseMemo.clear();
    baseMemoSize = 0;
    byPostage = undefined;
  }
  if (byPostage === undefined) baseMemo.set(o.paidAmount, (byPostage = new Map()));
  byPostage.set(o.postage, b);
  baseMemoSize++;
  return b;
}

function memoPriced(b: Money, tier: Tier, rounding: Rounding): Priced {
  let byTier = pricedMemo.get(b);
  let byRounding = byTier?.get(tier);
  const hit = rounding === 'yuan' ? byRounding?.yuan : byRounding?.fen;
  if (hit !== undefined) return hit;
  const raw = roundPayout(b.times(tier.rate), rounding);
  let after = moneyMax(raw, tier.min);
  if (tier.max) after = moneyMin(after, tier.max);
  const priced = { raw, after };
  if (pricedMemoSize >= MEMO_MAX) {
    pricedMemo.clear();
    pricedMemoSize = 0;
    byTier = undefined;
    byRounding = undefined;
  }
  if (byTier === undefined) pricedMemo.set(b, (byTier = new Map()));
  if (byRounding === undefined) byTier.set(tier, (byRounding = {}));
  if (rounding === 'yuan') byRounding.yuan = priced;
  else byRounding.fen = priced;
  pricedMemoSize++;
  return priced;
}
