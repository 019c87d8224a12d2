// An earlier voucher holding some of a new voucher's orders pays toward it first only what those
// orders come to: it may also have paid for orders outside the new voucher, and the voucher that
// later holds those needs that money. Taking it all for the first voucher that clashed left other
// money unused (paid past what is owed) or took what another order was owed (paid short).
// Amounts worked out by hand from RULES 1.2 (tmall-2023: 30 %, min 5 per order, 24-hour windows,
// cap 500) and RULES 1.3 (tmall-2026: late 5 % clamped 5–50; one Beijing day, cap 500).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { type Row, files, recorder, shipped } from './record-runs.js';

const run = recorder('2026-07-01 00:00:00', '--reissue', 'all');
const total = (state: string) => /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state]).stderr)?.[1];
const told = (rows: Row[]) => rows.filter((v) => ['new', 'reissued', 'topped_up'].includes(String(v.recorded))).reduce((s, v) => s + Math.round(Number(v.toIssue) * 100), 0) / 100;

describe('a 24-hour window regrouped once its first order shows (tmall-2023)', () => {
  // Buyer X, all shipped 48 h 1 s after payment (late): 30 % each.
  // x 100.00 paid 03-01 08:00 → 30.00; a 3000.00 paid 03-01 18:00 → 900.00;
  // b 100.00 paid 03-02 14:00 → 30.00; c 100.00 paid 03-03 00:00 → 30.00.
  // Without x: a opens a window, b joins (20 h), c opens the next (30 h after a):
  //   {a,b} = min(500, 930) = 500.00, {c} = 30.00.
  // With x: x opens, a joins (10 h), b opens the next (30 h after x), c joins (10 h after b):
  //   {x,a} = min(500, 930) = 500.00, {b,c} = 60.00. Owed in all: 560.00.
  // (These ids put {a,b}'s key before {c}'s: the clash order that took {a,b}'s money first.)
  const x = shipped('3000000000000000021', 'X', '100.00', '2026-03-01 08:00:00', '2026-03-03 08:00:01');
  const a = shipped('3000000000000000022', 'X', '3000.00', '2026-03-01 18:00:00', '2026-03-03 18:00:01');
  const b = shipped('3000000000000000023', 'X', '100.00', '2026-03-02 14:00:00', '2026-03-04 14:00:01');
  const c = shipped('3000000000000000024', 'X', '100.00', '2026-03-03 00:00:00', '2026-03-05 00:00:01');

  it('{a,b} 500 and {c} 30, then {b,c}, then everything: 560.00 paid, not 590.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [a, b, c], r2: [b, c], full: [x, a, b, c] });
    const r1 = run(f.r1!, state);
    expect(r1.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'new'], ['30.00', '30.00', 'new']]);
    // {b,c} 60.00: {c} paid c's 30.00, {a,b} pays b's 30.00: nothing to issue.
    const r2 = run(f.r2!, state);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['60.00', '0.00', 'reissued']]);
    // {x,a} 500.00: {a,b} has 500 − 30 = 470.00 left for it: issue 30.00 (x's share).
    // It took {a,b}'s 60.00 before, so {x,a} owed 60.00 and {c}'s 30.00 was never used: 590.00.
    const r3 = run(f.full!, state);
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '30.00', 'reissued'], ['60.00', '0.00', 'already_recorded']]);
    expect(total(state)).toBe('560.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows)).toBe(560);
  });
});

