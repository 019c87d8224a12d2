// An order a recorded voucher paid that the export shows but no voucher of the run holds, because the
// run cannot judge it (no paid time; closed, never shipped, no close time: docs/rules.md §1.1, §1.7),
// counts as lacking for the money a voucher took over for it (src/state/ledger.ts forLacking: the
// export's orders in this run's vouchers, provisional or platform-paid ones, and those judged on time
// or excluded are "shown"; any other is lacking). Checked (led13): that reading pays what a lacking
// order's does, which is what is owed; counted as shown, such an order paid 130.00 twice (1340.00;
// checked by adding the order to the shown set). An order judged on time is shown, and paid the
// 130.00 twice too (1340.00) until led14: forLacking's `cover` rule (money taken over beyond the
// orders' shares pays the voucher's other orders) now holds as well when all those orders are
// judged not late (on time or excluded: in no voucher of the run, they take none of it elsewhere).
// tmall-2023 (§1.2): 48 h to ship; 30 % of the paid amount, at least 5.00; one buyer's late orders
// paid within 24 h of a window's opening combined, capped at 500.00. tmall-2026 (§1.3) from
// 2026-04-09: ≤ 72 h late, 5 %, at most 50.00. Times are Beijing time; run under UTC and Los Angeles.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { order } from '../orders/build.js';
import { files, ledgerTotal, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

// Exports 1 and 2 are lacking-takeover-open.test.ts's seed 1053 (reissue-paths3 FUZZ_S=1000):
// Export 1: P o06 100.00 04-08 00:11 (102 h, 30.00), o05 9000.00 04-08 20:00 (2700.00), o02 2000.00
//   04-08 23:42 (600.00) → P {06,05,02} 500.00; Q o00 100.00 (30.00) 09:12, o04 1000.00 (300.00)
//   20:03 → Q {00,04} 330.00. 830.00.
// Export 2 (o00 lacking): P o30 1000.00 04-07 23:22, shipped 04-12 15:22 (300.00) opens {30,06}
//   330.00; P {02} 500.00 (600.00 capped); o05 paid 04-09 01:00 is tmall-2026, 52 h: P {05} 50.00;
//   Q {04} 300.00 ← Q {00,04}'s. {06,05,02}'s 500.00 pays o06 30.00, o02 500.00, o05 50.00 as far as
//   it goes (580.00 > 500.00): 80.00 + o30's 300.00 new → 1210.00. P {30,06} 330.00 = 170.00 issued
//   + 160.00 taken over from {06,05,02} (o06's 30.00 and 130.00 that paid o30).
// Export 3: o02 shipped 04-13 13:42 (still 600.00 → 500.00), o03 paid 04-08 07:39 (on time), and o06
//   as each case says; nothing else moves. P {30} = 300.00, o30's share of P {30,06}'s 330.00, which
//   paid it in full: nothing new, 1210.00 in every case. o06's 30.00 stays in P {30,06}'s window
//   (§1.7: an order not judged, like a lacking one, has its window paid when an export judges it; an
//   order on time keeps what it was paid, counted toward that window's cap: 330.00 ≤ 500.00).
const id = (n: string) => `61000000000001053${n}`;
const e1 = [
  shipped(id('01'), 'P', '3000.00', '2026-04-06 00:13:00', '2026-04-07 16:13:00'),
  shipped(id('06'), 'P', '100.00', '2026-04-08 00:11:00', '2026-04-12 06:11:00'),
  shipped(id('00'), 'Q', '100.00', '2026-04-08 09:12:00', '2026-04-11 16:12:00'),
  shipped(id('03'), 'Q', '1000.00', '2026-04-08 10:39:00', '2026-04-10 02:39:00'),
  shipped(id('05'), 'P', '9000.00', '2026-04-08 20:00:00', '2026-04-11 05:00:00'),
  shipped(id('04'), 'Q', '1000.00', '2026-04-08 20:03:00', '2026-04-12 09:03:00'),
  shipped(id('02'), 'P', '2000.00', '2026-04-08 23:42:00', '2026-04-11 07:42:00'),
];
const e2 = [
  shipped(id('01'), 'P', '3000.00', '2026-04-06 18:13:00', '2026-04-07 16:13:00'),
  shipped(id('30'), 'P', '1000.00', '2026-04-07 23:22:00', '2026-04-12 15:22:00'),
  shipped(id('06'), 'P', '100.00', '2026-04-08 00:11:00', '2026-04-12 06:11:00'),
  shipped(id('03'), 'Q', '1000.00', '2026-04-08 10:39:00', '2026-04-10 02:39:00'),
  shipped(id('04'), 'Q', '1000.00', '2026-04-08 20:03:00', '2026-04-12 09:03:00'),
  shipped(id('02'), 'P', '2000.00', '2026-04-08 23:42:00', '2026-04-11 07:42:00'),
  shipped(id('05'), 'P', '9000.00', '2026-04-09 01:00:00', '2026-04-11 05:00:00'),
];
const e3 = (o06: ReturnType<typeof shipped>[]) => [
  shipped(id('01'), 'P', '3000.00', '2026-04-06 18:13:00', '2026-04-07 16:13:00'),
  shipped(id('30'), 'P', '1000.00', '2026-04-07 23:22:00', '2026-04-12 15:22:00'),
  ...o06,
  shipped(id('03'), 'Q', '1000.00', '2026-04-08 07:39:00', '2026-04-10 02:39:00'),
  shipped(id('04'), 'Q', '1000.00', '2026-04-08 20:03:00', '2026-04-12 09:03:00'),
  shipped(id('02'), 'P', '2000.00', '2026-04-08 23:42:00', '2026-04-13 13:42:00'),
  shipped(id('05'), 'P', '9000.00', '2026-04-09 01:00:00', '2026-04-11 05:00:00'),
];
// o06 shown without its paid time: not judged (no_paid_time).
const noPaidTime = order(id('06'), { 买家会员名: 'P', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '交易成功', 订单付款时间: '', 订单创建时间: '2026-04-08 00:11:00', 发货时间: '2026-04-12 06:11:00', 宝贝标题: '普通毛巾' });
// o06 shown closed, never shipped, without a close time: not judged (closed_unshipped, §1.1).
const closedUnknown = order(id('06'), { 买家会员名: 'P', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '交易关闭', 订单付款时间: '2026-04-08 00:11:00', 订单创建时间: '2026-04-08 00:11:00', 发货时间: '', 宝贝标题: '普通毛巾' });

describe('an order shown but not judged keeps what a lacking order keeps: nothing paid twice', () => {
  const check = (o06: ReturnType<typeof shipped>[], reason: string, ...more: string[]) => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { e1, e2, e3: e3(o06) });
    run(f.e1!, state);
    expect(total(state)).toBe('830.00');
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('1210.00');
    const r = run(f.e3!, state, ...more);
    if (reason) expect(r.stderr).toContain(`1 not judged (${reason}=1)`);
    run(f.e3!, state, '--reissue', 'all', ...more);
    expect(total(state)).toBe('1210.00');
  };
  it('o06 lacking (as lacking-takeover-open): 1210.00', () => check([], ''));
  // Counted as shown (it is in the export), P {30} issued 130.00 again: 1340.00.
  it('o06 shown without a paid time: 1210.00', () => check([noPaidTime], 'no_paid_time'));
  it('o06 shown closed, never shipped, no close time: 1210.00', () => check([closedUnknown], 'closed_unshipped'));
  // Judged on time (shipped 04-09 06:11, 30 h), o06 is shown. By hand: P {30} = 300.00 (o30 alone
  // in its window now). P {30,06} holds 330.00: 170.00 it issued and 160.00 taken over from
  // {06,05,02}, of which o06's share in {30,06} is 30.00; o06 is in no voucher of the run, so the
  // 160.00 - 30.00 = 130.00 beyond it paid o30 like {30,06}'s own money: P {30} takes 170.00 + 130.00
  // = 300.00 of it and issues 0.00; o06's 30.00 stays in the window (330.00 <= 500.00). 1210.00.
  // Before (led13 found it), P {30} counted only the 170.00, left out all 160.00 as money for o06's
  // old voucher's orders, and issued 130.00 anew: 1340.00 (o30 paid twice).
  it('o06 judged on time: 1210.00', () => check([shipped(id('06'), 'P', '100.00', '2026-04-08 00:11:00', '2026-04-09 06:11:00')], ''));
  // Left out with --exclude (still 102 h late, as in export 2): owed nothing by this run, like an
  // order on time (docs/rules.md §1.7), the same working: P {30} takes 300.00 of P {30,06}, issues
  // 0.00, 1210.00. Before: 1340.00 as above.
  it('o06 left out with --exclude: 1210.00', () => {
    const ex = path.join(tmpDir(), 'exclude.txt');
    fs.writeFileSync(ex, `${id('06')}\n`);
    check([shipped(id('06'), 'P', '100.00', '2026-04-08 00:11:00', '2026-04-12 06:11:00')], '', '--exclude', ex);
  });
});
