// Re-issuing conflicts one at a time (--reissue <orders> for each, in any order) pays what
// --reissue all pays (tmall-2023, docs/rules.md §1.2: 30 % per order, at least 5.00, a buyer's late
// orders paid within 24 h of a window's opening combined, 500.00 cap per window; 48 h to ship).
// Every amount below is worked out by hand from docs/rules.md §1.2.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { files, recorder, seen, shipped } from './record-runs.js';

const AS_OF = '2026-03-10 12:00:00';
const run = recorder(AS_OF);
const run26 = recorder('2026-07-01 00:00:00');
const total = (state: string) => /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state]).stderr)?.[1];

describe('an order moved to another buyer: its conflicts re-issued one at a time pay what --reissue all pays', () => {
  // First export:
  //   a Q 3000.00 paid 03-01 10:00, shipped 03-04 10:00 (72 h: 24 h late) → 30 % = 900.00
  //   d P 3000.00 paid 03-01 11:00, shipped 03-04 11:00 (24 h late)       → 900.00
  //   c P  100.00 paid 03-01 11:30, shipped 03-04 11:30 (24 h late)       →  30.00
  //   b Q 1000.00 paid 03-01 12:00, shipped 03-04 12:00 (24 h late)       → 300.00
  //   Q: a opens a window, b joins (2 h later): {a,b} = min(500, 1200) = 500.00 (shares a 900, b 300).
  //   P: d opens a window, c joins: {d,c} = min(500, 930) = 500.00 (shares d 900, c 30).
  //   Recorded: 1000.00.
  // Second export, without d (a partial export); b is now buyer P's order (same times):
  //   Q: {a} = min(500, 900) = 500.00, opening at a (03-01 10:00) as {a,b} did: {a,b}'s 500.00 is
  //      its window's money: nothing more.
  //   P: c, b: {c,b} = 30 + 300 = 330.00; the ledger's d opened P's window at 11:00 and c, b join it
  //      (within 24 h): one window {d,c,b}, capped at 500.00, which {d,c}'s 500.00 fills: nothing more.
  //   Owed 500.00 + 500.00 = 1000.00, all paid: every way of re-issuing ends at 1000.00.
  // Before: --reissue b,c alone took b's 300.00 share of {a,b} ({a}, a conflict earlier in the same
  // run, was counted as having taken its part though nothing was recorded for it) and c's 30.00 of
  // {d,c}; --reissue a then found 200.00 of {a,b} left and issued 300.00: 1300.00 paid of 1000.00
  // (--reissue all: {a} takes all of {a,b}, {c,b} c's 30.00 and 300.00 of the cap from {d,c}).
  const a = '3000000000000000071';
  const b = '3000000000000000072';
  const c = '3000000000000000073';
  const d = '3000000000000000074';
  const oa = shipped(a, 'Q', '3000.00', '2026-03-01 10:00:00', '2026-03-04 10:00:00');
  const od = shipped(d, 'P', '3000.00', '2026-03-01 11:00:00', '2026-03-04 11:00:00');
  const oc = shipped(c, 'P', '100.00', '2026-03-01 11:30:00', '2026-03-04 11:30:00');
  const first = [oa, od, oc, shipped(b, 'Q', '1000.00', '2026-03-01 12:00:00', '2026-03-04 12:00:00')];
  const second = [oa, oc, shipped(b, 'P', '1000.00', '2026-03-01 12:00:00', '2026-03-04 12:00:00')];

  for (const [name, steps] of [
    ['all at once', ['all']],
    ['{c,b} first, then {a}', [`${b},${c}`, a]],
    ['{a} first, then {c,b}', [a, `${b},${c}`]],
  ] as const) {
    it(`${name}: 1000.00 in all, nothing more`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { first, second });
      run(f.first!, state);
      expect(total(state)).toBe('1000.00');
      const r = run(f.second!, state);
      expect(seen(r.rows)).toEqual([
        ['Q', '71', '500.00', '0.00', 'conflict'],
        ['P', '73,72', '330.00', '0.00', 'conflict'],
      ]);
      for (const ids of steps) run(f.second!, state, '--reissue', ids);
      expect(total(state)).toBe('1000.00');
      expect(seen(run(f.second!, state, '--reissue', 'all').rows).map((x) => x[3])).toEqual(['0.00', '0.00']);
      expect(total(state)).toBe('1000.00');
    });
  }
});

