// A 抖店 order seen late and still open by a --record run (a sighting, docs/rules.md §1.1) whose export is
// then pruned from the folder the hourly job reads while it is still open. Under douyin-2025 the platform
// deducts every amount from the shop and pays the buyer itself (§1.3b, `payer: platform-deducts`): nothing
// of its voucher is the shop's to issue or record (§1.4a); a run reading it gives only the forecast to
// reconcile the deduction with. Until money43 the run named it in full, exit 1, every hour, for ever.
// Reading adopted: named in full once (exit 1, the run that first misses it), then counted in one line
// (hidden by -q, -v names it again) while it stays out of the exports; the sighting stays in the state
// database, which every run reads, and a run reading the order again clears the marker (a second pruning
// names it again). A Tmall order (the shop issues) is named every run as before (pruned-export.test.ts).
//
// By hand (douyin-2025): D1 300.00, paid 11-01 10:00:00, promised 11-04 10:00:00 (72 h window); the
// 11-05 10:00 run reads it 待发货 in an export whose latest payment is 11-05 10:00:00: seen at 11-05
// 10:00:00, 24 h late, tier 5: 1 % × 300.00 = 3.00 → 3.00, provisional, toIssue 0.00 (deducted).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

type Row = Record<string, unknown>;
const D1 = '6900000000000700001';
const FULL = `1 order an earlier --record run saw late and still unshipped is not among the orders this run read: ${D1} (deadline 2026-11-04 10:00:00, last seen unshipped 2026-11-05 10:00:00). The platform deducts what it is owed from the shop and pays the buyer itself (platform-deducts): nothing to issue, nothing recorded`;
const COUNT = '1 order the platform deducts for, seen late and unshipped, and reported by an earlier run as in none of the exports read, remains so; nothing for the shop to issue, not listed again (-v lists it)';

function douyin(dir: string, name: string, rows: Record<string, string>[]): string {
  const H: string[] = DOUYIN_HEADERS;
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...rows.map((v) => H.map((h) => csvCell(v[h] ?? '')).join(','))].join('\r\n') + '\r\n');
  return f;
}
const line = (id: string, paid: string, paidAt: string, promised: string, status: string) => ({ 主订单编号: `\t${id}`, 子订单编号: `\t${id}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00', 订单提交时间: paidAt, 支付完成时间: paidAt, 订单状态: status, 承诺发货时间: promised, 用户昵称: '抖音买家甲' });
const d1 = line(D1, '300.00', '2026-11-01 10:00:00', '2026-11-04 10:00:00', '待发货');
const made = (id: string, at: string) => line(id, '50.00', at, '2026-11-20 00:00:00', '待发货');

const run = (tz: string, file: string, state: string, asOf: string, extra: string[] = []) => {
  const r = runCli(['compensate', file, '--state', state, '--as-of', asOf, '-f', 'json', '--lang', 'en', '--record', ...extra], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};

describe.each(['UTC', 'America/Los_Angeles'])('抖店: a sighted order still open when its export is pruned (TZ=%s)', (tz) => {
  it('is named in full once (exit 1), then counted in one line (exit 0; -q hides it, -v names it), and named again after a second pruning', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const h1 = douyin(dir, 'h1.csv', [d1, made('6900000000000700011', '2026-11-05 10:00:00')]);
    const r1 = run(tz, h1, state, '2026-11-05 10:00:00');
    expect(r1.rows.filter((v) => (v.orderIds as string[]).includes(D1)).map((v) => [v.amount, v.state, v.toIssue, v.payer])).toEqual([['3.00', 'provisional', '0.00', 'platform-deducts']]);
    expect(r1.code).toBe(0);
    const h2 = douyin(dir, 'h2.csv', [made('6900000000000700012', '2026-11-09 10:00:00')]);
    const r2 = run(tz, h2, state, '2026-11-09 10:00:00');
    expect(r2.stderr).toContain(FULL);
    // 抖店's paid-time column is 支付完成时间 (user22: it said 付款时间, the Taobao/Tmall column).
    expect(r2.stderr).toContain('(or download one whose 支付完成时间 range covers it)');
    expect(r2.code).toBe(1);
    // The next hours: counted, not named; exit 0. -q hides the count, -v names it in full again.
    const r3 = run(tz, h2, state, '2026-11-09 11:00:00');
    expect(r3.stderr).not.toContain(FULL);
    expect(r3.stderr).toContain(COUNT);
    expect(r3.code).toBe(0);
    const q = run(tz, h2, state, '2026-11-09 12:00:00', ['-q']);
    expect(q.stderr).not.toContain(D1);
    expect(q.code).toBe(0);
    const v = run(tz, h2, state, '2026-11-09 13:00:00', ['-v']);
    expect(v.stderr).toContain(FULL);
    expect(v.stderr).not.toContain(COUNT);
    expect(v.code).toBe(0);
    // Put back (still open): read again, the marker goes; pruned again: named in full again, exit 1.
    expect(run(tz, h1, state, '2026-11-09 14:00:00').stderr).not.toContain(D1 + ' (deadline');
    const again = run(tz, h2, state, '2026-11-09 15:00:00');
    expect(again.stderr).toContain(FULL);
    expect(again.code).toBe(1);
  });
});
