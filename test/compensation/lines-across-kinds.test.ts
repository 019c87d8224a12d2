// Folding an order's lines across line-grain files (61bd573), two cases rev30 found.
// (1) An old 10-column item report (2017–2019, docs/formats.md: no 子订单编号, no paid time, no paid
// amount, no ship time) beside a newer item report with 子订单编号: its lines cannot be matched line
// by line with the other file's (the same line, or another?), so they are not folded in; folded, the
// order lost its paid amount and ship time and was not judged (0.00 where 5.00 is owed).
// (2) Two 抖店 downloads: the older file's line shipped before its own promise sets no deadline for the
// newer file's unshipped line (docs/rules.md §1.1: each sub-order against its own promise; since money50
// each keeps its own row's promise, test/compensation/mixed-promise-two-downloads); 66881e0 reached the
// same 5.00 by giving the newer promise to the older line; before it, the older promise set the deadline.
// Every amount is worked out by hand from docs/rules.md; times are Beijing time (the exports' own);
// run under TZ=UTC and TZ=America/Los_Angeles.
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
const OLD_HEAD = '订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码';
const vouchers = (stdout: string) => (JSON.parse(stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state]);

describe('an old 10-column item report beside one with 子订单编号', () => {
  // Order A, paid 2026-11-10 10:00:00 (tmall-2026, §1.3: deadline paid + 48 h = 11-12 10:00:00), one
  // line 111 of 100.00 in the newer item report, shipped 11-13 10:00:00: 24 h late, 5 % × 100.00 =
  // 5.00 (the 5.00 minimum), final. The old report (older download) lists order A's line with no line
  // id, no paid time, no amount and no ship time. Before 61bd573 (and now): two orders read, A from
  // the newer report paid 5.00, the old report's A apart and not judged (no_paid_time). 61bd573 folded
  // the old line into A: paid amount unknown, one live line with no ship time: no_ship_time, 0.00.
  const A = '3700000000000000101';
  const setup = () => {
    const dir = tmpDir();
    const newer = write(dir, 'items-new.csv', [ITEM_HEAD, `="3700000000000000111",="${A}",t,100.00,1,,,,,交易成功,,,100.00,100.00,,0,2026-11-10 09:59:00,2026-11-10 10:00:00,,,,,2026-11-13 10:00:00,,,,,,`, ''].join('\n'), new Date('2026-11-20T02:00:00Z'));
    const old = write(dir, 'items-old.csv', [OLD_HEAD, `="${A}",围巾,100.00,1,,,,,交易成功,`, ''].join('\n'), new Date('2026-11-20T01:00:00Z'));
    return { dir, newer, old };
  };

  it('item reports alone: 5.00 (was 0.00, no_ship_time); stderr names the order in both kinds', () => {
    const { newer, old } = setup();
    for (const tz of TZS) {
      for (const files of [[newer, old], [old, newer]]) {
        const r = runCli(['compensate', ...files, '--as-of', '2026-11-20 00:00:00', '-f', 'json'], { tz });
        expect(r.code).toBe(0);
        expect(vouchers(r.stdout)).toEqual([[[A], ['late'], '100.00', '5.00', 'final']]);
        expect(r.stderr).toContain('2 orders read, 1 paid, 1 late, 1 not judged (no_paid_time=1)');
        expect(r.stderr).toContain(`1 order is both in an item report with 子订单编号 and in an old item report without it (2017–2019, 10 columns): ${A} (`);
        expect(r.stderr).toContain('items-old.csv:2)');
      }
    }
  });

  it('joined to an order report: the lines with 子订单编号 give the ship time, 5.00', () => {
    // The order report's row of A: 100.00, paid 11-10 10:00:00, no 发货时间 of its own (an older
    // layout): its item-report line gives it, 11-13 10:00:00, 24 h late: 5 % × 100.00 → 5.00 minimum.
    // Folded with the old report's line (no ship time), A's lines were not all shipped: no ship time.
    const { dir, newer, old } = setup();
    const ord = write(dir, 'orders.csv', taobaoCsv([order(A, { 订单状态: '卖家已发货，等待买家确认', 订单创建时间: '2026-11-10 09:59:00', 订单付款时间: '2026-11-10 10:00:00', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 发货时间: '' })]));
    for (const tz of TZS) {
      const r = runCli(['compensate', ord, newer, old, '--as-of', '2026-11-20 00:00:00', '-f', 'json'], { tz });
      expect(vouchers(r.stdout)).toEqual([[[A], ['late'], '100.00', '5.00', 'final']]);
      expect(r.stderr).toContain('1 order read, 1 paid, 1 late');
      expect(r.stderr).toContain('items-old.csv:2)');
    }
  });
});

