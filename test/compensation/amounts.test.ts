// A late order whose 买家实际支付金额 is empty (or `null`, `=""`: FORMATS, all mean an empty cell).
// RULES 1.2–1.4 make the payout a share of that amount, so it cannot be computed: before, the
// empty amount was read as 0.00 and the order paid the 5.00 minimum, without a word. Now it is
// counted as not judged (no_paid_amount), listed, and the run needs a person (exit 1).
import { describe, expect, it } from 'vitest';
import { order, taobaoCsv, write } from '../orders/build.js';
import { runCli, tmpDir } from '../helpers.js';

const dir = tmpDir();
const shipped = '卖家已发货，等待买家确认';
const X = '3515313147329357911';
const Y = '3515313147329357912';
// tmall-2023 (forced): paid 11-10 09:00:00, deadline + 48 h = 11-12 09:00:00, shipped 11-13 09:00:00:
// 24 h late. Y: (200.00 − 10.00) × 30 % = 57.00.
const late = (id: string, buyer: string, paid: string) =>
  order(id, { 买家会员名: buyer, 订单状态: shipped, 发货时间: '2026-11-13 09:00:00', 买家实际支付金额: paid });

describe('a late order with no paid amount', () => {
  for (const empty of ['', 'null', '=""']) {
    it(`is not paid the minimum on a guess: not judged, listed, exit 1 (cell ${JSON.stringify(empty)})`, () => {
      const f = write(dir, `empty-${empty.length}.csv`, taobaoCsv([late(X, '阿花', empty), late(Y, '小明', '200.00')]));
      const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--rules', 'tmall-2023', '-f', 'json']);
      expect(r.code).toBe(1);
      expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.orderIds, v.amount])).toEqual([['小明', [Y], '57.00']]);
      // X is the first order row: line 2 of the file.
      expect(r.stderr).toContain(`1 late order has an empty 买家实际支付金额 / 订单应付金额 (paid amount; a closed sub-order's counts too), so what they are owed cannot be computed; left out of the vouchers (no_paid_amount), and their buyers' vouchers for the same window kept provisional: ${X} (${f}:2).`);
      expect(r.stderr).toContain('2 orders read, 2 paid, 1 late, 1 not judged (no_paid_amount=1)');
    });
  }

  it('still shows on the at-risk list (it must ship), its money left empty', () => {
    const waiting = order(X, { 买家会员名: '阿花', 买家实际支付金额: '' });
    const f = write(dir, 'risk.csv', taobaoCsv([waiting]));
    const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--rules', 'tmall-2023', '--at-risk', '24', '-f', 'json']);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.map((x) => [x.orderId, x.risk, x.base, x.costIfLate])).toEqual([[X, 'late', null, null]]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 unshipped order is late or due within 24 h; if late they cost about 0.00 (rules tmall-2023); 1 more with an empty paid amount cost an unknown amount, not included');
    expect(r.stderr).not.toContain('no_paid_amount'); // no vouchers in this mode: nothing left out of them
  });

  it("keeps its buyer's voucher for the same window provisional: not recorded as final without it", () => {
    // Both 小明's, paid 11-10 09:00:00 and 10:00:00, both 24 h late: one 24 h window (tmall-2023).
    const second = order(Y, { 订单状态: shipped, 订单付款时间: '2026-11-10 10:00:00', 发货时间: '2026-11-13 10:00:00' });
    const f = write(dir, 'window.csv', taobaoCsv([late(X, '小明', ''), second]));
    const state = `${dir}/state.db`;
    const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--rules', 'tmall-2023', '--record', '--state', state, '-f', 'json']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.state, v.recorded])).toEqual([[[Y], '57.00', 'provisional', '']]);
    expect(r.stderr).toContain('0 newly recorded');
  });
});

