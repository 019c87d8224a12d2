// A month of one 抖店 shop's orders (user13, 小周's November), every amount worked by hand from
// docs/rules.md §1.3b (douyin-2025) before the run: window = 承诺发货时间 − 支付完成时间; hours late =
// 发货时间 (the last live sub-order's) − 承诺发货时间; the tier by both; rate × the order's 订单应付金额 summed
// over its sub-orders (closed ones included), rounded half-up to whole yuan, then the tier's min/max.
// As of 2026-12-01 10:00:00:
//   …101 48 h window, shipped 19 h early: on time.
//   …102 48 h, 49 h late (> 48 h: 缺货, tier 1, 1 %, 2–50): 268.00 → 2.68 → 3 → 3.00 final.
//   …103 120 h, 20 h late (tier 5, 1 %, 2–50): 1299.00 → 12.99 → 13 → 13.00 final.
//   …104 48 h, two lines, 359.00 shipped on time and 289.00 shipped 11-14 10:00, 48.5 h late (tier 1):
//        648.00 → 6.48 → 6 → 6.00 final.
//   …105 360 h, 73 h late (tier 3, 5 %, 5–50): 880.00 → 44.00 final.
//   …106 264 h, 24 h late (tier 6, 1 %, 3–50): 150.00 → 1.5 → 2 → min 3 → 3.00 final.
//   …107 48 h, shipped 73 h late then refunded (已关闭, 退款成功; refunds not subtracted, §1.4): 399.00 → 3.99 → 4 → 4.00.
//   …108 cancelled before shipping, no close time: closed_unshipped, not judged.
//   …109 96 h, 180.00 shipped 30 h late beside 80.00 refunded unshipped (in the base): 260.00 → 2.6 → 3 → 3.00
//        (without the closed line it would be 1.8 → 2.00).
//   …110 promised 12-01 20:00: not due.  …112 promised 12-02 15:00: not due.
//   …111 48 h, unshipped, 49 h late at as-of (tier 1): 59.90 → 0.599 → 1 → min 2 → 2.00 provisional.
//   …113 shipped exactly at the promise: on time.
//   …114 48 h, 47 h late (tier 4): 0.00, final — no deduction.
//   …115 72 h, 60 h late (tier 2, 3 %, 3–50): 2399.00 → 71.97 → 72 → max 50 → 50.00 final.
//   …116 待支付: unpaid, never late.
//   …117 48 h, 45.00 shipped on time, 210.00 unshipped 142 h after 11-25 12:00 (tier 1): 255.00 → 2.55 → 3 → 3.00 provisional.
// Final deductions: 3 + 13 + 6 + 44 + 3 + 4 + 3 + 50 = 126.00 in 8 rows (the 0.00 row is none);
// provisional: 2.00 + 3.00 = 5.00 in 2 rows, not yet a charge. Until user13 the summary said
// "10 to be deducted totalling 131.00", the two unshipped orders' 5.00 inside it unsaid.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

type L = [main: string, sub: string, payable: string, buyer: string, paid: string, status: string, promised: string, shipped: string, aftersale?: string];
const LINES: L[] = [
  ['101', '901', '199.00', '小丸子', '2026-11-02 10:00:00', '已完成', '2026-11-04 10:00:00', '2026-11-03 15:00:00'],
  ['102', '902', '268.00', '小丸子', '2026-11-05 20:00:00', '已完成', '2026-11-07 20:00:00', '2026-11-09 21:00:00'],
  ['103', '903', '1299.00', '大熊', '2026-11-06 12:00:00', '已完成', '2026-11-11 12:00:00', '2026-11-12 08:00:00'],
  ['104', '904', '359.00', '大熊', '2026-11-10 09:30:00', '已完成', '2026-11-12 09:30:00', '2026-11-11 18:00:00'],
  ['104', '905', '289.00', '大熊', '2026-11-10 09:30:00', '已发货', '2026-11-12 09:30:00', '2026-11-14 10:00:00'],
  ['105', '906', '880.00', '阿杰', '2026-11-01 08:00:00', '已完成', '2026-11-16 08:00:00', '2026-11-19 09:00:00'],
  ['106', '907', '150.00', '阿杰', '2026-11-03 10:00:00', '已完成', '2026-11-14 10:00:00', '2026-11-15 10:00:00'],
  ['107', '908', '399.00', '陈姐', '2026-11-08 14:00:00', '已关闭', '2026-11-10 14:00:00', '2026-11-13 15:00:00', '退款成功'],
  ['108', '909', '39.00', '陈姐', '2026-11-09 11:00:00', '已关闭', '2026-11-11 11:00:00', ''],
  ['109', '910', '180.00', '陈姐', '2026-11-12 10:00:00', '已发货', '2026-11-16 10:00:00', '2026-11-17 16:00:00'],
  ['109', '911', '80.00', '陈姐', '2026-11-12 10:00:00', '已关闭', '2026-11-16 10:00:00', '', '退款成功'],
  ['110', '912', '59.90', '王阿姨', '2026-11-29 20:00:00', '待发货', '2026-12-01 20:00:00', ''],
  ['111', '913', '59.90', '王阿姨', '2026-11-27 09:00:00', '待发货', '2026-11-29 09:00:00', ''],
  ['112', '914', '99.00', '小丸子', '2026-11-30 15:00:00', '待发货', '2026-12-02 15:00:00', ''],
  ['113', '915', '128.00', '用户8837261', '2026-11-14 08:00:00', '已完成', '2026-11-16 08:00:00', '2026-11-16 08:00:00'],
  ['114', '916', '168.00', '用户8837261', '2026-11-18 09:00:00', '已完成', '2026-11-20 09:00:00', '2026-11-22 08:00:00'],
  ['115', '917', '2399.00', '阿杰', '2026-11-20 10:00:00', '已完成', '2026-11-23 10:00:00', '2026-11-25 22:00:00'],
  ['116', '918', '66.00', '用户8837261', '2026-11-21 09:00:00', '待支付', '', ''],
  ['117', '919', '45.00', '大熊', '2026-11-23 12:00:00', '已发货', '2026-11-25 12:00:00', '2026-11-24 09:00:00'],
  ['117', '920', '210.00', '大熊', '2026-11-23 12:00:00', '待发货', '2026-11-25 12:00:00', ''],
];
const id = (n: string) => `6937100000000000${n}`;

