// Paid orders that have not shipped and are not closed, by buyer: a voucher is final only when no
// such order of its buyer could still join its window (vouchers.ts toVoucher). A million-row
// export has ~100k of them; as one object, array and id string each they were a third of the
// heap, so they are kept in blocks of typed arrays (~29 bytes an order) and made into objects
// only for the buyers a voucher asks about.
import { packId, unpackId } from '../orders/idset.js';
import type { OpenOrder } from './vouchers.js';

/** What toVoucher needs of the open orders: a buyer's list (a plain Map of lists works too). */
export interface OpenOrders {
  get(buyer: string): readonly OpenOrder[] | undefined;
}

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;
const NO_RULES = 255;

export class OpenStore implements OpenOrders {
  private length = 0;
  /** The buyer's latest order; each order links to the buyer's one before it (-1: none). */
  private readonly last = new Map<string, number>();
  // Per order: paid at, and the order id packed into two numbers (NaN: in otherIds).
  private readonly nums: Float64Array[] = [];
  private readonly prev: Int32Array[] = [];
  private readonly ruleIdx: Uint8Array[] = [];
  private readonly ruleIds: string[] = [];
  private readonly otherIds = new Map<number, string>();

  add(buyer: string, o: OpenOrder): void {
    const i = this.length++;
    if ((i & IN_BLOCK) === 0) {
      this.nums.push(new Float64Array(3 * BLOCK));
      this.prev.push(new Int32Array(BLOCK));
      this.ruleIdx.push(new Uint8Array(BLOCK));
    }
    const b = i >> BLOCK_BITS;
    const k = i & IN_BLOCK;
    const num = this.nums[b]!;
    num[3 * k] = o.paidAt;
    const packed = packId(o.orderId);
    if (packed) {
      num[3 * k + 1] = packed[0];
      num[3 * k + 2] = packed[1];
    } else {
      num[3 * k + 1] = NaN;
      this.otherIds.set(i, o.orderId);
    }
    let r = NO_RULES;
    if (o.rules !== undefined) {
      r = this.ruleIds.indexOf(o.rules);
      if (r < 0) r = this.ruleIds.push(o.rules) - 1;
    }
    this.ruleIdx[b]![k] = r;
    this.prev[b]![k] = this.last.get(buyer) ?? -1;
    this.last.set(buyer, i);
  }

  /** The buyer's open orders, in the order they were added; undefined when there are none. */
  get(buyer: string): OpenOrder[] | undefined {
    let i: number | undefined = this.last.get(buyer);
    if (i === undefined) return undefined;
    const out: OpenOrder[] = [];
    while (i !== -1) {
      const b: number = i >> BLOCK_BITS;
      const k: number = i & IN_BLOCK;
      const num = this.nums[b]!;
      const hi = num[3 * k + 1]!;
      const r = this.ruleIdx[b]![k]!;
      out.push({ orderId: Number.isNaN(hi) ? this.otherIds.get(i)! : unpackId(hi, num[3 * k + 2]!), paidAt: num[3 * k]!, rules: r === NO_RULES ? undefined : this.ruleIds[r] });
      i = this.prev[b]![k]!;
    }
    return out.reverse();
  }
}
