// RULES 1.1: deadlines and lateness of one order. Pure functions.
import type { Order } from '../orders/types.js';
import type { RuleSet, Tier } from '../rules/ruleset.js';
import { inRange, pickTier } from '../rules/tiers.js';
import { HOUR_MS } from '../time.js';
import { moneyToFen } from '../money.js';
import { windowEnd } from './holidays.js';
import { type BaseRule, type Kind, payout, payoutFen } from './payout.js';

// The payout lives in payout.ts; these names stay importable from here.
export { BASE_RULES, type BaseRule, type Kind, type Payout, baseAmount, payout } from './payout.js';

/**
 * Why an order was not judged. `time_precision`: its times lost their seconds (an Excel re-save)
 * and the verdict — on time or late, which tier of the rule set — depends on the seconds lost.
 * `no_rule_set`: no rule set of its platform is in force at its paid time (RULES 1.3a).
 * `no_paid_amount`: late, but the amount its payout is a share of (买家实际支付金额) is empty, so
 * what it is owed cannot be computed (set by assess.ts; never taken as 0). `platform_paid_unknown`:
 * late, but the item report says the platform paid it (是否赔付 = 是) without the amount.
 * `no_order_row`: late, read from an item report whose order the order report given with it lacks
 * (Order.noOrderRow): its buyer and shop, which its window and cap go by, are unknown.
 */
export type NotJudgedReason = 'closed_unshipped' | 'no_paid_time' | 'no_ship_time' | 'time_precision' | 'no_rule_set' | 'no_paid_amount' | 'platform_paid_unknown' | 'no_order_row';

export type Verdict =
  | { verdict: 'unpaid' }
  | { verdict: 'on_time'; deadline: number }
  /**
   * Unshipped at --as-of, deadline not yet passed. `shippedLater`: the export shows it shipped after
   * --as-of (RULES 1.1: judged as still unshipped then; docs/rules.md §1.7).
   */
  | { verdict: 'pending'; deadline: number; shippedLater?: true; windowHours?: number }
  | { verdict: 'closed_in_time'; deadline: number }
  /**
   * `late`: time_precision only — late whatever the seconds lost, only its tier (and so its amount)
   * depends on them: the summary counts it as late with its amount not judged (not "0 late").
   */
  | { verdict: 'not_judged'; reason: NotJudgedReason; late?: true }
  | {
      verdict: 'late';
      deadline: number;
      shippedAt: number | null;
      hoursLate: number;
      kind: Kind;
      windowHours: number;
      /**
       * Unshipped, and late at as-of (`due`) or its tier (`tier`: late for every second lost) only for
       * some of the seconds its times lost (RULES 1.7).
       */
      seconds?: 'due' | 'tier';
      /** Unshipped at --as-of, as `pending`'s: the ship time the export shows is later. */
      shippedLater?: true;
      /**
       * Closed, never shipped, its close time unknown: judged from a recording run's sighting of it
       * still open and unshipped at this time, after its deadline (JudgeOptions.seenOpen). `hoursLate`
       * is then the least it was late (sighting − deadline), its tier the one that earns; final.
       * With `shippedAt` set (to that sighting): shipped, its 发货时间 shown before the sighting — the
       * first parcel's (卖家部分发货 then) —, so shipped no earlier than the sighting.
       */
      seenOpen?: number;
    };

/**
 * A pickup found for an order: its time, how much later it may really be, `marked` (a line's 发货时间
 * standing for a parcel with no scan), and for an order whose lines were promised at different times the
 * line judged (`promisedShipAt`) and every shipped line's own (`lines`, assess.ts foldedPickup).
 */
export interface PickedUp {
  at: number;
  slack: number;
  marked?: boolean;
  promisedShipAt?: number;
  lines?: ReadonlyArray<{ at: number; slack: number; marked?: boolean; promisedShipAt: number }>;
}

export interface JudgeOptions {
  asOf: number;
  /** --ship-within: overrides the rule set's default window for orders with no promised time. */
  shipWithinHours?: number;
  /**
   * --direct-mail (RULES 1.3c): whether the shop listed this order as overseas direct mail / consolidated
   * import. Under a rule set with `directMail`, such an order's window is that one (120 h), not the default.
   */
  directMail?: (o: Order) => boolean;
  /**
   * --holidays (RULES 1.3c): the origin's public holidays as [start, end) instants, sorted and merged.
   * Under a rule set with `directMail`, an order whose window is in `directMail.window` has its deadline
   * pushed past them (holidays.ts windowEnd); hours late are counted straight from that deadline.
   */
  holidays?: ReadonlyArray<readonly [number, number]>;
  /**
   * Pickup scans by order id or tracking number (preferred over the export's 发货时间, RULES 1.1):
   * the time shown and how much later it may really be (a scan time without its seconds); `marked`:
   * the time is a line's 发货时间, the last of an order's parcels having no scan (assess.ts foldedPickup).
   * `how` = 'tracking': by the order's (or line's) tracking numbers only, not its order id. A scan
   * before the order's paid time is not its pickup, nor one naming the order by id with a waybill
   * that is none of `waybills` (every waybill of the order, given when `o` is a line's view; inputs.ts pickupResolver),
   * nor, for a line's view, one naming the order with a waybill that is not the line's (`lineWaybills`).
   */
  pickupAt?: (o: Order & { waybills?: string; lineWaybills?: string }, how?: 'tracking') => PickedUp | undefined;
  /**
   * The latest --as-of at which a recording run saw this order still open (not closed) and unshipped
   * after its deadline (the state database's `sightings`, schema 12), if any: an order now closed that
   * never shipped, its close time unknown, closed after that (RULES 1.1, docs/rules.md §1.1).
   */
  seenOpen?: (o: Order) => number | undefined;
}

