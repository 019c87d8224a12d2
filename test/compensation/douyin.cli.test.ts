// A 抖店 export end to end under `auto` (RULES 1.3b douyin-2025): what the platform will deduct
// from the shop, never a voucher to issue, never recorded; the same in any machine time zone.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { ROOT, runCli, tmpDir } from '../helpers.js';

function douyinExport(dir: string): string {
  const H: string[] = DOUYIN_HEADERS;
  const row = (id: string, buyer: string, paid: string, paidAt: string, promised: string, shipped: string) => {
    const v: Record<string, string> = {
      主订单编号: `\t${id}`, 子订单编号: `\t${id}`, 选购商品: '羊毛围巾', 商品规格: '默认', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
      订单提交时间: paidAt, 支付完成时间: paidAt, 订单状态: '已发货', 承诺发货时间: promised, 订单类型: '普通订单', 用户昵称: buyer, 发货时间: shipped,
      快递公司: '申通快递', 快递单号: `77300000${id.slice(-6)}`,
    };
    return H.map((h) => csvCell(v[h] ?? '')).join(',');
  };
  const f = path.join(dir, 'douyin.csv');
  fs.writeFileSync(
    f,
    '\uFEFF' +
      [
        H.map(csvCell).join(','),
        // 72 h window (48–240 h row), shipped 10 h late (≤ 48 h): "1 %, min 2, max 50": 300.00 × 1 % = 3 yuan → 3.00.
        row('6900000000000100001', '抖音买家', '300.00', '2026-11-01 10:00:00', '2026-11-04 10:00:00', '2026-11-04 20:00:00'),
        // 300 h window (> 240 h row), shipped 60 h late (> 48 h: 缺货): "5 %, min 5, max 50": 150.00 × 5 % = 7.5 → 8.00.
        // Same buyer, paid 1 h later: never combined.
        row('6900000000000100002', '抖音买家', '150.00', '2026-11-01 11:00:00', '2026-11-13 23:00:00', '2026-11-16 11:00:00'),
      ].join('\r\n') +
      '\r\n',
  );
  return f;
}

