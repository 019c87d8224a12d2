// An order priced as one (douyin-2025, docs/rules.md §1.1, §1.3b) whose line L1 shipped and whose other
// line L2, still open and unshipped, was seen by a --record run after the deadline, then closed (refunded)
// without shipping. RULES 1.1: the order ships when its last live line does; partly shipped after the
// deadline it is still unshipped and late on its whole amount; only a line closed *before* the deadline
// is not late. The sighting proves L2 open (a live line unshipped) after the deadline, so it closed after
// it: the order was late by at least sighting − deadline (as a one-line order closed after its sighting,
// §1.1), priced whole (closed lines in the base, §1.3b/§1.4), final (nothing of it can ship any more).
// Until money43 the closed L2 dropped out of the fold, the order "shipped" at L1's time: on time, nothing
// deducted, and the sighting was deleted (the order showed a 发货时间).
//
// By hand (douyin-2025; deadline = 承诺发货时间; base `paid` = Σ 订单应付金额; rate, half-up to whole yuan, min/max):
// - D: paid 11-01 10:00:00, promised 11-04 10:00:00 (72 h window: the 48–240 h rows). L1 100.00 shipped
//   11-03 10:00:00 (on time), L2 250.00 待发货. Run 1 (--record, as of 11-05 10:00; the export's latest
//   payment 11-05 10:00:00): D partly shipped = unshipped, 24 h late, tier 5: 1 % × 350.00 = 3.50 → 4 yuan
//   → 4.00 (2–50), provisional, to be deducted (toIssue 0.00). Sighting 11-05 10:00:00.
//   Run 2 (as of 11-08 10:00): L1 已完成, L2 已关闭 never shipped: late by at least 11-05 10:00 − 11-04 10:00
//   = 24 h (L1 alone: 0 h): 4.00, final, shipSource seen_open, hoursLate 24. Run 3 reads e2 again: the same
//   (the sighting is kept: the order never ships as a whole).
//   Without the state database (no sighting): nothing says L2 closed after the deadline: on time, as before.
// - E: the same, but L1 shipped 11-04 12:00:00 (2 h late) and the sighting at 11-07 11:00:00 (73 h late,
//   over 48 h: 缺货/无货, tier 2: 3 % × 350.00 = 10.50 → 11 yuan → 11.00, 3–50). Closed later: the larger
//   of L1's 2 h and the sighting's 73 h: 11.00, final, hoursLate 73 (by L1 alone 2 h late: tier 5, 4.00).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

