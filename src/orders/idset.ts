// The duplicate check's memory: one entry per order id seen. Order ids are 16–19 digit strings;
// kept as JS strings in a Map they cost ~100 bytes each, so a million-row export would hold
// ~100 MB just to notice duplicates. Here a digit id without a leading zero is held exactly as its
// 64-bit value (two 32-bit words, idWords) with where it was first seen (a non-negative 31-bit
// number, else UNKNOWN_AT), in an open-addressing table of 32-bit numbers: 12 bytes a slot, ~1.4
// slots an id. Anything else (a leading zero, PDD's `yymmdd-…` ids) goes to a plain Map.
// The table is 16 parts chosen by the hash's top bits, each growing on its own by a quarter (a set
// without values, which holds few ids: doubling), from staggered sizes: the table grows with its ids a little at a time (3M ids: ~50 MB), never holding
// an old and a new copy of it at once, nor doubling all of it at about the same row.
// A part's old slots are discarded as soon as they are copied when large (src/memory.ts discardLarge), and the whole
// table by dispose(): neither waits in memory for a full collection.
// A set made without values (`withValues` false) keeps only the id's two words: 8 bytes a slot,
// for a caller that needs to know only whether an id was seen. The duplicate check's ids-only sets
// (SeenIds without lines) are CompactIds: past 2^19 ids, 6 bytes a slot, ~1.3 slots an id.
import { discard, discardLarge } from '../memory.js';

export const UNKNOWN_AT = 0x7fffffff;

/** The words of the id splitWords read last (when it returned true): scratch, no array a call. */
let wHi = 0;
let wLo = 0;

/**
 * A digit id without a leading zero, of 1–19 digits, is a whole number under 10^19 < 2^64: its
 * value alone tells it apart from every other such id (its length is its value's). It is kept as
 * two 32-bit words: `lo` = the last nine digits (under 2^30) plus the leading part's two lowest
 * bits (× 2^30); `hi` = the leading part (at most ten digits, under 10^10) ÷ 4, under 2^32 − 1
 * (so an all-ones `hi` never is an id: it marks an empty slot). Other ids (a leading zero, 20
 * digits, PDD's `yymmdd-…`) go to a plain Map: exact either way.
 *
 * One pass over `id`: true when it is such an id, its two words then in wHi and wLo. The
 * leading part (digits before the last nine, under 10^10) and the last nine are summed as they are
 * read (issue 21: the digit test, the leading part and the last nine were three passes, and
 * SeenIds made them twice a row).
 */
function splitWords(id: string): boolean {
  const n = id.length;
  if (n < 1 || n > 19 || id.charCodeAt(0) === 48) return false;
  const cut = n > 9 ? n - 9 : 0;
  let l = 0;
  let i = 0;
  for (; i < cut; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    l = l * 10 + c;
  }
  let r = 0;
  for (; i < n; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    r = r * 10 + c;
  }
  // l % 4 as l − 4·⌊l / 4⌋ (exact: l < 10^10 < 2^53): l is above 2^31 for most ids (a double), and a
  // double's % is a call into C (fmod) in optimised code, a tenth of the duplicate check's own time (issue 21).
  const q = Math.floor(l / 4);
  wHi = q | 0;
  wLo = (r + (l - q * 4) * 0x40000000) | 0;
  return true;
}

/** The two words of an id splitWords accepts (as signed 32-bit numbers, as an Int32Array holds them). */
export function idWords(id: string): [hi: number, lo: number] | undefined {
  if (!splitWords(id)) return undefined;
  return [wHi, wLo];
}

/** The id idWords made the two words of. */
export function wordsId(hi: number, lo: number): string {
  const l = (hi >>> 0) * 4 + (lo >>> 30);
  const low = lo & 0x3fffffff;
  return l === 0 ? String(low) : String(l) + String(low).padStart(9, '0');
}

/**
 * The table is split by hash into parts that grow apart, so growing copies a part at a time (1/16
 * of the table). Not more parts: a part's slots must stay large blocks, which the allocator maps
 * and gives back to the system whole; hundreds of small ones, freed as they grow, left holes in the
 * heap that a 3M-row run kept (+50 MB peak).
 */
const SHARD_BITS = 4;
const SHARDS = 1 << SHARD_BITS;
const IN_SHARD = 2 ** (32 - SHARD_BITS);
/** Slots filled at most (linear probing stays short: a new id probes ~3 slots on average, ≤ 13 at the limit). */
const MAX_LOAD = 0.8;
/**
 * How much a part grows at once. Small steps, and parts that start at staggered sizes (each a
 * GROWTH^(k/SHARDS) step apart), keep the table's size close to proportional to its ids, on
 * average ~1.4 slots an id, instead of doubling all parts at about the same row.
 */
