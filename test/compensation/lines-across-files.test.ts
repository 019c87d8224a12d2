// An order whose lines are in two exports (rev29). An item report (宝贝报表) or a 抖店 export is
// de-duplicated by its line id (子订单编号, docs/formats.md), so two downloads holding different lines of
// one order hold that order's lines between them: a download filtered by status (one of 已发货, one of
// 待发货) puts a partly shipped order's lines in two files. The order is still one order (RULES 1.2:
// "at least 5 yuan per transaction"; 1.3b: "per order", base the order's 订单实际支付金额; 1.3: per
// sub-order). Before, each file's lines were folded into an order of their own: two orders in the
// run, two minimums (or two maximums); and joined to an order report, the lines of the older item
// report were dropped without a word. Every amount below is worked out by hand from docs/rules.md.
// Times are Beijing time (the exports' own); run under TZ=UTC and TZ=America/Los_Angeles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

const TZS = ['UTC', 'America/Los_Angeles'];
const ITEM_HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
/** One 宝贝报表 line of order `main`, paid `day` 10:00:00, shipped at `shipped`. */
const item = (sub: string, main: string, amount: string, day: string, shipped: string) =>
  `="${sub}",="${main}",t,${amount},1,,,,,交易成功,,,${amount},${amount},,0,${day} 09:59:00,${day} 10:00:00,,,,,${shipped},,,,,,`;
const items = (dir: string, name: string, lines: string[], mtime: string) => write(dir, name, [ITEM_HEAD, ...lines, ''].join('\n'), new Date(mtime));
const vouchers = (stdout: string) => (JSON.parse(stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.baseAmount, v.amount, v.state]);