// A row rejected for a bad cell (an amount typed "4OO.00") may be one of a buyer's orders of the
// same window: recorded as final without it, the voucher was later a conflict for a person. Now a
// rejected row that still names its buyer and paid time holds that buyer's window provisional, as
// an empty paid amount does (above).
describe('a rejected row that names its buyer and paid time', () => {
  // All paid 2026-11-10 (tmall-2026 by date, calendar-day windows), shipped 11-13, deadline paid + 48 h.
  // 小红 X: (300.00 − 10.00 postage) × 5 % = 14.50. 小明 Z: (200.00 − 10.00) × 5 % = 9.50.
  const Z = '3515313147329357913';
  const rows = (badPaidAt: string, badBuyer: string) => [
    late(X, '小红', '300.00'),
    order(Y, { 买家会员名: badBuyer, 订单状态: shipped, 订单付款时间: badPaidAt, 发货时间: '2026-11-13 10:00:00', 买家实际支付金额: '4OO.00' }),
    late(Z, '小明', '200.00'),
  ];
  const run = (name: string, badPaidAt: string, badBuyer: string) => {
    const f = write(dir, name, taobaoCsv(rows(badPaidAt, badBuyer)));
    const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--record', '--state', `${dir}/${name}.db`, '-f', 'json']);
    return { r, rows: (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.amount, v.state, v.recorded]) };
  };

  it("keeps that buyer's voucher of the same day provisional (not recorded); other buyers' stay final", () => {
    const { r, rows: got } = run('held.csv', '2026-11-10 10:00:00', '小红');
    expect(r.code).toBe(1);
    // Rows in window order: both open 11-10 09:00, then by buyer (小明 U+660E before 小红 U+7EA2).
    expect(got).toEqual([['小明', '9.50', 'final', 'new'], ['小红', '14.50', 'provisional', '']]);
    expect(r.stderr).toContain('"4OO.00" is not a valid amount');
    expect(r.stderr).toContain("1 rejected row(s) still name a buyer and a paid time: those buyers' vouchers for the same window are kept provisional");
    expect(r.stderr).toContain('1 newly recorded');
  });

  it('holds only the window its paid time falls in, and only with a buyer name', () => {
    // Paid the next Beijing day: 小红's 11-10 voucher cannot grow by it.
    expect(run('nextday.csv', '2026-11-11 10:00:00', '小红').rows).toEqual([['小明', '9.50', 'final', 'new'], ['小红', '14.50', 'final', 'new']]);
    // No buyer name: it could be anyone's, and an order without a buyer is never combined (RULES 1.2).
    expect(run('nobuyer.csv', '2026-11-10 10:00:00', '').rows).toEqual([['小明', '9.50', 'final', 'new'], ['小红', '14.50', 'final', 'new']]);
  });

  it('holds nothing once the same order is read well from a newer export and is in the voucher', () => {
    // old.csv has Y typed 4OO.00; new.csv (modified later) has both orders right. Both 小红's, paid
    // 11-10 09:00 and 10:00 (one Beijing day, tmall-2026), shipped 11-13 10:00, 25 h late:
    // X (300.00 − 10.00) × 5 % = 14.50, Y (400.00 − 10.00) × 5 % = 19.50: one voucher 34.00, final and
    // recorded. It stayed provisional (never recorded) for as long as old.csv was given.
    const d = tmpDir();
    const row = (id: string, paidAt: string, paid: string) => order(id, { 买家会员名: '小红', 订单状态: shipped, 订单付款时间: paidAt, 发货时间: '2026-11-13 10:00:00', 买家实际支付金额: paid });
    const old = write(d, 'old.csv', taobaoCsv([row(X, '2026-11-10 09:00:00', '300.00'), row(Y, '2026-11-10 10:00:00', '4OO.00')]), new Date('2026-11-20T00:00:00Z'));
    const fresh = write(d, 'new.csv', taobaoCsv([row(X, '2026-11-10 09:00:00', '300.00'), row(Y, '2026-11-10 10:00:00', '400.00')]), new Date('2026-11-21T00:00:00Z'));
    const r = runCli(['compensate', old, fresh, '--as-of', '2026-11-25 12:00:00', '--record', '--state', `${d}/s.db`, '-f', 'json']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.state, v.recorded])).toEqual([[[X, Y], '34.00', 'final', 'new']]);
    expect(r.stderr).toContain('"4OO.00" is not a valid amount');
    expect(r.stderr).toContain('1 newly recorded');
  });

  it('holds nothing when the operator excludes its order (a row that cannot be fixed is let go this way)', () => {
    // The same file as the first case, with Y (the 4OO.00 row) in --exclude: an excluded order never
    // joins a voucher, so 小红's 14.50 is final and recorded; Y is not reported as matching no order.
    const f = write(dir, 'excluded.csv', taobaoCsv(rows('2026-11-10 10:00:00', '小红')));
    const ex = write(dir, 'exclude-y.csv', `orderId\n${Y}\n`);
    const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--exclude', ex, '--record', '--state', `${dir}/excluded.db`, '-f', 'json']);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.amount, v.state, v.recorded])).toEqual([['小明', '9.50', 'final', 'new'], ['小红', '14.50', 'final', 'new']]);
    expect(r.stderr).toContain('"4OO.00" is not a valid amount');
    expect(r.stderr).not.toContain('still name a buyer and a paid time');
    expect(r.stderr).not.toContain('match no order');
    expect(r.stderr).toContain('2 newly recorded');
  });
});