const GROWTH = 1.25;
/**
 * A set without values (CompactIds' first 2^19 ids, and its spills) doubles instead: its ids are
 * few (8 bytes a slot, at most ~10 MB before they move to CompactIds), and each growth copies all
 * of a part, so growing by a quarter copied each id ~4 times over (issue 21: at 1M rows that
 * copying was ~360 M of the duplicate check's ~1.6 G instructions).
 */
const IDS_GROWTH = 2;
/** The mark of an empty slot, in its `hi` word (never an id's: see idWords). */
const EMPTY = -1;

/**
 * One part of the table: three 32-bit numbers a slot (the id's two words, then the value) side by
 * side, so a probe reads one place in memory. On a table of millions of ids that is one cache miss a row.
 */
class Shard {
  slots: Int32Array;
  /** Slots (any number). */
  capacity: number;
  /** Ids held before it grows. */
  limit: number;
  size = 0;
  constructor(
    capacity: number,
    /** Numbers a slot: 3 (the id's two words and its value), or 2 (the words only). */
    readonly stride: number,
    /** How much it grows at once (GROWTH, or IDS_GROWTH for the words only). */
    readonly growth: number,
  ) {
    this.capacity = capacity;
    this.limit = Math.floor(capacity * MAX_LOAD);
    this.slots = emptySlots(capacity, stride);
  }
}

function emptySlots(capacity: number, stride: number): Int32Array {
  // Every number set to EMPTY in one native fill (only a slot's `hi` is read as the empty mark).
  return new Int32Array(capacity * stride).fill(EMPTY);
}

export class IdSet {
  private readonly shards: Shard[] = [];
  private size = 0;
  private readonly other = new Map<string, number>();

  /**
   * `capacity`: the ids expected before the first growth (all parts together). Without values,
   * getOrAdd returns 0 for an id seen before (whatever value it was added with).
   */
  constructor(capacity = 1 << 16, withValues = true) {
    const per = Math.max(4, Math.ceil(capacity / SHARDS / MAX_LOAD));
    const growth = withValues ? GROWTH : IDS_GROWTH;
    for (let k = 0; k < SHARDS; k++) this.shards.push(new Shard(Math.ceil(per * growth ** (k / SHARDS)), withValues ? 3 : 2, growth));
    this.withValues = withValues;
  }

  private readonly withValues: boolean;

  get count(): number {
    return this.size + this.other.size;
  }

  /** Gives the table's memory back now (src/memory.ts); the set must not be used afterwards. */
  dispose(): void {
    for (const sh of this.shards) discardLarge(sh.slots.buffer as ArrayBuffer);
    this.shards.length = 0;
    this.other.clear();
  }

  /** Calls `f` with the two words of every id held in the table (not the ids in the Map). */
  eachWords(f: (hi: number, lo: number) => void): void {
    for (const sh of this.shards) {
      const slots = sh.slots;
      for (let j = 0; j < slots.length; j += sh.stride) if (slots[j] !== EMPTY) f(slots[j]!, slots[j + 1]!);
    }
  }

  /** The value stored for `id` (0 in a set without values), or undefined; stores nothing. */
  get(id: string): number | undefined {
    if (!splitWords(id)) return this.other.get(id);
    return this.getWords(wHi, wLo);
  }

  /** get() for an id splitWords accepts, by its two words. */
  getWords(hi: number, lo: number): number | undefined {
    const h = hash(hi, lo);
    const sh = this.shards[h >>> (32 - SHARD_BITS)]!;
    const cap = sh.capacity;
    const slots = sh.slots;
    const stride = sh.stride;
    let i = slotOf(h, cap);
    for (;;) {
      const at = i * stride;
      const a = slots[at]!;
      if (a === EMPTY) return undefined;
      if (a === hi && slots[at + 1] === lo) return stride === 3 ? slots[at + 2] : 0;
      i = i + 1 === cap ? 0 : i + 1;
    }
  }

  /** The value stored for `id`, or undefined; stores `value` when the id is new. */
  getOrAdd(id: string, value: number): number | undefined {
    if (!splitWords(id)) {
      const prev = this.other.get(id);
      if (prev === undefined) this.other.set(id, this.withValues ? value : 0);
      return prev;
    }
    return this.getOrAddWords(wHi, wLo, value);
  }