describe('an order moved to another day by a paid-time correction (tmall-2026)', () => {
  // Buyer P. o503 2000.00 paid 05-31 09:40, shipped 06-02 09:40:01 (1 s late): 5 % = 100 → 50.00.
  // o505 3000.00 paid 05-31 15:48, shipped 06-03 03:48:01 (12 h late): 150 → 50.00.
  // o500 5000.00 paid 05-30 19:48, shipped 06-01 19:48:01 (1 s late): 250 → 50.00.
  // Owed: 05-30 {o500} 50.00 + 05-31 {o503,o505} 100.00 = 150.00.
  const o503 = shipped('5000000000000505503', 'P', '2000.00', '2026-05-31 09:40:00', '2026-06-02 09:40:01');
  const o505 = shipped('5000000000000505505', 'P', '3000.00', '2026-05-31 15:48:00', '2026-06-03 03:48:01');
  const o500 = shipped('5000000000000505500', 'P', '5000.00', '2026-05-30 19:48:00', '2026-06-01 19:48:01');
  // An export with o503's paid time wrong (05-30 14:40: 43 h late, still 50.00): 05-30 {o503,o500} 100.00.
  const wrong = shipped('5000000000000505503', 'P', '2000.00', '2026-05-30 14:40:00', '2026-06-02 09:40:01');

  it('the wrong day\'s voucher owes o500\'s 50.00; the final run owes nothing more: 150.00, not 100.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [o503, o505], r2: [wrong, o500], full: [o500, o503, o505] });
    const r1 = run(f.r1!, state);
    expect(r1.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['100.00', '100.00', 'new']]);
    // {o503,o500} 100.00: {o503,o505} pays o503's 50.00 of it; o500's 50.00 is owed.
    // It took all 100.00 (o505's share too) before: nothing issued, and o500 never paid.
    const r2 = run(f.r2!, state);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['100.00', '50.00', 'reissued']]);
    // Truth: {o500} 50.00, paid by {o503,o500}; {o503,o505} recorded before.
    const r3 = run(f.full!, state);
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['50.00', '0.00', 'reissued'], ['100.00', '0.00', 'already_recorded']]);
    expect(total(state)).toBe('150.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows)).toBe(150);
  });
});

describe('a payment another voucher took over is not taken again for orders it did not pay (tmall-2023)', () => {
  // Buyer Q, each shipped 48 h 1 s after payment (late): 30 %.
  // p 1000.00 paid 03-01 16:00 → 300.00; a 9000.00 paid 03-02 09:23 → 2700.00; k 9000.00 paid
  // 03-03 07:58 → 2700.00. p opens a window, a joins (17 h 23 min), k opens the next (39 h 58 min
  // after p): {p,a} = min(500, 3000) = 500.00, {k} = min(500, 2700) = 500.00. Owed: 1000.00.
  // An export without p: a opens, k joins (22 h 35 min): {a,k} = 500.00.
  const p = shipped('4000000000000000001', 'Q', '1000.00', '2026-03-01 16:00:00', '2026-03-03 16:00:01');
  const a = shipped('4000000000000000002', 'Q', '9000.00', '2026-03-02 09:23:00', '2026-03-04 09:23:01');
  const k = shipped('4000000000000000003', 'Q', '9000.00', '2026-03-03 07:58:00', '2026-03-05 07:58:01');

  it('{k} 500, then {a,k} (all of it {k}\'s money), then everything: {p,a} owes 500.00; 1000.00 paid, not 500.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [k], r2: [a, k], full: [p, a, k] });
    const r1 = run(f.r1!, state);
    expect(r1.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'new']]);
    // {a,k} 500.00: {k}'s 500.00 pays it (k alone comes to 2700.00): nothing to issue.
    const r2 = run(f.r2!, state);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'reissued']]);
    // {p,a} 500.00: {a,k} holds a, but its 500.00 is what {k} paid for k: none of it paid p or a,
    // and it is no payment toward {p,a}'s cap. {k} is recorded before. Issue 500.00.
    // Before, {p,a} took {a,k}'s 500.00 (its window's cap, then its clash): 0.00, and k's 500.00 was gone.
    const r3 = run(f.full!, state);
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'reissued'], ['500.00', '0.00', 'already_recorded']]);
    expect(total(state)).toBe('1000.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows)).toBe(1000);
  });
});

