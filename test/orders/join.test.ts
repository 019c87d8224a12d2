// 宝贝报表 joined with 订单报表 on 订单编号/主订单编号 (FORMATS "Join to the 订单报表").
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ITEM_LAYOUTS } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { order, plainCsv, taobaoCsv, write } from './build.js';
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
    expect(r.stderr).toContain('2 files: 20 rows read = 20 accepted + 0 rejected + 0 duplicates');
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

describe('an order report older than the item report given with it', () => {
  // The order report stays the truth (FORMATS "Join"): an order it has awaiting shipment is judged
  // unshipped even when a newer item report has every line shipped. That was silent: the voucher
  // showed as out of stock, late by hours still growing, for an order that had shipped.
  it('an awaiting-shipment order whose lines shipped in the newer item report is named on stderr (zh and en); an older item report is not', () => {
    const T28: string[] = (TAOBAO_ITEM_LAYOUTS as Record<string, string[]>)[28]!;
    const dir = tmpDir();
    const id = '4100000000000000701';
    const report = write(dir, 'ExportOrderList202611181200.csv', taobaoCsv([order(id, { 订单状态: '买家已付款，等待卖家发货' })]));
    const line = { 子订单编号: '4100000000000000706', 主订单编号: id, 标题: '围巾礼盒', 价格: '190.00', 购买数量: '1', 订单状态: '卖家已发货，等待买家确认', 买家应付货款: '190.00', 买家实际支付金额: '200.00', 订单创建时间: '2026-11-10 08:58:12', 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 10:00:00' };
    const newer = write(dir, 'ExportOrderDetailList202611211200.csv', plainCsv(T28, [line]));
    const older = write(dir, 'ExportOrderDetailList202611171200.csv', plainCsv(T28, [line]));
    const en = cli(['orders', 'normalize', report, newer, '-f', 'json']);
    expect(en.stderr).toContain(`1 order is awaiting shipment in the order report but shipped in a newer item report (${id}); it is judged by the order report, as unshipped. Export the order report again.`);
    // Still judged by the order report: awaiting shipment, no ship time taken from the lines.
    expect(json(en)[0]).toMatchObject({ orderId: id, status: 'awaiting_shipment', shippedAt: null });
    const zh = cli(['orders', 'normalize', report, newer, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`1 个订单在订单报表中是"等待卖家发货", 但较新的宝贝报表显示已发货 (${id})`);
    expect(cli(['orders', 'normalize', report, older, '-f', 'json']).stderr).not.toContain('newer item report');
  });
});
