// The buyer's cap across runs (RULES 1.2: a 24-hour window capped at 500; RULES 1.3 第十二条: one
// Beijing calendar day capped at 500): vouchers recorded from different exports for the same buyer
// and day (or overlapping 24-hour windows) share the cap, so the shop never pays past it. Before,
// each export's voucher was capped alone: 500 + 300 = 800.00 paid for one buyer's day.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { type Row, files, ledger, recorder, shipped } from './record-runs.js';

const run = recorder('2026-06-01 00:00:00');

describe('one buyer\'s day seen in two exports (tmall-2026: calendar day, cap 500)', () => {
  // 001: 5000.00 paid 05-01 10:00, 48 h window, shipped 05-06 10:00:01 = 72 h 1 s late: out of
  // stock, 10 % = 500.00 (clamped 5–500). 002: 3000.00 paid 05-01 20:00, shipped 72 h 1 s late:
  // 10 % = 300.00. Same buyer, same Beijing day: min(500, 500 + 300) = 500.00 owed in all.
  const o1 = shipped('2000000000000000001', 'X', '5000.00', '2026-05-01 10:00:00', '2026-05-06 10:00:01');
  const o2 = shipped('2000000000000000002', 'X', '3000.00', '2026-05-01 20:00:00', '2026-05-06 20:00:01');

  it('the second export\'s voucher is recorded with nothing to issue: 500.00 paid in all, not 800.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { a: [o1], b: [o2], both: [o1, o2] });
    expect(run(f.a!, state).rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'new']]);
    const r2 = run(f.b!, state);
    expect(r2.code).toBe(0);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['300.00', '0.00', 'new']]);
    // The day's 500.00 voucher paid 500.00 toward the cap (300.00 is only the part of this voucher over it).
    expect(r2.stderr).toContain('comes to 300.00; the buyer\'s cap for the day is 500.00, and the vouchers recorded for that day already paid 500.00 toward it, leaving 0.00: issue only 0.00');
    expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue');
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
    // Both orders in one export later: the day's voucher (500.00) holds both, paid in full: nothing owed.
    const r3 = run(f.both!, state, '--reissue', 'all');
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'reissued']]);
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 500.00');
  });

  it('below the cap the second export\'s voucher is paid in full (200.00 + 300.00 = 500.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // 003: 2000.00 shipped 72 h 1 s late: 10 % = 200.00. With 002 (300.00): 500.00, the cap exactly.
    const o3 = shipped('2000000000000000003', 'X', '2000.00', '2026-05-01 09:00:00', '2026-05-06 09:00:01');
    const f = files(dir, { a: [o3], b: [o2] });
    run(f.a!, state);
    expect(run(f.b!, state).rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['300.00', '300.00', 'new']]);
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
  });

  it('another day, or another buyer, is not capped with it', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // 004: as 002 but paid 05-02 00:00:00 (the next Beijing day): 300.00 owed on its own.
    const o4 = shipped('2000000000000000004', 'X', '3000.00', '2026-05-02 00:00:00', '2026-05-07 00:00:01');
    const o5 = shipped('2000000000000000005', 'W', '3000.00', '2026-05-01 20:00:00', '2026-05-06 20:00:01');
    const f = files(dir, { a: [o1], b: [o4, o5] });
    run(f.a!, state);
    expect(run(f.b!, state).rows.map((v) => [v.buyer, v.toIssue, v.recorded])).toEqual([
      ['W', '300.00', 'new'],
      ['X', '300.00', 'new'],
    ]);
  });
});

