// A 抖店 order whose sub-orders were promised at different times (docs/rules.md §1.1: each product has
// its own 发货时效; every line is measured against its own promise, and once all have shipped the order
// is judged by the line latest against its own) and whose sub-orders come from two downloads, an older
// and a newer one (an order's lines in two files are one order, docs/formats.md). Each line's promise is
// the one its own row gives: the newer file's promise is another sub-order's, not this line's, and
// copied onto the older file's lines (as read.ts did, "the order's later state") it shortened a
// made-to-order line's window, or lengthened a 48 h line's.
// One 主订单 paid 2026-11-10 10:00:00: A 100.00 promised 11-12 10:00 (window 48 h), B 500.00 promised
// 11-25 10:00 (window 15 d = 360 h). Base 100.00 + 500.00 = 600.00 (§1.3b: the sum of the sub-orders'
// 订单应付金额). douyin-2025 tiers (§1.3b): window ≤ 48 h and > 48 h late: 缺货 tier 1, 1 %, 2–50;
// window > 240 h and ≤ 48 h late: tier 6, late, 1 %, 3–50. 1 % × 600.00 = 6 yuan → 6.00 (in 2–50, 3–50).
// Worked by hand (times Beijing, the exports' own; TZ=UTC and America/Los_Angeles; both argument orders):
//   K1 newer file A shipped 11-11 10:00 (a day early), older file B shipped 11-24 10:00 (a day early):
//      on time, no row. Before: B took A's 11-12 10:00, one promise for both: the order (shipped 11-24
//      10:00, its last line) 288 h late on 48 h: 缺货 1 % × 600.00 = 6.00 final.
//   K2 as K1, B shipped 11-26 10:00: B 24 h late on its 360 h window: tier 6, late, 6.00 final, 24 h.
//      Before: 336 h late on 48 h: 缺货 6.00, 336 h.
//   K3 the other way round: the older file holds A shipped 11-15 10:00 (72 h late on 48 h), the newer
//      file B shipped 11-24 10:00 (on time): A decides: 72 h late on 48 h: 缺货 tier 1, 1 % × 600.00 =
//      6.00 final, 72 h. Before: A took B's 11-25 10:00: the order on time, nothing forecast.
//   K4 the older file (待发货) holds B unshipped, the newer one A shipped 11-11 10:00; as of 11-20
//      10:00 B is not due until 11-25 10:00: no row. Before: B's deadline was A's 11-12 10:00: 192 h
//      late unshipped: 缺货 1 % × 600.00 = 6.00 provisional.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

const H: string[] = DOUYIN_HEADERS;
const ID = '6937100000000000401';
const A = { sub: '6937100000000000961', amount: '100.00', promised: '2026-11-12 10:00:00' };
const B = { sub: '6937100000000000962', amount: '500.00', promised: '2026-11-25 10:00:00' };

function row(line: typeof A, shipped: string): string {
  const v: Record<string, string> = {
    主订单编号: `\t${ID}`, 子订单编号: `\t${line.sub}`, 选购商品: '围巾', 商品数量: '1', 商品单价: line.amount, 订单应付金额: line.amount, 运费: '0.00',
    订单提交时间: '2026-11-10 09:59:00', 支付完成时间: '2026-11-10 10:00:00', 订单状态: shipped ? '已发货' : '待发货', 承诺发货时间: line.promised,
    订单类型: '普通订单', 用户昵称: '阿杰', 发货时间: shipped,
  };
  return H.map((h) => csvCell(v[h] ?? '')).join(',');
}
function file(dir: string, name: string, r: string, mtime: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), r].join('\r\n') + '\r\n');
  fs.utimesSync(f, new Date(mtime), new Date(mtime));
  return f;
}
type Row = { orderIds: string[]; kinds: string[]; baseAmount: string; amount: string; state: string; maxHoursLate: number };
const got = (stdout: string) => (JSON.parse(stdout) as Row[]).map((v) => [v.orderIds, v.kinds, v.baseAmount, v.amount, v.state, Number(v.maxHoursLate)]);

describe('sub-orders promised at different times, in two 抖店 downloads: each line keeps its own promise', () => {
  const cases: [name: string, older: string, newer: string, asOf: string, want: unknown[]][] = [
    ['k1', row(B, '2026-11-24 10:00:00'), row(A, '2026-11-11 10:00:00'), '2026-12-01 10:00:00', []],
    ['k2', row(B, '2026-11-26 10:00:00'), row(A, '2026-11-11 10:00:00'), '2026-12-01 10:00:00', [[[ID], ['late'], '600.00', '6.00', 'final', 24]]],
    ['k3', row(A, '2026-11-15 10:00:00'), row(B, '2026-11-24 10:00:00'), '2026-12-01 10:00:00', [[[ID], ['out_of_stock'], '600.00', '6.00', 'final', 72]]],
    ['k4', row(B, ''), row(A, '2026-11-11 10:00:00'), '2026-11-20 10:00:00', []],
  ];
  for (const [name, olderRow, newerRow, asOf, want] of cases) {
    it(`${name}: ${JSON.stringify(want)}`, () => {
      const dir = tmpDir();
      const older = file(dir, `${name}-older.csv`, olderRow, '2026-12-01T01:00:00Z');
      const newer = file(dir, `${name}-newer.csv`, newerRow, '2026-12-01T01:30:00Z');
      for (const tz of ['UTC', 'America/Los_Angeles']) {
        for (const files of [[older, newer], [newer, older]]) {
          const r = runCli(['compensate', ...files, '--as-of', asOf, '-f', 'json', '--lang', 'en'], { tz });
          expect(r.code, `${name} ${tz}: ${r.stderr}`).toBe(0);
          expect(r.stderr).toContain('1 order read');
          expect(got(r.stdout), `${name} ${tz}`).toEqual(want);
        }
      }
    });
  }
});