describe('a top-up whose cap group holds a payment taken over for another window (tmall-2023)', () => {
  // As above: {k} 500.00, then {a,k} 500.00 (all of it {k}'s money). Then an export with a's paid
  // amount wrong (100.00 → 30 % = 30.00): {p,a} = 300 + 30 = 330.00, none of it paid before: 330.00.
  // Then the true export: {p,a} = min(500, 300 + 2700) = 500.00, recorded at 330.00: 170.00 more,
  // and the cap leaves room for it ({a,k}'s 500.00 paid k, not this window). Owed: 1000.00.
  const p = shipped('4000000000000000011', 'Q', '1000.00', '2026-03-01 16:00:00', '2026-03-03 16:00:01');
  const a = shipped('4000000000000000012', 'Q', '9000.00', '2026-03-02 09:23:00', '2026-03-04 09:23:01');
  const aWrong = shipped('4000000000000000012', 'Q', '100.00', '2026-03-02 09:23:00', '2026-03-04 09:23:01');
  const k = shipped('4000000000000000013', 'Q', '9000.00', '2026-03-03 07:58:00', '2026-03-05 07:58:01');

  it('the top-up is 170.00 (was 0.00: the cap counted {a,k}\'s 500.00); 1000.00 paid in all', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [k], r2: [a, k], r3: [p, aWrong], full: [p, a, k] });
    const r1 = run(f.r1!, state);
    const r2 = run(f.r2!, state);
    const r3 = run(f.r3!, state);
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['330.00', '330.00', 'reissued']]);
    const r4 = run(f.full!, state);
    expect(r4.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '170.00', 'topped_up'], ['500.00', '0.00', 'already_recorded']]);
    expect(total(state)).toBe('1000.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows) + told(r4.rows)).toBe(1000);
  });
});

describe('a recorded voucher whose window start was corrected since (tmall-2023)', () => {
  // Buyer P, shipped 48 h 1 s after the true payment: 30 %.
  // o00 9000.00 paid 05-30 05:49 → 2700 → {o00} = 500.00; o04 3000.00 paid 05-31 06:59 → 900 →
  // {o04} = 500.00: 25 h 10 min after o00, a window of its own. Owed: 1000.00.
  // An export with o04's paid time wrong (05-31 02:59, 21 h 10 min after o00; shipped 06-02 06:59:01,
  // still late) records {o04} = 500.00 opening there.
  const o00 = shipped('5000000000000905200', 'P', '9000.00', '2025-05-30 05:49:00', '2025-06-01 05:49:01');
  const o04 = shipped('5000000000000905204', 'P', '3000.00', '2025-05-31 06:59:00', '2025-06-02 06:59:01');
  const o04wrong = shipped('5000000000000905204', 'P', '3000.00', '2025-05-31 02:59:00', '2025-06-02 06:59:01');

  it('{o00} is grouped by where {o04} opens now: 500.00 owed (was 0.00, capped with {o04}); 1000.00 paid', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [o04wrong], full: [o00, o04] });
    const r1 = run(f.r1!, state);
    expect(r1.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'new']]);
    const r2 = run(f.full!, state);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'new'], ['500.00', '0.00', 'already_recorded']]);
    expect(total(state)).toBe('1000.00');
    expect(told(r1.rows) + told(r2.rows)).toBe(1000);
  });
});

describe('a voucher that took over another day\'s payment, counted toward a cap (tmall-2026)', () => {
  // Buyer Q. o00 100.00 paid 05-30 22:12, shipped 06-02 10:12:01 (12 h late): 5 % = 5.00 (min 5).
  // o05 5000.00 paid 05-31 14:37, shipped 06-07 00:37:01 (over 72 h late): out of stock, 10 % = 500.00.
  // Owed: 05-30 {o00} 5.00 + 05-31 {o05} 500.00 = 505.00.
  // An export with both paid times wrong (05-31 00:12 and 05-31 08:37) and o05's old ship time
  // (06-02 14:37:01, 6 h late: 250 → 50.00): 05-31 {o00,o05} = 5 + 50 = 55.00, {o00}'s 5.00 paid: 50.00.
  const o00 = shipped('5000000000002022400', 'Q', '100.00', '2026-05-30 22:12:00', '2026-06-02 10:12:01');
  const o05 = shipped('5000000000002022405', 'Q', '5000.00', '2026-05-31 14:37:00', '2026-06-07 00:37:01');
  const o00wrong = shipped('5000000000002022400', 'Q', '100.00', '2026-05-31 00:12:00', '2026-06-02 10:12:01');
  const o05wrong = shipped('5000000000002022405', 'Q', '5000.00', '2026-05-31 08:37:00', '2026-06-02 14:37:01');

  it('{o05} takes {o00,o05}\'s 50.00 and issues 450.00 (was 445.00: o00\'s 5.00 counted toward the cap); 505.00 paid', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [o00], r2: [o00wrong, o05wrong], full: [o00, o05] });
    const r1 = run(f.r1!, state);
    const r2 = run(f.r2!, state);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['55.00', '50.00', 'reissued']]);
    // {o05} 500.00: {o00,o05} paid 55.00, 5.00 of it {o00}'s (taken over): 50.00 for o05; nothing
    // else paid toward 05-31's cap. Issue 450.00.
    const r3 = run(f.full!, state);
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['5.00', '0.00', 'already_recorded'], ['500.00', '450.00', 'reissued']]);
    expect(total(state)).toBe('505.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows)).toBe(505);
  });
});

