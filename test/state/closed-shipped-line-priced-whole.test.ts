// rev38, found reviewing money43's 93d550b ("cases around it: shipped after the deadline then refunded").
// An order priced as one (douyin-2025, tmall-2023, tmall-global-2026) whose line L2 shipped after the
// deadline and was then refunded (交易关闭/已关闭 with its own 发货时间), beside a live line L1 shipped on
// time, is judged on time: the fold (orders/merge.ts foldLines, and enrichOrder for a 宝贝报表) takes the
// ship time of the live lines only, so L2's late 发货时间 drops out with L2. RULES 1.1 (docs/rules.md): late
// = shipped after the deadline; only an order closed *before* its deadline is not late; an order of several
// lines ships when its last line to ship does — L2 could not be refunded after shipping before it shipped,
// so the order's shipping ended no earlier than L2's 发货时间. §1.3 (per line, tmall-2026) already judges
// such a line "by its ship time like a live line" (a 1000.00 line a day late then refunded: paid); and
// money43 makes the same order late when L2, seen open after the deadline, was refunded *unshipped* — so
// today the line that verifiably shipped late earns less than the one that never shipped at all.
// Fixed by money44: the fold (merge.ts foldLines, hence enrichOrder) and the pickup-scan fold (assess.ts
// foldedPickup) count a closed line's own 发货时间 / parcel when it shipped; the four cases below were
// it.fails until then. The amounts worked again from docs/rules.md (§1.1, §1.2, §1.3b, §1.4): confirmed.
//
// By hand:
// - 抖店 D (douyin-2025): paid 11-01 10:00:00, 承诺发货时间 11-04 10:00:00 (72 h window). L1 100.00 shipped
//   11-03 10:00:00 (on time); L2 250.00 shipped 11-06 10:00:00 (48 h late: exactly 48 h is still tier 5),
//   then 已关闭 (refunded). The order shipped 11-06 10:00:00, 48 h late: 1 % × 350.00 = 3.50 → 4 yuan →
//   4.00 (2.00–50.00), final, deducted by the platform (toIssue 0.00). Today: on time, no row.
// - tmall-2023 A: paid 04-01 10:00:00, deadline 04-03 10:00:00 (48 h). L1 300.00 shipped 04-03 09:00:00,
//   L2 200.00 shipped 04-04 10:00:00 (24 h late) then 交易关闭 退款成功; the order report 交易成功 with the
//   first parcel's 发货时间 04-03 09:00:00. The order shipped 04-04 10:00:00, 24 h late: 30 % × 500.00
//   (refunds not subtracted, §1.4) = 150.00, final, to issue. Today: on time, nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from '../orders/build.js';

type Row = Record<string, unknown>;
const brief = (out: string, id: string) => (JSON.parse(out) as Row[]).filter((v) => (v.orderIds as string[]).includes(id)).map((v) => [v.rules, v.baseAmount, v.amount, v.state, v.toIssue]);