describe('a recorded voucher taken over by a capped day, then found at a higher amount', () => {
  it('owes nothing more: the day is paid up to its 500.00 cap (was: a 100.00 top-up, 600.00 paid)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // 011, 012: 1000.00 each, shipped 48 h 1 s late: 5 % = 50.00 each → 100.00 recorded.
    const a = ['011', '012'].map((n, i) => shipped(`2000000000000000${n}`, 'Y', '1000.00', `2026-05-01 1${i}:00:00`, `2026-05-03 1${i}:00:01`));
    // 013, 014: 3000.00 each, 72 h 1 s late: 300.00 each. The day: 50 + 50 + 300 + 300 = 700 → 500.00, 400.00 more.
    const b = [...a, ...['013', '014'].map((n, i) => shipped(`2000000000000000${n}`, 'Y', '3000.00', `2026-05-01 1${i + 2}:00:00`, `2026-05-06 1${i + 2}:00:01`))];
    // The first export again with 011 and 012 found shipped 72 h 1 s late: 100.00 each = 200.00 (100.00 more than recorded).
    const c = ['011', '012'].map((n, i) => shipped(`2000000000000000${n}`, 'Y', '1000.00', `2026-05-01 1${i}:00:00`, `2026-05-06 1${i}:00:01`));
    const f = files(dir, { a, b, c });
    run(f.a!, state);
    expect(run(f.b!, state, '--reissue', 'all').rows.map((v) => [v.amount, v.toIssue])).toEqual([['500.00', '400.00']]);
    for (const more of [[], ['--reissue', 'all']]) {
      const r = run(f.c!, state, ...more);
      expect(r.code).toBe(0);
      expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['200.00', '0.00', 'amount_changed']]);
      expect(r.stderr).toContain('other recorded vouchers already pay the difference (one taking it over, or the buyer\'s for the same day or 24-hour window, up to the cap): nothing more is owed, nothing recorded');
    }
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
  });

  it('below the cap the top-up is what is still owed', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const a = [shipped('2000000000000000021', 'V', '1000.00', '2026-05-01 10:00:00', '2026-05-03 10:00:01')];
    // Recorded 50.00 (5 %); then shipped 72 h 1 s late: 10 % = 100.00: 50.00 more, well under the cap.
    const c = [shipped('2000000000000000021', 'V', '1000.00', '2026-05-01 10:00:00', '2026-05-06 10:00:01')];
    const f = files(dir, { a, c });
    run(f.a!, state);
    const r = run(f.c!, state, '--reissue', 'all');
    expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['100.00', '50.00', 'topped_up']]);
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 100.00');
  });
});

describe('tmall-2023: one 24-hour window seen in two exports (RULES 1.2: 30 %, cap 500 per window)', () => {
  it('the later export\'s voucher is capped with the recorded window; a person checks it (exit 1)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // 031: 2000.00 paid 2025-10-31 20:00, shipped 72 h later (24 h late): 30 % = 600 → window capped 500.00.
    // 032: 1000.00 paid 2025-11-01 10:00 (14 h after 031: the same window), 24 h late: 30 % = 300.00.
    // One window: min(500, 600 + 300) = 500.00 owed in all; the second voucher owes nothing.
    const f = files(dir, {
      a: [shipped('2000000000000000031', 'Z', '2000.00', '2025-10-31 20:00:00', '2025-11-03 20:00:00')],
      b: [shipped('2000000000000000032', 'Z', '1000.00', '2025-11-01 10:00:00', '2025-11-04 10:00:00')],
    });
    expect(run(f.a!, state).rows.map((v) => [v.rules, v.amount, v.toIssue])).toEqual([['tmall-2023', '500.00', '500.00']]);
    const r = run(f.b!, state);
    expect(r.code).toBe(1);
    expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['300.00', '0.00', 'new']]);
    expect(r.stderr).toContain('overlap the 24-hour window of a recorded voucher');
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
  });
});

