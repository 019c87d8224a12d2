// rev40: a 抖店 order whose sub-orders were promised at different times (docs/rules.md §1.1, user13:
// "every line that shipped (a closed one shipped then refunded too) is measured against its own promise,
// and once all have shipped the order is judged by the line latest against its own promise") combined with
// (1) every line closed after shipping (money47's branch of the fold) and (2) pickup scans (--shipments:
// the carrier's scan is the ship time, each line its own waybill's).
// One 主订单 paid 11-10 10:00:00: A 100.00 promised 11-12 10:00 (48 h), B 500.00 promised 11-25 10:00
// (360 h). Base 600.00 (§1.3b, closed lines included: refunds not subtracted, §1.4). Worked by hand:
//   C1 A shipped 11-11 10:00, B 11-24 10:00, both then 已关闭 (退款成功): each a day early: on time, no row.
//      Before: judged against A's promise with B's ship time, 288 h late, 缺货 1 % × 600.00 = 6.00.
//   C2 as C1 but B shipped 11-26 10:00: B 24 h late on its 360 h window (> 240 h, ≤ 48 h late: tier 6,
//      1 %, 3–50): 600.00 × 1 % = 6 → 6.00, late, 24 h. Before: 336 h late on 48 h, 缺货 6.00.
//   S2 live lines, A shipped 11-11 10:00 picked up 11-11 10:30, B shipped 11-26 10:00 picked up 11-26
//      10:30: B 24.5 h late on 360 h: tier 6, 6.00, late, 24.5 h. Before: A's scan stood for the order
//      (the first parcel's), 11-11 10:30 against B's promise: on time, 6.00 not deducted.
//   S3 A shipped 11-13 10:00 picked up 11-13 10:30 (24.5 h late on 48 h: tier 4, 0 %), B 11-24 10:00
//      picked up 11-24 10:30 (on time): 0.00, late, 24.5 h (a guard: passes before).
//   S1 A picked up 11-11 10:30, B 11-24 10:30: each early: no row.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

const H: string[] = DOUYIN_HEADERS;
function file(dir: string, name: string, aShip: string, bShip: string, closed = false): string {
  const row = (sub: string, amount: string, promised: string, shipped: string) => {
    const v: Record<string, string> = {
      主订单编号: '\t6937100000000000301', 子订单编号: `\t${sub}`, 选购商品: '围巾', 商品数量: '1', 商品单价: amount, 订单应付金额: amount, 运费: '0.00',
      订单提交时间: '2026-11-10 09:59:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: closed ? '已关闭' : '已完成', 承诺发货时间: promised,
      订单类型: '普通订单', 用户昵称: '阿杰', 发货时间: shipped, 售后状态: closed ? '退款成功' : '', 快递公司: '中通快递', 快递单号: `7531${sub.slice(-3)}00`,
    };
    return H.map((h) => csvCell(v[h] ?? '')).join(',');
  };
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), row('6937100000000000951', '100.00', '2026-11-12 10:00:00', aShip), row('6937100000000000952', '500.00', '2026-11-25 10:00:00', bShip)].join('\r\n') + '\r\n');
  return f;
}
function scans(dir: string, name: string, a: string, b: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, `物流单号,揽收时间\n753195100,${a}\n753195200,${b}\n`);
  return f;
}
type Row = { kinds: string[]; baseAmount: string; amount: string; state: string; maxHoursLate: number };
const got = (stdout: string) => (JSON.parse(stdout) as Row[]).map((v) => [v.kinds, v.baseAmount, v.amount, v.state, Number(v.maxHoursLate)]);

describe('sub-orders promised at different times: every line closed after shipping, and pickup scans', () => {
  it('an order whose every line shipped then closed is judged line by line against its own promise', () => {
    const dir = tmpDir();
    const cases: [string, string, string, unknown[]][] = [
      ['c1.csv', '2026-11-11 10:00:00', '2026-11-24 10:00:00', []],
      ['c2.csv', '2026-11-11 10:00:00', '2026-11-26 10:00:00', [[['late'], '600.00', '6.00', 'final', 24]]],
    ];
    for (const [name, a, b, want] of cases) {
      const f = file(dir, name, a, b, true);
      for (const tz of ['UTC', 'America/Los_Angeles']) {
        const r = runCli(['compensate', f, '--as-of', '2026-12-01 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, `${name} ${tz}: ${r.stderr}`).toBe(0);
        expect(got(r.stdout), `${name} ${tz}`).toEqual(want);
      }
    }
  });

  it('with pickup scans each line is measured by its own parcel against its own promise', () => {
    const dir = tmpDir();
    const cases: [string, string, string, string, string, unknown[]][] = [
      ['s1', '2026-11-11 10:00:00', '2026-11-24 10:00:00', '2026-11-11 10:30:00', '2026-11-24 10:30:00', []],
      ['s2', '2026-11-11 10:00:00', '2026-11-26 10:00:00', '2026-11-11 10:30:00', '2026-11-26 10:30:00', [[['late'], '600.00', '6.00', 'final', 24.5]]],
      ['s3', '2026-11-13 10:00:00', '2026-11-24 10:00:00', '2026-11-13 10:30:00', '2026-11-24 10:30:00', [[['late'], '600.00', '0.00', 'final', 24.5]]],
    ];
    for (const [name, a, b, sa, sb, want] of cases) {
      const f = file(dir, `${name}.csv`, a, b);
      const s = scans(dir, `${name}-scans.csv`, sa, sb);
      for (const tz of ['UTC', 'America/Los_Angeles']) {
        const r = runCli(['compensate', f, '--shipments', s, '--as-of', '2026-12-01 10:00:00', '-f', 'json', '--lang', 'en'], { tz });
        expect(r.code, `${name} ${tz}: ${r.stderr}`).toBe(0);
        expect(r.stderr, name).toContain('2 scan row(s) read: 2 used');
        expect(got(r.stdout), `${name} ${tz}`).toEqual(want);
      }
    }
  });
});
