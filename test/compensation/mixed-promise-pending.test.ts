// user22: a 抖店 order whose sub-orders were promised at different times, one line shipped late against its own
// promise while the other line is not due yet. RULES 1.1: an order (here, a line: docs/rules.md §1.1, each line
// measured against its own promise) is late when it was shipped after its deadline; RULES 1.3b prices the order
// by that line's window and lateness on the order's whole payment. Before, such an order was "0 late", no row,
// until its last line shipped or fell due: the provisional deduction an hourly run showed while the 48 h line
// was overdue vanished the hour that line shipped, for the six days the made-to-order line had left.
//
// One 主订单 paid 2026-11-30 10:00:00 (小林's tea shop): L1 花茶试饮装 66.00 promised 12-02 10:00 (48 h window);
// L2 定制茶罐 199.00 promised 12-10 10:00 (240 h window: the 48–240 h row). Whole payment 265.00.
// douyin-2025 (RULES 1.3b; base 订单实际支付金额 = 66.00 + 199.00; half-up to the whole yuan, then min/max):
//   window ≤ 48 h: > 48 h late (缺货) 1 %, min 2, max 50; window 48–240 h: ≤ 48 h late 1 %, min 2, max 50.
// Worked by hand:
//   P1 as of 12-04 10:30, both lines unshipped: L1 48.5 h overdue (> 48: 缺货) → 1 % × 265.00 = 2.65 → 3 → 3.00,
//      provisional, 48.5 h (passes before too).
//   P2 as of 12-04 12:00, L1 shipped 12-04 11:00 (49 h late: 缺货), L2 unshipped, due 12-10 10:00: the same 3.00,
//      out_of_stock, 49 h, provisional (L2 may still add to it). Before: no row, "0 late".
//   P3 as of 12-09 12:00, L2 still not due: the same (before: no row).
//   P4 as of 12-09 12:00, L2 shipped 12-09 10:00 (on time): 3.00 final, 49 h (passes before too).
//   At risk as of 12-09 23:00 (--at-risk 12): L2 due in 11 h; late it would cost 1 % × 265.00 = 2.65 → 3 → 3.00
//   (48–240 h window, ≤ 48 h late), and L1 already owes 3.00: cost if late 3.00, deadline L2's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

const H: string[] = DOUYIN_HEADERS;
const ID = '6930000000000006001';
type Line = { sub: string; title: string; amount: string; promised: string };
const L1: Line = { sub: '6930000000000006002', title: '花茶试饮装', amount: '66.00', promised: '2026-12-02 10:00:00' };
const L2: Line = { sub: '6930000000000006003', title: '定制茶罐 刻名', amount: '199.00', promised: '2026-12-10 10:00:00' };

function row(line: Line, shipped: string): string {
  const v: Record<string, string> = {
    主订单编号: `\t${ID}`, 子订单编号: `\t${line.sub}`, 选购商品: line.title, 商品数量: '1', 商品单价: line.amount, 订单应付金额: line.amount, 运费: '0.00',
    订单提交时间: '2026-11-30 09:59:00', 支付完成时间: '2026-11-30 10:00:00', 订单状态: shipped ? '已发货' : '待发货', 承诺发货时间: line.promised,
    订单类型: '普通订单', 用户昵称: '茶友6001', 发货时间: shipped, 快递公司: shipped ? '中通快递' : '', 快递单号: shipped ? `7830${line.sub.slice(-4)}` : '',
  };
  return H.map((h) => csvCell(v[h] ?? '')).join(',');
}
function file(dir: string, name: string, rows: string[]): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n');
  return f;
}
type Row = { orderIds: string[]; kinds: string[]; baseAmount: string; amount: string; state: string; maxHoursLate: number };
const got = (stdout: string) => (JSON.parse(stdout) as Row[]).map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state, Number(v.maxHoursLate)]);
const TZS = ['UTC', 'America/Los_Angeles'];

