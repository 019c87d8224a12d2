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
import { ROW_LITERAL_KEYS, type ParsedRow } from './parse.js';

/** One order's lines of one file, as read.ts's LineGroup with its file as an index. */
export interface HeldGroup {
  lines: ParsedRow[];
  keep: boolean;
  shows: boolean;
  file: number;
}

/** The amounts of a row: decimal.js objects, which structured serialization would make plain objects. */
const MONEY_KEYS = ['goodsAmount', 'postage', 'paidAmount', 'refundAmount', 'platformCompensation', 'price'];
/** The amount fields (moneyCode gives a number or text for them; a number elsewhere is a number). */
const MONEY = new Set<string>(MONEY_KEYS);

/**
 * An amount as what gives it back exactly: whole fen (a number) for every amount an export holds,
 * else its text (more than two decimals, a negative zero).
 */
function moneyCode(m: Money): number | string {
  if (m.isZero()) return m.isNeg() ? '-0' : 0;
  return exactFen(m) ?? m.toString();
}

/** A block as written: each row as its values, under the list of its keys (most blocks: one list). */
interface Packed {
  keys: string[][];
  groups: [lines: unknown[][], keep: boolean, shows: boolean, file: number][];
}

/** Columns a repeat mask covers (bits 0-29: a mask stays a small integer). */
const PER_MASK = 30;

/**
 * A block of groups as bytes. Each row goes as an array: the index of its key list (the keys in
 * their order, shared by the block's rows with the same keys), then one repeat mask per 30 keys (bit
 * j: the value is the one of the block's previous row with these keys, Object.is, so not written),
 * then the values not repeated: structured serialization of the objects wrote every row's ~35 key
 * names (a 500k-line pair: 23 s of CPU, where values only took less, docs/performance.md), and most
 * of a row's values (platform, file, status, empty texts, nulls, often the title and amounts) are its
 * previous row's. Only texts, numbers, booleans, null and amounts count as repeated (an object such
 * as extra is written each time, so two rows never share one). Amounts as moneyCode. The rows are not
 * used again.
 */
function encode(b: HeldGroup[]): Buffer {
  const keys: string[][] = [];
  const masks: boolean[][] = [];
  const prevs: unknown[][] = [];
  let last: string[] | undefined;
  let lastAt = -1;
  const groups: Packed['groups'] = [];
  for (const g of b) {
    const lines: unknown[][] = [];
    for (const l of g.lines) {
      const ks = Object.keys(l);
      let at = lastAt;
      if (last === undefined || !sameKeys(last, ks)) {
        at = keys.findIndex((k) => sameKeys(k, ks));
        if (at < 0) {
          at = keys.push(ks) - 1;
          masks.push(ks.map((k) => MONEY.has(k)));
          prevs.push([]);
        }
        last = keys[at]!;
        lastAt = at;
      }
      const nm = Math.ceil(ks.length / PER_MASK);
      const row: unknown[] = [at];
      for (let j = 0; j < nm; j++) row.push(0);
      const r = l as unknown as Record<string, unknown>;
      const m = masks[at]!;
      const prev = prevs[at]!;
      const first = prev.length === 0;
      for (let j = 0; j < ks.length; j++) {
        const v = r[ks[j]!];
        if (!first && Object.is(v, prev[j]) && (m[j] || v === null || typeof v !== 'object')) {
          (row as number[])[1 + ((j / PER_MASK) | 0)]! |= 1 << j % PER_MASK;
        } else {
          row.push(m[j] && v !== null && v !== undefined ? moneyCode(v as Money) : v);
        }
        prev[j] = v;
      }
      lines.push(row);
    }
    groups.push([lines, g.keep, g.shows, g.file]);
  }
  return v8.serialize({ keys, groups } satisfies Packed);
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (a[j] !== b[j]) return false;
  return true;
}


/** Makes a row from its values (row[0] the index of its key list) and its amounts (already Money). */
type RowMaker = (row: unknown[]) => ParsedRow;

/** One maker per key list (a run has one or two lists), made once. */
const makers = new Map<string, RowMaker>();

/**
 * A function building a row of these keys with one object literal: the parser's literal keys first
 * (ROW_LITERAL_KEYS, when the list starts with them), the rest assigned after it in their order, as
 * the parser adds them. Built key by key on `{}`, rows came back with another hidden class than the
 * parser's, so the code reading rows saw two shapes (500k-line pair: +35-40 % user CPU).
 */
