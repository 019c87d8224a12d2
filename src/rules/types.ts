// The shape of a rule set (templates/rules/*.json) once validated. Every rate, tier, threshold,
// rounding mode and cap is data here; the compensation code holds none of them as literals.
import type { Msg } from '../errors.js';
import type { Money } from '../money.js';

/** The platform whose orders a rule set judges (the order reader's `platform`, plus Tmall Global). */
export type RulePlatform = 'taobao' | 'douyin' | 'pdd' | 'tmall-global';
export const RULE_PLATFORMS: readonly RulePlatform[] = ['taobao', 'douyin', 'pdd', 'tmall-global'];

/** RULES 1.4: the amount a rate is applied to. */
export type BaseRule = 'paid-minus-postage' | 'paid' | 'goods';
export const BASE_RULES: readonly BaseRule[] = ['paid-minus-postage', 'paid', 'goods'];

export type PayUnit = 'order' | 'sub-order';
export const PAY_UNITS: readonly PayUnit[] = ['order', 'sub-order'];

export type Rounding = 'fen' | 'yuan';
export const ROUNDINGS: readonly Rounding[] = ['fen', 'yuan'];

export type CombineBy = 'none' | 'rolling-24h' | 'calendar-day';
export const COMBINE_BY: readonly CombineBy[] = ['none', 'rolling-24h', 'calendar-day'];

/** shop-issues: the shop sends the voucher itself; platform-deducts: the platform pays the buyer and charges the shop. */
export type Payer = 'shop-issues' | 'platform-deducts';
export const PAYERS: readonly Payer[] = ['shop-issues', 'platform-deducts'];

export type TierKind = 'late' | 'out_of_stock';
export const TIER_KINDS: readonly TierKind[] = ['late', 'out_of_stock'];

/** Hours: over < x ≤ upTo (null = open on that side). */
export interface Range {
  over: number | null;
  upTo: number | null;
}

/** One payout line: which late orders it covers, and what they pay. The first tier that matches applies. */
export interface Tier {
  kind: TierKind;
  /** The promised ship window (paid → deadline), in hours. */
  window: Range;
  /** How late the order is (shipped, or as-of while unshipped), in hours. */
  hoursLate: Range;
  /** true: presale orders only; false: not presale; null: either. */
  presale: boolean | null;
  rate: Money;
  min: Money;
  /** The per-order cap; null = none. */
  max: Money | null;
}

export interface RuleSet {
  id: string;
  title: Msg;
  /** Where the rule comes from, in both languages (a rule file may give one text for both). */
  source: Msg;
  /** The reading we adopt where the rule text is unclear (shown by `rules show`). */
  reading: Msg | null;
  platform: RulePlatform;
  /** First day in force (Beijing calendar date, YYYY-MM-DD); null = since always. */
  validFrom: string | null;
  /** Last day in force (inclusive); null = still in force. */
  validTo: string | null;
  /** Default ship window when an order has no promised time (RULES 1.1). */
  shipWindowHours: number;
  /** Listing words that tighten the window (RULES 1.3: 现货 48 h; 极速发/秒发/当日发/次日达 24 h). */
  titleWindows: { keywords: string[]; hours: number }[];
  /** The amount base the rule names (RULES 1.4; `--base` overrides it for every rule set). */
  base: BaseRule;
  tiers: Tier[];
  /** Each payout rounds half-up to the fen or to the whole yuan, after the rate and before min/max. */
  rounding: Rounding;
  combine: { by: CombineBy; cap: Money | null };
  /**
   * What one payout is for (RULES 1.3: tmall-2026 pays "5 % of the sub-order's actual transaction
   * amount"): 'sub-order' prices each line of an order on its own when the input has the lines (an
   * item report: its own ship time, its 买家实际支付金额, its own minimum and maximum); 'order' (the
   * default) prices the order as one.
   */
  unit: PayUnit;
  payer: Payer;
  deliveryPromise: { amount: Money } | null;
  /** RULES 1.2: serious delay plus a complaint costs points (a risk flag, no money). */
  seriousDelay: { afterHours: number; note: Msg } | null;
  /**
   * What the rule counts in a ship window that no export shows (RULES 1.3c: direct mail's 120 h
   * "excluding the origin's public holidays"): each run names the late orders judged under a window
   * in `window` (absent = any) with `note` (both languages), so one within its real window can be put
   * in --exclude. Not money: the amounts are as computed.
   */
  windowNote: { window: Range; note: Msg } | null;
  /**
   * RULES 1.3c (tmall-global-2026): overseas direct mail's own window. `shipWindowHours` is the window of
   * the orders `compensate --direct-mail` lists (the others keep the default, or --ship-within); `window`:
   * the ship windows read as direct mail's, in which the days `--holidays` gives are not counted. Null:
   * the rule set has no direct mail (--direct-mail and --holidays are refused with it).
   */
  directMail: { shipWindowHours: number; window: Range } | null;
}
