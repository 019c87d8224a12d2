// The duplicate check's memory: one entry per order id seen. Order ids are 16–19 digit strings;
// kept as JS strings in a Map they cost ~100 bytes each, so a million-row export would hold
// ~100 MB just to notice duplicates. Here a digit id is split exactly into two integers (the
// last 9 digits, and the rest — at most 11 digits, exact in a double) and kept in an open-
// addressing table of typed arrays: 16 bytes a slot. Anything else (PDD's `yymmdd-…` ids) goes
// to a plain Map. Each entry remembers where it was first seen (a non-negative 31-bit number, else UNKNOWN_AT).
// The table is 16 parts chosen by the hash's top bits, each growing on its own, so growing never
// holds an old and a new copy of the whole table at once (3M ids: 64 MB, plus 6 MB while a part grows).

const EMPTY = -1;
export const UNKNOWN_AT = 0x7fffffff;

/**
 * A digit id of 10–20 digits as two exact numbers: the last 9 digits, and the rest (at most 11
 * digits) plus the length × 10^11, so "0123…" and "123…" stay apart. Undefined for other ids.
 */
export function packId(id: string): [hi: number, lo: number] | undefined {
  return packable(id) ? [packHi(id), packLo(id)] : undefined;
}

/** packId's halves one at a time (the duplicate check packs one id a row, without the pair). */
function packable(id: string): boolean {
  return id.length >= 10 && id.length <= 20 && isDigits(id);
}
function packHi(id: string): number {
  return Number(id.slice(0, id.length - 9)) + id.length * 1e11;
}
function packLo(id: string): number {
  return Number(id.slice(id.length - 9));
}

export function unpackId(hi: number, lo: number): string {
  const n = Math.floor(hi / 1e11);
  return String(hi - n * 1e11).padStart(n - 9, '0') + String(lo).padStart(9, '0');
}

/** The table is split by hash into this many parts that grow apart: growing one copies 1/16 of it, not all of it at once. */
const SHARDS = 16;

class Shard {
  hi: Float64Array;
  lo: Int32Array;
  val: Int32Array;
  size = 0;
  constructor(capacity: number) {
    this.hi = new Float64Array(capacity);
    this.lo = new Int32Array(capacity).fill(EMPTY);
    this.val = new Int32Array(capacity);
  }
}

export class IdSet {
  private readonly shards: Shard[] = [];
  private size = 0;
  private readonly other = new Map<string, number>();

  /** `capacity`: the ids expected before the first growth (all parts together). */
  constructor(capacity = 1 << 16) {
    let per = 4;
    while (per * SHARDS < capacity) per *= 2;
    for (let k = 0; k < SHARDS; k++) this.shards.push(new Shard(per));
  }

  get count(): number {
    return this.size + this.other.size;
  }

  /** The value stored for `id`, or undefined; stores `value` when the id is new. */
  getOrAdd(id: string, value: number): number | undefined {
    if (!packable(id)) {
      const prev = this.other.get(id);
      if (prev === undefined) this.other.set(id, value);
      return prev;
    }
    const hi = packHi(id);
    const lo = packLo(id);
    const h = hash(hi, lo);
    const sh = this.shards[h >>> 28]!;
    // Up to three quarters full: linear probing stays short (≈2.5 probes a hit).
    if ((sh.size + 1) * 4 > sh.lo.length * 3) grow(sh);
    const mask = sh.lo.length - 1;
    let i = h & mask;
    for (;;) {
      const l = sh.lo[i]!;
      if (l === EMPTY) {
        sh.hi[i] = hi;
        sh.lo[i] = lo;
        // A location too large for 31 bits is kept as "unknown" (UNKNOWN_AT) rather than wrong.
        sh.val[i] = Number.isInteger(value) && value >= 0 && value < UNKNOWN_AT ? value : UNKNOWN_AT;
        sh.size++;
        this.size++;
        return undefined;
      }
      if (l === lo && sh.hi[i] === hi) return sh.val[i];
      i = (i + 1) & mask;
    }
  }
}

function grow(sh: Shard): void {
  const { hi, lo, val } = sh;
  const cap = lo.length * 2;
  sh.hi = new Float64Array(cap);
  sh.lo = new Int32Array(cap).fill(EMPTY);
  sh.val = new Int32Array(cap);
  const mask = cap - 1;
  for (let j = 0; j < lo.length; j++) {
    if (lo[j] === EMPTY) continue;
    let i = hash(hi[j]!, lo[j]!) & mask;
    while (sh.lo[i] !== EMPTY) i = (i + 1) & mask;
    sh.hi[i] = hi[j]!;
    sh.lo[i] = lo[j]!;
    sh.val[i] = val[j]!;
  }
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function hash(hi: number, lo: number): number {
  let h = Math.imul(lo ^ 0x9e3779b9, 0x85ebca6b);
  h ^= Math.imul((hi % 0x7fffffff) | 0, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}
