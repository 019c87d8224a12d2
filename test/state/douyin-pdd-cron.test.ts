// --record runs in sequence on 抖店 and 拼多多 exports (money41), worked by hand from docs/rules.md.
//
// 抖店 across the douyin-2025 boundary (§1.3a: an order paid before 2025-09-29 00:00:00 has no rule set,
// `no_rule_set`, exit 1; from then douyin-2025, §1.3b: deadline = 承诺发货时间, window = deadline − paid;
// base `paid` = 订单应付金额; rate, half-up to whole yuan, then min/max; per order; the platform deducts:
// toIssue 0.00, never recorded). Three downloads, read one per run:
// - A 300.00 paid 2025-09-28 23:59:59 (one second before the set): not judged in every run holding it
//   (no_rule_set, exit 1), unshipped or shipped; never sighted, so never named once pruned.
// - B 350.00 paid 2025-09-29 00:00:00, promised 10-02 00:00:00 (72 h window, the 48–240 h rows). E1
//   (as-of 10-03 10:00:00, latest payment C 10-03 10:00:00) sees it 34 h late, unshipped: tier 5, 1 % ×
//   350.00 = 3.50 → 4 yuan (half-up) → 4.00, provisional; sighting 10-03 10:00:00. E2 (10-06 10:00) shows
//   it 已关闭, never shipped: late by at least 34 h (the sighting), 4.00, final (at --as-of, 106 h, it
//   would be 缺货 tier 2: 3 % × 350.00 = 10.50 → 11.00).
// - B2 500.00 paid 2025-09-30 10:00:00, promised 10-02 10:00:00 (48 h window): E1 shows it shipped
//   10-03 10:00:00, 24 h late: tier 4, 0 %, 0.00, final. E2 shows the 发货时间 corrected to 10-04 12:00:00,
//   50 h late: 缺货 tier 1, 1 % × 500.00 = 5.00 → 5.00, final: a changed deduction, nothing recorded,
//   so no amount_changed and nothing to re-issue (the recorded column stays empty).
// - E2's deductions: B 4.00 + B2 5.00 = 9.00 (2 rows). E3 (B, B2 and A pruned): nothing named, exit 0.
//
// 拼多多 with a shop's own rule file (§1.3d; the example's tiers, payer shop-issues: 48 h, base paid =
// 用户实付金额, up to 72 h late 5 % (3.00–30.00), over 72 h out of stock 10 % (5.00–100.00), fen; no buyer
// column: each order its own voucher, so a changed amount is `amount_changed`, never a `conflict`):
// P 200.00 paid 11-10 09:00:00, deadline 11-12 09:00:00, shipped 11-13 10:00:00: 25 h late, 5 % ×
// 200.00 = 10.00, final, recorded new. The platform's corrected 发货时间 11-15 10:00:00: 73 h late, out of
// stock, 10 % × 200.00 = 20.00: amount_changed, 10.00 owed, exit 1; --reissue all records the top-up
// (topped_up, 10.00); read again: already_recorded, 0.00; the ledger holds 20.00 issued.
//
// 抖店 with a shop's own rule file that issues and combines (§1.6: platform douyin, 48 h, base paid, up
// to 72 h late 5 % (3.00–30.00), fen, the buyer's calendar day capped at 20.00, payer shop-issues; 抖店
// names the buyer, 用户昵称): D1 300.00 paid 11-10 09:00:00, promised 11-12 09:00:00, shipped 11-13
// 09:00:00: 24 h late, 5 % × 300.00 = 15.00; D2 200.00 paid 11-10 15:00:00, promised 11-12 15:00:00, shown
// shipped 11-12 14:00:00 (on time): the day {D1} 15.00, final, recorded new. The next download shows D2
// shipped 11-13 15:00:00, 24 h late: 5 % × 200.00 = 10.00; the day {D1, D2} 25.00, capped 20.00: a
// conflict with {D1}, 20.00 − 15.00 = 5.00 owed, exit 1; --reissue all records it (reissued, 5.00);
// read again: already_recorded; the ledger holds 20.00 issued.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, PDD_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';