type Row = Record<string, unknown>;
const cli = (tz: string, args: string[], record = true) => {
  const r = runCli(['compensate', ...args, ...(record ? ['--record'] : []), '-f', 'json', '--lang', 'en'], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[], id: string) => rows.filter((v) => (v.orderIds as string[]).includes(id)).map((v) => [v.rules, v.baseAmount, v.amount, v.state, v.toIssue]);

function douyin(dir: string, name: string, rows: Record<string, string>[]): string {
  const H: string[] = DOUYIN_HEADERS;
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...rows.map((v) => H.map((h) => csvCell(v[h] ?? '')).join(','))].join('\r\n') + '\r\n');
  return f;
}
const line = (id: string, sub: string, paid: string, status: string, shipped = '', cancel = '') => ({ 主订单编号: `\t${id}`, 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00', 订单提交时间: '2026-11-01 10:00:00', 支付完成时间: '2026-11-01 10:00:00', 订单状态: status, 承诺发货时间: '2026-11-04 10:00:00', 用户昵称: '抖音买家甲', 取消原因: cancel, 发货时间: shipped });
const made = (id: string, at: string) => ({ 主订单编号: `\t${id}`, 子订单编号: `\t${id}`, 选购商品: '毛线球', 商品数量: '1', 商品单价: '5.00', 订单应付金额: '5.00', 运费: '0.00', 订单提交时间: at, 支付完成时间: at, 订单状态: '待发货', 承诺发货时间: '2026-11-20 10:00:00', 用户昵称: '抖音买家丙' });

describe.each(['UTC', 'America/Los_Angeles'])('抖店: a line shipped, the other seen open past the deadline, then refunded unshipped (TZ=%s)', (tz) => {
  it('D: 4.00 provisional, then 4.00 final from the sighting (was on time), again on a second read; on time without the state', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const D = '6900000000000600001';
    const e1 = douyin(dir, 'e1.csv', [line(D, `${D}1`, '100.00', '已发货', '2026-11-03 10:00:00'), line(D, `${D}2`, '250.00', '待发货'), made('6900000000000600011', '2026-11-05 10:00:00')]);
    expect(brief(cli(tz, [e1, '--state', state, '--as-of', '2026-11-05 10:00:00']).rows, D)).toEqual([['douyin-2025', '350.00', '4.00', 'provisional', '0.00']]);
    const e2 = douyin(dir, 'e2.csv', [line(D, `${D}1`, '100.00', '已完成', '2026-11-03 10:00:00'), line(D, `${D}2`, '250.00', '已关闭', '', '买家申请退款'), made('6900000000000600012', '2026-11-08 10:00:00')]);
    const r2 = cli(tz, [e2, '--state', state, '--as-of', '2026-11-08 10:00:00']);
    expect(brief(r2.rows, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    expect(r2.stderr).toContain(`1 closed order or order line never shipped, with no close time in the export, judged late from the state database's sighting, not counted as closed_unshipped: ${D} (${e2}:2) seen open and unshipped at 2026-11-05 10:00:00, 24 h after its deadline 2026-11-04 10:00:00`);
    const byOrder = runCli(['compensate', e2, '--state', state, '--as-of', '2026-11-08 10:00:00', '--by', 'order', '-f', 'json', '--lang', 'en'], { tz });
    expect((JSON.parse(byOrder.stdout) as Row[]).filter((v) => v.orderId === D).map((v) => [v.shipSource, v.hoursLate, v.afterMinimum])).toEqual([['seen_open', 24, '4.00']]);
    const r3 = cli(tz, [e2, '--state', state, '--as-of', '2026-11-08 11:00:00']);
    expect(brief(r3.rows, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    // No state database: no sighting, nothing says L2 closed after the deadline.
    expect(brief(cli(tz, [e2, '--state', path.join(dir, 'none.db'), '--as-of', '2026-11-08 10:00:00'], false).rows, D)).toEqual([]);
  });

  it('F: L1 shipped after the sighting: judged by its ship time, 4.00 final; the sighting goes (not named once pruned)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const F = '6900000000000600003';
    const e1 = douyin(dir, 'e1.csv', [line(F, `${F}1`, '100.00', '待发货'), line(F, `${F}2`, '250.00', '待发货'), made('6900000000000600031', '2026-11-05 10:00:00')]);
    expect(brief(cli(tz, [e1, '--state', state, '--as-of', '2026-11-05 10:00:00']).rows, F)).toEqual([['douyin-2025', '350.00', '4.00', 'provisional', '0.00']]);
    const e2 = douyin(dir, 'e2.csv', [line(F, `${F}1`, '100.00', '已发货', '2026-11-06 10:00:00'), line(F, `${F}2`, '250.00', '已关闭', '', '买家申请退款'), made('6900000000000600032', '2026-11-07 10:00:00')]);
    const r2 = cli(tz, [e2, '--state', state, '--as-of', '2026-11-07 10:00:00']);
    expect(brief(r2.rows, F)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    const byOrder = runCli(['compensate', e2, '--state', state, '--as-of', '2026-11-07 10:00:00', '--by', 'order', '-f', 'json', '--lang', 'en'], { tz });
    expect((JSON.parse(byOrder.stdout) as Row[]).filter((v) => v.orderId === F).map((v) => [v.shipSource, v.hoursLate, v.afterMinimum])).toEqual([['marked_shipped', 48, '4.00']]);
    const e3 = douyin(dir, 'e3.csv', [made('6900000000000600033', '2026-11-08 10:00:00')]);
    const r3 = cli(tz, [e3, '--state', state, '--as-of', '2026-11-08 10:00:00']);
    expect(r3.stderr).not.toContain(F);
    expect(r3.code).toBe(0);
  });

  it('E: L1 2 h late, the sighting 73 h late: 缺货 3 % × 350.00 = 10.50 → 11.00 final (L1 alone: 4.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const E = '6900000000000600002';
    const e1 = douyin(dir, 'e1.csv', [line(E, `${E}1`, '100.00', '已发货', '2026-11-04 12:00:00'), line(E, `${E}2`, '250.00', '待发货'), made('6900000000000600021', '2026-11-07 11:00:00')]);
    expect(brief(cli(tz, [e1, '--state', state, '--as-of', '2026-11-07 11:00:00']).rows, E)).toEqual([['douyin-2025', '350.00', '11.00', 'provisional', '0.00']]);
    const e2 = douyin(dir, 'e2.csv', [line(E, `${E}1`, '100.00', '已完成', '2026-11-04 12:00:00'), line(E, `${E}2`, '250.00', '已关闭', '', '买家申请退款'), made('6900000000000600022', '2026-11-09 10:00:00')]);
    const r2 = cli(tz, [e2, '--state', state, '--as-of', '2026-11-09 10:00:00']);
    expect(brief(r2.rows, E)).toEqual([['douyin-2025', '350.00', '11.00', 'final', '0.00']]);
    const byOrder = runCli(['compensate', e2, '--state', state, '--as-of', '2026-11-09 10:00:00', '--by', 'order', '-f', 'json', '--lang', 'en'], { tz });
    expect((JSON.parse(byOrder.stdout) as Row[]).filter((v) => v.orderId === E).map((v) => [v.shipSource, v.hoursLate, v.afterMinimum])).toEqual([['seen_open', 73, '11.00']]);
    expect(brief(cli(tz, [e2, '--as-of', '2026-11-09 10:00:00', '--state', path.join(dir, 'none.db')], false).rows, E)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
  });
});
