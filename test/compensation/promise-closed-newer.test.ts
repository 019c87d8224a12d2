// rev31, suspicion 1: the newest 抖店 download of an order holds only closed sub-orders. Its promise
// (承诺发货时间) is a closed sub-order's, and docs/rules.md §1.1 (Deadline): "of an order's sub-orders, the
// earliest promise of its live ones: a closed (cancelled) sub-order never had to ship, so its promise
// sets no deadline". (Since money50 each sub-order keeps its own row's promise across downloads,
// test/compensation/mixed-promise-two-downloads; the amounts here are the same either way.)
// Every amount worked by hand from docs/rules.md and templates/rules/douyin-2025.json; times are Beijing
// time (the exports' own); run under TZ=UTC and TZ=America/Los_Angeles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

const TZS = ['UTC', 'America/Los_Angeles'];
const ID = '6900000000000000301';
const vouchers = (stdout: string) => (JSON.parse(stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state]);

function setup() {
  const dir = tmpDir();
  const H: string[] = DOUYIN_HEADERS;
  const row = (sub: string, paid: string, status: string, shipped: string, promise: string) => {
    const v: Record<string, string> = {
      主订单编号: `\t${ID}`, 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
      订单提交时间: '2026-11-10 10:00:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: status, 承诺发货时间: promise, 订单类型: '普通订单',
      用户昵称: '买家甲', 发货时间: shipped,
    };
    return H.map((h) => csvCell(v[h] ?? '')).join(',');
  };
  const file = (name: string, rows: string[], mtime: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n');
    fs.utimesSync(f, new Date(mtime), new Date(mtime));
    return f;
  };
  const live = row('6900000000000000302', '300.00', '待发货', '', '2026-11-16 10:00:00');
  const closed = row('6900000000000000303', '200.00', '已关闭', '', '2026-11-13 10:00:00');
  return {
    older: file('douyin-waiting.csv', [live], '2026-11-17T01:00:00Z'),
    newer: file('douyin-closed.csv', [closed], '2026-11-17T01:30:00Z'),
    one: file('douyin-all.csv', [live, closed], '2026-11-17T01:30:00Z'),
  };
}

describe('the newest 抖店 download holds only closed sub-orders of the order', () => {
  // Order 301 paid 2026-11-10 10:00:00. Older download (待发货): sub-order 302, 300.00, unshipped,
  // promise 11-16 10:00:00 (live). Newer download (已关闭): sub-order 303, 200.00, closed never
  // shipped, promise 11-13 10:00:00. As of 11-17 10:00:00.
  // §1.1: the deadline is the earliest promise of the live sub-orders: 302's, 11-16 10:00:00; the
  // closed 303's promise sets none. Window 11-16 10:00 − 11-10 10:00 = 144 h (over 48, up to 240);
  // unshipped at as-of: 24 h late (≤ 48 h): douyin-2025 tier "late", 1 %, min 2.00, max 50.00.
  // Base `paid`: 300.00 + 200.00 = 500.00 (the closed line's amount stays in: §1.4 refunds are not
  // subtracted). 1 % × 500.00 = 5.00, rounded to the yuan 5 → 5.00, provisional (unshipped).
  // Before: the closed line's 11-13 10:00:00 stood for 302 too: window 72 h, 96 h late (> 48 h):
  // out_of_stock 3 % × 500.00 = 15.00.
  it('the live sub-order\'s promise stands: 5.00 late (was 15.00 out_of_stock), both file orders', () => {
    const { older, newer } = setup();
    for (const tz of TZS) {
      for (const files of [[older, newer], [newer, older]]) {
        const r = runCli(['compensate', ...files, '--as-of', '2026-11-17 10:00:00', '-f', 'json'], { tz });
        expect(r.code).toBe(0);
        expect(vouchers(r.stdout)).toEqual([[[ID], ['late'], '500.00', '5.00', 'provisional']]);
        expect(r.stderr).toContain('1 order read');
      }
    }
  });

  it('the same two sub-orders in one download: the same 5.00', () => {
    const { one } = setup();
    for (const tz of TZS) {
      const r = runCli(['compensate', one, '--as-of', '2026-11-17 10:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([[[ID], ['late'], '500.00', '5.00', 'provisional']]);
    }
  });
});