describe('a conflict in a run takes nothing from the vouchers later ones in that run count (tmall-2023)', () => {
  // Buyer Q, shipped 48 h 1 s after payment (o04: 60 h): 30 %.
  // o03 100.00 paid 05-30 03:17 → 30.00; o01 9000.00 paid 05-30 05:20 → 2700.00;
  // o04 2000.00 paid 05-31 03:30 (24 h 13 min after o03) → 600.00; o07 100.00 paid 05-31 21:08 → 30.00.
  // Windows: {o03,o01} = 500.00, {o04,o07} = min(500, 630) = 500.00. Owed: 1000.00.
  const o03 = shipped('5000000000003016703', 'Q', '100.00', '2025-05-30 03:17:00', '2025-06-01 03:17:01');
  const o01 = shipped('5000000000003016701', 'Q', '9000.00', '2025-05-30 05:20:00', '2025-06-01 05:20:01');
  const o04 = shipped('5000000000003016704', 'Q', '2000.00', '2025-05-31 03:30:00', '2025-06-02 15:30:01');
  const o07 = shipped('5000000000003016707', 'Q', '100.00', '2025-05-31 21:08:00', '2025-06-02 21:08:01');
  const plain = (file: string, state: string) => {
    const r = runCli(['compensate', file, '--state', state, '--as-of', '2026-07-01 00:00:00', '-f', 'json', '--record']);
    return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
  };

  it('{o07} is capped with {o04} (0.00) though the conflict {o01,o04} would take {o04}\'s money; 1000.00 paid, not 1030.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { a: [o03], b: [o01], c: [o03, o01, o04], d: [o01, o04, o07], full: [o03, o01, o04, o07] });
    // {o03} 30.00; {o01} 500.00, capped with {o03}'s window: 470.00; {o04} 500.00 (and {o03,o01} covered).
    const told1 = [f.a!, f.b!, f.c!].reduce((t, file) => t + told(run(file, state).rows), 0);
    expect(told1).toBe(1000);
    // Without --reissue: o01 opens, o04 joins (22 h 10 min): {o01,o04} is a conflict; {o07} opens
    // the next window (39 h 48 min after o01), rebuilt with {o04}'s (17 h 38 min after it), full at
    // 500.00: nothing to issue. (The conflict took {o04}'s 500.00 for itself first: 30.00 issued.)
    const d = plain(f.d!, state);
    expect(d.rows.map((v) => [v.orderIds, v.toIssue, v.recorded])).toEqual([
      [['5000000000003016701', '5000000000003016704'], '0.00', 'conflict'],
      [['5000000000003016707'], '0.00', 'new'],
    ]);
    const r = run(f.full!, state);
    expect(total(state)).toBe('1000.00');
    expect(told1 + told(d.rows) + told(r.rows)).toBe(1000);
  });
});