function monthExport(dir: string): string {
  const H: string[] = DOUYIN_HEADERS;
  const row = ([main, sub, payable, buyer, paid, status, promised, shipped, aftersale]: L) => {
    const v: Record<string, string> = {
      主订单编号: `\t${id(main)}`, 子订单编号: `\t${id(sub)}`, 选购商品: '羊毛围巾', 商品规格: '默认', 商品数量: '1', 商品单价: payable, 订单应付金额: payable, 运费: '0.00',
      订单提交时间: paid, 支付完成时间: status === '待支付' ? '' : paid, 订单状态: status, 承诺发货时间: promised, 订单类型: '普通订单', 用户昵称: buyer,
      发货时间: shipped, 售后状态: aftersale ?? '', 取消原因: status === '已关闭' && !shipped ? '不想要了' : '', 快递公司: shipped ? '中通快递' : '', 快递单号: shipped ? `7531${sub}00` : '',
    };
    return H.map((h) => csvCell(v[h] ?? '')).join(',');
  };
  const f = path.join(dir, '抖店订单-202611.csv');
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...LINES.map(row)].join('\r\n') + '\r\n');
  return f;
}

describe('a month of 抖店 orders (douyin-2025), worked by hand', () => {
  it('each order charged as the rule says; the summary keeps the two unshipped orders\' 5.00 apart from the 126.00 final', () => {
    const f = monthExport(tmpDir());
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-12-01 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as { orderIds: string[]; amount: string; state: string; toIssue: string; kinds: string[] }[];
      const got = Object.fromEntries(rows.map((v) => [v.orderIds.join(';').slice(-3), [v.kinds.join(';'), v.amount, v.state, v.toIssue]]));
      expect(got).toEqual({
        '102': ['out_of_stock', '3.00', 'final', '0.00'],
        '103': ['late', '13.00', 'final', '0.00'],
        '104': ['out_of_stock', '6.00', 'final', '0.00'],
        '105': ['out_of_stock', '44.00', 'final', '0.00'],
        '106': ['late', '3.00', 'final', '0.00'],
        '107': ['out_of_stock', '4.00', 'final', '0.00'],
        '109': ['late', '3.00', 'final', '0.00'],
        '111': ['out_of_stock', '2.00', 'provisional', '0.00'],
        '114': ['late', '0.00', 'final', '0.00'],
        '115': ['out_of_stock', '50.00', 'final', '0.00'],
        '117': ['out_of_stock', '3.00', 'provisional', '0.00'],
      });
      expect(r.stderr).toContain('17 orders read, 16 paid, 11 late, 1 not judged (closed_unshipped=1), 0 excluded; 0 vouchers totalling 0.00 to issue');
      expect(r.stderr).toContain('; 8 to be deducted by the platform totalling 126.00 (nothing to issue; reconcile only); 2 provisional deductions of 5.00 so far (');
    }
    const zh = runCli(['compensate', f, '--as-of', '2026-12-01 10:00:00', '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain('; 平台将从店铺扣款 8 笔共 126.00 元 (无需发放, 仅对账); 待定扣款 2 笔, 目前计 5.00 元 (');
  });
});

describe('a 抖店 order whose sub-orders were promised at different times (each product its own 发货时效)', () => {
  // docs/rules.md §1.1: each sub-order ships by its own 承诺发货时间. One 主订单 paid 11-10 10:00:00, two
  // lines: A 100.00 promised 11-12 10:00 (48 h), B 500.00 made to order, promised 11-25 10:00 (360 h).
  // Base: the order's 600.00 (§1.3b). Worked by hand:
  //   M1 A shipped 11-11 10:00, B 11-24 10:00: each a day early: on time, no row. Before: judged against
  //      A's promise with B's ship time, 288 h late on a 48 h window, 缺货 1 % × 600.00 = 6.00.
  //   M2 A 11-11 10:00, B 11-26 10:00: B 24 h late on its 360 h window (> 240 h, ≤ 48 h late: tier 6,
  //      1 %, 3–50): 600.00 × 1 % = 6 → 6.00, late (not 缺货), 24.0 h.
  //   M3 A 11-13 10:00 (24 h late on its 48 h window: tier 4, 0 %), B 11-24 10:00 on time: 0.00, late, 24.0 h.
  //   M4 A shipped 11-11 10:00, B still unshipped as of 11-20 12:00: B is due 11-25 10:00, so the order
  //      is not late yet (before: 194 h late, 缺货 6.00 provisional) and not at risk within 12 h; nor is M5.
  const H: string[] = DOUYIN_HEADERS;
  const file = (dir: string, name: string, aShip: string, bShip: string) => {
    const row = (sub: string, amount: string, promised: string, shipped: string) => {
      const v: Record<string, string> = {
        主订单编号: '\t6937100000000000301', 子订单编号: `\t${sub}`, 选购商品: '围巾', 商品数量: '1', 商品单价: amount, 订单应付金额: amount, 运费: '0.00',
        订单提交时间: '2026-11-10 09:59:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: shipped ? '已完成' : '待发货', 承诺发货时间: promised,
        订单类型: '普通订单', 用户昵称: '阿杰', 发货时间: shipped,
      };
      return H.map((h) => csvCell(v[h] ?? '')).join(',');
    };
    const f = path.join(dir, name);
    fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), row('6937100000000000951', '100.00', '2026-11-12 10:00:00', aShip), row('6937100000000000952', '500.00', '2026-11-25 10:00:00', bShip)].join('\r\n') + '\r\n');
    return f;
  };
  it('each line is measured against its own promise', () => {
    const dir = tmpDir();
    const cases: [string, string, string, string, unknown[]][] = [
      ['m1.csv', '2026-11-11 10:00:00', '2026-11-24 10:00:00', '2026-12-01 10:00:00', []],
      ['m2.csv', '2026-11-11 10:00:00', '2026-11-26 10:00:00', '2026-12-01 10:00:00', [[['late'], '600.00', '6.00', 'final', 24]]],
      ['m3.csv', '2026-11-13 10:00:00', '2026-11-24 10:00:00', '2026-12-01 10:00:00', [[['late'], '600.00', '0.00', 'final', 24]]],
      ['m4.csv', '2026-11-11 10:00:00', '', '2026-11-20 12:00:00', []],
      // M5 A shipped 24 h late (11-13 10:00), B not due as of 11-20 12:00: A is late against its own promise,
      //    tier 4 (48 h window, ≤ 48 h late) 0 % → 0.00, late, 24 h, provisional while B is unshipped (user22:
      //    a shipped line counts while the others are not due; as M3 once B ships). Until user22 no row;
      //    before user13: 194 h late, 缺货 6.00 provisional, and overdue in --at-risk.
      ['m5.csv', '2026-11-13 10:00:00', '', '2026-11-20 12:00:00', [[['late'], '600.00', '0.00', 'provisional', 24]]],
    ];
    for (const [name, a, b, asOf, want] of cases) {
      const f = file(dir, name, a, b);
      for (const tz of ['UTC', 'America/Los_Angeles']) {
        const r = runCli(['compensate', f, '--as-of', asOf, '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, `${name} ${tz}: ${r.stderr}`).toBe(0);
        const rows = JSON.parse(r.stdout) as { kinds: string[]; baseAmount: string; amount: string; state: string; maxHoursLate: number }[];
        expect(rows.map((v) => [v.kinds, v.baseAmount, v.amount, v.state, Number(v.maxHoursLate)]), `${name} ${tz}`).toEqual(want);
      }
    }
    // The order as shown (orders normalize) keeps its own times: its live lines' earliest promise and its
    // last line's ship time; only compensate judges it line by line.
    const norm = runCli(['orders', 'normalize', path.join(dir, 'm3.csv'), '-f', 'json', '--lang', 'en']);
    expect((JSON.parse(norm.stdout) as Record<string, unknown>[]).map((o) => [o.promisedShipAt, o.shippedAt])).toEqual([['2026-11-12T10:00:00+08:00', '2026-11-24T10:00:00+08:00']]);
    for (const a of ['2026-11-11 10:00:00', '2026-11-13 10:00:00']) {
      const risk = runCli(['compensate', file(dir, 'risk.csv', a, ''), '--as-of', '2026-11-20 12:00:00', '--at-risk', '12', '-f', 'json', '--lang', 'en']);
      expect(risk.code, risk.stderr).toBe(0);
      expect(JSON.parse(risk.stdout), a).toEqual([]);
    }
  });
});
