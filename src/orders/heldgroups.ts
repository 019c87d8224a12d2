// The line groups of several line-grain files (src/orders/read.ts foldedAcross), kept in the order
// they were read until every file is read, put aside in a temporary file (issue 21: memory flat as
// the export grows). An order's lines in two files are one order, so nothing can be folded before
// the last file is read; held as objects, two 500k-line item reports took 1.6 GB (one file of the
// same lines: 0.39 GB). The groups go to the file a block at a time (v8's structured serialization,
// amounts as whole fen or their exact decimal text) and come back in the same order, field for field.
import v8 from 'node:v8';
import { SpillFile } from '../io/spill.js';
import { Money, exactFen, fenToMoney } from '../money.js';
import { IdSet } from './idset.js';
import type { ParsedRow } from './parse.js';

/** One order's lines of one file, as read.ts's LineGroup with its file as an index. */
export interface HeldGroup {
  lines: ParsedRow[];
  keep: boolean;
  shows: boolean;
  file: number;
}

/** The amounts of a row: decimal.js objects, which structured serialization would make plain objects. */
const MONEY_KEYS = ['goodsAmount', 'postage', 'paidAmount', 'refundAmount', 'platformCompensation', 'price'] as const;
type MoneyKey = (typeof MONEY_KEYS)[number];

/**
 * An amount as what gives it back exactly: whole fen (a number) for every amount an export holds,
 * else its text (more than two decimals, a negative zero).
 */
function moneyCode(m: Money): number | string {
  if (m.isZero()) return m.isNeg() ? '-0' : 0;
  return exactFen(m) ?? m.toString();
}

/** A block of groups as bytes (its rows' amounts turned into numbers or text: the rows are not used again). */
function encode(b: HeldGroup[]): Buffer {
  for (const g of b) {
    for (const l of g.lines) {
      for (const k of MONEY_KEYS) {
        const m = l[k];
        if (m) (l as unknown as Record<MoneyKey, unknown>)[k] = moneyCode(m);
      }
    }
  }
  return v8.serialize(b);
}

/** The block of groups written at `at`. */
function decode(spill: SpillFile, at: number, length: number): HeldGroup[] {
  const bytes = Buffer.allocUnsafe(length);
  spill.read(at, bytes);
  const b = v8.deserialize(bytes) as HeldGroup[];
  for (const g of b) {
    for (const l of g.lines) {
      for (const k of MONEY_KEYS) {
        const t = (l as unknown as Record<MoneyKey, unknown>)[k];
        if (typeof t === 'number') l[k] = fenToMoney(t);
        else if (typeof t === 'string') l[k] = new Money(t);
      }
    }
  }
  return b;
}

export class HeldGroups {
  private block: HeldGroup[] = [];
  /** Blocks kept in memory: the first ones, until the temporary file is made. */
  private kept: (HeldGroup[] | undefined)[] = [];
  private spill: SpillFile | undefined;
  private readonly spilled: { at: number; length: number }[] = [];

  /**
   * `keepBlocks` blocks of `perBlock` groups stay in memory (16 × 1,024 by default: a small run never
   * makes the file); every block after them is put aside.
   */
  constructor(
    private readonly keepBlocks = 16,
    private readonly perBlock = 1024,
  ) {}

  push(g: HeldGroup): void {
    this.block.push(g);
    if (this.block.length >= this.perBlock) this.flush();
  }

  private flush(): void {
    const b = this.block;
    this.block = [];
    if (this.spill === undefined && this.kept.length < this.keepBlocks) {
      this.kept.push(b);
      return;
    }
    this.spill ??= SpillFile.open();
    const bytes = encode(b);
    this.spilled.push({ at: this.spill.append(bytes), length: bytes.length });
  }

  /** Every group pushed, in the order pushed, a block at a time; the temporary file is closed at the end. */
  *drain(): Generator<HeldGroup[]> {
    try {
      for (let i = 0; i < this.kept.length; i++) {
        const b = this.kept[i]!;
        this.kept[i] = undefined;
        yield b;
      }
      for (const { at, length } of this.spilled) {
        yield decode(this.spill!, at, length);
      }
      const last = this.block;
      this.block = [];
      if (last.length) yield last;
    } finally {
      this.close();
    }
  }

  /** Removes the temporary file (again: nothing happens). */
  close(): void {
    this.spill?.close();
    this.kept = [];
    this.block = [];
  }
}

/**
 * Groups looked up by order id: an order's lines in the files after the one it was first read from
 * (foldedAcross), given back with the order's first group. Kept as HeldGroups are, blocks past the
 * first few put aside in a temporary file; an id table (src/orders/idset.ts: ~20 bytes an order)
 * says where each order's first group is, and each group where the order's next one is. Blocks read
 * back are cached (the last `cacheBlocks`): exports list orders by time, so the orders come back in
 * about the order their groups went in and each block is read once. Two files listing their orders in
 * opposite orders read a block per order: slower, the same result.
 */
export class HeldById {
  private readonly first: IdSet;
  private next = new Int32Array(1024);
  private count = 0;
  private block: HeldGroup[] = [];
  private kept: HeldGroup[][] = [];
  private spill: SpillFile | undefined;
  private readonly spilled: { at: number; length: number }[] = [];
  private readonly cache = new Map<number, HeldGroup[]>();

  constructor(
    private readonly keepBlocks = 64,
    private readonly perBlock = 256,
    private readonly cacheBlocks = 64,
  ) {
    this.first = new IdSet(16);
  }

  get size(): number {
    return this.count;
  }

  add(id: string, g: HeldGroup): void {
    const n = this.count++;
    if (n === this.next.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.next);
      this.next = grown;
    }
    this.next[n] = -1;
    const prev = this.first.getOrAdd(id, n);
    if (prev !== undefined) {
      let e = prev;
      while (this.next[e]! !== -1) e = this.next[e]!;
      this.next[e] = n;
    }
    this.block.push(g);
    if (this.block.length >= this.perBlock) {
      const b = this.block;
      this.block = [];
      if (this.spill === undefined && this.kept.length < this.keepBlocks) this.kept.push(b);
      else {
        this.spill ??= SpillFile.open();
        const bytes = encode(b);
        this.spilled.push({ at: this.spill.append(bytes), length: bytes.length });
      }
    }
  }

  /** The order's groups, in the order added; undefined when none was. */
  take(id: string): HeldGroup[] | undefined {
    const e0 = this.first.get(id);
    if (e0 === undefined) return undefined;
    const out: HeldGroup[] = [];
    for (let e = e0; e !== -1; e = this.next[e]!) out.push(this.blockOf(Math.floor(e / this.perBlock))[e % this.perBlock]!);
    return out;
  }

  private blockOf(n: number): HeldGroup[] {
    if (n < this.kept.length) return this.kept[n]!;
    const s = n - this.kept.length;
    if (s >= this.spilled.length) return this.block;
    let b = this.cache.get(s);
    if (b === undefined) {
      const { at, length } = this.spilled[s]!;
      b = decode(this.spill!, at, length);
      if (this.cache.size >= this.cacheBlocks) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(s, b);
    }
    return b;
  }

  /** Gives everything back and removes the temporary file (again: nothing happens). */
  close(): void {
    this.first.dispose();
    this.spill?.close();
    this.kept = [];
    this.block = [];
    this.cache.clear();
  }
}