type Row = Record<string, unknown>;
interface Line { id: string; buyer: string; paid: string; paidAt: string; promised: string; status: string; shipped?: string; cancel?: string }
function douyin(dir: string, name: string, lines: Line[]): string {
  const H: string[] = DOUYIN_HEADERS;
  const row = (l: Line) => {
    const v: Record<string, string> = {
      主订单编号: `\t${l.id}`, 子订单编号: `\t${l.id}`, 选购商品: '羊毛围巾', 商品规格: '默认', 商品数量: '1', 商品单价: l.paid, 订单应付金额: l.paid, 运费: '0.00',
      订单提交时间: l.paidAt, 支付完成时间: l.paidAt, 订单状态: l.status, 承诺发货时间: l.promised, 订单类型: '普通订单', 用户昵称: l.buyer,
      发货时间: l.shipped ?? '', 取消原因: l.cancel ?? '', ...(l.shipped ? { 快递公司: '申通快递', 快递单号: `77300000${l.id.slice(-6)}` } : {}),
    };
    return H.map((h) => csvCell(v[h] ?? '')).join(',');
  };
  const f = path.join(dir, name);
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...lines.map(row)].join('\r\n') + '\r\n');
  return f;
}

const A = '6900000000000300001';
const B = '6900000000000300002';
const B2 = '6900000000000300003';
const a = (over: Partial<Line>): Line => ({ id: A, buyer: '抖音买家甲', paid: '300.00', paidAt: '2025-09-28 23:59:59', promised: '2025-10-01 23:59:59', status: '待发货', ...over });
const b = (over: Partial<Line>): Line => ({ id: B, buyer: '抖音买家乙', paid: '350.00', paidAt: '2025-09-29 00:00:00', promised: '2025-10-02 00:00:00', status: '待发货', ...over });
const b2 = (shipped: string): Line => ({ id: B2, buyer: '抖音买家丙', paid: '500.00', paidAt: '2025-09-30 10:00:00', promised: '2025-10-02 10:00:00', status: '已发货', shipped });
const madeAt = (id: string, at: string): Line => ({ id, buyer: '抖音买家丁', paid: '50.00', paidAt: at, promised: '2025-10-20 00:00:00', status: '待发货' });

