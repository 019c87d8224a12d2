// Folding an order's lines (宝贝报表 / 抖店 sub-orders): a live line whose paid amount is empty makes
// the order's paid amount unknown. It was the sum of the other lines, so a two-line order with one
// amount missing was paid on half its amount without a word; now compensate sees "no paid amount"
// (not judged, listed, exit 1 — test/compensation/amounts.test.ts).
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { foldLines } from '../../src/orders/merge.js';
import type { ParsedRow } from '../../src/orders/parse.js';

const line = (lineId: string, paid: string | null, status: ParsedRow['status'] = 'shipped'): ParsedRow =>
  ({
    orderId: '3515313147329357931', lineId, buyer: '小明', status, statusRaw: status, paidAt: 0, createdAt: 0, shippedAt: 1000, promisedShipAt: null,
    goodsAmount: paid === null ? null : new Decimal(paid), paidAmount: paid === null ? null : new Decimal(paid), postage: new Decimal('0.00'),
    refundAmount: null, platformCompensation: null, quantity: 1, title: 't', trackingNo: '', carrier: '', articleNo: '', presale: false, price: null,
  }) as unknown as ParsedRow;

describe('folding lines', () => {
  it('sums the lines when every live line has its amount (120.00 + 80.00 = 200.00)', () => {
    expect(foldLines([line('1', '120.00'), line('2', '80.00')]).paidAmount?.toFixed(2)).toBe('200.00');
  });
  it('a live line without an amount makes the total unknown (null), not 120.00', () => {
    const o = foldLines([line('1', '120.00'), line('2', null)]);
    expect(o.paidAmount).toBeNull();
    expect(o.goodsAmount).toBeNull();
  });
  // docs/rules.md §1.3b/§1.4: a closed (refunded) line's amount is in the base (refunds are not
  // subtracted), so its empty amount is not 0.00 either: it was 120.00, the closed line dropped.
  it('a closed line without an amount makes it unknown too (null, not 120.00), naming that line', () => {
    const closed = { ...line('2', null, 'closed'), sourceLine: 7 } as ParsedRow;
    const o = foldLines([{ ...line('1', '120.00'), sourceLine: 6 } as ParsedRow, closed]);
    expect(o.paidAmount).toBeNull();
    expect(o.paidMissingLine).toBe(7);
  });
});

// money47, docs/rules.md §1.1: an order whose lines are all closed ships when the last of its lines that
// shipped did; a line closed never shipped drops out, its ship time and its promise (a cancelled line
// never had to ship). By hand: L1 closed never shipped, promise 3000; L2 closed, shipped 9000, promise
// 4000; L3 closed, shipped 7000, promise 5000 → shippedAt max(9000, 7000) = 9000, promisedShipAt
// min(4000, 5000) = 4000 (not L1's 3000). No line shipped: shippedAt null (closed_unshipped), the
// earliest promise of all (3000). Before: shippedAt null whenever a line never shipped.
describe('folding lines, every line closed', () => {
  const closed = (lineId: string, shippedAt: number | null, promisedShipAt: number) => ({ ...line(lineId, '10.00', 'closed'), shippedAt, promisedShipAt }) as ParsedRow;
  it('ships at the last shipped line, its deadline the shipped lines\' promise', () => {
    const o = foldLines([closed('1', null, 3000), closed('2', 9000, 4000), closed('3', 7000, 5000)]);
    expect([o.status, o.shippedAt, o.promisedShipAt]).toEqual(['closed', 9000, 4000]);
  });
  it('none shipped: not shipped, the earliest promise', () => {
    const o = foldLines([closed('1', null, 3000), closed('2', null, 4000)]);
    expect([o.status, o.shippedAt, o.promisedShipAt]).toEqual(['closed', null, 3000]);
  });
});