  /** getOrAdd() for an id splitWords accepts, by its two words. */
  getOrAddWords(hi: number, lo: number, value: number): number | undefined {
    const h = hash(hi, lo);
    const sh = this.shards[h >>> (32 - SHARD_BITS)]!;
    if (sh.size >= sh.limit) grow(sh);
    const cap = sh.capacity;
    const slots = sh.slots;
    const stride = sh.stride;
    let i = slotOf(h, cap);
    for (;;) {
      const at = i * stride;
      const a = slots[at]!;
      if (a === EMPTY) {
        slots[at] = hi;
        slots[at + 1] = lo;
        // A location too large for 31 bits is kept as "unknown" (UNKNOWN_AT) rather than wrong.
        if (stride === 3) slots[at + 2] = Number.isInteger(value) && value >= 0 && value < UNKNOWN_AT ? value : UNKNOWN_AT;
        sh.size++;
        this.size++;
        return undefined;
      }
      if (a === hi && slots[at + 1] === lo) return stride === 3 ? slots[at + 2] : 0;
      i = i + 1 === cap ? 0 : i + 1;
    }
  }
}

/** The first slot to probe: the hash's bits below the part's, scaled to the part's capacity (exact in a double). */
function slotOf(h: number, cap: number): number {
  return Math.floor(((h & (IN_SHARD - 1)) * cap) / IN_SHARD);
}

function grow(sh: Shard): void {
  const old = sh.slots;
  const cap = Math.ceil(sh.capacity * sh.growth) + 1;
  const stride = sh.stride;
  const slots = emptySlots(cap, stride);
  for (let j = 0; j < old.length; j += stride) {
    const hi = old[j]!;
    if (hi === EMPTY) continue;
    const lo = old[j + 1]!;
    let i = slotOf(hash(hi, lo), cap);
    while (slots[i * stride] !== EMPTY) i = i + 1 === cap ? 0 : i + 1;
    const at = i * stride;
    slots[at] = hi;
    slots[at + 1] = lo;
    if (stride === 3) slots[at + 2] = old[j + 2]!;
  }
  sh.slots = slots;
  sh.capacity = cap;
  sh.limit = Math.floor(cap * MAX_LOAD);
  discardLarge(old.buffer as ArrayBuffer);
}

/**
 * An id's place: the H word of CompactIds' Feistel step (see there), whose top bits choose the part
 * and the rest the slot, in order (slotOf). CompactIds places an id by the same H (part, then
 * bucket, in order), so the ids an IdSet hands it when it compacts (eachWords, slot by slot) fill
 * its buckets front to back, each next id in or after the bucket of the one before: with a hash of
 * its own the IdSet's 2^19 ids went to buckets at random, a cache miss each (issue 21, twenty-eighth
 * round: the move was ~84 ms of a 1M-row run).
 */
function hash(hi: number, lo: number): number {
  return (hi ^ mix(lo ^ mix(hi, FEISTEL_1), FEISTEL_2)) >>> 0;
}

/**
 * The ids the duplicate check has seen, and where each was first seen, as line × files + file
 * (UNKNOWN_AT when that is past 31 bits). With `lines` (--duplicates lists the kept row's line),
 * one set with those values, 12 bytes a slot. Without, only the file is ever asked for: one set of
 * ids alone (CompactIds: ~8 bytes an id) for each file (and for the rows of a file past the 31-bit limit),
 * which tells the file; the line given back is 0 (unknown, as for a row no line was kept for).
 */
/** The ids a SeenIds part after the first is made for (it grows past them). */
const LATER_PART = 1 << 10;

export class SeenIds {
  private readonly one: IdSet | undefined;
  private readonly parts: { set: CompactIds; at: number }[] = [];
  /** Ids not in two words, with their file (an IdSet keeps their value whole, never UNKNOWN_AT). */
  private readonly other = new Map<string, number>();

  constructor(
    private readonly files: number,
    lines: boolean,
    private readonly capacity = 1 << 16,
  ) {
    if (lines) this.one = new IdSet(capacity);
  }

  getOrAdd(id: string, line: number, file: number): number | undefined {
    const value = line * this.files + file;
    if (this.one) return this.one.getOrAdd(id, value);
    if (!splitWords(id)) {
      const prev = this.other.get(id);
      if (prev === undefined) this.other.set(id, file);
      return prev;
    }
    // The id's words, read once for every part's lookup.
    const hi = wHi;
    const lo = wLo;
    const at = Number.isInteger(value) && value >= 0 && value < UNKNOWN_AT ? file : UNKNOWN_AT;
    const last = this.parts.length - 1;
    for (let k = 0; k < last; k++) if (this.parts[k]!.set.getWords(hi, lo) !== undefined) return this.parts[k]!.at;
    let current = this.parts[last];
    if (!current || current.at !== at) {
      if (current && current.set.getWords(hi, lo) !== undefined) return current.at;
      // The first part at the capacity asked for; a later one (the next file's) small, growing with
      // its ids: 64k slots for each of 2,000 small exports (and three SeenIds) held ~1 MB a file,
      // 2 GB of RSS (guard45).
      current = { set: new CompactIds(this.parts.length === 0 ? this.capacity : Math.min(this.capacity, LATER_PART)), at };
      this.parts.push(current);
    }
    return current.set.getOrAddWords(hi, lo) === undefined ? undefined : current.at;
  }