function douyin(dir: string, rows: Record<string, string>[]): string {
  const H: string[] = DOUYIN_HEADERS;
  const f = path.join(dir, 'd.csv');
  fs.writeFileSync(f, '\uFEFF' + [H.map(csvCell).join(','), ...rows.map((v) => H.map((h) => csvCell(v[h] ?? '')).join(','))].join('\r\n') + '\r\n');
  return f;
}
const dLine = (id: string, sub: string, paid: string, status: string, shipped: string, cancel = '') => ({ 主订单编号: `\t${id}`, 子订单编号: `\t${sub}`, 选购商品: '羊毛围巾', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00', 订单提交时间: '2026-11-01 10:00:00', 支付完成时间: '2026-11-01 10:00:00', 订单状态: status, 承诺发货时间: '2026-11-04 10:00:00', 用户昵称: '抖音买家甲', 取消原因: cancel, 发货时间: shipped });

const HEAD =
  '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间,';
const A = '3720000000000000481';
const PAID = '2026-04-01 10:00:00';
const tLine = (sub: string, amount: string, status: string, shipped: string, refund = '') => `="${sub}",="${A}",t,${amount},1,,,,,${status},,,${amount},${amount},${refund},${refund ? amount : '0'},${PAID},${PAID},,,,,${shipped},,,,,,`;

describe.each(['UTC', 'America/Los_Angeles'])('priced as one: a line shipped late then refunded beside one on time (TZ=%s)', (tz) => {
  it('抖店: 1 % × 350.00 = 3.50 → 4.00 final (was on time)', () => {
    const dir = tmpDir();
    const D = '6900000000000700001';
    const f = douyin(dir, [dLine(D, `${D}1`, '100.00', '已完成', '2026-11-03 10:00:00'), dLine(D, `${D}2`, '250.00', '已关闭', '2026-11-06 10:00:00', '买家申请退款')]);
    const r = runCli(['compensate', f, '--as-of', '2026-11-08 10:00:00', '--state', path.join(dir, 'none.db'), '-f', 'json', '--lang', 'en'], { tz });
    expect(brief(r.stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
  });
  it('tmall-2023: 30 % × 500.00 = 150.00 final, to issue (was on time)', () => {
    const dir = tmpDir();
    const o = write(dir, 'o.csv', taobaoCsv([order(A, { 订单状态: '交易成功', 订单创建时间: PAID, 订单付款时间: PAID, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: '2026-04-03 09:00:00' })]));
    const i = write(dir, 'i.csv', [HEAD, tLine('3720000000000000491', '300.00', '交易成功', '2026-04-03 09:00:00'), tLine('3720000000000000492', '200.00', '交易关闭', '2026-04-04 10:00:00', '退款成功'), ''].join('\n'));
    const r = runCli(['compensate', o, i, '--as-of', '2026-04-10 10:00:00', '--state', path.join(dir, 'none.db'), '-f', 'json', '--lang', 'en'], { tz });
    expect(brief(r.stdout, A)).toEqual([['tmall-2023', '500.00', '150.00', 'final', '150.00']]);
  });
});

// money44: the fold now counts a closed line's own 发货时间 (and its parcel's pickup scan) when that line
// shipped; a closed line that never shipped still drops out (money43's sighting path, rev38's bound and
// closed_unshipped unchanged). Cases, by hand (rates and bases as above: douyin-2025 tier 5 for a 72 h
// window ≤ 48 h late, 1 % of Σ 订单应付金额 half-up to whole yuan, 2.00–50.00, platform deducts; tmall-2023
// 48 h from payment, 30 % of 买家实际支付金额 − 邮费, at least 5.00, shop issues):
// (a) the closed line shipped ON time, the live line late: the order ships at the later, the live line's —
//     抖店 L1 100.00 shipped 11-06 10:00:00 (48 h late), L2 250.00 shipped 11-03 10:00:00 then 已关闭: 4.00
//     final, hoursLate 48, as before (guard: passes before and after).
// (b) both lines closed after shipping, one late: RULES 1.1 (docs/rules.md §1.1 "Late": "An order whose lines
//     are all closed ships when its last line did if every line shipped") — already so before (guard):
//     抖店 L1 已关闭 shipped 11-03 10:00:00, L2 已关闭 shipped 11-06 10:00:00: every promise is a closed line's,
//     the earliest 11-04 10:00:00 stands; 48 h late: 4.00 final. tmall-2023 order report 交易关闭 (发货时间
//     04-03 09:00:00) + lines both 交易关闭 退款成功 shipped 04-03 09:00:00 and 04-04 10:00:00: 24 h late,
//     150.00 final to issue (§1.4: refunds are not subtracted).
// (a+b) three lines: L1 live on time, L2 closed shipped 48 h late, L3 closed never shipped, no state
//     database (no sighting): judged by its shipped lines, L2's 48 h: 4.00 final (was on time: the fold took
//     L1 alone). Fails before.
// Pickup scans (§1.1 "picked up when its last live line was" now reads "its last line that shipped"):
//     抖店 E L1 W1 scanned 11-03 09:00:00, L2 (已关闭, 发货时间 11-06 10:00:00) W2 scanned 11-06 09:00:00: the
//     order is picked up 11-06 09:00:00, 47 h late: 4.00 (was on time by W1 alone). W2 not in the scans: L2
//     stands at its 发货时间, 48 h, marked_shipped: 4.00 (was on time). W2 scanned 11-04 09:00:00 (the carrier
//     took it on time, the seller marked it late): on time by the scans, nothing (guard).
// (c) --record, tmall-2023, order report + item report: run 1 (as of 04-05 10:00:00) sees L2 shipped 24 h late
//     and open (卖家已发货): 150.00 final, recorded new, 150.00 to issue. Run 2 (as of 04-10 10:00:00) sees L2
//     交易关闭 退款成功 with the same 发货时间: still 150.00 final, already_recorded, 0.00 to issue, no
//     amount_changed, the ledger 150.00 (before: on time, and the order named as paid by a recorded voucher
//     while judged on time). Fails before.
// (d) the reading of 订单报表 + 宝贝报表 (the tmall-2023 case above), the item report alone (the order folded
//     from its lines: base 300.00 + 200.00 = 500.00, no postage: 150.00), `orders normalize --lines` read
//     back (150.00), and the folded order's shippedAt 04-04 10:00:00. tmall-global-2026 (--rules), paid
//     11-01 10:00:00, deadline 11-03 10:00:00, L2 shipped 11-04 10:00:00 (24 h ≤ 72 h: tier 3, 5 %) then
//     closed: 5 % × 500.00 = 25.00 (5.00–50.00) final, to issue (was on time).
const dRow = (id: string, sub: string, paid: string, status: string, shipped: string, waybill: string) => ({ ...dLine(id, sub, paid, status, shipped), 快递公司: '申通快递', 快递单号: waybill });
const byOrder = (out: string, id: string) => (JSON.parse(out) as Row[]).filter((v) => v.orderId === id).map((v) => [v.shipSource, v.hoursLate, v.afterMinimum]);
const itemsA = (dir: string, name: string, l1: [string, string, string, string?], l2: [string, string, string, string?]) =>
  write(dir, name, [HEAD, tLine('3720000000000000491', l1[0], l1[1], l1[2], l1[3] ?? ''), tLine('3720000000000000492', l2[0], l2[1], l2[2], l2[3] ?? ''), ''].join('\n'));
const reportA = (dir: string, name: string, status: string, shipped: string, paid = PAID) =>
  write(dir, name, taobaoCsv([order(A, { 订单状态: status, 订单创建时间: paid, 订单付款时间: paid, 买家应付货款: '500.00', 买家应付邮费: '0.00', 买家实际支付金额: '500.00', 发货时间: shipped })]));

describe.each(['UTC', 'America/Los_Angeles'])('priced as one: closed lines that shipped count in the fold (money44, TZ=%s)', (tz) => {
  const run = (args: string[], asOf: string, dir: string) => runCli(['compensate', ...args, '--as-of', asOf, '--state', path.join(dir, 'none.db'), '-f', 'json', '--lang', 'en'], { tz });

  it('(a) the closed line on time, the live line 48 h late: 4.00 final, hoursLate 48, as before', () => {
    const dir = tmpDir();
    const D = '6900000000000700002';
    const f = douyin(dir, [dLine(D, `${D}1`, '100.00', '已完成', '2026-11-06 10:00:00'), dLine(D, `${D}2`, '250.00', '已关闭', '2026-11-03 10:00:00', '买家申请退款')]);
    expect(brief(run([f], '2026-11-08 10:00:00', dir).stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    expect(byOrder(run([f, '--by', 'order'], '2026-11-08 10:00:00', dir).stdout, D)).toEqual([['marked_shipped', 48, '4.00']]);
  });

  it('(b) both lines closed after shipping, one late: late by the last (抖店 4.00; tmall-2023 two files 150.00), as before', () => {
    const dir = tmpDir();
    const D = '6900000000000700003';
    const f = douyin(dir, [dLine(D, `${D}1`, '100.00', '已关闭', '2026-11-03 10:00:00', '买家申请退款'), dLine(D, `${D}2`, '250.00', '已关闭', '2026-11-06 10:00:00', '买家申请退款')]);
    expect(brief(run([f], '2026-11-08 10:00:00', dir).stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    const o = reportA(dir, 'o.csv', '交易关闭', '2026-04-03 09:00:00');
    const i = itemsA(dir, 'i.csv', ['300.00', '交易关闭', '2026-04-03 09:00:00'], ['200.00', '交易关闭', '2026-04-04 10:00:00', '退款成功']);
    expect(brief(run([o, i], '2026-04-10 10:00:00', dir).stdout, A)).toEqual([['tmall-2023', '500.00', '150.00', 'final', '150.00']]);
  });

  it('three lines: on time, closed shipped 48 h late, closed never shipped (no sighting): 4.00 final (was on time)', () => {
    const dir = tmpDir();
    const D = '6900000000000700004';
    const f = douyin(dir, [dLine(D, `${D}1`, '100.00', '已完成', '2026-11-03 10:00:00'), dLine(D, `${D}2`, '150.00', '已关闭', '2026-11-06 10:00:00', '买家申请退款'), dLine(D, `${D}3`, '100.00', '已关闭', '', '买家申请退款')]);
    expect(brief(run([f], '2026-11-08 10:00:00', dir).stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
  });

  it('pickup scans: the closed line\'s parcel counts (47 h: 4.00; no scan of it: its 发货时间, 48 h: 4.00; scanned on time: on time)', () => {
    const dir = tmpDir();
    const E = '6900000000000700005';
    const f = douyin(dir, [dRow(E, `${E}1`, '100.00', '已完成', '2026-11-03 10:00:00', 'W1'), { ...dRow(E, `${E}2`, '250.00', '已关闭', '2026-11-06 10:00:00', 'W2'), 取消原因: '买家申请退款' }]);
    const both = write(dir, 'scans.csv', '物流单号,揽收时间\nW1,2026-11-03 09:00:00\nW2,2026-11-06 09:00:00\n');
    const r = run([f, '--shipments', both, '--by', 'order'], '2026-11-08 10:00:00', dir);
    expect(byOrder(r.stdout, E)).toEqual([['pickup_scan', 47, '4.00']]);
    expect(brief(run([f, '--shipments', both], '2026-11-08 10:00:00', dir).stdout, E)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    expect(r.stderr).toContain('2 scan row(s) read: 2 used');
    const w1 = write(dir, 'w1.csv', '物流单号,揽收时间\nW1,2026-11-03 09:00:00\n');
    expect(byOrder(run([f, '--shipments', w1, '--by', 'order'], '2026-11-08 10:00:00', dir).stdout, E)).toEqual([['marked_shipped', 48, '4.00']]);
    const early = write(dir, 'early.csv', '物流单号,揽收时间\nW1,2026-11-03 09:00:00\nW2,2026-11-04 09:00:00\n');
    expect(brief(run([f, '--shipments', early], '2026-11-08 10:00:00', dir).stdout, E)).toEqual([]);
  });

  it('(c) --record: seen shipped 24 h late and open, then refunded: 150.00 recorded once, already_recorded after, no amount_changed', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const rec = (files: string[], asOf: string) => {
      const r = runCli(['compensate', ...files, '--as-of', asOf, '--state', state, '--record', '-f', 'json', '--lang', 'en'], { tz });
      return { ...r, rows: (JSON.parse(r.stdout) as Row[]).filter((v) => (v.orderIds as string[]).includes(A)).map((v) => [v.amount, v.state, v.toIssue, v.recorded]) };
    };
    const o1 = reportA(dir, 'o1.csv', '卖家已发货，等待买家确认', '2026-04-03 09:00:00');
    const i1 = itemsA(dir, 'i1.csv', ['300.00', '卖家已发货，等待买家确认', '2026-04-03 09:00:00'], ['200.00', '卖家已发货，等待买家确认', '2026-04-04 10:00:00']);
    const r1 = rec([o1, i1], '2026-04-05 10:00:00');
    expect(r1.rows).toEqual([['150.00', 'final', '150.00', 'new']]);
    expect(r1.code).toBe(0);
    const o2 = reportA(dir, 'o2.csv', '交易成功', '2026-04-03 09:00:00');
    const i2 = itemsA(dir, 'i2.csv', ['300.00', '交易成功', '2026-04-03 09:00:00'], ['200.00', '交易关闭', '2026-04-04 10:00:00', '退款成功']);
    for (const asOf of ['2026-04-10 10:00:00', '2026-04-10 11:00:00']) {
      const r2 = rec([o2, i2], asOf);
      expect(r2.rows).toEqual([['150.00', 'final', '0.00', 'already_recorded']]);
      expect(r2.code).toBe(0);
      expect(r2.stderr).not.toContain('amount_changed');
      expect(r2.stderr).not.toContain(A);
    }
    expect(/total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state], { tz }).stderr)?.[1]).toBe('150.00');
  });

  it('(d) the item report alone, normalize --lines read back, the folded shippedAt; tmall-global-2026 two files 25.00', () => {
    const dir = tmpDir();
    const o = reportA(dir, 'o.csv', '交易成功', '2026-04-03 09:00:00');
    const i = itemsA(dir, 'i.csv', ['300.00', '交易成功', '2026-04-03 09:00:00'], ['200.00', '交易关闭', '2026-04-04 10:00:00', '退款成功']);
    expect(brief(run([i], '2026-04-10 10:00:00', dir).stdout, A)).toEqual([['tmall-2023', '500.00', '150.00', 'final', '150.00']]);
    const lines = path.join(dir, 'lines.csv');
    expect(runCli(['orders', 'normalize', '--lines', o, i, '-o', lines], { tz }).code).toBe(0);
    expect(brief(run([lines], '2026-04-10 10:00:00', dir).stdout, A)).toEqual([['tmall-2023', '500.00', '150.00', 'final', '150.00']]);
    const folded = JSON.parse(runCli(['orders', 'normalize', o, i, '-f', 'json'], { tz }).stdout) as Row[];
    expect(folded.filter((v) => v.orderId === A).map((v) => v.shippedAt)).toEqual(['2026-04-04T10:00:00+08:00']);
    const g = '2026-11-01 10:00:00';
    const og = reportA(dir, 'og.csv', '交易成功', '2026-11-03 09:00:00', g);
    const ig = write(dir, 'ig.csv', [HEAD, tLine('3720000000000000491', '300.00', '交易成功', '2026-11-03 09:00:00').replaceAll(PAID, g), tLine('3720000000000000492', '200.00', '交易关闭', '2026-11-04 10:00:00', '退款成功').replaceAll(PAID, g), ''].join('\n'));
    expect(brief(run([og, ig, '--rules', 'tmall-global-2026'], '2026-11-10 10:00:00', dir).stdout, A)).toEqual([['tmall-global-2026', '500.00', '25.00', 'final', '25.00']]);
  });
});

// Lead, after money44 (which left it): every line closed, one shipped after the deadline then refunded,
// the other cancelled never shipped. The fold's all-closed branch (orders/merge.ts foldLines) wanted every
// line shipped, so one line closed unshipped left the order unshipped: closed_unshipped, 0.00 — though
// it shipped after its deadline (RULES 1.1: late = shipped after the deadline; only an order closed
// *before* its deadline without shipping is not late; docs/rules.md §1.3 already reads it so for lines
// priced on their own: "a closed line that never shipped is left out even when every other line is closed
// too"). Fixed by money47: a closed line never shipped drops out of the fold (its ship time and its
// promise) whether or not the order has a live line; only an order none of whose lines shipped is
// closed_unshipped. The pickup-scan fold (assess.ts foldedPickup) drops it too, and a ledger sighting of
// the order open past its deadline still proves it late as before (judge.ts hasClosedUnshippedLine).
// The it.fails of the lead turned into it: it fails on 8156fc6/b401575 (closed_unshipped, no row).
// By hand (douyin-2025, as above): paid 11-01 10:00:00, L2's promise 11-04 10:00:00 (72 h window: the
// 48–240 h rows). L1 100.00 已关闭 never shipped (取消原因 买家取消): left out, its promise too; L2 250.00
// shipped 11-06 10:00:00 (48 h late: exactly 48 h is still tier 5, 1 %) then 已关闭. Base Σ 订单应付金额 =
// 350.00 (closed lines stay in the base, §1.3b, §1.4): 1 % × 350.00 = 3.50 → 4 yuan (half up) → 4.00
// (2.00–50.00), final (it shipped); the platform deducts: 0.00 to issue. `--by order`: marked_shipped
// (no scans), 48 h, 4.00. Guard: both lines cancelled never shipped: closed_unshipped, no row.
// (e) L1's own promise 11-03 10:00:00 (earlier), L2's 11-04 10:00:00: a cancelled line never had to
//     ship, so its promise sets no deadline (§1.1 "Deadline"), as beside a live line: 48 h late, the 72 h
//     window's tier 5, 4.00 (by the earliest of all, 11-03: a 48 h window 72 h late, 缺货 tier 1).
// (f) pickup scans, L2 on W2, L1 never shipped (no waybill): W2 picked up 11-06 09:00:00: 47 h late,
//     pickup_scan, 4.00 (before: closed_unshipped with the scans as without); W2 picked up 11-04 09:00:00,
//     before its 11-06 10:00:00 marking (the carrier's time counts, §1.1): on time, no row.
// (g) tmall-2023 (48 h from payment, 30 % of 买家实际支付金额 − 邮费, at least 5.00, the shop issues): A
//     paid 04-01 10:00:00, deadline 04-03 10:00:00; order report 交易关闭 without 发货时间, 500.00 no
//     postage; item report L1 300.00 交易关闭 退款成功 never shipped, L2 200.00 shipped 04-04 10:00:00 (24 h
//     late) then 交易关闭 退款成功: the order shipped 04-04 10:00:00, 24 h late: 30 % × 500.00 = 150.00
//     (refunds not subtracted, §1.4), final, to issue — two files, the item report alone, and `orders
//     normalize --lines` read back. --record twice (04-10 10:00, 11:00): new 150.00, then already_recorded,
//     no amount_changed; the ledger 150.00 once.
// (h) guard, the ledger's sighting (money43's reading, §1.1 "A closed order the ledger saw open"): the
//     11-05 12:00 --record run reads D with L1 待发货 (open, unshipped) and L2 shipped 11-03 10:00:00 on
//     time, beside X paid 11-05 09:00:00 (the export's latest time): seen open 11-05 09:00:00, 23 h after
//     the 11-04 10:00:00 deadline. The 11-08 run reads both lines 已关闭, L1 never shipped: L1 closed
//     after that sighting, so the order was late by at least 23 h: tier 5, 1 % × 350.00 = 3.50 → 4.00,
//     final, shipSource seen_open (as before: closed_unshipped judged from the sighting). The lead's
//     one-line fold fix alone judged it on time by L2 (the sighting looked at only beside a live line).
describe.each(['UTC', 'America/Los_Angeles'])('priced as one: every line closed, one shipped late then refunded, one never shipped (TZ=%s)', (tz) => {
  const run = (args: string[], asOf: string, dir: string) => runCli(['compensate', ...args, '--as-of', asOf, '--state', path.join(dir, 'none.db'), '-f', 'json', '--lang', 'en'], { tz });

  it('抖店: 4.00 final, marked_shipped 48 h (was closed_unshipped, no voucher)', () => {
    const dir = tmpDir();
    const D = '6900000000000700091';
    const f = douyin(dir, [dLine(D, `${D}1`, '100.00', '已关闭', '', '买家取消'), dLine(D, `${D}2`, '250.00', '已关闭', '2026-11-06 10:00:00', '买家申请退款')]);
    const r = runCli(['compensate', f, '--as-of', '2026-11-08 10:00:00', '--state', path.join(dir, 'none.db'), '-f', 'json', '--lang', 'en'], { tz });
    expect(brief(r.stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    expect(r.stderr).not.toContain('closed_unshipped');
    expect(byOrder(run([f, '--by', 'order'], '2026-11-08 10:00:00', dir).stdout, D)).toEqual([['marked_shipped', 48, '4.00']]);
  });
  it('guard: both lines cancelled never shipped: no voucher', () => {
    const dir = tmpDir();
    const D = '6900000000000700092';
    const f = douyin(dir, [dLine(D, `${D}1`, '100.00', '已关闭', '', '买家取消'), dLine(D, `${D}2`, '250.00', '已关闭', '', '买家取消')]);
    const r = runCli(['compensate', f, '--as-of', '2026-11-08 10:00:00', '--state', path.join(dir, 'none.db'), '-f', 'json', '--lang', 'en'], { tz });
    expect(brief(r.stdout, D)).toEqual([]);
    expect(r.stderr).toContain('closed_unshipped=1');
  });
  it('(e) the cancelled line\'s earlier promise sets no deadline: 48 h late, 4.00', () => {
    const dir = tmpDir();
    const D = '6900000000000700093';
    const f = douyin(dir, [{ ...dLine(D, `${D}1`, '100.00', '已关闭', '', '买家取消'), 承诺发货时间: '2026-11-03 10:00:00' }, dLine(D, `${D}2`, '250.00', '已关闭', '2026-11-06 10:00:00', '买家申请退款')]);
    expect(brief(run([f], '2026-11-08 10:00:00', dir).stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    expect(byOrder(run([f, '--by', 'order'], '2026-11-08 10:00:00', dir).stdout, D)).toEqual([['marked_shipped', 48, '4.00']]);
  });
  it('(f) pickup scans: the shipped line\'s parcel, 47 h: 4.00; scanned on time: no row', () => {
    const dir = tmpDir();
    const E = '6900000000000700094';
    const f = douyin(dir, [dLine(E, `${E}1`, '100.00', '已关闭', '', '买家取消'), { ...dRow(E, `${E}2`, '250.00', '已关闭', '2026-11-06 10:00:00', 'W2'), 取消原因: '买家申请退款' }]);
    const late = write(dir, 'late.csv', '物流单号,揽收时间\nW2,2026-11-06 09:00:00\n');
    expect(byOrder(run([f, '--shipments', late, '--by', 'order'], '2026-11-08 10:00:00', dir).stdout, E)).toEqual([['pickup_scan', 47, '4.00']]);
    expect(brief(run([f, '--shipments', late], '2026-11-08 10:00:00', dir).stdout, E)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    const early = write(dir, 'early.csv', '物流单号,揽收时间\nW2,2026-11-04 09:00:00\n');
    const r = run([f, '--shipments', early], '2026-11-08 10:00:00', dir);
    expect(brief(r.stdout, E)).toEqual([]);
    expect(r.stderr).toContain('1 paid, 0 late, 0 not judged');
  });
  it('(g) tmall-2023: 150.00 final to issue (two files, item report alone, --lines read back); --record twice: recorded once', () => {
    const dir = tmpDir();
    const o = reportA(dir, 'o.csv', '交易关闭', '');
    const i = itemsA(dir, 'i.csv', ['300.00', '交易关闭', '', '退款成功'], ['200.00', '交易关闭', '2026-04-04 10:00:00', '退款成功']);
    expect(brief(run([o, i], '2026-04-10 10:00:00', dir).stdout, A)).toEqual([['tmall-2023', '500.00', '150.00', 'final', '150.00']]);
    expect(brief(run([i], '2026-04-10 10:00:00', dir).stdout, A)).toEqual([['tmall-2023', '500.00', '150.00', 'final', '150.00']]);
    const lines = path.join(dir, 'lines.csv');
    expect(runCli(['orders', 'normalize', '--lines', o, i, '-o', lines], { tz }).code).toBe(0);
    expect(brief(run([lines], '2026-04-10 10:00:00', dir).stdout, A)).toEqual([['tmall-2023', '500.00', '150.00', 'final', '150.00']]);
    const state = path.join(dir, 'state.db');
    const rec = (asOf: string) => {
      const r = runCli(['compensate', o, i, '--as-of', asOf, '--state', state, '--record', '-f', 'json', '--lang', 'en'], { tz });
      return { ...r, rows: (JSON.parse(r.stdout) as Row[]).filter((v) => (v.orderIds as string[]).includes(A)).map((v) => [v.amount, v.state, v.toIssue, v.recorded]) };
    };
    const r1 = rec('2026-04-10 10:00:00');
    expect(r1.rows).toEqual([['150.00', 'final', '150.00', 'new']]);
    expect(r1.code).toBe(0);
    const r2 = rec('2026-04-10 11:00:00');
    expect(r2.rows).toEqual([['150.00', 'final', '0.00', 'already_recorded']]);
    expect(r2.code).toBe(0);
    expect(r2.stderr).not.toContain('amount_changed');
    expect(/total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state], { tz }).stderr)?.[1]).toBe('150.00');
  });
  it('(h) guard: seen open past the deadline by a --record run, L2 on time: late from the sighting, 23 h, 4.00 (as before)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const D = '6900000000000700095';
    const X = '6900000000000700096';
    const x = { ...dLine(X, X, '5.00', '待发货', ''), 支付完成时间: '2026-11-05 09:00:00', 订单提交时间: '2026-11-05 09:00:00', 承诺发货时间: '2026-11-20 10:00:00' };
    const e1 = douyin(dir, [dLine(D, `${D}1`, '100.00', '待发货', ''), dLine(D, `${D}2`, '250.00', '已发货', '2026-11-03 10:00:00'), x]);
    const r1 = runCli(['compensate', e1, '--as-of', '2026-11-05 12:00:00', '--state', state, '--record', '-f', 'json', '--lang', 'en'], { tz });
    expect(brief(r1.stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'provisional', '0.00']]);
    const e2 = douyin(dir, [dLine(D, `${D}1`, '100.00', '已关闭', '', '买家取消'), dLine(D, `${D}2`, '250.00', '已关闭', '2026-11-03 10:00:00', '买家申请退款'), x]);
    const r2 = runCli(['compensate', e2, '--as-of', '2026-11-08 10:00:00', '--state', state, '--record', '-f', 'json', '--lang', 'en'], { tz });
    expect(brief(r2.stdout, D)).toEqual([['douyin-2025', '350.00', '4.00', 'final', '0.00']]);
    expect(r2.stderr).toContain(`seen open and unshipped at 2026-11-05 09:00:00, 23 h after its deadline 2026-11-04 10:00:00`);
    const by = runCli(['compensate', e2, '--as-of', '2026-11-08 10:00:00', '--state', state, '--by', 'order', '-f', 'json', '--lang', 'en'], { tz });
    expect(byOrder(by.stdout, D)).toEqual([['seen_open', 23, '4.00']]);
  });
});