function makerOf(ks: string[]): RowMaker {
  const id = JSON.stringify(ks);
  let f = makers.get(id);
  if (f !== undefined) return f;
  let lit = 0;
  if (ks.length >= ROW_LITERAL_KEYS.length && ROW_LITERAL_KEYS.every((k, j) => ks[j] === k)) lit = ROW_LITERAL_KEYS.length;
  const body: string[] = [];
  const inLiteral: string[] = [];
  for (let j = 0; j < lit; j++) inLiteral.push(`${JSON.stringify(ks[j])}: r[${j + 1}]`);
  body.push(`const o = { ${inLiteral.join(', ')} };`);
  for (let j = lit; j < ks.length; j++) body.push(`o[${JSON.stringify(ks[j])}] = r[${j + 1}];`);
  body.push('return o;');
  f = new Function('r', body.join('\n')) as RowMaker;
  makers.set(id, f);
  return f;
}

/** The block of groups written at `at`: every row an object with its keys in their order again. */
function decode(spill: SpillFile, at: number, length: number): HeldGroup[] {
  const bytes = Buffer.allocUnsafe(length);
  spill.read(at, bytes);
  const { keys, groups } = v8.deserialize(bytes) as Packed;
  const money = keys.map((ks) => ks.map((k) => MONEY.has(k)));
  const make = keys.map(makerOf);
  // Each key list's last row's values (index 0 unused, as the makers read them): a repeated value is
  // left as it is, the others replaced; the makers copy them into a new object.
  const vals = keys.map((ks) => new Array<unknown>(ks.length + 1));
  const out: HeldGroup[] = new Array(groups.length);
  for (let i = 0; i < groups.length; i++) {
    const [rows, keep, shows, file] = groups[i]!;
    const lines: ParsedRow[] = new Array(rows.length);
    for (let n = 0; n < rows.length; n++) {
      const row = rows[n]!;
      const k = row[0] as number;
      const m = money[k]!;
      const full = vals[k]!;
      let p = 1 + Math.ceil(m.length / PER_MASK);
      for (let j = 0; j < m.length; j++) {
        if (((row[1 + ((j / PER_MASK) | 0)] as number) >> j % PER_MASK) & 1) continue;
        const v = row[p++];
        full[j + 1] = m[j] && v !== null && v !== undefined ? (typeof v === 'number' ? fenToMoney(v) : new Money(v as string)) : v;
      }
      lines[n] = make[k]!(full);
    }
    out[i] = { lines, keep, shows, file };
  }
  return out;
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
  /** 1 for an entry take(id, true) gave back (untaken() passes it). */
  private taken = new Uint8Array(1024);
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
      const t = new Uint8Array(n * 2);
      t.set(this.taken);
      this.taken = t;
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

  /** Whether a group of the order was added. */
  has(id: string): boolean {
    return this.first.get(id) !== undefined;
  }

  /**
   * The order's groups, in the order added; undefined when none was. `once`: undefined also when
   * take(id, true) gave them already, and untaken() passes them from then on.
   */
  take(id: string, once = false): HeldGroup[] | undefined {
    const e0 = this.first.get(id);
    if (e0 === undefined) return undefined;
    if (once) {
      if (this.taken[e0] === 1) return undefined;
      for (let e = e0; e !== -1; e = this.next[e]!) this.taken[e] = 1;
    }
    const out: HeldGroup[] = [];
    for (let e = e0; e !== -1; e = this.next[e]!) out.push(this.blockOf(Math.floor(e / this.perBlock))[e % this.perBlock]!);
    return out;
  }

  /**
   * Every group not given by take(id, true), in the order added (each group on its own, an order's
   * groups where each was added). The blocks put aside are read once each, in order, past the cache.
   */
  *untaken(): Generator<HeldGroup> {
    const n = this.count;
    for (let b = 0; b * this.perBlock < n; b++) {
      let block: HeldGroup[] | undefined;
      for (let e = b * this.perBlock; e < Math.min(n, (b + 1) * this.perBlock); e++) {
        if (this.taken[e] === 1) continue;
        if (block === undefined) {
          const s = b - this.kept.length;
          if (b < this.kept.length) block = this.kept[b]!;
          else if (s >= this.spilled.length) block = this.block;
          else block = this.cache.get(s) ?? decode(this.spill!, this.spilled[s]!.at, this.spilled[s]!.length);
        }
        yield block[e % this.perBlock]!;
      }
    }
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
