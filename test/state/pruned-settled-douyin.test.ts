// The 抖店 case of test/state/pruned-settled-sighting (9736aae, Tmall's): a sighted order (docs/rules.md
// §1.1) closed never shipped, judged late from its sighting, whose voucher the shop owes nothing for.
// Under douyin-2025 the platform deducts every amount from the shop (§1.3b, `payer: platform-deducts`):
// `toIssue` is always 0.00, so the voucher is final with nothing to issue and is never recorded (§1.4a)
// — no recorded voucher pays the order, and its sighting never goes (it never ships). Reading adopted
// (rev36, §1.1): such an order is not named once its export is pruned; the sighting stays, so a run
// reading the export again judges it from it as before.
//
// By hand (douyin-2025: deadline = 承诺发货时间, window = deadline − paid time; base `paid` = 订单应付金额;
// rate, then half-up to whole yuan, then min/max; per order, never combined):
// - D1 300.00, paid 11-01 10:00:00, promised 11-04 10:00:00: window 72 h (the 48–240 h rows). The
//   11-05 10:00 run reads it 待发货 in an export whose latest payment is 11-05 10:00:00 (E): the sighting
//   is min(11-05 10:00:00, --as-of) = 11-05 10:00:00, 24 h late (≤ 48 h: tier 5, late, 1 %, 2–50):
//   300.00 × 1 % = 3.00 → 3 yuan → 3.00, provisional. Closed (已关闭) never shipped by the 11-08 10:00
//   export: late by at least 24 h (the sighting; at --as-of it would be 96 h, 缺货 3 % = 9.00): 3.00,
//   final, to be deducted by the platform, toIssue 0.00.
// - D2 250.00, paid 11-01 12:00:00, promised 11-03 12:00:00: window 48 h (the ≤ 48 h rows). Seen at
//   11-05 10:00:00, 46 h late (≤ 48 h: tier 4, 0 %, 0.00–0.00): 0.00, provisional; closed never shipped:
//   late by at least 46 h, 0.00, final (at --as-of, 92 h: 缺货 tier 1, 1 % × 250.00 = 2.50 → 3 yuan → 3.00).
// Summary of the 11-08 run: 2 late, deducted 3.00 (D2's 0.00 is no deduction: douyin.cli.test).
// Then both exports pruned: the 11-09 10:00 run reads only G (paid 11-09 10:00:00, not due): D1 and D2
// were named ("saw late and still unshipped … not among the orders this run read"), exit 1, every run.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

type Row = Record<string, unknown>;
const D1 = '6900000000000200001';
const D2 = '6900000000000200002';
const NAMED = 'not among the orders this run read';

interface Line { id: string; buyer: string; paid: string; paidAt: string; promised: string; status: string; shipped?: string; cancel?: string }
function douyin(dir: string, name: string, lines: Line[]): string {
  const H: string[] = DOUYIN_HEADERS;
  const row = (l: Line) => {
    const v: Record<string, string> = {
      主订单编号: `\t${l.id}`, 子订单编号: `\t${l.id}`, 选购商品: '羊毛围巾', 商品规格: '默认', 商品数量: '1', 商品单价: l.paid, 订单应付金额: l.paid, 运费: '0.00',
      订单提交时间: l.paidAt, 支付完成时间: l.paidAt, 订单状态: l.status, 承诺发货时间: l.promised, 订单类型: '普通订单', 用户昵称: l.buyer,
      发货时间: l.shipped ?? '', 取消原因: l.cancel ?? '',
    };
    return H.map((h) => csvCell(v[h] ?? '')).join(',');
  };
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...lines.map(row)].join('\r\n') + '\r\n');
  return f;
}
const d1 = (status: string, cancel?: string): Line => ({ id: D1, buyer: '抖音买家甲', paid: '300.00', paidAt: '2026-11-01 10:00:00', promised: '2026-11-04 10:00:00', status, ...(cancel ? { cancel } : {}) });
const d2 = (status: string, cancel?: string): Line => ({ id: D2, buyer: '抖音买家乙', paid: '250.00', paidAt: '2026-11-01 12:00:00', promised: '2026-11-03 12:00:00', status, ...(cancel ? { cancel } : {}) });
// An order paid at the export's making: what the export proves about its own time (§1.1); not due.
const madeAt = (id: string, at: string): Line => ({ id, buyer: '抖音买家丙', paid: '50.00', paidAt: at, promised: '2026-11-20 00:00:00', status: '待发货' });