describe('compensate on a Douyin export (auto → douyin-2025)', () => {
  it('two charges the platform will deduct (3.00 and 8.00), nothing to issue, nothing recorded, exit 0 under --fail-on', () => {
    const dir = tmpDir();
    const f = douyinExport(dir);
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const state = path.join(dir, `state-${tz.replace('/', '-')}.db`);
      const r = runCli(['compensate', f, '--as-of', '2026-12-01 00:00:00', '--record', '--state', state, '--fail-on', 'new-vouchers', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(rows.map((v) => [v.rules, v.orderIds, v.kinds, v.baseAmount, v.amount, v.toIssue, v.payer, v.state, v.recorded])).toEqual([
        ['douyin-2025', ['6900000000000100001'], ['late'], '300.00', '3.00', '0.00', 'platform-deducts', 'final', ''],
        ['douyin-2025', ['6900000000000100002'], ['out_of_stock'], '150.00', '8.00', '0.00', 'platform-deducts', 'final', ''],
      ]);
      expect(r.stderr).toContain('rules douyin-2025 (base paid)');
      expect(r.stderr).toContain('0 vouchers totalling 0.00 to issue; 2 to be deducted by the platform totalling 11.00 (nothing to issue; reconcile only)');
      expect(r.stderr).toContain('0 newly recorded');
    }
  });

  it('the summary counts as deducted only the rows the platform will charge (a 0.00 tier is no deduction)', () => {
    // examples/douyin-orders-202611.csv: every promised window is 48 h (paid → 承诺发货时间), so the
    // ≤ 48 h row of docs/rules.md §1.3b applies: late ≤ 48 h pays nothing; > 48 h (缺货) 1 %, 2–50, whole yuan.
    // As of 11-22 12:00: …901 25 h, …902 1 h, …903 23 h and …502 1 s late → 0.00 each; …701 is still
    // unshipped 76 h after 11-19 08:00 → 缺货: 58.00 × 1 % = 0.58 → 1 yuan (half-up) → minimum 2 → 2.00.
    const f = path.join(ROOT, 'examples', 'douyin-orders-202611.csv');
    const late = runCli(['compensate', f, '--as-of', '2026-11-22 12:00:00', '-f', 'json']);
    expect(late.code).toBe(0);
    const rows = JSON.parse(late.stdout) as Record<string, unknown>[];
    expect(rows.map((v) => v.amount)).toEqual(['0.00', '0.00', '0.00', '0.00', '2.00']);
    expect(late.stderr).toContain('5 late');
    // …701 is still unshipped: its 2.00 is what it comes to so far, counted apart from the deductions
    // (user13; it was "1 to be deducted by the platform totalling 2.00").
    expect(late.stderr).not.toContain('to be deducted');
    expect(late.stderr).toContain('; 1 provisional deduction of 2.00 so far (an order unshipped or not final');
    const zh = runCli(['compensate', f, '--as-of', '2026-11-22 12:00:00', '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain('; 待定扣款 1 笔, 目前计 2.00 元 (订单未发货或未定稿');
    // As of 11-20 12:00 …701 is 28 h late: every row is 0.00, nothing will be deducted.
    const none = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json']);
    expect(none.stderr).toContain('5 late');
    expect(none.stderr).not.toContain('to be deducted');
  });

  it('a partly shipped order past its deadline is late (provisional); of 承诺 and 预约发货时间 the earlier is the deadline', () => {
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    type Line = { id: string; sub: string; buyer: string; paid: string; status: string; promised: string; reserved: string; shipped: string };
    const row = (l: Line) => {
      const v: Record<string, string> = {
        主订单编号: `\t${l.id}`, 子订单编号: `\t${l.sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: l.paid, 订单应付金额: l.paid, 运费: '0.00',
        订单提交时间: '2026-11-10 10:00:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: l.status, 承诺发货时间: l.promised, 预约发货时间: l.reserved,
        订单类型: '普通订单', 用户昵称: l.buyer, 发货时间: l.shipped,
      };
      return H.map((h) => csvCell(v[h] ?? '')).join(',');
    };
    const f = path.join(dir, 'douyin-partial.csv');
    const lines: Line[] = [
      // One order, two sub-orders: 300.00 shipped before the deadline, 200.00 still unshipped. The order
      // ships when its last line does, so at as-of it is unshipped: 72 h window (48–240 h row), 170 h
      // late (11-13 10:00 → 11-20 12:00) > 48 h: 缺货 "3 %, min 3, max 50" of the order's 500.00 = 15.00, provisional.
      { id: '6900000000000000201', sub: '6900000000000000202', buyer: '买家甲', paid: '300.00', status: '已发货', promised: '2026-11-13 10:00:00', reserved: '', shipped: '2026-11-13 09:00:00' },
      { id: '6900000000000000201', sub: '6900000000000000203', buyer: '买家甲', paid: '200.00', status: '待发货', promised: '2026-11-13 10:00:00', reserved: '', shipped: '' },
      // 承诺 11-20 10:00, 预约 11-13 10:00: the earlier one, 72 h window; shipped 11-13 20:00, 10 h late:
      // "1 %, min 2, max 50" of 500.00 = 5.00.
      { id: '6900000000000000301', sub: '6900000000000000301', buyer: '买家乙', paid: '500.00', status: '已发货', promised: '2026-11-20 10:00:00', reserved: '2026-11-13 10:00:00', shipped: '2026-11-13 20:00:00' },
      // The same the other way round (承诺 earlier): 400.00 × 1 % = 4.00.
      { id: '6900000000000000401', sub: '6900000000000000401', buyer: '买家丙', paid: '400.00', status: '已发货', promised: '2026-11-13 10:00:00', reserved: '2026-11-20 10:00:00', shipped: '2026-11-13 20:00:00' },
    ];
    fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...lines.map(row)].join('\r\n') + '\r\n');
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(rows.map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state])).toEqual([
        // by buyer (丙 U+4E19, 乙 U+4E59, 甲 U+7532)
        [['6900000000000000401'], ['late'], '400.00', '4.00', 'final'],
        [['6900000000000000301'], ['late'], '500.00', '5.00', 'final'],
        [['6900000000000000201'], ['out_of_stock'], '500.00', '15.00', 'provisional'],
      ]);
      expect(r.stderr).not.toContain('no_ship_time');
    }
  });

  it('times without seconds: a promised window that may be just over 48 h or not is not judged (its tier, 0.00 or 1 %, depends on them)', () => {
    // docs/rules.md §1.7: of times shown without seconds only what holds for every lost second is judged.
    // An Excel re-save, every time without seconds:
    // …501 paid 11-10 9:00, promised 11-12 9:00: the window is 48 h − 59 s … 48 h + 59 s (paid 9:00:30 and
    //   promised 9:00:59 give 48 h 29 s). Shipped 11-13 10:00, 25 h late (≤ 48 h). §1.3b: a ≤ 48 h window pays
    //   0 % (tier 4: 0.00), a 48–240 h window 1 %, min 2 (tier 5: 200.00 × 1 % = 2 yuan → 2.00). The charge
    //   depends on the lost seconds: not judged (time_precision). It was judged 0.00 on a window of exactly 48 h.
    // …502 paid 11-10 9:00, promised 11-13 9:00: 72 h ± 59 s, all in the 48–240 h row; 25 h late ± 59 s:
    //   300.00 × 1 % = 3 yuan → 3.00 whatever the seconds: judged.
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    const row = (id: string, paid: string, promised: string, shipped: string) => {
      const v: Record<string, string> = {
        主订单编号: `\t${id}`, 子订单编号: `\t${id}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
        订单提交时间: '2026/11/10 8:58', 支付完成时间: '2026/11/10 9:00', 订单状态: '已发货', 承诺发货时间: promised, 订单类型: '普通订单',
        用户昵称: '买家', 发货时间: shipped,
      };
      return H.map((h) => csvCell(v[h] ?? '')).join(',');
    };
    const f = path.join(dir, 'douyin-resaved.csv');
    fs.writeFileSync(
      f,
      '\uFEFF' +
        [H.map(csvCell).join(','), row('6900000000000000501', '200.00', '2026/11/12 9:00', '2026/11/13 10:00'), row('6900000000000000502', '300.00', '2026/11/13 9:00', '2026/11/14 10:00')].join('\r\n') +
        '\r\n',
    );
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(rows.map((v) => [v.orderIds, v.amount, v.state])).toEqual([[['6900000000000000502'], '3.00', 'final']]);
      expect(r.stderr).toContain('not judged (time_precision): 6900000000000000501.');
      // …501 is 25 h late whatever the seconds: counted late, its tier (0.00 or 2.00) not judged.
      expect(r.stderr).toContain('2 orders read, 2 paid, 2 late (1 of them late for sure but at a tier and amount that could not be judged: times without seconds; counted in not judged, time_precision), 1 not judged (time_precision=1)');
    }
  });
  it('a closed (refunded) sub-order with an empty 订单应付金额 is not read as 0.00: not judged (no_paid_amount), its file:line named, exit 1', () => {
    // docs/rules.md §1.3b: the base is the sum of the sub-orders' 订单应付金额, closed ones included.
    // One order: sub-order …602 300.00 shipped, …603 closed (退款成功). Paid 11-10 10:00, promised 11-13 10:00:
    // a 72 h window (48–240 h row); shipped 11-13 20:00, 10 h late (≤ 48 h): tier 5, 1 %, min 2, max 50.
    // With …603 at 200.00: (300.00 + 200.00) × 1 % = 5 yuan → 5.00. With …603 empty the base is unknown:
    // before, it was read as 0.00 and the order charged 300.00 × 1 % = 3.00 (final) without a word.
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    const row = (sub: string, paid: string, status: string, shipped: string) => {
      const v: Record<string, string> = {
        主订单编号: '\t6900000000000000601', 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
        订单提交时间: '2026-11-10 10:00:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: status, 承诺发货时间: '2026-11-13 10:00:00', 订单类型: '普通订单',
        用户昵称: '买家丁', 发货时间: shipped, 售后状态: status === '已关闭' ? '退款成功' : '',
      };
      return H.map((h) => csvCell(v[h] ?? '')).join(',');
    };
    const file = (name: string, closedPaid: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), row('6900000000000000602', '300.00', '已发货', '2026-11-13 20:00:00'), row('6900000000000000603', closedPaid, '已关闭', '')].join('\r\n') + '\r\n');
      return f;
    };
    const full = runCli(['compensate', file('closed-200.csv', '200.00'), '--as-of', '2026-11-20 12:00:00', '-f', 'json']);
    expect((JSON.parse(full.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.baseAmount, v.amount, v.state])).toEqual([[['6900000000000000601'], '500.00', '5.00', 'final']]);
    const f = file('closed-empty.csv', '');
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(1);
      expect(r.stdout.trim()).toBe('[]');
      // The closed sub-order is line 3 (the header, then …602).
      expect(r.stderr).toContain(`kept provisional: 6900000000000000601 (${f}:3).`);
      expect(r.stderr).toContain('1 order read, 1 paid, 0 late, 1 not judged (no_paid_amount=1)');
    }
    const zh = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`已关闭的子订单也计入) 为空, 无法计算赔付`);
    expect(zh.stderr).toContain(`6900000000000000601 (${f}:3)`);
  });
  it("a closed (cancelled) sub-order's earlier 承诺发货时间 is not the order's deadline: its live line's is", () => {
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    const row = (sub: string, paid: string, status: string, promised: string, shipped: string, cancel: string) => {
      const v: Record<string, string> = {
        主订单编号: '\t6900000000000000601', 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
        订单提交时间: '2026-11-10 09:00:00', 支付完成时间: '2026-11-10 09:00:00', 订单状态: status, 承诺发货时间: promised, 订单类型: '普通订单',
        用户昵称: '买家丁', 发货时间: shipped, 取消原因: cancel,
      };
      return H.map((h) => csvCell(v[h] ?? '')).join(',');
    };
    const f = path.join(dir, 'douyin-closed-line.csv');
    // One order paid 11-10 09:00, two sub-orders: A (200.00) promised 11-13 09:00, cancelled before shipping (已关闭);
    // B (300.00) promised 11-15 09:00 and shipped 11-14 09:00, a day before its promise. Only B had to ship
    // (RULES 1.1: the order ships when its last live line does), so the deadline is B's 11-15 09:00 and the
    // order is on time: nothing late, nothing to be deducted. (With A's promise as the deadline it was
    // "24 h late, 72 h window": 1 % of the order's 500.00 = 5.00 deducted, a charge the platform never makes.)
    fs.writeFileSync(
      f,
      '\uFEFF' +
        [
          H.map(csvCell).join(','),
          row('6900000000000000602', '200.00', '已关闭', '2026-11-13 09:00:00', '', '不想要了'),
          row('6900000000000000603', '300.00', '已发货', '2026-11-15 09:00:00', '2026-11-14 09:00:00', ''),
        ].join('\r\n') +
        '\r\n',
    );
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
      expect(r.stderr).toContain('1 order read, 1 paid, 0 late, 0 not judged');
    }
  });
  it('an order whose sub-orders all shipped late and were then refunded (已关闭) is judged by its ship time, as a one-line one', () => {
    const dir = tmpDir();
    const H: string[] = DOUYIN_HEADERS;
    const row = (id: string, sub: string, buyer: string, paid: string) => {
      const v: Record<string, string> = {
        主订单编号: `\t${id}`, 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
        订单提交时间: '2026-11-10 09:00:00', 支付完成时间: '2026-11-10 09:00:00', 订单状态: '已关闭', 承诺发货时间: '2026-11-13 09:00:00',
        订单类型: '普通订单', 用户昵称: buyer, 发货时间: '2026-11-14 09:00:00', 取消原因: '退货退款',
      };
      return H.map((h) => csvCell(v[h] ?? '')).join(',');
    };
    const f = path.join(dir, 'douyin-refunded.csv');
    // Paid 11-10 09:00, promised 11-13 09:00 (72 h window: the 48–240 h row), shipped 11-14 09:00 (24 h late, ≤ 48 h):
    // "1 %, min 2, max 50", refunds not subtracted (§1.3b). 买家甲's order has two sub-orders, 200.00 + 300.00, both
    // shipped then refunded: 1 % × 500.00 = 5.00 (it was "not judged (closed_unshipped)": the fold kept only live
    // lines' ship times, and had none). 买家乙's one-line order of 500.00, the same but one line: 5.00 (as before).
    fs.writeFileSync(
      f,
      '\uFEFF' +
        [
          H.map(csvCell).join(','),
          row('6900000000000000701', '6900000000000000702', '买家甲', '200.00'),
          row('6900000000000000701', '6900000000000000703', '买家甲', '300.00'),
          row('6900000000000000801', '6900000000000000801', '买家乙', '500.00'),
        ].join('\r\n') +
        '\r\n',
    );
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(rows.map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state])).toEqual([
        [['6900000000000000801'], ['late'], '500.00', '5.00', 'final'],
        [['6900000000000000701'], ['late'], '500.00', '5.00', 'final'],
      ]);
      expect(r.stderr).toContain('2 orders read, 2 paid, 2 late, 0 not judged');
    }
  });
});