describe('a voucher\'s money for an order now in another voucher of the same run (tmall-2026)', () => {
  // Buyer Q (RULES 1.3: deadline paid + 48 h; late 5 % clamped 5–50; over 72 h late, out of stock,
  // 10 % clamped 5–500; one Beijing day capped at 500).
  // o10 5000.00 paid 05-01 07:18, shipped 05-03 07:18:01 (1 s late): 250 → 50.00.
  // o09 100.00 paid 05-01 13:53: shipped 05-03 13:53:01 (1 s late) 5 % = 5.00; the true ship time
  //   05-06 13:53:01 (72 h 1 s late) 10 % = 10.00.
  // o01 100.00 paid 05-02 06:44, shipped 05-04 06:44:01 (1 s late): 5.00, its own day. A wrong paid
  //   time 05-01 13:44 (shipped 17 h late, 5 %): 5.00 on 05-01.
  // Owed: 05-01 {o10,o09} 50 + 10 = 60.00; 05-02 {o01} 5.00: 65.00.
  const q = (n: string, paid: string, paidAt: string, shippedAt: string) => shipped(`30000000000000615${n}`, 'Q', paid, paidAt, shippedAt);
  const o10 = q('10', '5000.00', '2026-05-01 07:18:00', '2026-05-03 07:18:01');
  const o09old = q('09', '100.00', '2026-05-01 13:53:00', '2026-05-03 13:53:01');
  const o09 = q('09', '100.00', '2026-05-01 13:53:00', '2026-05-06 13:53:01');
  const o01wrong = q('01', '100.00', '2026-05-01 13:44:00', '2026-05-04 06:44:01');
  const o01 = q('01', '100.00', '2026-05-02 06:44:00', '2026-05-04 06:44:01');

  it('the grown voucher\'s top-up leaves the 5.00 {o10,o09,o01} paid for o01 to {o01}: 5.00 topped up, 65.00 paid, not 60.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [o10, o09old], r2: [o10, o09old, o01wrong], full: [o10, o09, o01] });
    // {o10,o09} 55.00 issued; then {o10,o09,o01} (o01 on 05-01) 60.00 takes it over: 5.00 issued, for o01.
    const r1 = run(f.r1!, state);
    const r2 = run(f.r2!, state);
    expect(r2.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['60.00', '5.00', 'reissued']]);
    // The true export: {o10,o09} now 60.00 (recorded 55.00), {o01} 5.00. Of {o10,o09,o01}'s 60.00,
    // 55.00 paid o10 and o09 and 5.00 paid o01: {o01} takes its 5.00, {o10,o09} is owed 5.00 more.
    // Before: {o10,o09}'s change took all 60.00 ("nothing more is owed") and {o01} took o01's 5.00
    // too: 60.00 paid of 65.00.
    const r3 = run(f.full!, state);
    expect(r3.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['60.00', '5.00', 'topped_up'], ['5.00', '0.00', 'reissued']]);
    expect(total(state)).toBe('65.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows)).toBe(65);
    const r4 = run(f.full!, state);
    expect(r4.rows.map((v) => [v.toIssue, v.recorded])).toEqual([['0.00', 'already_recorded'], ['0.00', 'already_recorded']]);
    expect(total(state)).toBe('65.00');
  });
});