describe('抖店 sub-orders promised at different times: a line shipped late while another is not due yet (user22)', () => {
  const cases: [string, [string, string], string, unknown[]][] = [
    ['p1 both unshipped, L1 48.5 h overdue', ['', ''], '2026-12-04 10:30:00', [[[ID], ['out_of_stock'], '265.00', '3.00', 'provisional', 48.5]]],
    ['p2 L1 shipped 49 h late, L2 not due', ['2026-12-04 11:00:00', ''], '2026-12-04 12:00:00', [[[ID], ['out_of_stock'], '265.00', '3.00', 'provisional', 49]]],
    ['p3 L2 still not due five days on', ['2026-12-04 11:00:00', ''], '2026-12-09 12:00:00', [[[ID], ['out_of_stock'], '265.00', '3.00', 'provisional', 49]]],
    ['p4 L2 shipped on time', ['2026-12-04 11:00:00', '2026-12-09 10:00:00'], '2026-12-09 12:00:00', [[[ID], ['out_of_stock'], '265.00', '3.00', 'final', 49]]],
    // rev45: the export made later than --as-of, L2 shipped after it (RULES 1.1, docs/rules.md §1.7: judged as
    // unshipped then): the order as an export made at --as-of shows it, L2 not due (12-10 10:00). p5: L1 shipped
    // 12-03 16:00, 30 h late on its 48 h window: late ≤ 48 h, none listed (0): 0.00 provisional, 30 h (an export
    // made at --as-of gives the same). Before: judged unshipped from L1's promise, "74 h late" (12-02 10:00 to
    // 12-05 12:00), 缺货 1 % × 265.00 = 3.00. p6: L1 49 h late as in p2: 3.00, 49 h (before: 3.00, 74 h).
    ['p5 L1 30 h late, L2 shipped after --as-of', ['2026-12-03 16:00:00', '2026-12-06 10:00:00'], '2026-12-05 12:00:00', [[[ID], ['late'], '265.00', '0.00', 'provisional', 30]]],
    // p7: L2 unshipped, L1 shipped 12-04 11:00, after --as-of 12-04 10:30: as of then both unshipped, as in p1:
    // due at L1's 12-02 10:00, 48.5 h overdue: 3.00 provisional. Before: due at L2's promise only, no row.
    ['p7 L1 shipped after --as-of, L2 unshipped', ['2026-12-04 11:00:00', ''], '2026-12-04 10:30:00', [[[ID], ['out_of_stock'], '265.00', '3.00', 'provisional', 48.5]]],
    ['p6 L1 49 h late, L2 shipped after --as-of', ['2026-12-04 11:00:00', '2026-12-06 10:00:00'], '2026-12-05 12:00:00', [[[ID], ['out_of_stock'], '265.00', '3.00', 'provisional', 49]]],
  ];
  for (const [name, [s1, s2], asOf, want] of cases) {
    it(`${name}: ${JSON.stringify(want)} (both orders of rows)`, () => {
      const dir = tmpDir();
      for (const [k, rows] of [[row(L1, s1), row(L2, s2)], [row(L2, s2), row(L1, s1)]].entries()) {
        const f = file(dir, `${k}.csv`, rows);
        for (const tz of TZS) {
          const r = runCli(['compensate', f, '--as-of', asOf, '-f', 'json', '--lang', 'en'], { tz });
          expect(r.code, `${name} ${tz}: ${r.stderr}`).toBe(0);
          expect(got(r.stdout), `${name} ${k} ${tz}`).toEqual(want);
        }
      }
    });
  }

  it('the summary counts it late, and its 3.00 as a provisional deduction (p2)', () => {
    const dir = tmpDir();
    const f = file(dir, 'p2.csv', [row(L1, '2026-12-04 11:00:00'), row(L2, '')]);
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--as-of', '2026-12-04 12:00:00', '-f', 'csv', '--lang', 'en'], { tz });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain('1 order read, 1 paid, 1 late');
      expect(r.stderr).toContain('1 provisional deduction of 3.00 so far');
    }
  });

  it('--at-risk 12 as of 12-09 23:00: L2 due in 11 h, costs 3.00 if late (L1 already owes 3.00)', () => {
    const dir = tmpDir();
    const f = file(dir, 'risk.csv', [row(L1, '2026-12-04 11:00:00'), row(L2, '')]);
    for (const tz of TZS) {
      const r = runCli(['compensate', f, '--as-of', '2026-12-09 23:00:00', '--at-risk', '12', '-f', 'json', '--lang', 'en'], { tz });
      expect(r.code, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
      expect(rows.map((x) => [x.orderId, x.risk, x.deadline, x.hoursLeft, x.base, x.costIfLate]), tz).toEqual([[ID, 'at_risk', '2026-12-10T10:00:00+08:00', 11, '265.00', '3.00']]);
    }
  });
});
