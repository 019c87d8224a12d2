// Stage 2 of the pipeline (window): a buyer's late orders under one rule set, grouped into the
// windows that are combined and capped together (RULES 1.2 / 1.3 第十二条). Pure.
import type { RuleSet } from '../rules/ruleset.js';
import { DAY_MS, HOUR_MS, type TimeZone } from '../time.js';
import type { LateStore } from './latestore.js';
import { discardAll } from '../memory.js';

/** The end of the window a payment at `start` opens (inclusive for rolling 24 h windows). */
export function windowEnd(start: number, rules: RuleSet, tz: TimeZone): number {
  if (rules.combine.by === 'none') return start; // RULES 1.3b: per order, never combined
  if (rules.combine.by === 'rolling-24h') return start + DAY_MS;
  // The last millisecond of that calendar day (+2 h keeps it right across a 23/25 h DST day).
  return tz.startOfDay(tz.startOfDay(start) + DAY_MS + 2 * HOUR_MS) - 1;
}

/**
 * How far back an open order could sit and still reshape a window opening at `start`: 24 h before
 * it (a rolling window), or the start of its calendar day (an order paid earlier that day, not yet
 * due because its ship window is longer, joins the day when it turns late).
 */
export function windowReach(start: number, rules: RuleSet, tz: TimeZone): number {
  if (rules.combine.by === 'rolling-24h') return start - DAY_MS;
  if (rules.combine.by === 'calendar-day') return tz.startOfDay(start);
  return start;
}

/**
 * The windows of late orders (as indices into the store), in output order: window start, buyer,
 * rule set, first order id. tmall-2023 (RULES 1.2, our reading): sort a buyer's late orders by
 * paid-at; a window opens at the first, every order paid within 24 h of that opening joins it
 * (exactly 24 h included), the next opens a new window. tmall-2026 (RULES 1.3 第十二条): payments
 * on the same calendar day in Beijing time. Orders judged under different rule sets never share a
 * window (RULES 1.3a), and a buyer with no name is never combined with anything.
 * Vouchers are made from the windows one at a time, so a big export never holds them all at once.
 */
/**
 * The windows as indices into one array: a window is `order[from[k] .. from[k] + size[k])`. A
 * million-row export can have hundreds of thousands of windows; one typed-array view each would
 * cost ~100 bytes apiece, these cost 8.
 */
export class WindowList {
  constructor(
    private readonly order: Int32Array,
    private readonly from: Int32Array,
    private readonly size: Int32Array,
  ) {}

  get length(): number {
    return this.from.length;
  }

  /** The k-th window's late orders (indices into the store), in output order. */
  at(k: number): Int32Array {
    return this.order.subarray(this.from[k]!, this.from[k]! + this.size[k]!);
  }

  map<T>(f: (g: Int32Array) => T): T[] {
    const out: T[] = [];
    for (let k = 0; k < this.length; k++) out.push(f(this.at(k)));
    return out;
  }
}