describe('what was taken from a voucher before came out of its own orders\' part (tmall-2026)', () => {
  // Buyer Q (RULES 1.3 as above). o07 5000.00 paid 05-01 03:35, shipped 05-03 03:35:01 (1 s late):
  // 250 → 50.00. o05 2000.00 paid 05-02 01:55: shipped 05-04 01:55:01 (1 s late) 100 → 50.00; the true
  // ship time 05-07 01:55:01 (72 h 1 s late): 10 % = 200.00. A wrong paid time 05-01 04:35 puts it on
  // 05-01 (shipped 21 h 20 min late: 5 %, 50.00).
  // Owed: 05-01 {o07} 50.00; 05-02 {o05} 200.00: 250.00.
  const q = (n: string, paid: string, paidAt: string, shippedAt: string) => shipped(`30000000000008112${n}`, 'Q', paid, paidAt, shippedAt);
  const o07 = q('07', '5000.00', '2026-05-01 03:35:00', '2026-05-03 03:35:01');
  const o05wrong = q('05', '2000.00', '2026-05-01 04:35:00', '2026-05-04 01:55:01');
  const o05old = q('05', '2000.00', '2026-05-02 01:55:00', '2026-05-04 01:55:01');
  const o05 = q('05', '2000.00', '2026-05-02 01:55:00', '2026-05-07 01:55:01');

  it('{o05}\'s top-up does not take the 50.00 {o07,o05} holds for o07: 150.00 topped up, 250.00 paid, not 200.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [o07], r2: [o07, o05wrong], r3: [o07, o05old], full: [o07, o05] });
    // {o07} 50.00; {o07,o05} 100.00 takes it over: 50.00 issued (o05's). {o05} 50.00 (05-02) takes
    // o05's 50.00 of {o07,o05}: 0.00 issued. 100.00 paid; {o07,o05} still holds {o07}'s 50.00, for o07.
    const told3 = [f.r1!, f.r2!, f.r3!].map((file) => told(run(file, state).rows)).reduce((a, b) => a + b, 0);
    expect(told3).toBe(100);
    // The true export: {o05} at 200.00, recorded 50.00: 150.00 more, nothing else pays it.
    // Before: the 50.00 left in {o07,o05} (o07's) was counted as paying o05: 100.00 topped up, 200.00.
    const r = run(f.full!, state);
    expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['50.00', '0.00', 'already_recorded'], ['200.00', '150.00', 'topped_up']]);
    expect(total(state)).toBe('250.00');
    expect(told3 + told(r.rows)).toBe(250);
  });
});

describe('a voucher\'s money taken over with a window\'s other orders, then by an export that regroups the windows (tmall-2023)', () => {
  // Buyer P, each 2000.00 shipped 48 h 1 s after payment (late): 30 % = 600 → capped 500 (RULES 1.2).
  // o01 paid 05-30 02:04 opens W1 (to 05-31 02:04); o03 05-30 12:59 joins W1; o08 05-31 07:37 opens
  // W2; o04 05-31 19:45 joins W2. Owed: W1 500.00 + W2 500.00 = 1000.00.
  const p = (n: string, paidAt: string, shippedAt: string) => shipped(`50000000000091010${n}`, 'P', '2000.00', paidAt, shippedAt);
  const o01 = p('01', '2025-05-30 02:04:00', '2025-06-01 02:04:01');
  const o03 = p('03', '2025-05-30 12:59:00', '2025-06-01 12:59:01');
  const o08 = p('08', '2025-05-31 07:37:00', '2025-06-02 07:37:01');
  const o04 = p('04', '2025-05-31 19:45:00', '2025-06-02 19:45:01');

  it('{04} is paid by the 500.00 {08} took over from {08,04}: 1000.00 paid, not 1500.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [o01], r2: [o08, o04], r3: [o08], r4: [o03, o08, o04], full: [o01, o03, o08, o04] });
    // {o01} 500.00; {o08,o04} 500.00; an export without o04: {o08} 500.00 takes all of {o08,o04}'s
    // 500.00 (0.00 issued). 1000.00 paid.
    const told3 = [f.r1!, f.r2!, f.r3!].map((file) => told(run(file, state).rows)).reduce((a, b) => a + b, 0);
    expect(told3).toBe(1000);
    // An export without o01: o03 opens a window, o08 joins (18 h 38 min), o04 opens the next (30 h
    // 46 min after o03): {o03,o08} and {o04}. {o08}'s 500.00 paid o04 too (it took {o08,o04}'s), so
    // {o03,o08} leaves it for {o04} and is capped with {o01}'s recorded window (full): 0.00; {o04} is
    // paid by it: 0.00. Before: {o03,o08} took all 500.00 and {o04} issued 500.00 again (exit 0).
    const r4 = run(f.r4!, state);
    expect(r4.code).toBe(1);
    expect(r4.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'reissued'], ['500.00', '0.00', 'reissued']]);
    expect(total(state)).toBe('1000.00');
    const r = run(f.full!, state);
    expect(r.rows.map((v) => [v.toIssue])).toEqual([['0.00'], ['0.00']]);
    expect(total(state)).toBe('1000.00');
    expect(told3 + told(r4.rows) + told(r.rows)).toBe(1000);
  });
});
