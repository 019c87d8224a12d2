// The line groups of several line-grain files (src/orders/read.ts foldedAcross), kept in the order
// they were read until every file is read, put aside in a temporary file (issue 21: memory flat as
// the export grows). An order's lines in two files are one order, so nothing can be folded before
// the last file is read; held as objects, two 500k-line item reports took 1.6 GB (one file of the
// same lines: 0.39 GB). The groups go to the file a block at a time (v8's structured serialization,
// amounts as whole fen or their exact decimal text) and come back in the same order, field for field.
import v8 from 'node:v8';
import { SpillFile } from '../io/spill.js';
import { Money, exactFen, fenToMoney } from '../money.js';
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
    for (const g of b) {
      for (const l of g.lines) {
        for (const k of MONEY_KEYS) {
          const m = l[k];
          if (m) (l as unknown as Record<MoneyKey, unknown>)[k] = moneyCode(m);
        }
      }
    }
    const bytes = v8.serialize(b);
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
        const bytes = Buffer.allocUnsafe(length);
        this.spill!.read(at, bytes);
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
        yield b;
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