export function windows(store: LateStore, rulesOf: (id: string) => RuleSet, tz: TimeZone): WindowList {
  const n = store.length;
  const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const cmpId = (a: number, b: number) => cmpStr(store.orderId(a), store.orderId(b));
  // Buyers compared by their sort key first (LateStore.buyerKeys), by their names only where those are equal.
  const keys = store.buyerKeys();
  // The late orders by buyer, rule set, paid time, order id, stably (ties keep the store's order).
  // First by the buyer keys alone, natively: each key is replaced by its rank among the keys
  // × 2^indexBits + the order's index, and the numbers sorted by TypedArray.prototype.sort (no
  // comparator: in place, no copy), which orders them by key and, among equal keys, by index, as a
  // stable sort does; then each run of equal keys (a buyer's orders, or names a key cannot tell
  // apart) by the whole comparison, stably. The same order as one stable sort by the whole
  // comparison (where keys differ it decides by them alone), without its ~12M calls of a
  // comparator at 1M rows (issue 21, seventeenth round). `keys` then holds the ranks by position.
  let indexBits = 1;
  while (2 ** indexBits < n) indexBits++;
  const scale = 2 ** indexBits;
  const byKey = indexBits <= 26;
  const sameKeyAt = byKey ? (k: number, j: number) => Math.floor(keys[k]! / scale) === Math.floor(keys[j]! / scale) : undefined;
  let order: Int32Array;
  let scratch: Int32Array;
  const whole = (a: number, b: number) => store.compareBuyers(a, b) || cmpStr(store.rules(a), store.rules(b)) || store.paidAt(a) - store.paidAt(b) || cmpId(a, b);
  if (byKey) {
    // The distinct keys, sorted, to rank each key by (its memory given back before `order` is made:
    // the stage's peak stays keys + order + scratch, 16 bytes a late order).
    const distinct = keys.slice().sort();
    let u = 0;
    for (let k = 0; k < n; k++) if (u === 0 || distinct[k] !== distinct[u - 1]) distinct[u++] = distinct[k]!;
    for (let i = 0; i < n; i++) {
      const x = keys[i]!;
      let lo = 0;
      let hi = u;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (distinct[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      keys[i] = lo * scale + i;
    }
    discardAll([distinct.buffer as ArrayBuffer]);
    keys.sort();
    order = new Int32Array(n);
    for (let k = 0; k < n; k++) order[k] = keys[k]! % scale;
    // Sorted in place, with one scratch array of 32-bit numbers: TypedArray.prototype.sort with a
    // comparator copies the array into two arrays of 8-byte heap slots (a 3M-row export: 20 MB
    // more at the run's peak, freed only by a full collection).
    scratch = new Int32Array(n);
    for (let from = 0; from < n; ) {
      let to = from + 1;
      while (to < n && sameKeyAt!(from, to)) to++;
      if (to - from > 1) stableSort(order.subarray(from, to), scratch.subarray(from, to), whole);
      from = to;
    }
  } else {
    order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    scratch = new Int32Array(n);
    stableSort(order, scratch, (a, b) => {
      const x = keys[a]!;
      const y = keys[b]!;
      if (x !== y) return x < y ? -1 : 1;
      return whole(a, b);
    });
  }
  // Whether the orders at positions k and j of `order` have the same buyer.
  const sameBuyer = (k: number, j: number) =>
    (sameKeyAt ? sameKeyAt(k, j) : keys[order[k]!] === keys[order[j]!]) && store.compareBuyers(order[k]!, order[j]!) === 0;
  // Window starts (offsets into `order`), then each window's length. The sort is done with
  // `scratch`: the starts go there (at most n), not into an array of their own (issue 21).
  const starts = scratch;
  let count = 0;
  let from = 0;
  let end = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const first = order[from]!;
    const sameGroup =
      k > from && store.hasBuyer(i) && sameBuyer(from, k) && store.rules(first) === store.rules(i) && rulesOf(store.rules(i)).combine.by !== 'none';
    if (sameGroup && store.paidAt(i) <= end) continue;
    // The late lines of one order priced per sub-order (assess.ts) are one voucher, with or without a
    // buyer name and whatever the rule's combining: a voucher key names its orders.
    if (k > from && store.paidAt(first) === store.paidAt(i) && store.rules(first) === store.rules(i) && store.orderId(first) === store.orderId(i)) continue;
    if (k > from) starts[count++] = from;
    from = k;
    end = windowEnd(store.paidAt(i), rulesOf(store.rules(i)), tz);
  }
  if (n > from) starts[count++] = from;
  const size = (g: number) => (g + 1 < count ? starts[g + 1]! : n) - starts[g]!;
  // Windows in output order: by their first order's paid time, buyer, rule set, order id.
  // `byOutput` and its sort's scratch become the windows' firsts and lengths, both in the sort
  // keys' memory (8 bytes an order, count ≤ n), read no more: buyers are compared by their names
  // here (compareBuyers orders them as cmpBuyer does; only orders paid the same second get there).
  const byOutput = new Int32Array(keys.buffer, 0, count);
  const lengths = new Int32Array(keys.buffer, 4 * count, count);
  const cmpOut = (a: number, b: number) => {
    const x = order[starts[a]!]!;
    const y = order[starts[b]!]!;
    return store.paidAt(x) - store.paidAt(y) || store.compareBuyers(x, y) || cmpStr(store.rules(x), store.rules(y)) || cmpId(x, y);
  };
  // As the late orders were: first natively by the paid time (whole seconds, as an export's are)
  // × 2^bits + the window's number, in the same memory (8 bytes a window, read in place into
  // `byOutput`), then each run of windows opening the same second by the whole comparison.
  let outBits = 1;
  while (2 ** outBits < count) outBits++;
  const outScale = 2 ** outBits;
  let native = outBits <= 21;
  if (native) {
    const paidKeys = new Float64Array(keys.buffer, 0, count);
    for (let g = 0; g < count && native; g++) {
      const sec = store.paidAt(order[starts[g]!]!) / 1000;
      if (Number.isInteger(sec) && sec >= 0 && sec < 2 ** 32) paidKeys[g] = sec * outScale + g;
      else native = false;
    }
    if (native) {
      paidKeys.sort();
      // Into the 32-bit view of the same bytes, front to back: the k-th number is read before the
      // k-th slot (bytes 4k…) is written, and slots never reach a number not yet read (bytes 8k…).
      for (let k = 0; k < count; k++) byOutput[k] = paidKeys[k]! % outScale;
      const paidOf = (k: number) => store.paidAt(order[starts[byOutput[k]!]!]!);
      for (let from = 0; from < count; ) {
        let to = from + 1;
        while (to < count && paidOf(to) === paidOf(from)) to++;
        if (to - from > 1) stableSort(byOutput.subarray(from, to), lengths.subarray(from, to), cmpOut);
        from = to;
      }
    }
  }
  if (!native) {
    for (let g = 0; g < count; g++) byOutput[g] = g;
    stableSort(byOutput, lengths, cmpOut);
  }
  for (let k = 0; k < count; k++) {
    const g = byOutput[k]!;
    lengths[k] = size(g);
    byOutput[k] = starts[g]!;
  }
  // The starts are read no more: freed at the next minor collection, early in the writing, not at
  // a full one (src/memory.ts).
  discardAll([scratch.buffer as ArrayBuffer]);
  return new WindowList(order, byOutput, lengths);
}

/**
 * Sorts `a` by `cmp`, keeping equal elements in the order they were in (a merge sort, stable as
 * Array.prototype.sort is: the same comparator gives the same order). `scratch` holds at least
 * `a.length` numbers.
 */
export function stableSort(a: Int32Array, scratch: Int32Array, cmp: (x: number, y: number) => number): void {
  const n = a.length;
  const RUN = 16;
  // Short runs by insertion (stable: an element moves only past greater ones).
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = a[i]!;
      let j = i - 1;
      while (j >= lo && cmp(a[j]!, x) > 0) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = x;
    }
  }
  // Then merged pairwise, back and forth between `a` and `scratch` (the left run wins ties).
  let src = a;
  let dst = scratch;
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      // Already in order: copied as it is.
      if (mid >= hi || cmp(src[mid - 1]!, src[mid]!) <= 0) {
        dst.set(src.subarray(lo, hi), lo);
        continue;
      }
      while (i < mid && j < hi) dst[k++] = cmp(src[j]!, src[i]!) < 0 ? src[j++]! : src[i++]!;
      while (i < mid) dst[k++] = src[i++]!;
      while (j < hi) dst[k++] = src[j++]!;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== a) a.set(src.subarray(0, n));
}

