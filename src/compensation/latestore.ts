// Late orders kept until vouchers are built, in columns of typed arrays: a million-row export can
// hold hundreds of thousands of late orders, and one JS object each (with its numbers and payout)
// costs several times more than these ~85 bytes plus the buyer's name. This is the state the
// voucher computation truly needs; everything else about an order is dropped as it streams by.
import { type Money, fenToMoney, moneyToFen } from '../money.js';
import type { Kind } from './judge.js';
import { packId, unpackId } from '../orders/idset.js';
import type { LateOrder } from './vouchers.js';

// paidAt, deadline, shippedAt (NaN = none), hoursLate, baseFen, rawFen, afterFen, platformFen (NaN = none),
// and the order id packed into two numbers (NaN when it is not a digit id: then it is in `otherIds`).
const F = 10;
const KINDS: Kind[] = ['late', 'out_of_stock', 'delivery_promise'];
const SOURCES: LateOrder['shipSource'][] = ['pickup_scan', 'marked_shipped', 'unshipped'];
// kind, ship source, rate index, rule-set index
const TAGS = 4;
/** Orders per block: the store grows a block at a time, never copying what it holds (no old and new array side by side). */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const IN_BLOCK = BLOCK - 1;

export class LateStore {
  length = 0;
  private readonly nums: Float64Array[] = [];
  private readonly tags: Uint8Array[] = [];
  private readonly otherIds = new Map<number, string>();
  private readonly buyers: string[] = [];
  private readonly rates: Money[] = [];
  private readonly ruleIds: string[] = [];

  push(l: LateOrder): void {
    const platformFen = l.platformCompensation === null ? null : moneyToFen(l.platformCompensation);
    const i = this.length;
    if ((i & IN_BLOCK) === 0) {
      this.nums.push(new Float64Array(F * BLOCK));
      this.tags.push(new Uint8Array(TAGS * BLOCK));
    }
    const num = this.nums[i >> BLOCK_BITS]!;
    const tag = this.tags[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * F;
    const t = (i & IN_BLOCK) * TAGS;
    const p = l.payout;
    num[o] = l.paidAt;
    num[o + 1] = l.deadline;
    num[o + 2] = l.shippedAt ?? NaN;
    num[o + 3] = l.hoursLate;
    num[o + 4] = p.baseFen;
    num[o + 5] = p.rawFen;
    num[o + 6] = p.afterFen;
    num[o + 7] = platformFen ?? NaN;
    let r = this.rates.findIndex((x) => x.eq(p.rate));
    if (r < 0) r = this.rates.push(p.rate) - 1;
    let rs = this.ruleIds.indexOf(l.rules);
    if (rs < 0) rs = this.ruleIds.push(l.rules) - 1;
    tag[t] = KINDS.indexOf(p.kind);
    tag[t + 1] = SOURCES.indexOf(l.shipSource);
    tag[t + 2] = r;
    tag[t + 3] = rs;
    const packed = packId(l.orderId);
    if (packed) {
      num[o + 8] = packed[0];
      num[o + 9] = packed[1];
    } else {
      num[o + 8] = NaN;
      this.otherIds.set(i, l.orderId);
    }
    this.buyers.push(l.buyer);
    this.length++;
  }

  /** Order i's numbers start at numbers(i)[at(i)]. */
  private numbers(i: number): Float64Array {
    return this.nums[i >> BLOCK_BITS]!;
  }

  paidAt(i: number): number {
    return this.numbers(i)[(i & IN_BLOCK) * F]!;
  }
  buyer(i: number): string {
    return this.buyers[i]!;
  }
  /** The id of the rule set the order was judged under. */
  rules(i: number): string {
    return this.ruleIds[this.tags[i >> BLOCK_BITS]![(i & IN_BLOCK) * TAGS + 3]!]!;
  }
  orderId(i: number): string {
    const num = this.numbers(i);
    const o = (i & IN_BLOCK) * F;
    const hi = num[o + 8]!;
    return Number.isNaN(hi) ? this.otherIds.get(i)! : unpackId(hi, num[o + 9]!);
  }

  get(i: number): LateOrder {
    const num = this.numbers(i);
    const tag = this.tags[i >> BLOCK_BITS]!;
    const o = (i & IN_BLOCK) * F;
    const t = (i & IN_BLOCK) * TAGS;
    const shipped = num[o + 2]!;
    return {
      orderId: this.orderId(i),
      buyer: this.buyers[i]!,
      rules: this.ruleIds[tag[t + 3]!]!,
      paidAt: num[o]!,
      deadline: num[o + 1]!,
      shippedAt: Number.isNaN(shipped) ? null : shipped,
      hoursLate: num[o + 3]!,
      payout: { kind: KINDS[tag[t]!]!, rate: this.rates[tag[t + 2]!]!, baseFen: num[o + 4]!, rawFen: num[o + 5]!, afterFen: num[o + 6]! },
      platformCompensation: Number.isNaN(num[o + 7]!) ? null : fenToMoney(num[o + 7]!),
      shipSource: SOURCES[tag[t + 1]!]!,
    };
  }
}