describe('one correction seen through two vouchers (the old window\'s export, then the grown day\'s)', () => {
  // Y's day, tmall-2026. 011, 012: 1000.00 each, 1 s late: 50.00 each → {011,012} = 100.00 recorded.
  // 013: 100.00, 1 s late: 5.00; 014: 2000.00, 72 h 1 s late (out of stock, 10 %): 200.00.
  // {011..014} = 305.00, recorded taking over the 100.00: 205.00 issued.
  // Then 011's pickup turns out 72 h 1 s late: 10 % = 100.00 (50.00 more). The day is now
  // 100 + 50 + 5 + 200 = 355.00: 50.00 more owed, once — not once through {011,012} (150.00) and
  // again through {011..014} (355.00), which paid 405.00.
  const o = (n: string, paid: string, paidAt: string, shippedAt: string) => shipped(`2000000000000000${n}`, 'Y', paid, paidAt, shippedAt);
  const O11 = o('011', '1000.00', '2026-05-01 10:00:00', '2026-05-03 10:00:01');
  const O11late = o('011', '1000.00', '2026-05-01 10:00:00', '2026-05-06 10:00:01');
  const O12 = o('012', '1000.00', '2026-05-01 11:00:00', '2026-05-03 11:00:01');
  const O13 = o('013', '100.00', '2026-05-01 12:00:00', '2026-05-03 12:00:01');
  const O14 = o('014', '2000.00', '2026-05-01 13:00:00', '2026-05-06 13:00:01');
  const sets = { a: [O11, O12], b: [O11, O12, O13, O14], c: [O11late, O12], d: [O11late, O12, O13, O14] };
  const issued = (r: { rows: Row[] }) => r.rows.map((v) => [v.amount, v.toIssue, v.recorded]);

  it('old export first: its change is paid by the voucher taking it over (0.00); the grown day\'s top-up is 50.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, sets);
    run(f.a!, state);
    run(f.b!, state, '--reissue', 'all');
    expect(issued(run(f.c!, state, '--reissue', 'all'))).toEqual([['150.00', '0.00', 'amount_changed']]);
    expect(issued(run(f.d!, state, '--reissue', 'all'))).toEqual([['355.00', '50.00', 'topped_up']]);
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 355.00');
  });

  it('grown day first: 50.00 topped up there; the old export then owes nothing', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, sets);
    run(f.a!, state);
    run(f.b!, state, '--reissue', 'all');
    expect(issued(run(f.d!, state, '--reissue', 'all'))).toEqual([['355.00', '50.00', 'topped_up']]);
    expect(issued(run(f.c!, state, '--reissue', 'all'))).toEqual([['150.00', '0.00', 'amount_changed']]);
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 355.00');
  });
});

describe('a grown day that takes over one voucher while another of the same day was recorded apart', () => {
  it('the cap counts both: nothing more to issue (was 100.00 more, 600.00 paid)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // X's day, tmall-2026, all 72 h 1 s late (10 %): 071 4000.00 → 400.00; 072 1000.00 → 100.00;
    // 073 3000.00 → 300.00. Export a: {071} = 400.00; export b: {072} = 100.00 (the day: 500.00,
    // the cap, reached). Export c: {071, 073} = min(500, 700) = 500.00, 400.00 of it paid by {071}:
    // the day is min(500, 800) = 500.00, all paid: 0.00 to issue.
    const x = (n: string, paid: string, h: string) => shipped(`2000000000000000${n}`, 'X', paid, `2026-05-01 ${h}:00:00`, `2026-05-06 ${h}:00:01`);
    const f = files(dir, { a: [x('071', '4000.00', '10')], b: [x('072', '1000.00', '11')], c: [x('071', '4000.00', '10'), x('073', '3000.00', '12')] });
    run(f.a!, state);
    expect(run(f.b!, state).rows.map((v) => [v.amount, v.toIssue])).toEqual([['100.00', '100.00']]);
    const r = run(f.c!, state, '--reissue', 'all');
    expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'reissued']]);
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 500.00');
  });
});

describe('tmall-2023: a recorded voucher from an export that lacked the window\'s first order', () => {
  it('does not open a window of its own: a later order more than 24 h after the true opening is owed apart (500.00)', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    // Buyer P, each shipped 72 h after payment (24 h late), 30 % (RULES 1.2):
    // 100: 2000.00 paid 2025-05-01 04:13 → 600; 102: 3000.00 paid 05-01 18:33 → 900; 103: 2000.00 paid 05-02 15:39 → 600.
    // Windows: {100, 102} opens 05-01 04:13 (102 within 24 h) = min(500, 1500) = 500.00; 103 is
    // 35 h 26 min after the opening: its own window, min(500, 600) = 500.00. Owed in all: 1000.00.
    const p = (n: string, paid: string, paidAt: string, shippedAt: string) => shipped(`20000000000000001${n}`, 'P', paid, paidAt, shippedAt);
    const o0 = p('00', '2000.00', '2025-05-01 04:13:00', '2025-05-04 04:13:00');
    const o2 = p('02', '3000.00', '2025-05-01 18:33:00', '2025-05-04 18:33:00');
    const o3 = p('03', '2000.00', '2025-05-02 15:39:00', '2025-05-05 15:39:00');
    const f = files(dir, { a: [o0], b: [o0, o2], c: [o2], d: [o0, o2, o3] });
    const at = ['--as-of', '2025-06-01 00:00:00', '--reissue', 'all'];
    expect(run(f.a!, state, ...at).rows.map((v) => v.toIssue)).toEqual(['500.00']);
    expect(run(f.b!, state, ...at).rows.map((v) => v.toIssue)).toEqual(['0.00']);
    // {102} alone (window opening 05-01 18:33 in this export only): paid by {100, 102}.
    expect(run(f.c!, state, ...at).rows.map((v) => v.toIssue)).toEqual(['0.00']);
    // {103} opens 05-02 15:39, less than 24 h after {102}'s recorded opening, but {102} was inside
    // the window opened 05-01 04:13, which 103 is past: 500.00 owed.
    const d = run(f.d!, state, ...at);
    expect(d.rows.map((v) => [v.orderIds, v.toIssue])).toEqual([
      [['2000000000000000100', '2000000000000000102'], '0.00'],
      [['2000000000000000103'], '500.00'],
    ]);
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 1000.00');
  });
});