/**
 * Rolling 24 h windows (tmall-2023) whose orders depend on seconds a paid time lost (an Excel
 * re-save shows `2025/6/15 9:53`, really 09:53:00–09:53:59; `slack` gives those orders' slack in ms
 * by store index). An order shown within 24 h of its window's opening may really be paid after it,
 * or the buyer's next late order, shown after it, may be within it (the opening itself up to `slack`
 * later): that window, and the buyer's later ones chained from it, could then be cut otherwise, with
 * another cap. Returns the store index of each such window's first order (RULES 1.2: judge only what
 * holds either way; those vouchers are kept provisional).
 */
export function secondsDependent(store: LateStore, list: WindowList, rulesOf: (id: string) => RuleSet, slack: ReadonlyMap<number, number>): Set<number> {
  const held = new Set<number>();
  if (slack.size === 0) return held;
  // Each buyer's windows (their indices in the list) under one rule set, in the order they open
  // (the list is sorted by start), for the buyers with an order whose paid time lost its seconds.
  const buyers = new Set<string>();
  for (const i of slack.keys()) if (store.hasBuyer(i)) buyers.add(`${store.rules(i)}\u0000${store.buyer(i)}`);
  const chains = new Map<string, number[]>();
  for (let k = 0; k < list.length; k++) {
    const f = list.at(k)[0]!;
    if (!store.hasBuyer(f) || rulesOf(store.rules(f)).combine.by !== 'rolling-24h') continue;
    const key = `${store.rules(f)}\u0000${store.buyer(f)}`;
    if (!buyers.has(key)) continue;
    const c = chains.get(key);
    if (c) c.push(k);
    else chains.set(key, [k]);
  }
  for (const ks of chains.values()) {
    let from = -1;
    for (let n = 0; n < ks.length && from < 0; n++) {
      const g = list.at(ks[n]!);
      const f = g[0]!;
      const end = store.paidAt(f) + DAY_MS;
      const leaves = g.some((i) => i !== f && store.paidAt(i) + (slack.get(i) ?? 0) > end);
      const joins = n + 1 < ks.length && store.paidAt(list.at(ks[n + 1]!)[0]!) <= end + (slack.get(f) ?? 0);
      if (leaves || joins) from = n;
    }
    if (from >= 0) for (let n = from; n < ks.length; n++) held.add(list.at(ks[n]!)[0]!);
  }
  return held;
}
