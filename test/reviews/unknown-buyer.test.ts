// `reviews queue --orders` with an export that names no buyer (the 宝贝报表 item report, 拼多多):
// whether the buyer ordered before cannot be told. The queue said earlierOrders 0 — "no earlier
// order" — for 3515313147329357902, whose buyer 小明爱购物 paid order …901 eleven hours earlier
// (the order report examples/ExportOrderList202611.csv shows 1). Now: unknown (empty / null).
import { describe, expect, it } from 'vitest';
import { Money } from '../../src/money.js';
import { orderFacts } from '../../src/reviews/orders.js';
import { runCli } from '../helpers.js';

describe('earlier orders when the export names no buyer', () => {
  it('orderFacts: null for an order without a buyer, a count for one with a buyer', () => {
    const o = (orderId: string, buyer: string, h: number) => ({ orderId, parentOrderId: null, buyer, paidAt: Date.UTC(2026, 10, 10, h), paidAmount: new Money('50') });
    const f = orderFacts([o('1', '', 1), o('2', '', 12), o('3', 'amy', 1), o('4', 'amy', 12)]);
    // Orders 1 and 2 name no buyer: unknown (old: 0). Order 4: amy's order 3 before it → 1.
    expect(f.get('2')!.earlierOrders).toBeNull();
    expect(f.get('1')!.earlierOrders).toBeNull();
    expect(f.get('4')!.earlierOrders).toBe(1);
    expect(f.get('3')!.earlierOrders).toBe(0);
  });

  it.each(['UTC', 'America/Los_Angeles'])('reviews queue --orders <item report>: earlierOrders is empty, not 0; the order report still counts 1 (TZ=%s)', (tz) => {
    const args = ['reviews', 'queue', 'examples/reviews.csv', '--as-of', '2026-12-01 10:00:00', '-f', 'json', '--orders'];
    const items = (file: string) => new Map((JSON.parse(runCli([...args, file], { tz }).stdout) as Record<string, unknown>[]).map((i) => [i.orderId, i]));
    const byItems = items('examples/ExportOrderDetailList202611.csv');
    // The order value is known from the item report (12.00), the repeat buyer is not.
    expect(byItems.get('3515313147329357902')).toMatchObject({ orderValue: '12.00', earlierOrders: null });
    expect(items('examples/ExportOrderList202611.csv').get('3515313147329357902')).toMatchObject({ earlierOrders: 1 });
  });
});