  /** What getOrAdd would return for `id`, without adding it (read.ts: the order a cut-off row is of). */
  get(id: string): number | undefined {
    if (this.one) return this.one.get(id);
    if (!splitWords(id)) return this.other.get(id);
    const hi = wHi;
    const lo = wLo;
    for (const p of this.parts) if (p.set.getWords(hi, lo) !== undefined) return p.at;
    return undefined;
  }

  /** Gives the sets' memory back now (src/memory.ts); not to be used afterwards. */
  dispose(): void {
    this.one?.dispose();
    for (const p of this.parts) p.set.dispose();
    this.parts.length = 0;
    this.other.clear();
  }
}

/**
 * Ids alone (no values), for the duplicate check of a large export (issue 21: at 3M rows the
 * IdSet's table, 8 bytes a slot and ~1.4 slots an id, was ~33 MB of the reading's peak). Past
 * COMPACT_AFTER ids an id's two words are held in 6 bytes, ~1.3 slots an id (3M ids: 23 MB):
 *
 * - The two words are mixed by a Feistel step, (hi, lo) → (H, L) with L = lo ^ f(hi) and
 *   H = hi ^ f(L): one-to-one (hi = H ^ f(L), lo = L ^ f(hi)), so two ids never share (H, L).
 * - H's top 4 bits choose a part; its other 28 bits (x) choose a bucket of the part, x·n / 2^28 of
 *   its n buckets. A bucket is a 64-byte line of 16 numbers: a header (how many ids it holds,
 *   and for each how many buckets past its home it is, 2 bits), 10 L words, and 10 16-bit rests
 *   r = x − base(bucket), base(b) = ⌈b·2^28 / n⌉, which with the bucket give x back exactly
 *   (r < 2^28 / n ≤ 2^16 as a part has at least 4,096 buckets).
 * - An id goes in its home bucket; when that is full, in the first of the next three with room;
 *   when all four are full (~1 % of ids at the most filled; or, never expected, its rest does not
 *   fit 16 bits), in the part's `spill`, an IdSet of (x, L).
 *   Ids are never removed, so a full bucket stays full: an id is looked for where it was put.
 *
 * Below COMPACT_AFTER ids the set is an IdSet (8 bytes a slot), whose ids are moved in when it is
 * passed: a small run does not hold 16 × 4,096 buckets (4 MB).
 */
const COMPACT_AFTER = 1 << 19;
const C_SHARD_BITS = 4;
const C_SHARDS = 1 << C_SHARD_BITS;
const X_BITS = 32 - C_SHARD_BITS;
const X_RANGE = 2 ** X_BITS;
/** Numbers a bucket (64 bytes), ids a bucket. */
const B_WORDS = 16;
const B_SLOTS = 10;
const L_AT = 1;
const R_AT = 11;
const MIN_BUCKETS = 1 << 12;
/** Buckets an id may sit in: its home and the next three (its distance from home: 2 bits in the header). */
const B_REACH = 4;
/** Ids a part holds before it grows, a share of its slots; growth step (small: the table stays close to its ids). */
const C_MAX_LOAD = 0.9;
const C_GROWTH = 1.2;

/** The Feistel step's keys (hash() and CompactIds.find). */
const FEISTEL_1 = 0x2545f491;
const FEISTEL_2 = 0x9e3779b9;