describe('tmall-2023: a voucher capped with another window by a wrong paid time, seen again in its own window', () => {
  // Buyer Q, each shipped 48 h 1 s after payment (late), 30 % (RULES 1.2):
  // o00 100.00 paid 2025-05-30 04:50 → 30.00; o04 2000.00 paid 2025-05-31 11:55 → 600 → cap 500.00.
  // o04 is 31 h 5 min after o00: a window of its own. Owed: {o00} 30.00 + {o04} 500.00 = 530.00.
  // An export with o04's paid time wrong (2025-05-31 00:55, 20 h 5 min after o00; still late):
  // {o04} 500.00 opens inside {o00}'s recorded window and is capped with it: 500 − 30 = 470.00 issued.
  const q = (n: string, paid: string, paidAt: string, shippedAt: string) => shipped(`50000000000020105${n}`, 'Q', paid, paidAt, shippedAt);
  const o00 = q('00', '100.00', '2025-05-30 04:50:00', '2025-06-01 04:50:01');
  const o04 = q('04', '2000.00', '2025-05-31 11:55:00', '2025-06-02 11:55:01');
  const o04wrong = q('04', '2000.00', '2025-05-31 00:55:00', '2025-06-02 11:55:01');
  const issued = (r: { rows: Row[] }) => r.rows.map((v) => [v.orderIds, v.amount, v.toIssue, v.recorded]);

  it('the true export owes {o04} the 30.00 it counted as {o00}\'s (amount_changed, exit 1), --reissue tops it up: 530.00 paid, not 500.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { a: [o00], b: [o04wrong], full: [o00, o04] });
    expect(issued(run(f.a!, state))).toEqual([[[o00.订单编号], '30.00', '30.00', 'new']]);
    const b = run(f.b!, state);
    expect(b.code).toBe(1);
    expect(issued(b)).toEqual([[[o04.订单编号], '500.00', '470.00', 'new']]);
    // o04 opens its own window now: its cap has room for all 500.00, of which it paid 470.00.
    const c = run(f.full!, state);
    expect(c.code).toBe(1);
    expect(issued(c)).toEqual([
      [[o00.订单编号], '30.00', '0.00', 'already_recorded'],
      [[o04.订单编号], '500.00', '30.00', 'amount_changed'],
    ]);
    expect(c.stderr).toContain(`was recorded at 500.00, 30.00 of it counted as paid by voucher ${c.rows[0]!.voucherKey} toward a shared cap; the export no longer puts them in the same 24-hour window: 30.00 more is owed and was not recorded. Once checked, run again with --reissue ${o04.订单编号}`);
    expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
    // Not in the total to issue until --reissue records it (then 30.00 to issue, once).
    expect(c.stderr).toContain('0 vouchers totalling 0.00 to issue; 1 recorded voucher owing 30.00 more (not in that total: check and record with --reissue first, then issue)');
    expect(run(f.full!, state, '--lang', 'zh').stderr).toContain(`红包 ${c.rows[1]!.voucherKey} 记录为 500.00, 其中 30.00 按共用封顶额算作红包 ${c.rows[0]!.voucherKey} 已付; 现在的报表不再把它们放在同一 24 小时窗口: 还差 30.00 元, 未记录`);
    const d = run(f.full!, state, '--reissue', String(o04.订单编号));
    expect(d.code).toBe(0);
    expect(issued(d)).toEqual([
      [[o00.订单编号], '30.00', '0.00', 'already_recorded'],
      [[o04.订单编号], '500.00', '30.00', 'topped_up'],
    ]);
    expect(d.stderr).toContain('the 30.00 still owed was recorded as a top-up (--reissue;');
    expect(d.stderr).toContain('1 voucher totalling 30.00 to issue; 0 rejected rows');
    // The top-up adds nothing to what {o04} comes to (0.00) and gives back the 30.00 it had counted
    // as {o00}'s (covered −30.00): 30.00 paid; {o00}'s 30.00 is {o00}'s again.
    const rows = JSON.parse(ledger(state).stdout) as Row[];
    expect(rows.map((v) => [v.orderIds, v.amount, v.covered])).toEqual([
      [[o00.订单编号], '30.00', '0.00'],
      [[o04.订单编号], '500.00', '30.00'],
      [[o04.订单编号], '0.00', '-30.00'],
    ]);
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 530.00');
    // Counted once: the next runs find it all recorded.
    const e = run(f.full!, state, '--reissue', 'all');
    expect(e.code).toBe(0);
    expect(issued(e)).toEqual([
      [[o00.订单编号], '30.00', '0.00', 'already_recorded'],
      [[o04.订单编号], '500.00', '0.00', 'already_recorded'],
    ]);
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 530.00');
    // o01 2000.00 paid 2025-05-30 10:00 (5 h 10 min after o00) → 600: {o00,o01} = min(500, 630) =
    // 500.00, {o00}'s 30.00 (given back) pays part of it: 470.00 to issue. Owed: 500 + 500 = 1000.00.
    // Had {o04} kept {o00}'s 30.00, {o00,o01} would issue 500.00: 1030.00 paid.
    const o01 = q('01', '2000.00', '2025-05-30 10:00:00', '2025-06-01 10:00:01');
    const g = run(files(dir, { g: [o00, o01, o04] }).g!, state, '--reissue', 'all');
    expect(issued(g)).toEqual([
      [[o00.订单编号, o01.订单编号], '500.00', '470.00', 'reissued'],
      [[o04.订单编号], '500.00', '0.00', 'already_recorded'],
    ]);
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 1000.00');
  });

  it('{o00}\'s window grown in the same run ({o00,o01} takes {o00} over): 1000.00 paid in all, once', () => {
    // As above: {o00} 30.00, {o04} 500.00 of which 470.00 issued. Then [o00, o01, o04] with
    // --reissue all: {o00,o01} = 500.00 and {o04} = 500.00 are owed, 1000.00 in all; 500.00 was paid.
    // {o00,o01} is recorded first, with {o00}'s money gone to {o04}: it pays o00 anew (500.00), so
    // {o04} keeps {o00}'s 30.00 (given back as well, 1030.00 was paid).
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const o01 = q('01', '2000.00', '2025-05-30 10:00:00', '2025-06-01 10:00:01');
    const f = files(dir, { a: [o00], b: [o04wrong], g: [o00, o01, o04] });
    const told = [f.a!, f.b!, f.g!].map((file) => run(file, state, '--reissue', 'all')).reduce((t, r) => t + r.rows.filter((v) => ['new', 'reissued', 'topped_up'].includes(String(v.recorded))).reduce((s, v) => s + Math.round(Number(v.toIssue) * 100), 0), 0);
    expect(told).toBe(100000);
    expect(ledger(state).stderr).toContain('total 1000.00');
    const again = run(f.g!, state, '--reissue', 'all');
    expect(again.rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded'], ['0.00', 'already_recorded']]);
    expect(ledger(state).stderr).toContain('total 1000.00');
  });

  it('an export without o04 caps {o00,o01} with {o04} (its recorded, wrong opening): the true export owes it 500.00; 1000.00 paid', () => {
    // {o00} 30.00, {o04} 500.00 (470.00 issued, opening recorded at the wrong 05-31 00:55). An export
    // of [o00, o01] rebuilds o00's window with that opening: {o00,o01} 500.00 is capped with {o04}
    // and issues 0.00 (exit 1, a person checks), all of it counted as {o04}'s. The true export puts
    // {o04} in its own window: {o04}'s 500.00 is its own (470.00 issued and {o00}'s 30.00, which
    // {o00,o01} took over with {o00}), so {o00,o01} owes its 500.00: 1000.00 paid. Before, the true
    // export read {o00,o01} 'already recorded': 500.00 paid of 1000.00.
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const o01 = q('01', '2000.00', '2025-05-30 10:00:00', '2025-06-01 10:00:01');
    const f = files(dir, { a: [o00], b: [o04wrong], d: [o00, o01], g: [o00, o01, o04] });
    const rs = [f.a!, f.b!, f.d!, f.g!].map((file) => run(file, state, '--reissue', 'all'));
    expect(rs.map((r) => r.code)).toEqual([0, 1, 1, 0]);
    expect(issued(rs[2]!)).toEqual([[[o00.订单编号, o01.订单编号], '500.00', '0.00', 'reissued']]);
    expect(issued(rs[3]!)).toEqual([
      [[o00.订单编号, o01.订单编号], '500.00', '500.00', 'topped_up'],
      [[o04.订单编号], '500.00', '0.00', 'already_recorded'],
    ]);
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 1000.00');
    expect(rs.reduce((t, r) => t + r.rows.filter((v) => ['new', 'reissued', 'topped_up'].includes(String(v.recorded))).reduce((s, v) => s + Math.round(Number(v.toIssue) * 100), 0), 0)).toBe(100000);
  });
  it('the wrong export again in between ({o00,o04} takes both over, with {o04}\'s money): the true export still owes {o04} its 30.00; 530.00 paid, not 500.00', () => {
    // {o00} 30.00 and {o04} 500.00 (470.00 issued, 30.00 counted as {o00}'s) as above: 500.00 paid.
    // The wrong export again, with --reissue all: o00 and o04 in one window, {o00,o04} =
    // min(500, 30 + 600) = 500.00, taking both over: {o00}'s money is gone to {o04}, {o04}'s 500.00
    // covers it all: 0.00 issued, 500.00 paid. The true export: {o00} 30.00 and {o04} 500.00 are
    // owed, 530.00; {o00,o04} paid nothing anew ({o04}'s money, the 30.00 counted as {o00}'s with
    // it), so {o04} is owed that 30.00 again: 30.00 topped up, 530.00 paid.
    // Before: {o00,o04} holding o00 was taken as having paid it anew: 'already recorded', 500.00.
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { a: [o00], b: [o04wrong], wrong: [o00, o04wrong], full: [o00, o04] });
    run(f.a!, state);
    run(f.b!, state);
    expect(issued(run(f.wrong!, state, '--reissue', 'all'))).toEqual([[[o00.订单编号, o04.订单编号], '500.00', '0.00', 'reissued']]);
    expect(ledger(state).stderr).toContain('total 500.00');
    const c = run(f.full!, state, '--reissue', 'all');
    expect(issued(c)).toEqual([
      [[o00.订单编号], '30.00', '0.00', 'already_recorded'],
      [[o04.订单编号], '500.00', '30.00', 'topped_up'],
    ]);
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 530.00');
    // Given back once: the wrong export and the true one again change nothing.
    expect(issued(run(f.wrong!, state, '--reissue', 'all'))).toEqual([[[o00.订单编号, o04.订单编号], '500.00', '0.00', 'already_recorded']]);
    expect(run(f.full!, state, '--reissue', 'all').rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded'], ['0.00', 'already_recorded']]);
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 530.00');
  });
});