describe('the promised ship time across two 抖店 downloads', () => {
  it('the newer file\'s extended promise stands: 1 % × 500.00 = 5.00 late (was 3 % = 15.00 out of stock)', () => {
    // 抖店 order 201, paid 2026-11-10 10:00:00. Older download (已发货): sub-order 202 (300.00) shipped
    // 11-13 09:00:00, promise 11-13 10:00:00. Newer download (待发货): sub-order 203 (200.00) unshipped,
    // its promise since extended to 11-16 10:00:00. As of 11-17 10:00:00 the order is unshipped (§1.1).
    // Now: deadline 11-16 10:00:00, window 144 h (48–240 h), 24 h late (≤ 48 h): tier 5, late, 1 % of
    // 300.00 + 200.00 = 500.00 = 5 yuan → 5.00 (min 2, max 50), provisional.
    // Before: deadline 11-13 10:00:00 (the older line's, the earliest live one), window 72 h, 96 h late
    // (> 48 h): tier 2, out_of_stock, 3 % × 500.00 = 15.00.
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    const row = (sub: string, paid: string, status: string, shipped: string, promise: string) => {
      const v: Record<string, string> = {
        主订单编号: '\t6900000000000000201', 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
        订单提交时间: '2026-11-10 10:00:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: status, 承诺发货时间: promise, 订单类型: '普通订单',
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
    const olderFile = file('douyin-shipped.csv', row('6900000000000000202', '300.00', '已发货', '2026-11-13 09:00:00', '2026-11-13 10:00:00'), '2026-11-17T01:00:00Z');
    const newerFile = file('douyin-waiting.csv', row('6900000000000000203', '200.00', '待发货', '', '2026-11-16 10:00:00'), '2026-11-17T01:30:00Z');
    for (const tz of TZS) {
      for (const files of [[olderFile, newerFile], [newerFile, olderFile]]) {
        const r = runCli(['compensate', ...files, '--as-of', '2026-11-17 10:00:00', '-f', 'json'], { tz });
        expect(r.code).toBe(0);
        expect(vouchers(r.stdout)).toEqual([[['6900000000000000201'], ['late'], '500.00', '5.00', 'provisional']]);
        expect(r.stderr).toContain('1 order read');
      }
    }
  });

  it('the newer file without a promise for the order: the older file\'s stands (3 % × 500.00 = 15.00)', () => {
    // As above, the newer download's 承诺发货时间 empty: nothing newer is known, the older line's
    // 11-13 10:00:00 is the deadline: window 72 h, 96 h late: out_of_stock, 3 % × 500.00 = 15.00.
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    const row = (sub: string, paid: string, status: string, shipped: string, promise: string) => {
      const v: Record<string, string> = {
        主订单编号: '\t6900000000000000201', 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
        订单提交时间: '2026-11-10 10:00:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: status, 承诺发货时间: promise, 订单类型: '普通订单',
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
    const olderFile = file('douyin-shipped.csv', row('6900000000000000202', '300.00', '已发货', '2026-11-13 09:00:00', '2026-11-13 10:00:00'), '2026-11-17T01:00:00Z');
    const newerFile = file('douyin-waiting.csv', row('6900000000000000203', '200.00', '待发货', '', ''), '2026-11-17T01:30:00Z');
    for (const tz of TZS) {
      const r = runCli(['compensate', olderFile, newerFile, '--as-of', '2026-11-17 10:00:00', '-f', 'json'], { tz });
      expect(vouchers(r.stdout)).toEqual([[['6900000000000000201'], ['out_of_stock'], '500.00', '15.00', 'provisional']]);
    }
  });
});
