// The duplicate check's memory: one entry per order id seen. Order ids are 16–19 digit strings;
// kept as JS strings in a Map they cost ~100 bytes each, so a million-row export would hold
// ~100 MB just to notice duplicates. Here a digit id is split exactly into two integers (the
// last 9 digits, and the rest — at most 11 digits, exact in a double) and kept in an open-
// addressing table of typed arrays: 16 bytes a slot. Anything else (PDD's `yymmdd-…` ids) goes
// to a plain Map. Each entry remembers where it was first seen (a non-negative 31-bit number, else UNKNOWN_AT).

const EMPTY = -1;
export const UNKNOWN_AT = 0x7fffffff;

/**
 * A digit id of 10–20 digits as two exact numbers: the last 9 digits, and the rest (at most 11
 * digits) plus the length × 10^11, so "0123…" and "123…" stay apart. Undefined for other ids.
 */
export function packId(id: string): [hi: number, lo: number] | undefined {
  const n = id.length;
  if (n < 10 || n > 20 || !isDigits(id)) return undefined;
  return [Number(id.slice(0, n - 9)) + n * 1e11, Number(id.slice(n - 9))];
}

export function unpackId(hi: number, lo: number): string {
  const n = Math.floor(hi / 1e11);
  return String(hi - n * 1e11).padStart(n - 9, '0') + String(lo).padStart(9, '0');
}

export class IdSet {
  private hi: Float64Array;
  private lo: Int32Array;
  private val: Int32Array;
  private size = 0;
  private readonly other = new Map<string, number>();

  constructor(capacity = 1 << 16) {
    this.hi = new Float64Array(capacity);
    this.lo = new Int32Array(capacity).fill(EMPTY);
    this.val = new Int32Array(capacity);
  }

  get count(): number {
    return this.size + this.other.size;
  }

  /** The value stored for `id`, or undefined; stores `value` when the id is new. */
  getOrAdd(id: string, value: number): number | undefined {
    const packed = packId(id);
    if (packed === undefined) {
      const prev = this.other.get(id);
      if (prev === undefined) this.other.set(id, value);
      return prev;
    }
    const [hi, lo] = packed;
    // Up to three quarters full: linear probing stays short (≈2.5 probes a hit), and a 3-million-id
    // export fits 4 M slots (64 MB) instead of 8 M.
    if ((this.size + 1) * 4 > this.lo.length * 3) this.grow();
    const mask = this.lo.length - 1;
    let i = hash(hi, lo) & mask;
    for (;;) {
      const l = this.lo[i]!;
      if (l === EMPTY) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        // A location too large for 31 bits is kept as "unknown" (UNKNOWN_AT) rather than wrong.
        this.val[i] = Number.isInteger(value) && value >= 0 && value < UNKNOWN_AT ? value : UNKNOWN_AT;
        this.size++;
        return undefined;
      }
      if (l === lo && this.hi[i] === hi) return this.val[i];
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo, val } = this;
    const cap = lo.length * 2;
    this.hi = new Float64Array(cap);
    this.lo = new Int32Array(cap).fill(EMPTY);
    this.val = new Int32Array(cap);
    const mask = cap - 1;
    for (let j = 0; j < lo.length; j++) {
      if (lo[j] === EMPTY) continue;
      let i = hash(hi[j]!, lo[j]!) & mask;
      while (this.lo[i] !== EMPTY) i = (i + 1) & mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.val[i] = val[j]!;
    }
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