/**
 * Words that, right before a listing word, say the listing does not promise it: 【非现货】预售15天,
 * 暂无现货, 不支持极速发. Reading adopted (RULES 1.3 says only that "现货" means 48 h): such a title
 * promises nothing, so it does not tighten the window (it did: a presale run with --ship-within 360
 * judged 【非现货】预售15天内发货 against 48 h and paid a voucher for an order shipped on day 4).
 */
const NEGATIONS = ['非', '不', '无', '没', '未', '不支持', '不是', '没有', '无法', '不能'];
/** Words ending in 非 that are no negation: 南非 现货 (goods from South Africa, in stock). */
const NOT_NEGATIONS = ['南非'];
/**
 * Words that, right after a listing word, say the promise is not kept now: 现货不足 / 现货售罄
 * 预售15天发货 (the same money as 【非现货】: a 48 h window for goods that ship by their set time).
 */
const AFTER_NEGATIONS = ['不足', '售罄', '已售罄', '售完', '已售完', '卖完', '已卖完', '缺货', '断货', '暂停', '已停'];

/**
 * Whether `title` holds `word` at least once not negated right before it (spaces and brackets
 * skipped; 南非 is no negation) nor right after it (现货不足, 现货售罄).
 */
export function promisesWord(title: string, word: string): boolean {
  for (let i = title.indexOf(word); i >= 0; i = title.indexOf(word, i + 1)) {
    const before = title.slice(Math.max(0, i - 8), i).replace(/[\s【】\[\]()（）「」"“”'‘’:：,，、]+$/u, '');
    const negatedBefore = NEGATIONS.some((n) => before.endsWith(n)) && !NOT_NEGATIONS.some((n) => before.endsWith(n));
    const after = title.slice(i + word.length, i + word.length + 8).replace(/^[\s【】\[\]()（）「」"“”'‘’:：,，、]+/u, '');
    const negatedAfter = AFTER_NEGATIONS.some((n) => after.startsWith(n));
    if (!negatedBefore && !negatedAfter) return true;
  }
  return false;
}

/** Hours the shop had to ship this order (RULES 1.1, 1.3 listing words). */
export function shipWindowHours(o: Order, rules: RuleSet, opts: JudgeOptions): number {
  // --ship-within replaces the rule set's default window; a listing word that promises faster
  // shipping (现货 48 h, 极速发 24 h …) still tightens it, as it tightens the default.
  // --direct-mail: a listed order has the rule set's direct-mail window (RULES 1.3c: 120 h), whatever
  // --ship-within says (that is the other orders' window, bonded's 48 h by default).
  let hours = rules.directMail !== null && opts.directMail?.(o) ? rules.directMail.shipWindowHours : (opts.shipWithinHours ?? rules.shipWindowHours);
  // A listing word whose window is no shorter than the one so far changes nothing: not looked for.
  // Plain loops, and a word not in the title at all passed over without a call (issue 21: this ran
  // for every order, two closures and five calls an order, before it was optimised).
  const windows = rules.titleWindows;
  const title = o.title;
  for (let j = 0; j < windows.length; j++) {
    const w = windows[j]!;
    if (!(w.hours < hours)) continue;
    const words = w.keywords;
    for (let k = 0; k < words.length; k++) {
      if (title.indexOf(words[k]!) >= 0 && promisesWord(title, words[k]!)) {
        hours = w.hours;
        break;
      }
    }
  }
  return hours;
}

/**
 * paid-at + the window (RULES 1.1); for a direct-mail window (RULES 1.3c: `rules.directMail.window`) with
 * --holidays given, the hours on those days not counted (holidays.ts windowEnd; docs/rules.md §1.3c).
 */
export function windowDeadline(paidAt: number, windowHours: number, rules: RuleSet, opts: JudgeOptions): number {
  const dm = rules.directMail;
  if (opts.holidays === undefined || dm === null || !inRange(dm.window, windowHours)) return paidAt + windowHours * HOUR_MS;
  return windowEnd(paidAt, windowHours * HOUR_MS, opts.holidays);
}

/**
 * The verdict of one order (RULES 1.1). `base`: the payout's base (--base, else the rule set's), by which
 * an order whose sub-orders were promised at different times picks the line that decides (below).
 */
export function judge(o: Order, rules: RuleSet, opts: JudgeOptions, base?: BaseRule): Verdict {
  const own = o.ownPromise;
  // A line still unshipped, another shown shipped after --as-of (docs/rules.md §1.7: unshipped then): due
  // at the earliest promise of the lines unshipped as of then, as an export made at --as-of shows the order
  // (merge.ts ownPromises); the lines shipped by then are priced beside it (dearestBeside skips the others).
  // rev45: L1 (48 h) shipped 2.5 h after --as-of, 48.5 h overdue then, beside L2 (240 h) not due: no row,
  // where an export made at --as-of gave 缺货 1 % × 265.00 = 3.00 provisional. With pickup scans the same (rev46;
  // the view unshipped, no pickup of its own): rev45's L1 also picked up after --as-of was "not due", no row.
  // A line so shown whose own parcel's scan is by --as-of (picked up before it was marked): as before.
  if (own?.lines !== undefined && own.shippedAt === null && o.status !== 'unpaid' && own.lines.some((l) => l.shippedAt > opts.asOf) && !pickedUpBy(o, opts)) {
    let due = own.promisedShipAt;
    for (const l of own.lines) if (l.shippedAt > opts.asOf) due = Math.min(due, l.promisedShipAt);
    return judgeOne({ ...o, ownPromise: { promisedShipAt: due, shippedAt: null } }, rules, opts.pickupAt ? { ...opts, pickupAt: undefined } : opts);
  }
  // The same for a line marked shipped by --as-of whose own parcel was picked up only after it (rev47): the
  // pickup is the shipment (RULES 1.1) and a scan after --as-of was not made yet then, so that line was
  // unshipped then and the order due at its promise too. 小林's L1 (48 h) marked 11-24 09:00, picked up 11-26
  // 10:00, beside L2 unshipped (not due till 11-30), as of 11-25 12:00: 74 h overdue, 缺货 1 % × 265.00 = 3.00
  // provisional; it was no row (due at L2's promise, and dearestBeside skipped L1 as shipped after --as-of).
  if (own?.lines !== undefined && own.shippedAt === null && o.status !== 'unpaid' && o.paidAt !== null) {
    const later = pickedUpAfter(o, opts);
    if (later !== undefined) {
      return judgeOne({ ...o, ownPromise: { promisedShipAt: Math.min(own.promisedShipAt, later), shippedAt: null } }, rules, { ...opts, pickupAt: undefined });
    }
  }
  if (own?.lines === undefined || own.shippedAt === null || o.status === 'unpaid' || o.status === 'partially_shipped' || o.paidAt === null) return judgeOne(o, rules, opts);
  return judgeByLines(o, own.lines, rules, opts, base ?? rules.base);
}

type Late = Extract<Verdict, { verdict: 'late' }>;

/**
 * A sub-order's own parcel's pickup scan, looked up by the line's waybill as the order's (its id, paid time,
 * buyer and shop: a scan before the order was paid, or of another buyer's order, is not its pickup).
 */
function lineScan(o: Order, l: NonNullable<Order['subOrders']>[number], pick: NonNullable<JudgeOptions['pickupAt']>): PickedUp | undefined {
  return pick({ ...l, orderId: o.orderId, paidAt: o.paidAt, buyer: o.buyer, ...(o.shop ? { shop: o.shop } : {}), trackingNo: l.trackingNo }, 'tracking');
}

/** Whether a sub-order the export shows shipped after --as-of has its own parcel's pickup scan by --as-of (judge()). */
function pickedUpBy(o: Order, opts: JudgeOptions): boolean {
  const pick = opts.pickupAt;
  if (!pick || !o.subOrders) return false;
  return o.subOrders.some((l) => {
    if (l.shippedAt === null || l.shippedAt <= opts.asOf || !l.trackingNo) return false;
    const found = lineScan(o, l, pick);
    return found !== undefined && found.at <= opts.asOf;
  });
}

/**
 * The earliest promise of the sub-orders marked shipped by --as-of whose own parcel's scan (by the line's
 * waybill) is after it: unshipped as of then (judge()). Undefined when there is none (or no scans).
 */
function pickedUpAfter(o: Order, opts: JudgeOptions): number | undefined {
  const pick = opts.pickupAt;
  if (!pick || !o.subOrders || o.subOrders.length < 2) return undefined;
  let due: number | undefined;
  for (const l of o.subOrders) {
    if (l.shippedAt === null || l.shippedAt > opts.asOf || l.promisedShipAt === null || !l.trackingNo) continue;
    const found = lineScan(o, l, pick);
    if (found !== undefined && found.at > opts.asOf) due = Math.min(due ?? Infinity, l.promisedShipAt);
  }
  return due;
}

/**
 * An order whose sub-orders were promised at different times (抖店: each product its own 发货时效), every
 * one shipped (docs/rules.md §1.1): each line is measured against its own promise, and RULES 1.3b pays
 * "by promised window and lateness", per order, on the order's whole payment, once (no combining). The
 * order owes the dearest of what each late line's own window and lateness give on that payment; the
 * verdict (window, hours late, kind) is that line's; equal amounts: the line later against its own
 * promise. Reading adopted (money52). Before, the line latest against its own promise decided whatever
 * its tier: A 72 h late on 48 h (缺货 1 % × 600.00 = 6.00) beside B 58 h late on 144 h (缺货 3 % × 600.00
 * = 18.00) forecast 6.00 where the platform deducts 18.00. A line within the seconds its times lost of
 * a dearer amount than the one found leaves the order not judged (time_precision, RULES 1.7).
 * With pickup scans each line's parcel (assess.ts foldedPickup: `lines`); a sighting (seenOpen): judged as
 * before, by the line latest against its own promise. A line shipped after --as-of: the order as of then
 * (below; with scans too, rev46).
 */
function judgeByLines(o: Order, lines: NonNullable<NonNullable<Order['ownPromise']>['lines']>, rules: RuleSet, opts: JudgeOptions, base: BaseRule): Verdict {
  const scanned = opts.pickupAt?.(o);
  let each: Array<{ promisedShipAt: number; at: number; found?: PickedUp }>;
  if (scanned !== undefined) {
    if (scanned.lines === undefined) return judgeOne(o, rules, opts);
    each = scanned.lines.map((f) => ({ promisedShipAt: f.promisedShipAt!, at: f.at, found: f }));
  } else each = lines.map((l) => ({ promisedShipAt: l.promisedShipAt, at: l.shippedAt }));
  if (each.length < 2) return judgeOne(o, rules, opts);
  if (each.some((l) => l.at > opts.asOf)) {
    // The export shows lines shipped after --as-of: as of then they were unshipped (RULES 1.1, docs/rules.md
    // §1.7), due at the earliest of their own promises, as an export made at --as-of shows the order
    // (merge.ts ownPromises, unshipped); the lines shipped by then are priced beside them (dearestBeside).
    // Before (rev45), the order was judged unshipped from the promise of the line latest against its own:
    // 小林's tea order, L1 (48 h, 66.00) shipped 30 h late (none listed), L2 (240 h, 199.00) shipped after
    // --as-of, not due then: "74 h late" from L1's promise, 缺货 1 % × 265.00 = 3.00, where an export
    // made at --as-of gave 0.00. With pickup scans (rev46) the same, each line at its own parcel's scan, else
    // its 发货时间 (assess.ts foldedPickup `lines`): a scan after --as-of was not yet made then. The view has no
    // pickup of its own (a lookup by the order's id or waybill would ship it), its ship time the last line's.
    // Before, it was judged by the line latest against its own promise: L1 picked up 49 h late (缺货 3.00)
    // beside L2 shipped after --as-of was final; L2 the latest against its own, pending by L2's promise, no row.
    let due = Infinity;
    let last = -Infinity;
    for (const l of each) {
      last = Math.max(last, l.at);
      if (l.at > opts.asOf) due = Math.min(due, l.promisedShipAt);
    }
    if (scanned !== undefined) return judgeOne({ ...o, shippedAt: Math.max(last, o.shippedAt ?? -Infinity), ownPromise: { promisedShipAt: due, shippedAt: null } }, rules, { ...opts, pickupAt: undefined });
    const by = lines.filter((l) => l.shippedAt <= opts.asOf);
    return judgeOne({ ...o, ownPromise: { promisedShipAt: due, shippedAt: null, ...(by.length ? { lines: by } : {}) } }, rules, opts);
  }
  const verdicts = each.map((l) => {
    const view: Order = { ...o, ownPromise: { promisedShipAt: l.promisedShipAt, shippedAt: l.at } };
    const f = l.found;
    return judgeOne(view, rules, { ...opts, pickupAt: f ? () => f : undefined });
  });
  if (verdicts.some((v) => v.verdict === 'late' && v.seenOpen !== undefined)) return judgeOne(o, rules, opts);
  let best: Late | undefined;
  let bestFen = -1;
  for (const v of verdicts) {
    if (v.verdict !== 'late') continue;
    const fen = priceFen(o, v.kind, v.windowHours, v.hoursLate, rules, base);
    if (best === undefined || fen > bestFen || (fen === bestFen && (v.hoursLate > best.hoursLate || (v.hoursLate === best.hoursLate && v.shippedAt! > best.shippedAt!)))) {
      best = v;
      bestFen = fen;
    }
  }
  const unsure = verdicts.flatMap((v, k) => (v.verdict === 'not_judged' ? [k] : []));
  if (best !== undefined) {
    // A line whose verdict depends on the seconds lost: the order's amount is known only when none of
    // its possible amounts is dearer than the one found.
    for (const k of unsure) {
      const v = verdicts[k]!;
      if (v.verdict === 'not_judged' && v.reason !== 'time_precision') return v;
      if (dearestWithin(o, each[k]!, rules, base) > bestFen) return { verdict: 'not_judged', reason: 'time_precision', late: true };
    }
    return best;
  }
  if (unsure.length) return verdicts.find((v) => v.verdict === 'not_judged' && v.late) ?? verdicts[unsure[0]!]!;
  // Every line on time: the deadline of the line latest against its own promise, as before.
  let worst = 0;
  for (let k = 1; k < each.length; k++) {
    const late = each[k]!.at - each[k]!.promisedShipAt;
    const worstLate = each[worst]!.at - each[worst]!.promisedShipAt;
    if (late > worstLate || (late === worstLate && each[k]!.at > each[worst]!.at)) worst = k;
  }
  return verdicts[worst]!;
}

/**
 * An order still unshipped, late at --as-of by its first unshipped line's promise (`v`) or not due yet
 * (`v` pending), whose other lines shipped late against their own promises (docs/rules.md §1.1): what it
 * owes so far is the dearest of `v`'s amount (none while pending) and each shipped line's (its own window
 * and lateness, on the order's whole payment); a shipped line's verdict, when dearer, with no ship time
 * (the order is still unshipped: provisional). Pending with no line shipped late: `v` as it is.
 * Reading adopted (money52): before, only the unshipped line was priced: A shipped 58 h late on 144 h
 * (缺货 3 % × 600.00 = 18.00) beside B 10 h overdue on 360 h (1 %, 3–50: 6.00) forecast 6.00.
 * The at-risk list and a recording run's sighting keep `v` (the deadline still to act on).
 */
export function dearestBeside(o: Order, v: Verdict, rules: RuleSet, opts: JudgeOptions, base: BaseRule): Verdict {
  const lines = o.ownPromise?.lines;
  if (lines === undefined) return v;
  // Every line shipped by the export, some after --as-of (judgeByLines): `v` is the order as of then, its
  // lines shipped later unshipped; the lines shipped by then are priced beside it (the loop skips the others).
  const asOfView = o.ownPromise!.shippedAt !== null;
  // With pickup scans, each line at its own parcel as judgeByLines read it (the fold's `lines`, rev46).
  const folded = asOfView ? opts.pickupAt?.(o) : undefined;
  if (asOfView) {
    if ((v.verdict !== 'pending' && v.verdict !== 'late') || v.shippedLater !== true || (folded !== undefined && folded.lines === undefined)) return v;
    if (v.verdict === 'late' && (v.shippedAt !== null || v.seconds || v.seenOpen !== undefined)) return v;
  }
  // The unshipped lines not due yet (user22): a line already shipped late against its own promise is late
  // whatever the others do (RULES 1.1: shipped after its deadline), so the order owes so far what that line
  // gives on the whole payment, provisional. Before, such an order was "0 late" until its last line shipped
  // or fell due: a 抖店 order of a 48 h line (66.00) and a 10-day made-to-order one (199.00) showed a
  // provisional 3.00 (缺货 1 % × 265.00 = 2.65 → 3) while the 48 h line was 48.5 h overdue, and nothing
  // once that line shipped 49 h late, for the six days the other line had left.
  const pending = v.verdict === 'pending' && (asOfView || v.shippedLater !== true);
  if (!asOfView && !pending && (v.verdict !== 'late' || v.shippedAt !== null || v.seconds || v.seenOpen !== undefined || v.shippedLater)) return v;
  let best: Late | undefined = v.verdict === 'late' ? v : undefined;
  let bestFen = best ? priceFen(o, best.kind, best.windowHours, best.hoursLate, rules, base) : -1;
  // Each shipped line at its own parcel's pickup scan (by its own waybill) when --shipments has one, else
  // its 发货时间 (RULES 1.1), as assess.ts foldedPickup reads a line once every line has shipped.
  const pick = opts.pickupAt;
  const shipped: Array<{ promisedShipAt: number; shippedAt: number; found?: PickedUp }> =
    folded?.lines !== undefined ? folded.lines.map((f) => ({ promisedShipAt: f.promisedShipAt!, shippedAt: f.at, found: f }))
    : o.subOrders && o.subOrders.length >= 2
      ? o.subOrders.flatMap((l) => {
          if (l.shippedAt === null || l.promisedShipAt === null) return [];
          const found = pick && l.trackingNo ? lineScan(o, l, pick) : undefined;
          return [found ? { promisedShipAt: l.promisedShipAt, shippedAt: found.at, found } : { promisedShipAt: l.promisedShipAt, shippedAt: l.shippedAt }];
        })
      : lines.slice();
  for (const l of shipped) {
    if (l.shippedAt > opts.asOf) continue;
    // The line's own ship time as the order's too: the order's (its last line's) may be after --as-of (judgeByLines).
    const view: Order = { ...o, status: 'shipped', shippedAt: l.shippedAt, ownPromise: { promisedShipAt: l.promisedShipAt, shippedAt: l.shippedAt } };
    const f = 'found' in l ? l.found : undefined;
    const lv = judgeOne(view, rules, f ? { asOf: opts.asOf, pickupAt: () => f } : { asOf: opts.asOf });
    if (lv.verdict !== 'late') continue;
    const fen = priceFen(o, lv.kind, lv.windowHours, lv.hoursLate, rules, base);
    if (fen > bestFen) {
      best = { ...lv, shippedAt: null };
      bestFen = fen;
    }
  }
  return best ?? v;
}

/** The payout in fen of the order late so (payout.ts: its whole payment under `base`). */
function priceFen(o: Order, kind: Kind, windowHours: number, hoursLate: number, rules: RuleSet, base: BaseRule): number {
  return payoutFen(o, kind, windowHours, rules, base, hoursLate)?.afterFen ?? moneyToFen(payout(o, kind, windowHours, rules, base, hoursLate).afterMinimum);
}

/**
 * The dearest amount (fen) a line shipped at `at` against its own promise may owe within the seconds its
 * times lost (RULES 1.7): the tier at each corner of the window's and the lateness's slack; on time is 0.
 */
function dearestWithin(o: Order, l: { promisedShipAt: number; at: number; found?: PickedUp }, rules: RuleSet, base: BaseRule): number {
  const H = HOUR_MS;
  const deadlineSlack = o.timeSlack?.promisedShipAt ?? 0;
  const paidSlack = o.timeSlack?.paidAt ?? 0;
  const shipSlack = l.found !== undefined ? l.found.slack : (o.timeSlack?.shippedAt ?? 0);
  const window = (l.promisedShipAt - o.paidAt!) / H;
  let most = 0;
  for (const w of [window - paidSlack / H, window, window + deadlineSlack / H]) {
    for (const late of [(l.at - l.promisedShipAt - deadlineSlack) / H, (l.at - l.promisedShipAt) / H, (l.at + shipSlack - l.promisedShipAt) / H]) {
      if (late <= 0) continue;
      const tier = pickTier(rules, w, late, o.presale === true);
      most = Math.max(most, priceFen(o, tier.kind, w, late, rules, base));
    }
  }
  return most;
}

function judgeOne(o: Order, rules: RuleSet, opts: JudgeOptions): Verdict {
  // Sub-orders promised at different times: judged by the line latest against its own promise (or,
  // unshipped, the earliest promise still binding), docs/rules.md §1.1 (user13).
  // The order's last line's ship time stays what a sighting and --as-of are weighed against: the order
  // shipped whole only then (a sighting before it saw a line unshipped, which proves nothing of the line
  // judged; one shipped after --as-of leaves the order unshipped as of then).
  const lastShown = o.ownPromise ? o.shippedAt : null;
  // The pickup is looked up for the order as read (assess.ts foldedPickup knows it by identity): with scans,
  // the line latest against its own promise is chosen by each line's own parcel, and that line's promise
  // comes with its scan (promisedShipAt). Before (rev40), the copy below missed the fold and the order's
  // first parcel's scan stood for it: B of 500.00 picked up 24.5 h after its own promise, A early, was on
  // time (1 % × 600.00 = 6.00 not deducted; test/compensation/mixed-promise-closed-scans).
  const asRead = o;
  if (o.ownPromise) o = { ...o, promisedShipAt: o.ownPromise.promisedShipAt, shippedAt: o.ownPromise.shippedAt ?? o.shippedAt };
  if (o.status === 'unpaid') return { verdict: 'unpaid' };
  if (o.paidAt === null) return { verdict: 'not_judged', reason: 'no_paid_time' };
  const paidAt = o.paidAt;
  // 卖家部分发货: a line is still unshipped, so the order is (RULES 1.1: it ships when its last live
  // line does); its 发货时间 or pickup scan is only the first parcel's.
  const partly = o.status === 'partially_shipped';
  const scanned = partly ? undefined : opts.pickupAt?.(asRead);
  if (scanned?.promisedShipAt !== undefined) o = { ...o, promisedShipAt: scanned.promisedShipAt };
  // RULES 1.1: the order's own promised time when the export has one, else paid-at + window.
  const windowHours = o.promisedShipAt !== null ? (o.promisedShipAt - paidAt) / HOUR_MS : shipWindowHours(o, rules, opts);
  const deadline = o.promisedShipAt ?? windowDeadline(paidAt, windowHours, rules, opts);
  // A paid time shown without its seconds may be up to 59 s later (timeSlack), and its deadline with it —
  // but a direct-mail window that runs out at a holiday's 00:00 (RULES 1.3c, holidays.ts windowEnd) ends a
  // whole holiday later for a paid time a second later: the deadline's slack is that jump, not 59 s
  // (rev45: paid 12-27 00:00 shown, holiday 01-01, shipped 01-01 06:00 was "6 h late, 10.00", on time
  // for a paid time of 00:00:01 or later).
  const paidSlack0 = o.promisedShipAt === null ? (o.timeSlack?.paidAt ?? 0) : 0;
  if (paidSlack0 > 0 && opts.holidays !== undefined) {
    const latest = windowDeadline(paidAt + paidSlack0, windowHours, rules, opts);
    if (latest - deadline > paidSlack0) o = { ...o, timeSlack: { ...o.timeSlack, paidAt: latest - deadline } };
  }
  const shownAt = partly ? null : (scanned?.at ?? o.shippedAt);
  // RULES 1.1: late when shipped after the deadline, or "still unshipped at the evaluation time"
  // (--as-of) with the deadline passed. An export made after --as-of shows ship times after it: as of
  // --as-of such an order had not shipped yet (nor, then, been closed or completed), so it is judged
  // as unshipped then — pending, or late so far and provisional — never by a ship time still to come
  // (docs/rules.md §1.7). Before, an --as-of before the deadline gave a final voucher for an order not
  // yet late, and one 2 h after it the out-of-stock amount of a ship time 96 h late. A time without its
  // seconds shown in the minute of --as-of counts as by --as-of (as shown: the amount it gives is what
  // the order is owed either way once shipped).
  const last = scanned === undefined && lastShown !== null ? lastShown : shownAt;
  const later = shownAt !== null && last! > opts.asOf;
  const shippedAt = later ? null : shownAt;
  // A recording run saw the order unshipped (or 卖家部分发货) after its deadline at `seen`, as an export
  // made then proves, yet the 发货时间 now shown is earlier: it is the first parcel's (the order report
  // keeps it once the last line ships), not when the order shipped, which was after `seen`. Late by at
  // least seen − deadline, final: until 2026-12 it was judged on time by that first parcel's time and
  // its voucher (7.50 of a 150.00 order seen 28 h late) was never paid. A pickup scan is the carrier's
  // own time and may precede the seller's marking: not overridden. An order priced as one with a line
  // closed never shipped beside its shipped ones is not this (it never shipped whole): judged below.
  const closedLineBeside = shippedAt !== null && rules.unit !== 'sub-order' && hasClosedUnshippedLine(o);
  if (shippedAt !== null && scanned === undefined && o.status !== 'closed' && !closedLineBeside) {
    const seen = opts.seenOpen?.(o);
    if (seen !== undefined && seen > last! + (o.timeSlack?.shippedAt ?? 0) && seen > deadline + deadlineSlackOf(o) && seen <= opts.asOf) {
      const tier = lateTier(deadline, seen, windowHours, o, rules);
      if (!tierUnsure(o, rules, windowHours, deadline, seen, tier)) {
        return { verdict: 'late', deadline, shippedAt: seen, hoursLate: (seen - deadline) / HOUR_MS, kind: tier.kind, windowHours, seenOpen: seen };
      }
      return { verdict: 'not_judged', reason: 'time_precision', late: true };
    }
  }
  if (shippedAt !== null) {
    // Shipped exactly at the deadline is on time; one second after is late. A time shown without
    // its seconds may really be up to 59 s later (timeSlack): judge only what holds either way.
    const deadlineSlack = (o.promisedShipAt !== null ? o.timeSlack?.promisedShipAt : o.timeSlack?.paidAt) ?? 0;
    const shipSlack = scanned !== undefined ? scanned.slack : (o.timeSlack?.shippedAt ?? 0);
    // Its live lines all shipped, a line closed never shipped (refunded) beside them: a recording run's
    // sighting of the order open and unshipped after its deadline later than the last live line's ship
    // time proves that line was still open then (no line reopens), so it closed after the deadline —
    // RULES 1.1: only a line closed *before* the deadline is not late. The order, priced as one, was late
    // by at least sighting − deadline (docs/rules.md §1.1, money43): a 抖店 order whose L1 shipped on time
    // and whose L2, seen open 24 h late, was refunded later was on time (1 % × 350.00 → 4.00 not deducted).
    // Later than the live lines' 发货时间 (what the sighting's export showed: a pickup scan before it is
    // no part of that export, whose live line was then unshipped by its marking, rev38), and later than
    // the ship time judged (a scan after it: that lateness is the larger).
    const seenLater = closedLineBeside ? opts.seenOpen?.(o) : undefined;
    if (seenLater !== undefined && o.shippedAt !== null && seenLater > o.shippedAt + (o.timeSlack?.shippedAt ?? 0) && seenLater > shippedAt + shipSlack) {
      const fromSighting = seenOpenLate(o, rules, opts, windowHours, deadline, seenLater);
      if (fromSighting) return fromSighting;
    }
    if (shippedAt + shipSlack <= deadline) return { verdict: 'on_time', deadline };
    if (shippedAt <= deadline + deadlineSlack) return { verdict: 'not_judged', reason: 'time_precision' };
    // The tier (late or out of stock, and its rate) must not depend on the lost seconds either:
    // nor the window, when it runs from the paid time to a promised time (抖店, 拼多多): each end
    // may be up to its slack later, so the window may be shorter (paid later) or longer (promised later).
    const tier = lateTier(deadline, shippedAt, windowHours, o, rules);
    // No slack anywhere (every time had its seconds): each corner below is this very tier.
    const paidSlack = o.promisedShipAt !== null ? (o.timeSlack?.paidAt ?? 0) : 0;
    if (deadlineSlack === 0 && shipSlack === 0 && paidSlack === 0) {
      return { verdict: 'late', deadline, shippedAt, hoursLate: (shippedAt - deadline) / HOUR_MS, kind: tier.kind, windowHours };
    }
    const windowSlack = o.promisedShipAt !== null ? [-(o.timeSlack?.paidAt ?? 0) / HOUR_MS, deadlineSlack / HOUR_MS] : [0, 0];
    const corners = windowSlack.flatMap((w) => [
      lateTier(deadline, shippedAt, windowHours + w, o, rules),
      lateTier(deadline + deadlineSlack, shippedAt, windowHours + w, o, rules),
      lateTier(deadline, shippedAt + shipSlack, windowHours + w, o, rules),
    ]);
    if (corners.some((t) => t !== tier)) {
      // Shipped after the latest deadline the seconds allow: late for sure, its tier not known.
      return { verdict: 'not_judged', reason: 'time_precision', late: true };
    }
    return { verdict: 'late', deadline, shippedAt, hoursLate: (shippedAt - deadline) / HOUR_MS, kind: tier.kind, windowHours };
  }
  if (later) return unshippedAt(o, rules, opts, windowHours, deadline, true);
  if (o.status === 'shipped' || o.status === 'completed') {
    return { verdict: 'not_judged', reason: 'no_ship_time' };
  }
  // Partly shipped with no ship time for the order (a line still unshipped: the order ships when
  // its last live line does, src/orders/merge.ts): it is still unshipped, judged as below.
  if (o.status === 'closed') {
    // RULES 1.1: closed before the deadline is not late; with no close time we cannot tell.
    if (opts.asOf <= deadline) return { verdict: 'closed_in_time', deadline };
    const seen = opts.seenOpen?.(o);
    if (seen !== undefined) {
      const fromSighting = seenOpenLate(o, rules, opts, windowHours, deadline, seen);
      if (fromSighting) return fromSighting;
    }
    return { verdict: 'not_judged', reason: 'closed_unshipped' };
  }
  return unshippedAt(o, rules, opts, windowHours, deadline, false);
}

/**
 * A closed order that never shipped, its close time unknown, that a recording run saw still open and
 * unshipped at `seen` (docs/rules.md §1.1, reading adopted): it closed after `seen`, so when `seen` is
 * after its deadline it was late by at least `seen` − deadline, and it can no longer ship: late, of
 * the tier that lower bound earns, final. Nothing beyond what was seen is assumed: not how much
 * later it closed. undefined (closed_unshipped, as before) when the sighting is not after the deadline
 * (for every second the times lost), or is after --as-of (a run judging an earlier moment: the order
 * was still open then). A tier that depends on the seconds lost is `seconds: 'tier'`, as unshippedAt's.
 */
function seenOpenLate(o: Order, rules: RuleSet, opts: JudgeOptions, windowHours: number, deadline: number, seen: number): Verdict | undefined {
  const deadlineSlack = deadlineSlackOf(o);
  if (seen <= deadline + deadlineSlack || seen > opts.asOf) return undefined;
  const tier = lateTier(deadline, seen, windowHours, o, rules);
  const late: Verdict = { verdict: 'late', deadline, shippedAt: null, hoursLate: (seen - deadline) / HOUR_MS, kind: tier.kind, windowHours, seenOpen: seen };
  return tierUnsure(o, rules, windowHours, deadline, seen, tier) ? { ...late, seconds: 'tier' } : late;
}

/**
 * An order folded from its lines (抖店 sub-orders, a 宝贝报表's) with a line closed and never shipped
 * beside one that counts — a live line, or a closed one that shipped (then refunded) — (the fold's ship
 * time is theirs, merge.ts foldLines): judge() reads its sighting as that line's (the order's sighting is
 * the only one of an order priced as one). money47: with every line closed the fold now ships such an
 * order at its shipped lines' time; a sighting of it open past its deadline still proves it late by at
 * least that long (before, it was closed_unshipped and judged from the sighting the same way).
 */
export function hasClosedUnshippedLine(o: Order): boolean {
  const lines = o.subOrders;
  if (!lines || lines.length < 2) return false;
  let closed = false;
  let counted = false;
  for (const l of lines) {
    if (l.status === 'closed' && l.shippedAt === null) closed = true;
    else counted = true;
  }
  return closed && counted;
}

/**
 * Whether the tier of an order late at `at` could differ within the seconds its times lost (RULES
 * 1.7): the tier at each corner of the deadline's and the window's slack against `tier`.
 */
function tierUnsure(o: Order, rules: RuleSet, windowHours: number, deadline: number, at: number, tier: ReturnType<typeof lateTier>): boolean {
  const deadlineSlack = deadlineSlackOf(o);
  const paidSlack = o.promisedShipAt !== null ? (o.timeSlack?.paidAt ?? 0) : 0;
  if (deadlineSlack === 0 && paidSlack === 0) return false;
  const windowSlack = o.promisedShipAt !== null ? [-paidSlack / HOUR_MS, deadlineSlack / HOUR_MS] : [0];
  return windowSlack.some((w) => lateTier(deadline, at, windowHours + w, o, rules) !== tier || lateTier(deadline + deadlineSlack, at, windowHours + w, o, rules) !== tier);
}

/**
 * How much later (ms) the order's deadline may be than the one judged: the slack of the time it is
 * reckoned from (承诺发货时间, else the paid time) when that time lost its seconds. A sighting proves
 * the order late only when it is after deadline + this (seenOpenLate; run.ts keeps no sighting else).
 */
export function deadlineSlackOf(o: Order): number {
  return (o.promisedShipAt !== null ? o.timeSlack?.promisedShipAt : o.timeSlack?.paidAt) ?? 0;
}

/** An order still unshipped at --as-of (`later`: the export shows a ship time after it). */
function unshippedAt(o: Order, rules: RuleSet, opts: JudgeOptions, windowHours: number, deadline: number, later: boolean): Verdict {
  // The window as judged (--at-risk prices by it): not deadline − paid-at, which skipped holidays stretch (RULES 1.3c).
  if (opts.asOf <= deadline) return later ? { verdict: 'pending', deadline, shippedLater: true, windowHours } : { verdict: 'pending', deadline, windowHours };
  const tier = lateTier(deadline, opts.asOf, windowHours, o, rules);
  const late: Verdict = { verdict: 'late', deadline, shippedAt: null, hoursLate: (opts.asOf - deadline) / HOUR_MS, kind: tier.kind, windowHours, ...(later ? { shippedLater: true as const } : {}) };
  // Still unshipped at as-of: late from the earliest deadline the times shown allow. A deadline shown
  // without its seconds may really be up to 59 s later (RULES 1.7): within that minute the order may not
  // be due yet, and near 72 h late its tier may be either: it is late for the at-risk list (`seconds`),
  // but not judged for a voucher (assess.ts), as a shipped order within a minute of its deadline.
  if (opts.asOf <= deadline + deadlineSlackOf(o)) return { ...late, seconds: 'due' };
  return tierUnsure(o, rules, windowHours, deadline, opts.asOf, tier) ? { ...late, seconds: 'tier' } : late;
}

/**
 * RULES 1.3 / 1.3b / 1.3c: late or out of stock, as the rule set's tiers say for this window and
 * lateness (tmall-2026: still unshipped 72 h after becoming late; douyin-2025: 48 h).
 */
function lateTier(deadline: number, shippedOrNow: number, windowHours: number, o: Order, rules: RuleSet): Tier {
  return pickTier(rules, windowHours, (shippedOrNow - deadline) / HOUR_MS, o.presale === true);
}

function lateKind(deadline: number, shippedOrNow: number, windowHours: number, o: Order, rules: RuleSet): Kind {
  return lateTier(deadline, shippedOrNow, windowHours, o, rules).kind;
}
