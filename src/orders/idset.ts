// The duplicate check's memory: one entry per order id seen. Order ids are 16–19 digit strings;
// kept as JS strings in a Map they cost ~100 bytes each, so a million-row export would hold
// ~100 MB just to notice duplicates. Here a digit id is split exactly into two integers (the
// last 9 digits, and the rest — at most 11 digits, exact in a double) and kept in an open-
// addressing table of 32-bit numbers: 16 bytes a slot. Anything else (PDD's `yymmdd-…` ids) goes
// to a plain Map. Each entry remembers where it was first seen (a non-negative 31-bit number, else UNKNOWN_AT).
// The table is 16 parts chosen by the hash's top bits, each growing on its own, so growing never
// holds an old and a new copy of the whole table at once (3M ids: 64 MB, plus 6 MB while a part grows).
// A part's old slots are discarded as soon as they are copied (src/memory.ts), and the whole
// table by dispose(): neither waits in memory for a full collection.
import { discard } from '../memory.js';

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
  // The leading digits (at most 11: exact), read without a slice or a number parse.
  let n = 0;
  for (let i = 0; i < id.length - 9; i++) n = n * 10 + (id.charCodeAt(i) - 48);
  return n + id.length * 1e11;
}
function packLo(id: string): number {
  let n = 0;
  for (let i = id.length - 9; i < id.length; i++) n = n * 10 + (id.charCodeAt(i) - 48);
  return n;
}

export function unpackId(hi: number, lo: number): string {
  const n = Math.floor(hi / 1e11);
  return String(hi - n * 1e11).padStart(n - 9, '0') + String(lo).padStart(9, '0');
}

/** The table is split by hash into this many parts that grow apart: growing one copies 1/16 of it, not all of it at once. */
const SHARDS = 16;

/** 2^32: a packed high half (under 2^42) is kept as its two 32-bit halves. */
const TWO32 = 4294967296;

/**
 * One part of the table: four 32-bit numbers a slot (the high half's upper and lower 32 bits, the
 * low half, the value) side by side, so a probe reads one place in memory, not three arrays. On a
 * table of millions of ids that is one cache miss a row instead of three.
 */
class Shard {
  slots: Int32Array;
  /** Slots (a power of two). */
  capacity: number;
  size = 0;
  constructor(capacity: number) {
    this.capacity = capacity;
    this.slots = emptySlots(capacity);
  }
}

function emptySlots(capacity: number): Int32Array {
  // Every number set to EMPTY in one native fill (only a slot's low half is read as the empty
  // mark; a low half is 0–999,999,999, never EMPTY). A loop setting one in four took ~13 ms of a
  // 10k-row run before it was compiled.
  return new Int32Array(capacity * 4).fill(EMPTY);
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

  /** Gives the table's memory back now (src/memory.ts); the set must not be used afterwards. */
  dispose(): void {
    for (const sh of this.shards) discard(sh.slots.buffer as ArrayBuffer);
    this.shards.length = 0;
    this.other.clear();
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
    const hiHigh = Math.floor(hi / TWO32);
    const hiLow = (hi - hiHigh * TWO32) | 0;
    const h = hash(hi, lo);
    const sh = this.shards[h >>> 28]!;
    // Up to three quarters full: linear probing stays short (≈2.5 probes a hit).
    if ((sh.size + 1) * 4 > sh.capacity * 3) grow(sh);
    const mask = sh.capacity - 1;
    const slots = sh.slots;
    let i = h & mask;
    for (;;) {
      const at = i * 4;
      const l = slots[at + 2]!;
      if (l === EMPTY) {
        slots[at] = hiHigh;
        slots[at + 1] = hiLow;
        slots[at + 2] = lo;
        // A location too large for 31 bits is kept as "unknown" (UNKNOWN_AT) rather than wrong.
        slots[at + 3] = Number.isInteger(value) && value >= 0 && value < UNKNOWN_AT ? value : UNKNOWN_AT;
        sh.size++;
        this.size++;
        return undefined;
      }
      if (l === lo && slots[at + 1] === hiLow && slots[at] === hiHigh) return slots[at + 3];
      i = (i + 1) & mask;
    }
  }
}

function grow(sh: Shard): void {
  const old = sh.slots;
  const cap = sh.capacity * 2;
  const slots = emptySlots(cap);
  const mask = cap - 1;
  for (let j = 0; j < old.length; j += 4) {
    if (old[j + 2] === EMPTY) continue;
    const hi = old[j]! * TWO32 + (old[j + 1]! >>> 0);
    let i = hash(hi, old[j + 2]!) & mask;
    while (slots[i * 4 + 2] !== EMPTY) i = (i + 1) & mask;
    const at = i * 4;
    slots[at] = old[j]!;
    slots[at + 1] = old[j + 1]!;
    slots[at + 2] = old[j + 2]!;
    slots[at + 3] = old[j + 3]!;
  }
  sh.slots = slots;
  sh.capacity = cap;
  discard(old.buffer as ArrayBuffer);
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