describe('an order moved to another day and priced higher (tmall-2026): one at a time pays what --reissue all pays', () => {
  // tmall-2026 (docs/rules.md §1.3): late ≤ 72 h, window ≤ 48 h: 5 %, 5.00–50.00; more than 72 h late
  // (out of stock), window ≤ 48 h: 10 %, 5.00–500.00; a buyer's payments on one Beijing day combined,
  // capped at 500.00.
  // First export, buyer P:
  //   x 1000.00 paid 05-31 11:34, shipped 06-03 20:34 (81 h: 33 h late)  → 5 % = 50.00
  //   y  100.00 paid 05-31 12:35, shipped 06-05 09:35 (117 h: 69 h late) → 5 % = 5.00 (the minimum)
  //   {x,y} (05-31) = 55.00 recorded (shares x 50.00, y 5.00).
  // Second export: y was paid 05-30 16:35 (shipped 06-05 09:35: 137 h, 89 h late: out of stock,
  //   10 % = 10.00): {y} (05-30) = 10.00; {x} (05-31) = 50.00. Owed 60.00; {x,y} paid x its 50.00
  //   and y 5.00: 5.00 more, for y. Every way of re-issuing ends at 60.00.
  // {x} re-issued on its own kept back y's 10.00 now (not the 5.00 {x,y} paid for it) and issued
  // 5.00 for x, and {y} then 5.00 more: 65.00 (with the change above that keeps money for a
  // conflict of the run not recorded, {y} here; before it {y} was not kept for at all).
  const x = '3000000000000000081';
  const y = '3000000000000000082';
  const ox = shipped(x, 'P', '1000.00', '2026-05-31 11:34:00', '2026-06-03 20:34:00');
  const first = [ox, shipped(y, 'P', '100.00', '2026-05-31 12:35:00', '2026-06-05 09:35:00')];
  const second = [shipped(y, 'P', '100.00', '2026-05-30 16:35:00', '2026-06-05 09:35:00'), ox];
  for (const [name, steps] of [
    ['all at once', ['all']],
    ['{x} first, then {y}', [x, y]],
    ['{y} first, then {x}', [y, x]],
  ] as const) {
    it(`${name}: 60.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { first, second });
      const r1 = run26(f.first!, state);
      expect(seen(r1.rows)).toEqual([['P', '81,82', '55.00', '55.00', 'new']]);
      const r = run26(f.second!, state);
      expect(seen(r.rows)).toEqual([
        ['P', '82', '10.00', '5.00', 'conflict'],
        ['P', '81', '50.00', '0.00', 'conflict'],
      ]);
      for (const ids of steps) run26(f.second!, state, '--reissue', ids);
      expect(total(state)).toBe('60.00');
    });
  }
});

describe('two orders swap buyers (tmall-2023): a voucher re-issued in an earlier run keeps nothing back', () => {
  // First export (each shipped well over 48 h after payment: late, 30 %):
  //   a P 2000.00 paid 04-06 07:12, shipped 04-09 21:12 → 600.00
  //   b Q 1000.00 paid 04-06 08:44, shipped 04-10 02:44 → 300.00
  //   c P 3000.00 paid 04-06 14:36, shipped 04-09 14:36 → 900.00
  //   P: a opens a window, c joins: {a,c} = min(500, 1500) = 500.00 (shares a 600.00, c 900.00).
  //   Q: {b} = 300.00. Recorded 800.00.
  // Second export: a is Q's order, b is P's (the same times).
  //   Q: {a} = min(500, 600) = 500.00, a window opening 04-06 07:12, which {b}'s recorded opening
  //      (08:44) is in: {b}'s 300.00 counts toward it.
  //   P: b opens 08:44, c joins: {b,c} = min(500, 1200) = 500.00, in the window {a,c} opened (07:12).
  //   Owed 500.00 + 500.00 = 1000.00; 800.00 paid: 200.00 more, whichever way it is re-issued.
  // Before: --reissue b,c took {b}'s 300.00 and 200.00 of {a,c} (cap); --reissue a, in a later
  // run, kept back 500.00 of {a,c} for {b,c} (already recorded) and found {b}'s money gone: 500.00
  // issued, 1300.00 paid of 1000.00 (--reissue all: 1000.00).
  const a = '3000000000000000091';
  const b = '3000000000000000092';
  const c = '3000000000000000093';
  const t = { a: ['2026-04-06 07:12:00', '2026-04-09 21:12:00'], b: ['2026-04-06 08:44:00', '2026-04-10 02:44:00'], c: ['2026-04-06 14:36:00', '2026-04-09 14:36:00'] } as const;
  const oc = shipped(c, 'P', '3000.00', ...t.c);
  const first = [shipped(a, 'P', '2000.00', ...t.a), shipped(b, 'Q', '1000.00', ...t.b), oc];
  const second = [shipped(a, 'Q', '2000.00', ...t.a), shipped(b, 'P', '1000.00', ...t.b), oc];
  for (const [name, steps] of [
    ['all at once', ['all']],
    ['{b,c} first, then {a}', [`${b},${c}`, a]],
    ['{a} first, then {b,c}', [a, `${b},${c}`]],
  ] as const) {
    it(`${name}: 1000.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { first, second });
      run26(f.first!, state);
      expect(total(state)).toBe('800.00');
      run26(f.second!, state);
      for (const ids of steps) run26(f.second!, state, '--reissue', ids);
      expect(total(state)).toBe('1000.00');
    });
  }
});