// A rejected row that names a buyer but no paid time that can be read, or whose cells cannot be
// trusted at all (a ragged row, a quote never closed), held nothing: the vouchers it may belong to
// were recorded as final without it. Now the first holds every voucher of its buyer, whatever the
// day; the others hold every voucher of the run (whose order it is cannot be told).
describe('a rejected row whose paid time or buyer cannot be read', () => {
  // tmall-2026 (by date), calendar-day windows, deadline paid + 48 h, 5 % of (paid − postage), at least 5.00:
  // 小红 X: paid 11-10 09:00, shipped 11-13 09:00 (24 h late): (300.00 − 10.00) × 5 % = 14.50.
  // 小红 W: paid 11-12 09:00, shipped 11-15 09:00 (24 h late): (100.00 − 10.00) × 5 % = 4.50 → 5.00.
  // 小明 Z: paid 11-10 09:00, 24 h late: (200.00 − 10.00) × 5 % = 9.50.
  const Z = '3515313147329357913';
  const W = '3515313147329357914';
  const good = [
    late(X, '小红', '300.00'),
    order(W, { 买家会员名: '小红', 订单状态: shipped, 订单付款时间: '2026-11-12 09:00:00', 发货时间: '2026-11-15 09:00:00', 买家应付货款: '90.00', 买家实际支付金额: '100.00' }),
    late(Z, '小明', '200.00'),
  ];
  const run = (name: string, text: string) => {
    const f = write(dir, name, text);
    const r = runCli(['compensate', f, '--as-of', '2026-11-25 12:00:00', '--record', '--state', `${dir}/${name}.db`, '-f', 'json']);
    return { r, rows: (JSON.parse(r.stdout) as Record<string, unknown>[]).map((v) => [v.buyer, v.windowStart, v.amount, v.state, v.recorded]) };
  };

  it("a buyer but an unreadable paid time: every voucher of that buyer stays provisional, any day; other buyers' are recorded", () => {
    const bad = order(Y, { 买家会员名: '小红', 订单状态: shipped, 订单付款时间: '2026-13-45 10:00:00', 发货时间: '2026-11-13 10:00:00', 买家实际支付金额: '400.00' });
    const { r, rows } = run('badtime.csv', taobaoCsv([...good, bad]));
    expect(r.code).toBe(1);
    expect(rows).toEqual([
      ['小明', '2026-11-10T09:00:00+08:00', '9.50', 'final', 'new'],
      ['小红', '2026-11-10T09:00:00+08:00', '14.50', 'provisional', ''],
      ['小红', '2026-11-12T09:00:00+08:00', '5.00', 'provisional', ''],
    ]);
    expect(r.stderr).toContain('"2026-13-45 10:00:00" is not a valid time');
    expect(r.stderr).toContain('1 rejected row(s) name a buyer but no paid time that can be read: every voucher of those buyers is kept provisional');
    expect(r.stderr).toContain('1 newly recorded');
  });

  it('a ragged row (cut short: its cells may be shifted): every voucher stays provisional, nothing recorded', () => {
    const { r, rows } = run('ragged.csv', taobaoCsv(good) + `="${Y}",小红,小红,,,400.00\r\n`);
    expect(r.code).toBe(1);
    expect(rows).toEqual([
      ['小明', '2026-11-10T09:00:00+08:00', '9.50', 'provisional', ''],
      ['小红', '2026-11-10T09:00:00+08:00', '14.50', 'provisional', ''],
      ['小红', '2026-11-12T09:00:00+08:00', '5.00', 'provisional', ''],
    ]);
    expect(r.stderr).toContain('ragged.csv:5: this row has 6 cells but the header has 71 (ragged row)');
    expect(r.stderr).toContain('1 rejected row(s) cannot be told to belong to any buyer');
    expect(r.stderr).toContain('0 newly recorded');
  });

  it('a quote never closed (the rest of the file cannot be read): every voucher stays provisional, nothing recorded', () => {
    const { r, rows } = run('unclosed.csv', taobaoCsv(good) + `="${Y}",小红,"小红 说,,400.00\r\n`);
    expect(r.code).toBe(1);
    expect(rows.map((x) => x[3])).toEqual(['provisional', 'provisional', 'provisional']);
    expect(r.stderr).toContain('unclosed.csv:5: a quote opened at line 5 is never closed before the end of the file');
    expect(r.stderr).toContain('1 rejected row(s) cannot be told to belong to any buyer');
    expect(r.stderr).toContain('0 newly recorded');
  });

  it('the same rows read well are all recorded (the holds come from the bad rows alone)', () => {
    const { r, rows } = run('clean.csv', taobaoCsv(good));
    expect(r.code).toBe(0);
    expect(rows.map((x) => [x[3], x[4]])).toEqual([['final', 'new'], ['final', 'new'], ['final', 'new']]);
  });
});