const cli = (tz: string, args: string[]) => {
  const r = runCli(['compensate', ...args, '-f', 'json', '--lang', 'en', '--record'], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const brief = (rows: Row[], ids: string[]) => rows.filter((v) => (v.orderIds as string[]).some((id) => ids.includes(id))).map((v) => [(v.orderIds as string[]).join(), v.rules, v.kinds, v.amount, v.state, v.toIssue, v.recorded]);

describe.each(['UTC', 'America/Los_Angeles'])('--record runs in sequence on 抖店 and 拼多多 exports (TZ=%s)', (tz) => {
  it('抖店 across 2025-09-29: no rule set before, douyin-2025 from; a sighting prices the closed order; a changed deduction is never amount_changed', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const e1 = douyin(dir, 'e1.csv', [a({}), b({}), b2('2025-10-03 10:00:00'), madeAt('6900000000000300011', '2025-10-03 10:00:00')]);
    const r1 = cli(tz, [e1, '--state', state, '--as-of', '2025-10-03 10:00:00']);
    expect(brief(r1.rows, [A, B, B2])).toEqual([
      [B, 'douyin-2025', ['late'], '4.00', 'provisional', '0.00', ''],
      [B2, 'douyin-2025', ['late'], '0.00', 'final', '0.00', ''],
    ]);
    expect(r1.stderr).toContain('no_rule_set=1');
    expect(r1.code).toBe(1);
    const e2 = douyin(dir, 'e2.csv', [a({ status: '已发货', shipped: '2025-10-05 10:00:00' }), b({ status: '已关闭', cancel: '买家申请退款' }), b2('2025-10-04 12:00:00'), madeAt('6900000000000300012', '2025-10-06 10:00:00')]);
    const r2 = cli(tz, [e2, '--state', state, '--as-of', '2025-10-06 10:00:00']);
    expect(brief(r2.rows, [A, B, B2])).toEqual([
      [B, 'douyin-2025', ['late'], '4.00', 'final', '0.00', ''],
      [B2, 'douyin-2025', ['out_of_stock'], '5.00', 'final', '0.00', ''],
    ]);
    expect(r2.stderr).toContain(`${B} (${e2}:3) seen open and unshipped at 2025-10-03 10:00:00, 34 h after its deadline 2025-10-02 00:00:00`);
    expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue; 2 to be deducted by the platform totalling 9.00');
    expect(r2.stderr).toContain('no_rule_set=1');
    expect(r2.code).toBe(1);
    const e3 = douyin(dir, 'e3.csv', [madeAt('6900000000000300013', '2025-10-07 10:00:00')]);
    const r3 = cli(tz, [e3, '--state', state, '--as-of', '2025-10-07 10:00:00']);
    expect(r3.stderr).not.toContain('not among the orders this run read');
    expect(r3.code).toBe(0);
  });

  it('拼多多, a rule file of the shop\'s own that issues: a corrected ship time is amount_changed, --reissue all tops it up once', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const rules = path.join(dir, 'my-pdd.json');
    const example = JSON.parse(fs.readFileSync(path.join(__dirname, '../../templates/rules/custom-example.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(rules, JSON.stringify({ ...example, id: 'my-pdd-issues', payer: 'shop-issues' }));
    const P = '261110-313147329300001';
    const pdd = (name: string, shipped: string, madeId: string, madeAtTime: string) => {
      const H: string[] = PDD_HEADERS;
      const row = (v: Record<string, string>) => H.map((h) => csvCell(v[h] ?? '')).join(',');
      const f = path.join(dir, name);
      fs.writeFileSync(f, [H.join(','),
        row({ 商品: '加厚羊毛围巾', 订单号: P, 订单状态: '已发货，待收货', '商品总价(元)': '200.00', '邮费(元)': '0.00', '用户实付金额(元)': '200.00', '商家实收金额(元)': '200.00', '商品数量(件)': '1', 发货时间: shipped, 快递单号: '773012345600001', 快递公司: '申通快递', 订单成交时间: '2026-11-10 09:00:00' }),
        row({ 商品: '毛线球清理器', 订单号: madeId, 订单状态: '待发货', '商品总价(元)': '12.00', '邮费(元)': '0.00', '用户实付金额(元)': '12.00', '商家实收金额(元)': '12.00', '商品数量(件)': '1', 订单成交时间: madeAtTime }),
      ].join('\n') + '\n');
      return f;
    };
    const f1 = pdd('p1.csv', '2026-11-13 10:00:00', '261114-313147329300011', '2026-11-14 12:00:00');
    const r1 = cli(tz, [f1, '--state', state, '--as-of', '2026-11-14 12:00:00', '--rules', rules]);
    expect(brief(r1.rows, [P])).toEqual([[P, 'my-pdd-issues', ['late'], '10.00', 'final', '10.00', 'new']]);
    const f2 = pdd('p2.csv', '2026-11-15 10:00:00', '261116-313147329300012', '2026-11-16 12:00:00');
    const r2 = cli(tz, [f2, '--state', state, '--as-of', '2026-11-16 12:00:00', '--rules', rules]);
    expect(brief(r2.rows, [P])).toEqual([[P, 'my-pdd-issues', ['out_of_stock'], '20.00', 'final', '10.00', 'amount_changed']]);
    expect(r2.code).toBe(1);
    const r3 = cli(tz, [f2, '--state', state, '--as-of', '2026-11-16 12:00:00', '--rules', rules, '--reissue', 'all']);
    expect(brief(r3.rows, [P])).toEqual([[P, 'my-pdd-issues', ['out_of_stock'], '20.00', 'final', '10.00', 'topped_up']]);
    const r4 = cli(tz, [f2, '--state', state, '--as-of', '2026-11-16 13:00:00', '--rules', rules]);
    expect(brief(r4.rows, [P])).toEqual([[P, 'my-pdd-issues', ['out_of_stock'], '20.00', 'final', '0.00', 'already_recorded']]);
    const l = runCli(['ledger', 'list', '--state', state, '-f', 'json'], { tz });
    expect((JSON.parse(l.stdout) as Row[]).reduce((s, v) => s + Math.round(Number(v.issued) * 100), 0)).toBe(2000);
  });

  it('抖店, a rule file of the shop\'s own that issues and combines: a grown day is a conflict, --reissue all pays the rest once', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const rules = path.join(dir, 'my-douyin.json');
    const example = JSON.parse(fs.readFileSync(path.join(__dirname, '../../templates/rules/custom-example.json'), 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(rules, JSON.stringify({ ...example, id: 'my-douyin-issues', platform: 'douyin', combine: { by: 'calendar-day', cap: '20.00' }, payer: 'shop-issues' }));
    const D1 = '6900000000000400001';
    const D2 = '6900000000000400002';
    const d1: Line = { id: D1, buyer: '抖音买家戊', paid: '300.00', paidAt: '2026-11-10 09:00:00', promised: '2026-11-12 09:00:00', status: '已发货', shipped: '2026-11-13 09:00:00' };
    const d2 = (shipped: string): Line => ({ id: D2, buyer: '抖音买家戊', paid: '200.00', paidAt: '2026-11-10 15:00:00', promised: '2026-11-12 15:00:00', status: '已发货', shipped });
    const f1 = douyin(dir, 'f1.csv', [d1, d2('2026-11-12 14:00:00'), madeAt('6900000000000400011', '2026-11-14 10:00:00')]);
    const r1 = cli(tz, [f1, '--state', state, '--as-of', '2026-11-14 10:00:00', '--rules', rules]);
    expect(brief(r1.rows, [D1, D2])).toEqual([[D1, 'my-douyin-issues', ['late'], '15.00', 'final', '15.00', 'new']]);
    const f2 = douyin(dir, 'f2.csv', [d1, d2('2026-11-13 15:00:00'), madeAt('6900000000000400012', '2026-11-15 10:00:00')]);
    const r2 = cli(tz, [f2, '--state', state, '--as-of', '2026-11-15 10:00:00', '--rules', rules]);
    expect(brief(r2.rows, [D1, D2])).toEqual([[`${D1},${D2}`, 'my-douyin-issues', ['late'], '20.00', 'final', '5.00', 'conflict']]);
    expect(r2.code).toBe(1);
    const r3 = cli(tz, [f2, '--state', state, '--as-of', '2026-11-15 10:00:00', '--rules', rules, '--reissue', 'all']);
    expect(brief(r3.rows, [D1, D2])).toEqual([[`${D1},${D2}`, 'my-douyin-issues', ['late'], '20.00', 'final', '5.00', 'reissued']]);
    const r4 = cli(tz, [f2, '--state', state, '--as-of', '2026-11-15 11:00:00', '--rules', rules]);
    expect(brief(r4.rows, [D1, D2])).toEqual([[`${D1},${D2}`, 'my-douyin-issues', ['late'], '20.00', 'final', '0.00', 'already_recorded']]);
    const l = runCli(['ledger', 'list', '--state', state, '-f', 'json'], { tz });
    expect((JSON.parse(l.stdout) as Row[]).reduce((s, v) => s + Math.round(Number(v.issued) * 100), 0)).toBe(2000);
  });
});
