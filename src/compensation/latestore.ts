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

export class LateStore {
  length = 0;
  private num = new Float64Array(F * 1024);
  private tag = new Uint8Array(TAGS * 1024);
  private readonly otherIds = new Map<number, string>();
  private readonly buyers: string[] = [];
  private readonly rates: Money[] = [];
  private readonly ruleIds: string[] = [];

  push(l: LateOrder): void {
    const platformFen = l.platformCompensation === null ? null : moneyToFen(l.platformCompensation);
    const i = this.length;
    if ((i + 1) * F > this.num.length) {
      const n = new Float64Array(this.num.length * 2);
      n.set(this.num);
      this.num = n;
      const t = new Uint8Array(this.tag.length * 2);
      t.set(this.tag);
      this.tag = t;
    }
    const o = i * F;
    const p = l.payout;
    this.num[o] = l.paidAt;
    this.num[o + 1] = l.deadline;
    this.num[o + 2] = l.shippedAt ?? NaN;
    this.num[o + 3] = l.hoursLate;
    this.num[o + 4] = p.baseFen;
    this.num[o + 5] = p.rawFen;
    this.num[o + 6] = p.afterFen;
    this.num[o + 7] = platformFen ?? NaN;
    let r = this.rates.findIndex((x) => x.eq(p.rate));
    if (r < 0) r = this.rates.push(p.rate) - 1;
    let rs = this.ruleIds.indexOf(l.rules);
    if (rs < 0) rs = this.ruleIds.push(l.rules) - 1;
    this.tag[i * TAGS] = KINDS.indexOf(p.kind);
    this.tag[i * TAGS + 1] = SOURCES.indexOf(l.shipSource);
    this.tag[i * TAGS + 2] = r;
    this.tag[i * TAGS + 3] = rs;
    const packed = packId(l.orderId);
    if (packed) {
      this.num[o + 8] = packed[0];
      this.num[o + 9] = packed[1];
    } else {
      this.num[o + 8] = NaN;
      this.otherIds.set(i, l.orderId);
    }
    this.buyers.push(l.buyer);
    this.length++;
  }

  paidAt(i: number): number {
    return this.num[i * F]!;
  }
  buyer(i: number): string {
    return this.buyers[i]!;
  }
  /** The id of the rule set the order was judged under. */
  rules(i: number): string {
    return this.ruleIds[this.tag[i * TAGS + 3]!]!;
  }
  orderId(i: number): string {
    const hi = this.num[i * F + 8]!;
    return Number.isNaN(hi) ? this.otherIds.get(i)! : unpackId(hi, this.num[i * F + 9]!);
  }

  get(i: number): LateOrder {
    const o = i * F;
    const shipped = this.num[o + 2]!;
    return {
      orderId: this.orderId(i),
      buyer: this.buyers[i]!,
      rules: this.rules(i),
      paidAt: this.num[o]!,
      deadline: this.num[o + 1]!,
      shippedAt: Number.isNaN(shipped) ? null : shipped,
      hoursLate: this.num[o + 3]!,
      payout: { kind: KINDS[this.tag[i * TAGS]!]!, rate: this.rates[this.tag[i * TAGS + 2]!]!, baseFen: this.num[o + 4]!, rawFen: this.num[o + 5]!, afterFen: this.num[o + 6]! },
      platformCompensation: Number.isNaN(this.num[o + 7]!) ? null : fenToMoney(this.num[o + 7]!),
      shipSource: SOURCES[this.tag[i * TAGS + 1]!]!,
    };
  }
}
