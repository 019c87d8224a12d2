// RULES 1.2–1.4, 1.3b, 1.3c: the payout of one late order under one rule set: the tier for its
// window and lateness, the rate, rounding (fen or whole yuan, half-up), then the per-order
// minimum and maximum. Every number comes from the rule set. Pure.
import { Decimal } from 'decimal.js';
import { type Money, ZERO, exactFen, moneyMax, moneyMin } from '../money.js';
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

/**
 * A tier's rate as a fraction num / den (den a power of ten) and its minimum and maximum in whole
 * fen, for payoutFen; null when one of them is not exact so (a rate of more than 9 decimals, an
 * amount with a part of a fen): payout() prices such a tier.
 */
interface FenTier {
  num: number;
  den: number;
  minFen: number;
  maxFen: number | null;
}
const fenTiers = new WeakMap<Tier, FenTier | null>();
function fenTier(tier: Tier): FenTier | null {
  let t = fenTiers.get(tier);
  if (t !== undefined) return t;
  t = null;
  const minFen = exactFen(tier.min);
  const maxFen = tier.max ? exactFen(tier.max) : null;
  if (minFen !== undefined && maxFen !== undefined && !tier.rate.isNegative()) {
    for (let k = 0, den = 1; k <= 9; k++, den *= 10) {
      const scaled = tier.rate.times(den);
      if (scaled.isInteger()) {
        if (scaled.lte(0x7fffffff)) t = { num: scaled.toNumber(), den, minFen, maxFen };
        break;
      }
    }
  }
  fenTiers.set(tier, t);
  return t;
}

/** The amount in whole fen when it is one exactly (at most two decimals, as every export's), else undefined. */
function fenOf(m: Money | null): number | undefined {
  return m === null ? 0 : exactFen(m);
}

/**
 * compactPayout(payout(…)) in whole fen, without a Decimal (issue 21: the late orders' payouts were
 * ~0.2 s of a 1M-row run): the base, the rate as num / den, rounded half-up to the fen or the yuan
 * (RULES 1.4, 1.3b), then the tier's minimum and maximum — the same numbers, exactly, as the
 * Decimal working gives for a base of whole fen, not below zero, whose product with the rate's
 * numerator is exact in a double. undefined otherwise (the caller prices it with payout()).
 */
export function payoutFen(o: Order, kind: Kind, windowHours: number, rules: RuleSet, base: BaseRule, hoursLate: number): { kind: Kind; rate: Money; baseFen: number; rawFen: number; afterFen: number } | undefined {
  const tier = pickTier(rules, windowHours, hoursLate, o.presale === true, kind === 'delivery_promise' ? undefined : kind);
  const t = fenTier(tier);
  if (t === null) return undefined;
  let baseFen: number | undefined;
  if (base === 'paid') baseFen = fenOf(o.paidAmount);
  else if (base === 'goods') baseFen = fenOf(o.goodsAmount ?? o.paidAmount);
  else {
    const paid = fenOf(o.paidAmount);
    const postage = fenOf(o.postage);
    if (paid !== undefined && postage !== undefined) baseFen = paid - postage < 0 ? 0 : paid - postage;
  }
  if (baseFen === undefined || baseFen < 0) return undefined;
  const x = baseFen * t.num;
  if (!(x <= 2 ** 50)) return undefined; // every step below exact in a double
  // base × rate in fen is x / den; in yuan, x / (100 den): rounded half-up (ties away from zero, all ≥ 0 here).
  const unit = rules.rounding === 'yuan' ? t.den * 100 : t.den;
  let q = Math.floor(x / unit);
  if ((x - q * unit) * 2 >= unit) q++;
  const rawFen = rules.rounding === 'yuan' ? q * 100 : q;
  let afterFen = rawFen >= t.minFen ? rawFen : t.minFen;
  if (t.maxFen !== null && afterFen > t.maxFen) afterFen = t.maxFen;
  return { kind: tier.kind, rate: tier.rate, baseFen, rawFen, afterFen };
}