/** The Feistel step's function: a 32-bit mix. */
function mix(x: number, k: number): number {
  let h = x ^ k;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

class CompactShard {
  readonly buckets: Int32Array;
  readonly n: number;
  readonly limit: number;
  size = 0;
  /** Keys that fit in none of their buckets, as (x, L) words (x < 2^28: never the empty mark). */
  spill: IdSet | undefined;
  constructor(n: number) {
    this.n = n;
    this.limit = Math.floor(n * B_SLOTS * C_MAX_LOAD);
    this.buckets = new Int32Array(n * B_WORDS);
  }
}

function baseOf(b: number, n: number): number {
  return Math.ceil((b * X_RANGE) / n);
}

export class CompactIds {
  private small: IdSet | undefined;
  private readonly shards: CompactShard[] = [];
  constructor(capacity = 1 << 16) {
    this.small = new IdSet(capacity, false);
  }

  /** 0 when the id (by its two words) was seen, else undefined. */
  getWords(hi: number, lo: number): number | undefined {
    if (this.small) return this.small.getWords(hi, lo);
    return this.find(hi, lo, false);
  }

  /** 0 when the id was seen, else undefined (and it is added). */
  getOrAddWords(hi: number, lo: number): number | undefined {
    const small = this.small;
    if (small) {
      const seen = small.getOrAddWords(hi, lo, 0);
      if (seen === undefined && small.count >= COMPACT_AFTER) this.compact(small);
      return seen;
    }
    return this.find(hi, lo, true);
  }

  /** Moves the IdSet's ids into the buckets, the parts sized for about twice as many, then gives it back. */
  private compact(small: IdSet): void {
    const per = Math.max(MIN_BUCKETS, Math.ceil((2 * small.count) / C_SHARDS / (B_SLOTS * C_MAX_LOAD)));
    for (let k = 0; k < C_SHARDS; k++) this.shards.push(new CompactShard(Math.ceil(per * C_GROWTH ** (k / C_SHARDS))));
    this.small = undefined;
    small.eachWords((hi, lo) => void this.find(hi, lo, true));
    small.dispose();
  }

  private find(hi: number, lo: number, add: boolean): number | undefined {
    // The Feistel step (as hash() makes H).
    const L = lo ^ mix(hi, FEISTEL_1);
    const H = (hi ^ mix(L, FEISTEL_2)) >>> 0;
    const s = H >>> X_BITS;
    let sh = this.shards[s]!;
    if (add && sh.size >= sh.limit) sh = this.grow(s);
    return findIn(sh, H & (X_RANGE - 1), L, add);
  }

  private grow(s: number): CompactShard {
    const old = this.shards[s]!;
    const n = old.n;
    const next = new CompactShard(Math.max(n + 1, Math.ceil(n * C_GROWTH)));
    const b = old.buckets;
    for (let j = 0; j < n; j++) {
      const at = j * B_WORDS;
      const head = b[at]!;
      const count = head & 15;
      for (let k = 0; k < count; k++) {
        const d = (head >>> (4 + 2 * k)) & 3;
        const home = j >= d ? j - d : j - d + n;
        const r = (b[at + R_AT + (k >> 1)]! >>> ((k & 1) << 4)) & 0xffff;
        findIn(next, baseOf(home, n) + r, b[at + L_AT + k]!, true);
      }
    }
    old.spill?.eachWords((x, L) => void findIn(next, x, L, true));
    old.spill?.dispose();
    this.shards[s] = next;
    discard(b.buffer as ArrayBuffer);
    return next;
  }

  dispose(): void {
    this.small?.dispose();
    this.small = undefined;
    for (const sh of this.shards) {
      discard(sh.buckets.buffer as ArrayBuffer);
      sh.spill?.dispose();
    }
    this.shards.length = 0;
  }
}

/** Looks for the key (x, L) in the part, adding it when `add`: 0 when it was there, else undefined. */
function findIn(sh: CompactShard, x: number, L: number, add: boolean): number | undefined {
  const n = sh.n;
  const home = Math.floor((x * n) / X_RANGE);
  const r = x - baseOf(home, n);
  if (r < 0 || r > 0xffff) return inSpill(sh, x, L, add);
  const b = sh.buckets;
  let j = home;
  for (let d = 0; d < B_REACH; d++) {
    const at = j * B_WORDS;
    const head = b[at]!;
    const count = head & 15;
    for (let k = 0; k < count; k++) {
      if (b[at + L_AT + k] === L && ((head >>> (4 + 2 * k)) & 3) === d && ((b[at + R_AT + (k >> 1)]! >>> ((k & 1) << 4)) & 0xffff) === r) return 0;
    }
    if (count < B_SLOTS) {
      if (add) {
        b[at] = (head + 1) | (d << (4 + 2 * count));
        b[at + L_AT + count] = L;
        b[at + R_AT + (count >> 1)] |= r << ((count & 1) << 4);
        sh.size++;
      }
      return undefined;
    }
    j = j + 1 === n ? 0 : j + 1;
  }
  return inSpill(sh, x, L, add);
}

function inSpill(sh: CompactShard, x: number, L: number, add: boolean): number | undefined {
  if (!add) return sh.spill?.getWords(x, L);
  const seen = (sh.spill ??= new IdSet(16, false)).getOrAddWords(x, L, 0);
  if (seen === undefined) sh.size++;
  return seen;
}
