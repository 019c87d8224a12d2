// 宝贝报表 joined with 订单报表 on 订单编号/主订单编号 (FORMATS "Join to the 订单报表").
import { describe, expect, it } from 'vitest';
import { ITEM_LINES, TAOBAO_ORDERS, cli, json, rel } from './expected.js';

const ITEMS = rel('examples', 'ExportOrderDetailList202611.csv'); // 28 columns, GBK, no buyer column
const ORDERS = rel('examples', 'ExportOrderList202611.csv'); // 71 columns, GBK

describe('宝贝报表 + 订单报表', () => {
  it('inspect reports both files; counts per file', () => {
    const r = cli(['orders', 'inspect', ITEMS, ORDERS, '-f', 'json']);
    expect(r.code).toBe(0);
    const [items, orders] = json(r);
    expect(items).toMatchObject({ layout: 'taobao-items-28', rowsRead: 11, accepted: 11 });
    expect(orders).toMatchObject({ layout: 'taobao-orders-71', rowsRead: 9, accepted: 9 });
    expect(r.stderr).toContain('2 file(s): 20 rows read = 20 accepted + 0 rejected + 0 duplicates');
  });

  for (const args of [[ITEMS, ORDERS], [ORDERS, ITEMS]]) {
    it(`one row per order (the order report is the truth) — files given as ${args.map((a) => a.split('/').pop()).join(' ')}`, () => {
      const rows = json(cli(['orders', 'normalize', ...args, '-f', 'json']));
      expect(rows.map((o) => o.orderId)).toEqual(TAOBAO_ORDERS.map((o) => o.orderId));
      expect(rows.every((o) => o.sourceFile === ORDERS)).toBe(true);
      expect(rows[7]).toMatchObject({ orderId: '5200000000000000801', buyer: '小红书迷', quantity: 4, paidAmount: '236.00', title: '羊毛围巾 红色，针织手套，羊毛袜 三双装', shippedAt: '2026-11-19T10:00:00+08:00' });
      expect(rows[0]).toMatchObject({ platformCompensation: '57.00' });
    });
  }

  it('--lines: the 11 order lines, each enriched with buyer and (masked) receiver from the order report', () => {
    const rows = json(cli(['orders', 'normalize', ITEMS, ORDERS, '-f', 'json', '--lines']));
    expect(rows).toHaveLength(11);
    expect(rows.map((l) => l.lineId)).toEqual(ITEM_LINES.map((l) => l.lineId));
    expect(rows.map((l) => l.orderId)).toEqual(ITEM_LINES.map((l) => l.orderId));
    const buyerOf = new Map(TAOBAO_ORDERS.map((o) => [o.orderId, o]));
    rows.forEach((l, i) => {
      const o = buyerOf.get(ITEM_LINES[i]!.orderId)!;
      expect(l).toMatchObject({ buyer: o.buyer, receiver: o.receiver, phone: o.phone, address: o.address, closeReason: o.closeReason, sourceFile: ITEMS, sourceLine: i + 2 });
    });
    // Order 5200000000000000801 has three lines: 128.00 + 48.00 + 60.00 = 236.00 paid, quantities 1 + 2 + 1.
    const l801 = rows.filter((l) => l.orderId === '5200000000000000801');
    expect(l801.map((l) => [l.lineId, l.title, l.quantity, l.paidAmount, l.buyer, l.phone])).toEqual([
      ['5200000000000000808', '羊毛围巾 红色', 1, '128.00', '小红书迷', '150****2222'],
      ['5200000000000000809', '针织手套', 2, '48.00', '小红书迷', '150****2222'],
      ['5200000000000000810', '羊毛袜 三双装', 1, '60.00', '小红书迷', '150****2222'],
    ]);
    // The confirmation time comes from the order report (the item report has none): 901 was completed.
    expect(rows[0]!.confirmedAt).toBe('2026-11-19T20:00:00+08:00');
  });

  it('--lines on the item report alone: no buyer to add', () => {
    const rows = json(cli(['orders', 'normalize', ITEMS, '-f', 'json', '--lines']));
    expect(rows).toHaveLength(11);
    expect(rows[7]).toMatchObject({ lineId: '5200000000000000808', buyer: '', phone: '' });
  });
});