const run = (tz: string, file: string, state: string, asOf: string) => {
  const r = runCli(['compensate', file, '--state', state, '--as-of', asOf, '-f', 'json', '--lang', 'en', '--record'], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[]) => rows.filter((v) => (v.orderIds as string[]).some((id) => id === D1 || id === D2)).map((v) => [(v.orderIds as string[]).join(), v.kinds, v.amount, v.state, v.toIssue, v.payer]);

describe.each(['UTC', 'America/Los_Angeles'])('抖店: a sighted order closed never shipped, the platform deducts (TZ=%s)', (tz) => {
  it('is judged from its sighting, final, nothing to issue, and not named once its export is pruned', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const h1 = douyin(dir, 'h1.csv', [d1('待发货'), d2('待发货'), madeAt('6900000000000200011', '2026-11-05 10:00:00')]);
    const r1 = run(tz, h1, state, '2026-11-05 10:00:00');
    expect(brief(r1.rows)).toEqual([
      [D1, ['late'], '3.00', 'provisional', '0.00', 'platform-deducts'],
      [D2, ['late'], '0.00', 'provisional', '0.00', 'platform-deducts'],
    ]);
    expect(r1.code).toBe(0);
    const h2 = douyin(dir, 'h2.csv', [d1('已关闭', '买家申请退款'), d2('已关闭', '买家申请退款'), madeAt('6900000000000200012', '2026-11-08 10:00:00')]);
    const r2 = run(tz, h2, state, '2026-11-08 10:00:00');
    expect(brief(r2.rows)).toEqual([
      [D1, ['late'], '3.00', 'final', '0.00', 'platform-deducts'],
      [D2, ['late'], '0.00', 'final', '0.00', 'platform-deducts'],
    ]);
    expect(r2.stderr).toContain('2 closed orders never shipped, with no close time in the export, judged late from the state database\'s sighting');
    expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue; 1 to be deducted by the platform totalling 3.00');
    expect(r2.code).toBe(0);
    // Read again: still judged from the sightings (kept), the same.
    expect(brief(run(tz, h2, state, '2026-11-08 11:00:00').rows)).toEqual(brief(r2.rows));
    // h1 and h2 pruned: D1 and D2 are in no input. Before: both named, exit 1, every run.
    const h3 = douyin(dir, 'h3.csv', [madeAt('6900000000000200013', '2026-11-09 10:00:00')]);
    const r3 = run(tz, h3, state, '2026-11-09 10:00:00');
    expect(r3.stderr).not.toContain(NAMED);
    expect(r3.code).toBe(0);
    // A later run reading the closed export again (put back) judges them from the sightings as before.
    expect(brief(run(tz, h2, state, '2026-11-09 11:00:00').rows)).toEqual(brief(r2.rows));
  });

  it('one still open when its export is pruned is named as before (its deduction may still grow)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const h1 = douyin(dir, 'h1.csv', [d1('待发货'), madeAt('6900000000000200011', '2026-11-05 10:00:00')]);
    expect(run(tz, h1, state, '2026-11-05 10:00:00').code).toBe(0);
    const h3 = douyin(dir, 'h3.csv', [madeAt('6900000000000200013', '2026-11-09 10:00:00')]);
    const r3 = run(tz, h3, state, '2026-11-09 10:00:00');
    // Deadline 11-04 10:00:00, last seen 11-05 10:00:00 (the sighting, above).
    expect(r3.stderr).toContain(`1 order an earlier --record run saw late and still unshipped is not among the orders this run read: ${D1} (deadline 2026-11-04 10:00:00, last seen unshipped 2026-11-05 10:00:00)`);
    expect(r3.code).toBe(1);
  });
});
