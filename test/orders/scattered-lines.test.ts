// The lines of an order must be next to each other in a line-grain export (宝贝报表, 抖店): the
// reader folds adjacent lines into one order. An item report sorted in a spreadsheet (or pasted
// together from two downloads) has an order's lines apart: folded in two, the order was counted as
// two orders (each with its own 5.00 minimum), or, joined to the order report, its later lines
// were dropped. Such a file is refused (exit 3) with both lines named, never computed.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { TAOBAO_ITEM_LAYOUTS, taobaoCsvCell } from '../../scripts/export-layouts.mjs';
import { tmpDir } from '../helpers.js';
import { order, taobaoCsv } from './build.js';
import { cli, json } from './expected.js';

const T28: string[] = (TAOBAO_ITEM_LAYOUTS as Record<string, string[]>)['28']!;
const AS_OF = '2026-11-20 12:00:00';
const X = '3515313147329350001';
const Y = '3515313147329350002';

type Line = Record<string, string>;
const line = (sub: string, main: string, paid: string, paidAt: string, shipped: string): Line => ({
  子订单编号: sub, 主订单编号: main, 标题: `宝贝${sub.slice(-2)}`, 价格: paid, 购买数量: '1', 订单状态: '交易成功',
  买家应付货款: paid, 买家实际支付金额: paid, 订单付款时间: paidAt, 发货时间: shipped, 是否赔付: '否',
});

/** A later 宝贝报表 as Taobao writes it: GBK, CRLF, ids as ="…", a trailing comma on every row. */
function items(dir: string, name: string, lines: Line[]): string {
  const cell = taobaoCsvCell as (h: string, v: string) => string;
  const text = [T28.join(',') + ',', ...lines.map((l) => T28.map((h) => cell(h, l[h] ?? '')).join(',') + ',')].join('\r\n') + '\r\n';
  const f = path.join(dir, name);
  fs.writeFileSync(f, iconv.encode(text, 'gbk'));
  return f;
}

describe('an item report whose lines of one order are apart', () => {
  it('alone (tmall-2023, order-level 30 %): refused, not priced as two orders', () => {
    const dir = tmpDir();
    // X: two 10.00 lines, both shipped 25 h late. As one order: 20.00 × 30 % = 6.00. Y: 100.00 × 30 % = 30.00.
    const a = line('3515313147329350011', X, '10.00', '2026-11-10 09:00:00', '2026-11-13 10:00:00');
    const b = line('3515313147329350012', X, '10.00', '2026-11-10 09:00:00', '2026-11-13 10:00:00');
    const c = line('3515313147329350021', Y, '100.00', '2026-11-10 10:00:00', '2026-11-12 11:00:00');
    const args = ['--rules', 'tmall-2023', '--as-of', AS_OF, '-f', 'json', '--by', 'order', '--lang', 'en'];
    const ok = cli(['compensate', items(dir, 'ExportOrderDetailList-a.csv', [a, b, c]), ...args]);
    expect(json(ok).map((r) => [r.orderId, r.afterMinimum])).toEqual([[X, '6.00'], [Y, '30.00']]);
    // Sorted by title (X, Y, X): before, X was two orders of 10.00, each raised to 5.00: 10.00 for 6.00 owed.
    const f = items(dir, 'ExportOrderDetailList-b.csv', [a, c, b]);
    const r = cli(['compensate', f, ...args]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:4: the lines of order ${X} are not together (it already had a line on line 2, with other orders in between)`);
    expect(cli(['orders', 'inspect', f, '--lang', 'zh']).stderr).toContain(`${f}:4: 订单 ${X} 的子订单行不在一起 (第 2 行已有它的行, 中间隔着别的订单)`);
  });

  it('joined to the order report (tmall-2026, per sub-order): refused, the later line not dropped', () => {
    const dir = tmpDir();
    const orders = path.join(dir, 'ExportOrderList.csv');
    fs.writeFileSync(orders, iconv.encode(taobaoCsv([
      order(X, { 买家会员名: '甲', 买家应付货款: '2300.00', 买家应付邮费: '0.00', 买家实际支付金额: '2300.00', 订单状态: '交易成功', 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 10:00:00' }),
      order(Y, { 买家会员名: '乙', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '交易成功', 订单付款时间: '2026-11-10 10:00:00', 发货时间: '2026-11-12 11:00:00' }),
    ]), 'gbk'));
    // X's lines: 2000.00 shipped 25 h late → 100.00, capped at 50.00; 300.00 shipped 1 h late → 15.00. X owes 65.00.
    const a = line('3515313147329350011', X, '2000.00', '2026-11-10 09:00:00', '2026-11-13 10:00:00');
    const b = line('3515313147329350012', X, '300.00', '2026-11-10 09:00:00', '2026-11-12 10:00:00');
    const c = line('3515313147329350021', Y, '100.00', '2026-11-10 10:00:00', '2026-11-12 11:00:00');
    const args = ['--as-of', AS_OF, '-f', 'json', '--lang', 'en'];
    const ok = cli(['compensate', orders, items(dir, 'ExportOrderDetailList-a.csv', [a, b, c]), ...args]);
    expect(json(ok).map((v) => [v.buyer, v.amount])).toEqual([['甲', '65.00'], ['乙', '5.00']]);
    // Sorted (X, Y, X): before, X's line b was dropped and X priced as one order: 2300.00 × 5 % → 50.00 (15.00 short).
    const f = items(dir, 'ExportOrderDetailList-b.csv', [a, c, b]);
    const r = cli(['compensate', orders, f, ...args]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:4: the lines of order ${X} are not together`);
  });
});