describe('tmall-2026: a voucher capped with another day by a wrong paid time, now on its own day and at more', () => {
  // Buyer R (RULES 1.3: deadline paid + 48 h; over 72 h late: out of stock, 10 %, 5–500; else late
  // 5 %, 5–50; one Beijing day capped at 500):
  // a 5000.00 paid 05-01 10:00, shipped 05-06 10:00:01 (72 h 1 s late) → 500.00.
  // b 3000.00 paid 05-02 09:00, shipped 05-07 09:00:01 (72 h 1 s late) → 300.00, its own day.
  // Owed: 500.00 + 300.00 = 800.00.
  // An export with b's paid time wrong (05-01 21:00) and its old ship time (05-04 09:00:01, 36 h late):
  // 5 % = 150 → 50.00, on a's day, which a's 500.00 fills: {b} recorded at 50.00, 0.00 issued.
  const r = (n: string, paid: string, paidAt: string, shippedAt: string) => shipped(`20000000000000002${n}`, 'R', paid, paidAt, shippedAt);
  const a = r('01', '5000.00', '2026-05-01 10:00:00', '2026-05-06 10:00:01');
  const b = r('02', '3000.00', '2026-05-02 09:00:00', '2026-05-07 09:00:01');
  const bWrong = r('02', '3000.00', '2026-05-01 21:00:00', '2026-05-04 09:00:01');

  it('owes 300.00: 250.00 more than recorded and the 50.00 counted as a\'s; 800.00 paid in all', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { a: [a], b: [bWrong], full: [a, b] });
    expect(run(f.a!, state).rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'new']]);
    expect(run(f.b!, state).rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['50.00', '0.00', 'new']]);
    const c = run(f.full!, state, '--reissue', 'all');
    expect(c.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'already_recorded'], ['300.00', '300.00', 'topped_up']]);
    expect(c.stderr).toContain('was recorded at 50.00, 50.00 of it counted as paid by voucher');
    expect(c.stderr).toContain('the export no longer puts them in the same day and now comes to 300.00: the 300.00 still owed was recorded as a top-up');
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 800.00');
    expect(run(f.full!, state, '--reissue', 'all').rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded'], ['0.00', 'already_recorded']]);
    expect(ledger(state).stderr).toContain('3 vouchers recorded, total 800.00');
  });
  it('the wrong export again in between ({a,b} takes both over): the true export still owes b 300.00; 800.00 paid, not 500.00', () => {
    // a 500.00 issued; {b} 50.00 recorded, 0.00 issued (its 50.00 counted as a's): 500.00 paid.
    // The wrong export again, b at its true ship time (10 % = 300.00) but a's day: {a,b} =
    // min(500, 500 + 300) = 500.00, taking both over: a's 450.00 left and {b}'s 50.00 cover it: 0.00
    // issued. The true export: a 500.00 and b 300.00 on their own days, 800.00 owed, 500.00 paid; {a,b}
    // paid nothing anew, so {b} is owed its 300.00: 250.00 more than recorded and the 50.00 it counted
    // as a's. Before: 'already recorded' for both, {b}'s 250.00 not seen as owed: 500.00 paid.
    const bWrong2 = r('02', '3000.00', '2026-05-01 21:00:00', '2026-05-07 09:00:01');
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { a: [a], b: [bWrong], wrong: [a, bWrong2], full: [a, b] });
    run(f.a!, state);
    run(f.b!, state);
    expect(run(f.wrong!, state, '--reissue', 'all').rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'reissued']]);
    const c = run(f.full!, state, '--reissue', 'all');
    expect(c.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'already_recorded'], ['300.00', '300.00', 'topped_up']]);
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 800.00');
    expect(run(f.wrong!, state, '--reissue', 'all').rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded']]);
    expect(run(f.full!, state, '--reissue', 'all').rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded'], ['0.00', 'already_recorded']]);
    expect(ledger(state).stderr).toContain('4 vouchers recorded, total 800.00');
  });
});

describe('looking up the buyer\'s cap group', () => {
  it('uses an index (schema 7): recording 20 000 vouchers read the whole table once per voucher (48 s)', async () => {
    const { openState } = await import('../../src/state/ledger.js');
    const Database = (await import('better-sqlite3')).default;
    const file = path.join(tmpDir(), 'state.db');
    (await openState(file)).close();
    const raw = new Database(file, { readonly: true });
    const plan = raw
      .prepare("EXPLAIN QUERY PLAN SELECT voucher_key FROM vouchers WHERE kind = 'voucher' AND buyer = 'X' AND rules = 'tmall-2026' AND window_start BETWEEN 0 AND 1 AND instr(voucher_key, '+') = 0")
      .all() as { detail: string }[];
    raw.close();
    expect(plan.map((p) => p.detail).join(' ')).toContain('USING INDEX vouchers_buyer_window');
  });
});
