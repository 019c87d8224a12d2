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
