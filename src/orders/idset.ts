// The duplicate check's memory: one entry per order id seen. Order ids are 16–19 digit strings;
// kept as JS strings in a Map they cost ~100 bytes each, so a million-row export would hold
// ~100 MB just to notice duplicates. Here a digit id is split exactly into two integers (the
// last 9 digits, and the rest — at most 11 digits, exact in a double) and kept in an open-
// addressing table of typed arrays: 20 bytes a slot. Anything else (PDD's `yymmdd-…` ids) goes
// to a plain Map. Each entry remembers a number (where it was first seen).

const EMPTY = -1;

export class IdSet {
  private hi: Float64Array;
  private lo: Int32Array;
  private val: Float64Array;
  private size = 0;
  private readonly other = new Map<string, number>();

  constructor(capacity = 1 << 16) {
    this.hi = new Float64Array(capacity);
    this.lo = new Int32Array(capacity).fill(EMPTY);
    this.val = new Float64Array(capacity);
  }

  get count(): number {
    return this.size + this.other.size;
  }

  /** The value stored for `id`, or undefined; stores `value` when the id is new. */
  getOrAdd(id: string, value: number): number | undefined {
    const n = id.length;
    if (n < 10 || n > 20 || !isDigits(id)) {
      const prev = this.other.get(id);
      if (prev === undefined) this.other.set(id, value);
      return prev;
    }
    // id = hi × 10^9 + lo, both exact: hi has at most 11 digits (< 2^53), lo at most 9 (< 2^31).
    const hi = Number(id.slice(0, n - 9)) + n * 1e11; // the length keeps "0123…" apart from "123…"
    const lo = Number(id.slice(n - 9));
    if ((this.size + 1) * 2 > this.lo.length) this.grow();
    const mask = this.lo.length - 1;
    let i = hash(hi, lo) & mask;
    for (;;) {
      const l = this.lo[i]!;
      if (l === EMPTY) {
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.val[i] = value;
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
    this.val = new Float64Array(cap);
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