describe("an order's lines in two exports are one order", () => {
  it('tmall-2023, two item reports: 30 % × 20.00 = 6.00, one minimum (was 5.00 + 5.00 = 10.00)', () => {
    // Order A, paid 2025-11-01 10:00:00 (tmall-2023, §1.3a), two lines of 10.00, both shipped
    // 11-04 10:00:00: deadline paid + 48 h = 11-03 10:00:00, 24 h late. §1.2: 30 % of the goods, at
    // least 5.00 per transaction: 30 % × (10.00 + 10.00) = 6.00. One line in each item report.
    const dir = tmpDir();
    const A = '3700000000000000101';
    const f1 = items(dir, 'items-shipped.csv', [item('3700000000000000111', A, '10.00', '2025-11-01', '2025-11-04 10:00:00')], '2025-11-20T02:00:00Z');
    const f2 = items(dir, 'items-older.csv', [item('3700000000000000112', A, '10.00', '2025-11-01', '2025-11-04 10:00:00')], '2025-11-20T01:00:00Z');
    for (const tz of TZS) {
      const r = runCli(['compensate', f1, f2, '--as-of', '2025-11-20 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[[A], '20.00', '6.00', 'final']]);
      expect(r.stderr).toContain('1 order read, 1 paid, 1 late');
    }
  });

  it('douyin-2025, a 已发货 download and a 待发货 download: 3 % × 500.00 = 15.00 provisional (was 6.00)', () => {
    // 抖店 order 201, paid 2026-11-10 10:00:00, promised 11-13 10:00:00: a 72 h window (the 48–240 h
    // row of §1.3b). Sub-order 202 (300.00) shipped 11-13 09:00:00, before the deadline; sub-order 203
    // (200.00) not shipped. The order ships when its last line does (§1.1): as of 11-20 12:00:00 it is
    // unshipped and 170 h late, more than 48 h: 缺货, "3 %, min 3, max 50", of the order's actual
    // payment, 300.00 + 200.00 = 500.00: 15 yuan → 15.00, provisional (still unshipped).
    // Before: the 已发货 file's order (202 alone) on time, the 待发货 file's (203 alone, 200.00) 6.00.
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    const row = (sub: string, paid: string, status: string, shipped: string) => {
      const v: Record<string, string> = {
        主订单编号: '\t6900000000000000201', 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
        订单提交时间: '2026-11-10 10:00:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: status, 承诺发货时间: '2026-11-13 10:00:00', 订单类型: '普通订单',
        用户昵称: '买家甲', 发货时间: shipped,
      };
      return H.map((h) => csvCell(v[h] ?? '')).join(',');
    };
    const file = (name: string, r: string, mtime: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), r].join('\r\n') + '\r\n');
      fs.utimesSync(f, new Date(mtime), new Date(mtime));
      return f;
    };
    const shippedFile = file('douyin-shipped.csv', row('6900000000000000202', '300.00', '已发货', '2026-11-13 09:00:00'), '2026-11-20T03:00:00Z');
    const waitingFile = file('douyin-waiting.csv', row('6900000000000000203', '200.00', '待发货', ''), '2026-11-20T03:30:00Z');
    for (const tz of TZS) {
      const r = runCli(['compensate', shippedFile, waitingFile, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state])).toEqual([
        [['6900000000000000201'], ['out_of_stock'], '500.00', '15.00', 'provisional'],
      ]);
      expect(r.stderr).toContain('1 order read');
    }
  });

  it('tmall-2026, an order report and two item reports: 50.00 + 50.00 = 100.00 (was 50.00, the older report\'s line dropped)', () => {
    // Order B, paid 2026-11-01 10:00:00 (tmall-2026), 4000.00, shipped 11-04 10:00:00 (24 h late, deadline
    // paid + 48 h). With the item report each live line is priced on its own (§1.3): two lines of 2000.00,
    // each 5 % × 2000.00 = 100.00 → the 50.00 maximum: 100.00 (as with both lines in one item report).
    const dir = tmpDir();
    const B = '3700000000000000201';
    const ord = write(
      dir,
      'orders.csv',
      taobaoCsv([order(B, { 订单状态: '交易成功', 订单创建时间: '2026-11-01 09:59:00', 订单付款时间: '2026-11-01 10:00:00', 买家应付货款: '4000.00', 买家应付邮费: '0.00', 买家实际支付金额: '4000.00', 发货时间: '2026-11-04 10:00:00' })]),
    );
    const f1 = items(dir, 'items-new.csv', [item('3700000000000000211', B, '2000.00', '2026-11-01', '2026-11-04 10:00:00')], '2026-11-20T02:00:00Z');
    const f2 = items(dir, 'items-old.csv', [item('3700000000000000212', B, '2000.00', '2026-11-01', '2026-11-04 10:00:00')], '2026-11-20T01:00:00Z');
    for (const tz of TZS) {
      const r = runCli(['compensate', ord, f1, f2, '--as-of', '2026-11-20 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[[B], '4000.00', '100.00', 'final']]);
      const byOrder = runCli(['compensate', ord, f1, f2, '--as-of', '2026-11-20 00:00:00', '-f', 'json', '--by', 'order'], { tz });
      expect((JSON.parse(byOrder.stdout) as Record<string, unknown>[]).map((x) => [x.lineId, x.afterMinimum])).toEqual([
        ['3700000000000000211', '50.00'],
        ['3700000000000000212', '50.00'],
      ]);
    }
  });

  it('a line in both item reports is still read once, from the newer (its ship time there decides)', () => {
    // Order C, paid 2026-11-01 10:00:00 (tmall-2026): line 311 (300.00) shipped 11-03 09:00:00 in the newer
    // item report (on time), unshipped in the older one; line 312 (200.00), only in the older one, shipped
    // 11-04 10:00:00 (24 h late): 5 % × 200.00 = 10.00. 311 from the older file (unshipped, 17 days late:
    // out of stock, 10 % × 300.00 = 30.00) would make it 40.00. The voucher's base is its late lines' (200.00).
    const dir = tmpDir();
    const C = '3700000000000000301';
    const f1 = items(dir, 'items-new.csv', [item('3700000000000000311', C, '300.00', '2026-11-01', '2026-11-03 09:00:00')], '2026-11-20T02:00:00Z');
    const f2 = items(dir, 'items-old.csv', [item('3700000000000000311', C, '300.00', '2026-11-01', ''), item('3700000000000000312', C, '200.00', '2026-11-01', '2026-11-04 10:00:00')], '2026-11-20T01:00:00Z');
    for (const tz of TZS) {
      const r = runCli(['compensate', f2, f1, '--as-of', '2026-11-20 00:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[[C], '200.00', '10.00', 'final']]);
      expect(r.stderr).toContain('share 1 order line');
    }
  });
});
