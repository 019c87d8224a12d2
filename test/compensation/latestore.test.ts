// The late-order store keeps each late order in blocks of typed arrays; what goes in must come out
// exactly, across block boundaries (4,096 orders a block), for digit ids and other ids alike.
import { describe, expect, it } from 'vitest';
import { LateStore } from '../../src/compensation/latestore.js';
import type { LateOrder } from '../../src/compensation/vouchers.js';
import { Money } from '../../src/money.js';

function late(i: number): LateOrder {
  return {
    // Every 1,000th order has a PDD-style id (not digits only): kept beside the numbers.
    orderId: i % 1000 === 7 ? `261201-${String(600000000000 + i)}` : String(3515313147329300000n + BigInt(i)),
    buyer: `buyer-${i % 97}`,
    rules: i % 3 === 0 ? 'tmall-2023' : 'tmall-2026',
    paidAt: Date.UTC(2026, 10, 1) + i * 1000,
    deadline: Date.UTC(2026, 10, 3) + i * 1000,
    shippedAt: i % 5 === 0 ? null : Date.UTC(2026, 10, 4) + i * 1000,
    hoursLate: 24 + i / 10,
    payout: { kind: i % 2 === 0 ? 'late' : 'out_of_stock', rate: new Money(i % 2 === 0 ? '0.3' : '0.1'), baseFen: 10000 + i, rawFen: 3000 + i, afterFen: 3000 + i },
    platformCompensation: i % 11 === 0 ? new Money('5.01') : null,
    shipSource: i % 5 === 0 ? 'unshipped' : 'marked_shipped',
  };
}

describe('LateStore', () => {
  it('gives back every field of 10,000 orders (three blocks) exactly', () => {
    const store = new LateStore();
    for (let i = 0; i < 10_000; i++) store.push(late(i));
    expect(store.length).toBe(10_000);
    for (const i of [0, 7, 4095, 4096, 4097, 8191, 8192, 9007, 9999]) {
      const got = store.get(i);
      const want = late(i);
      expect({ ...got, payout: { ...got.payout, rate: got.payout.rate.toString() }, platformCompensation: got.platformCompensation?.toFixed(2) ?? null }).toEqual({
        ...want,
        payout: { ...want.payout, rate: want.payout.rate.toString() },
        platformCompensation: want.platformCompensation?.toFixed(2) ?? null,
      });
      expect(store.paidAt(i)).toBe(want.paidAt);
      expect(store.orderId(i)).toBe(want.orderId);
      expect(store.rules(i)).toBe(want.rules);
      expect(store.buyer(i)).toBe(want.buyer);
    }
    // Spot values written out: order 4096 is 3515313147329304096, paid 2026-11-01 + 4096 s, buyer-22 (4096 mod 97 = 22).
    expect(store.orderId(4096)).toBe('3515313147329304096');
    expect(store.buyer(4096)).toBe('buyer-22');
    expect(store.orderId(9007)).toBe('261201-600000009007');
  });
});
