// Which open orders a voucher can ask about (issue 21: memory flat as the export grows). An open
// order (unshipped, a line not yet due, a held row: openstore.ts) matters only to a window whose
// first late order looks it up (vouchers.ts openLookup: the buyer in the shop, or the bare nick)
// and only when paid within a day of that window's opening (toVoucher: from windowReach, at most
// 24 h before, to windowEnd, at most 24 h after; mayOpenBefore: the 24 h before). A 3M-row export
// holds ~360k open orders, most of buyers with no late order near them: ~20 MB kept to the end.
//
// This index holds, for every late order and each key a window opening at it looks up, a 32-bit
// hash of the key with the order's day (paid time ÷ 24 h): 4 bytes a key. An open order is kept
// when its key's hash is there with a day within 2 of its own (±1 would do: a window asks about
// orders paid within 24 h either side of its opening). A hash shared by two keys only keeps more;
// an open order whose paid time is not a number (a row whose time cannot be read) is always kept.
import { discardAll } from '../memory.js';
import { DAY_MS } from '../time.js';
import type { LateStore } from './latestore.js';
import { idWords } from '../orders/idset.js';
import { hashName } from './openstore.js';
import { openLookup } from './vouchers.js';

/** selfWords in has() before the first candidate asks for them. */
const NOT_YET = null;

/** Days either side of an open order's own that a late order of its key keeps it for. */
const NEAR_DAYS = 2;
/** Entries per directory slot, about (see NearLate.dir). */
const DIR_LOAD = 4;

function entry(keyHash: number, day: number): number {
  let h = keyHash ^ Math.imul(day | 0, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class NearLate {
  /** Per key a late order's window looks up: the key's hash with the order's day (`hashBits` bits), × 2^indexBits, + the order's index. Sorted. */
  private entries: Float64Array;
  private readonly scale: number;
  private readonly hashMask: number;
  /** A late order's paid time is not a whole day number (never for a judged order): everything is kept. */
  private readonly all: boolean;
  /**
   * The entries' first index for each value of the hash's top `dirBits` bits (one more slot: the
   * end): a lookup searches only its slice, about DIR_LOAD entries, not the whole array (a binary
   * search over a million entries was ~5 % of a 1M-row run's CPU: issue 21's seventeenth round).
   */
  private dir: Int32Array;
  /** 2^(the hash's bits below its top dirBits): a hash ÷ this, rounded down, is its slot. */
  private readonly dirUnit: number;

  private constructor(
    entries: Float64Array,
    indexBits: number,
    hashBits: number,
    all: boolean,
    private readonly store: LateStore,
  ) {
    this.entries = entries;
    this.scale = 2 ** indexBits;
    this.hashMask = hashBits >= 32 ? 0xffffffff : 2 ** hashBits - 1;
    this.all = all;
    let dirBits = 0;
    while (dirBits < hashBits && dirBits < 24 && 2 ** (dirBits + 1) * DIR_LOAD <= entries.length) dirBits++;
    this.dirUnit = 2 ** (hashBits - dirBits);
    const dir = new Int32Array(2 ** dirBits + 1);
    // dir[t] = the first entry whose hash has top bits >= t (an entry ÷ scale × dirUnit, rounded down: both powers of 2, exact).
    const unit = this.scale * this.dirUnit;
    let t = 0;
    for (let k = 0; k < entries.length; k++) {
      const top = Math.floor(entries[k]! / unit);
      while (t <= top) dir[t++] = k;
    }
    while (t < dir.length) dir[t++] = entries.length;
    this.dir = dir;
  }


  /** The index of every late order in `store` (loaded; read again by has()). */
  static of(store: LateStore): NearLate {
    const n = store.length;
    let indexBits = 1;
    while (2 ** indexBits <= n) indexBits++;
    // Entries stay whole numbers under 2^53 (exact in a double): the hash gets the bits left, up to 32.
    const hashBits = Math.min(32, 53 - indexBits);
    const scale = 2 ** indexBits;
    const mask = hashBits >= 32 ? 0xffffffff : 2 ** hashBits - 1;
    const entries = new Float64Array(2 * n);
    let m = 0;
    let all = false;
    for (let i = 0; i < n; i++) {
      const day = Math.floor(store.paidAt(i) / DAY_MS);
      if (!Number.isSafeInteger(day) || Math.abs(day) > 0x3fffffff) all = true;
      // Only an order without a buyer is looked up by its id (openKey).
      // The name's hashes from its units (LateStore.buyerHashes), else from its string as openLookup splits it.
      if (store.buyerHashes(i)) {
        entries[m++] = ((entry(store.hashWhole, day) & mask) >>> 0) * scale + i;
        if (!Number.isNaN(store.hashNick)) entries[m++] = ((entry(store.hashNick, day) & mask) >>> 0) * scale + i;
        continue;
      }
      const keys = openLookup(store.buyer(i), store.hasBuyer(i) ? '' : store.orderId(i));
      entries[m++] = ((entry(hashName(keys.inShop), day) & mask) >>> 0) * scale + i;
      if (keys.anyShop !== undefined) entries[m++] = ((entry(hashName(keys.anyShop), day) & mask) >>> 0) * scale + i;
    }
    const sorted = entries.subarray(0, m).sort();
    return new NearLate(sorted, indexBits, hashBits, all, store);
  }

  /**
   * Whether an open order `orderId` filed under `key`, paid at `paidAt`, may be asked about by a
   * window: some late order looked up by `key` was paid within NEAR_DAYS days of it, other than
   * the order itself (a late order still unshipped is open too; the window it opens holds it, and
   * toVoucher and mayOpenBefore pass over a window's own orders). Entries whose hash only matches
   * count as other orders: they keep more, never fewer.
   */
  has(key: string, paidAt: number, orderId: string): boolean {
    if (this.all || !Number.isFinite(paidAt)) return true;
    const day = Math.floor(paidAt / DAY_MS);
    if (!Number.isSafeInteger(day) || Math.abs(day) > 0x3fffffff) return true;
    const h = hashName(key);
    // An id with `~` (a line not yet due, a scan or exclusion entry) is never a late order's own id as a window compares it.
    const self = orderId.includes('~') ? undefined : orderId;
    let selfWords: [hi: number, lo: number] | undefined | typeof NOT_YET = NOT_YET;
    const a = this.entries;
    for (let d = day - NEAR_DAYS; d <= day + NEAR_DAYS; d++) {
      const hash = (entry(h, d) & this.hashMask) >>> 0;
      const x = hash * this.scale;
      const slot = Math.floor(hash / this.dirUnit);
      let lo = this.dir[slot]!;
      let hi = this.dir[slot + 1]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (a[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < a.length && a[k]! < x + this.scale; k++) {
        if (self === undefined) return true;
        // The candidate's id compared by its words: made as a string (wordsId) for each candidate,
        // only to be compared, it was ~0.5 % of a 1M-row run (issue 21, twenty-seventh round).
        if (selfWords === NOT_YET) selfWords = idWords(self);
        if (!this.store.isOrderId(a[k]! - x, self, selfWords)) return true;
      }
    }
    return false;
  }

  /** Bytes it holds. */
  get bytes(): number {
    return this.entries.buffer.byteLength + this.dir.byteLength;
  }

  /** Gives the index's memory back now (src/memory.ts); not to be used afterwards. */
  dispose(): void {
    discardAll([this.entries.buffer as ArrayBuffer]);
    this.entries = new Float64Array(0);
    this.dir = new Int32Array(2);
  }
}