describe('three exports (tmall-2023): money kept back for a later conflict is kept once, not from every voucher holding its orders', () => {
  // tmall-2023 (docs/rules.md §1.2): 30 % per order, at least 5.00; a buyer's late orders paid within
  // 24 h of a window's opening combined, 500.00 cap per window; 48 h to ship.
  // First export (2025, all late):
  //   o02 Q 3000.00 paid 05-31 02:25, shipped 06-04 17:25 → 900.00
  //   o03 Q  100.00 paid 05-31 04:49, shipped 06-03 06:49 →  30.00
  //   o01 P 2000.00 paid 05-31 20:42, shipped 06-04 19:42 → 600.00
  //   o00 Q 3000.00 paid 06-01 07:52, shipped 06-04 19:52 → 900.00
  //   Q: {02,03} (window 05-31 02:25) = min(500, 930) = 500.00; {00} (29 h later: a window of its
  //   own) = 500.00. P: {01} = 500.00. Recorded 1500.00.
  // Second export: o03 paid 05-31 11:49 (shipped 06-05 19:49: 30.00); o01 is Q's; o30 Q 9000.00 paid
  //   06-01 02:27, shipped 06-06 00:27 (2700.00). Q: {02,03,01} (window to 06-01 02:25) = 500.00;
  //   o30 (2 min after it closed) opens {30,00} = 500.00. Owed 1000.00 of the 1500.00 paid:
  //   --reissue all records both, nothing more to issue (1500.00).
  // Third export: o03 is P's; o00 paid 05-31 14:52; o01 shipped 06-04 02:42 (78 h: late, 600.00);
  //   o60 Q 9000.00 paid 05-31 22:14, shipped 06-05 00:14 (2700.00).
  //   Q: {02,00,01,60} (window 05-31 02:25) = 500.00; {30} = 500.00. P: {03} = 30.00.
  //   Owed 1030.00; every order was paid before (o03's 30.00 in {02,03}), and 1500.00 was paid:
  //   nothing more, whichever way it is re-issued: 1500.00. In particular {30}: {30,00} and {00}
  //   opened in its 24-hour window and their 500.00 counts toward its cap, since {02,00,01,60} is
  //   paid by {02,03}'s and {02,03,01}'s money, which {30} cannot take (reissue-keepback-
  //   takeable.test.ts, seed 40: the same data with other ids paid 2000.00, the ledger's choice
  //   going by the voucher keys).
  // Before: --reissue 30, then --reissue 03: {02,03} (500.00 unused) kept 500.00 back for
  // {02,00,01,60} although {02,03,01}'s 500.00, which {03} cannot take (taken over from {01}), stays
  // there for it: {03} issued its 30.00 again: 1530.00.
  const id = (n: string) => `30000000000000001${n}`;
  const o = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, at, ship);
  const first = [
    o('02', 'Q', '3000.00', '2025-05-31 02:25:00', '2025-06-04 17:25:00'),
    o('03', 'Q', '100.00', '2025-05-31 04:49:00', '2025-06-03 06:49:00'),
    o('01', 'P', '2000.00', '2025-05-31 20:42:00', '2025-06-04 19:42:00'),
    o('00', 'Q', '3000.00', '2025-06-01 07:52:00', '2025-06-04 19:52:00'),
  ];
  const second = [
    o('02', 'Q', '3000.00', '2025-05-31 02:25:00', '2025-06-04 21:25:00'),
    o('03', 'Q', '100.00', '2025-05-31 11:49:00', '2025-06-05 19:49:00'),
    o('01', 'Q', '2000.00', '2025-05-31 20:42:00', '2025-06-04 19:42:00'),
    o('30', 'Q', '9000.00', '2025-06-01 02:27:00', '2025-06-06 00:27:00'),
    o('00', 'Q', '3000.00', '2025-06-01 07:52:00', '2025-06-04 19:52:00'),
  ];
  const third = [
    o('02', 'Q', '3000.00', '2025-05-31 02:25:00', '2025-06-04 21:25:00'),
    o('03', 'P', '100.00', '2025-05-31 11:49:00', '2025-06-05 19:49:00'),
    o('00', 'Q', '3000.00', '2025-05-31 14:52:00', '2025-06-04 19:52:00'),
    o('01', 'Q', '2000.00', '2025-05-31 20:42:00', '2025-06-04 02:42:00'),
    o('60', 'Q', '9000.00', '2025-05-31 22:14:00', '2025-06-05 00:14:00'),
    o('30', 'Q', '9000.00', '2025-06-01 02:27:00', '2025-06-06 00:27:00'),
  ];
  const big = [id('02'), id('00'), id('01'), id('60')].join(',');
  for (const [name, steps] of [
    ['all at once', ['all']],
    ['{30}, {03}, then the rest', [id('30'), id('03'), big]],
    ['{03}, {30}, then the rest', [id('03'), id('30'), big]],
    ['the rest, then {03} and {30} in one call', [big, `${id('03')},${id('30')}`]],
  ] as const) {
    it(`${name}: 1500.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { first, second, third });
      run(f.first!, state);
      expect(total(state)).toBe('1500.00');
      run(f.second!, state, '--reissue', 'all');
      expect(total(state)).toBe('1500.00');
      const r = run(f.third!, state);
      expect(seen(r.rows).map((x) => x.slice(1, 5))).toEqual([
        ['02,00,01,60', '500.00', '0.00', 'conflict'],
        ['03', '30.00', '0.00', 'conflict'],
        ['30', '500.00', '0.00', 'conflict'],
      ]);
      for (const ids of steps) run(f.third!, state, '--reissue', ids);
      run(f.third!, state, '--reissue', 'all');
      expect(total(state)).toBe('1500.00');
    });
  }
});

describe('three exports (tmall-2023): an earlier voucher only a later one can take pays that one; nothing is kept back for it elsewhere', () => {
  // As of 2026-07-01. tmall-2023 (docs/rules.md §1.2): 30 % per order, at least 5.00; 24-hour windows from the
  // first order, 500.00 cap each; 48 h to ship (an order shipped within 48 h is on time).
  // First export (2026-04, before 04-09: tmall-2023):
  //   o00 P 3000.00 04-06 07:09, o03 P 9000.00 04-06 08:50, o02 Q 1000.00 04-07 08:08: shipped
  //   within 40 h, on time.
  //   o04 Q 2000.00 paid 04-07 09:12, shipped 04-09 19:12 (58 h) → 600.00
  //   o05 P  100.00 paid 04-08 05:20, shipped 04-12 14:20         →  30.00
  //   o06 Q 1000.00 paid 04-08 19:48, shipped 04-10 23:48 (52 h) → 300.00
  //   o01 Q 1000.00 paid 04-08 22:50, shipped 04-13 05:50         → 300.00
  //   Q: {04} = 500.00; {06,01} (o06 34 h after o04 opens a window) = min(500, 600) = 500.00.
  //   P: {05} = 30.00. Recorded 1030.00.
  // Second export: o03 P paid 04-05 18:50 shipped 04-09 14:50 → 2700.00; o00 Q shipped 04-11 12:09
  //   → 900.00; o31 P 3000.00 paid 04-06 13:00 shipped 04-10 23:00 → 900.00; o04 P paid 04-06 21:12
  //   shipped 04-09 17:12 (68 h) → 600.00; o30 P 1000.00 paid 04-07 22:49 shipped 04-13 05:49 →
  //   300.00; o05 Q shipped 04-10 06:20 (49 h) → 30.00; o02 shipped 04-09 00:08 (on time).
  //   P: {03,31} (window 04-05 18:50) = 500.00; {04} = 500.00; {30} (25 h after o04) = 300.00.
  //   Q: {00} = 500.00; {05,06,01} (window 04-08 05:20) = min(500, 630) = 500.00.
  //   --reissue all: 2300.00 owed; with {04}'s and {05}'s money recorded before: 2330.00 in the ledger.
  // Third export: o03 Q paid 04-05 06:50 (shipped 04-09 04:50) → 2700.00; o00 P; o04 shipped
  //   04-08 13:12 (40 h, on time); o30 paid 04-08 01:49; o05 shipped 04-09 21:20 (40 h, on time);
  //   o01 P.
  //   Q: {03} = 500.00; {06} = 300.00. P: {00,31} (window 04-06 07:09) = 500.00; {30,01} (window
  //   04-08 01:49) = min(500, 600) = 500.00. Owed 1800.00, and each order was paid before:
  //   {03} from {03,31} (o03's share 2700.00), {00,31} from {00} (500.00), {30,01} from {30}
  //   (300.00) and 200.00 of {05,06,01} (o01's 300.00), {06} from its 300.00 there. Nothing more:
  //   2330.00, all at once or one at a time.
  // Before: {03,31} kept its 500.00 back for {00,31} although {00}'s 500.00, which only {00,31}
  // can take, pays it: {03} was owed 500.00 anew (said and --reissue all: 2830.00).
  const id = (n: string) => `30000000000000002${n}`;
  const o = (n: string, buyer: string, paid: string, at: string, ship: string) => shipped(id(n), buyer, paid, at, ship);
  const first = [
    o('00', 'P', '3000.00', '2026-04-06 07:09:00', '2026-04-07 23:09:00'),
    o('03', 'P', '9000.00', '2026-04-06 08:50:00', '2026-04-08 00:50:00'),
    o('02', 'Q', '1000.00', '2026-04-07 08:08:00', '2026-04-09 00:08:00'),
    o('04', 'Q', '2000.00', '2026-04-07 09:12:00', '2026-04-09 19:12:00'),
    o('05', 'P', '100.00', '2026-04-08 05:20:00', '2026-04-12 14:20:00'),
    o('06', 'Q', '1000.00', '2026-04-08 19:48:00', '2026-04-10 23:48:00'),
    o('01', 'Q', '1000.00', '2026-04-08 22:50:00', '2026-04-13 05:50:00'),
  ];
  const second = [
    o('03', 'P', '9000.00', '2026-04-05 18:50:00', '2026-04-09 14:50:00'),
    o('00', 'Q', '3000.00', '2026-04-06 07:09:00', '2026-04-11 12:09:00'),
    o('31', 'P', '3000.00', '2026-04-06 13:00:00', '2026-04-10 23:00:00'),
    o('04', 'P', '2000.00', '2026-04-06 21:12:00', '2026-04-09 17:12:00'),
    o('02', 'Q', '1000.00', '2026-04-07 16:08:00', '2026-04-09 00:08:00'),
    o('30', 'P', '1000.00', '2026-04-07 22:49:00', '2026-04-13 05:49:00'),
    o('05', 'Q', '100.00', '2026-04-08 05:20:00', '2026-04-10 06:20:00'),
    o('06', 'Q', '1000.00', '2026-04-08 19:48:00', '2026-04-10 20:48:00'),
    o('01', 'Q', '1000.00', '2026-04-08 22:50:00', '2026-04-13 05:50:00'),
  ];
  const third = [
    o('03', 'Q', '9000.00', '2026-04-05 06:50:00', '2026-04-09 04:50:00'),
    o('00', 'P', '3000.00', '2026-04-06 07:09:00', '2026-04-11 12:09:00'),
    o('31', 'P', '3000.00', '2026-04-06 13:00:00', '2026-04-10 23:00:00'),
    o('04', 'P', '2000.00', '2026-04-06 21:12:00', '2026-04-08 13:12:00'),
    o('02', 'Q', '1000.00', '2026-04-07 16:08:00', '2026-04-09 00:08:00'),
    o('30', 'P', '1000.00', '2026-04-08 01:49:00', '2026-04-13 05:49:00'),
    o('05', 'Q', '100.00', '2026-04-08 05:20:00', '2026-04-09 21:20:00'),
    o('06', 'Q', '1000.00', '2026-04-08 19:48:00', '2026-04-10 20:48:00'),
    o('01', 'P', '1000.00', '2026-04-08 22:50:00', '2026-04-13 05:50:00'),
  ];
  for (const [name, steps] of [
    ['all at once', ['all']],
    ['{06}, then {30,01} and {00,31} in one call, then {03}', [id('06'), [id('30'), id('01'), id('00'), id('31')].join(','), id('03')]],
  ] as const) {
    it(`${name}: 2330.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { first, second, third });
      run26(f.first!, state);
      expect(total(state)).toBe('1030.00');
      run26(f.second!, state, '--reissue', 'all');
      expect(total(state)).toBe('2330.00');
      const r = run26(f.third!, state);
      expect(seen(r.rows).map((x) => [x[1], x[3], x[4]])).toEqual([
        ['03', '0.00', 'conflict'],
        ['00,31', '0.00', 'conflict'],
        ['30,01', '0.00', 'conflict'],
        ['06', '0.00', 'conflict'],
      ]);
      for (const ids of steps) run26(f.third!, state, '--reissue', ids);
      run26(f.third!, state, '--reissue', 'all');
      expect(total(state)).toBe('2330.00');
    });
  }
});
