// Two cases the three-export property test found (reissue-paths3.property.test.ts seeds 254 and 306;
// docs/cli.md `--record`, `--reissue`): said == --reissue all (== one --reissue at a time for 254). Every
// amount below is worked out by hand from docs/rules.md §1.2 (tmall-2023: 48 h to ship, 30 % per
// order, at least 5.00; a buyer's late orders paid within 24 h of a window's opening combined, 500.00
// cap per window) and §1.3 (tmall-2026, paid from 04-09: 5 % for a ≤ 48 h window ≤ 72 h late,
// 5.00–50.00). Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { type Row, files, ledgerTotal, owedSaid, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = (file: string, state: string, ...more: string[]) => {
  const r = runCli(['compensate', file, '--state', state, '--as-of', '2026-07-01 00:00:00', '-f', 'json', '--record', ...more], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const total = (state: string) => ledgerTotal(state, tz);

describe('money kept back for a later conflict leaves out what its cap group pays toward it (tmall-2023, seed 254)', () => {
  // First export:
  //   o01 Q  100.00 paid 05-30 19:35, shipped 06-04 18:35 (late) → 30.00
  //   o03 P  100.00 paid 05-30 21:12, shipped 06-04 03:12 (late) → 30.00
  //   o05 Q 9000.00 paid 05-31 23:57, shipped 06-03 12:57 (13 h late) → 2700.00
  //   o00 Q 9000.00 paid 06-01 04:03, shipped 06-06 09:03 (late) → 2700.00
  //   o06 Q 3000.00 paid 06-01 06:00, shipped 06-02 22:00 (40 h): on time
  //   o02 P 1000.00 paid 06-01 07:52, shipped 06-04 20:52 (late) → 300.00
  //   o04 Q 2000.00 paid 06-01 21:37, shipped 06-05 22:37 (late) → 600.00
  //   Q: {01} 30.00 (o05 is past its 24 h); {05,00,04} min(500, 6000) = 500.00. P: {03} 30.00;
  //   {02} 300.00. Recorded 860.00.
  // Second export: o01 left out; o03 paid 05-31 05:12 (still late, 30.00: the same voucher);
  //   o00 paid 05-31 08:03 (late, 2700.00); o04 is P's, paid 06-01 14:37, shipped 06-05 21:37 (600.00).
  //   P {02,04}: o04 within 24 h of 06-01 07:52: min(500, 900) = 500.00: {02}'s 300.00 for o02 and
  //     200.00 of {05,00,04} for o04 (600.00 in it): nothing new.
  //   Q {00,05} opens 05-31 08:03 = 500.00; the ledger's {01} opened Q's window at 05-30 19:35, whose
  //     24 h hold 05-31 08:03: the rebuilt window caps them together, 500 − 30 = 470.00 at most. The
  //     rest of {05,00,04} (500 − 200 = 300.00) pays o00 and o05: 170.00 is owed. 1030.00 in all.
  // Before: {02,04} re-issued first kept all 500.00 of {05,00,04} back for {00,05} and issued
  //   200.00; {00,05} then took the 500.00 and left {01}'s 30.00 unused: 1060.00 paid of 1030.00.
  const id = (n: string) => `61000000000000254${n}`;
  const first = [
    shipped(id('01'), 'Q', '100.00', '2025-05-30 19:35:00', '2025-06-04 18:35:00'),
    shipped(id('03'), 'P', '100.00', '2025-05-30 21:12:00', '2025-06-04 03:12:00'),
    shipped(id('05'), 'Q', '9000.00', '2025-05-31 23:57:00', '2025-06-03 12:57:00'),
    shipped(id('00'), 'Q', '9000.00', '2025-06-01 04:03:00', '2025-06-06 09:03:00'),
    shipped(id('06'), 'Q', '3000.00', '2025-06-01 06:00:00', '2025-06-02 22:00:00'),
    shipped(id('02'), 'P', '1000.00', '2025-06-01 07:52:00', '2025-06-04 20:52:00'),
    shipped(id('04'), 'Q', '2000.00', '2025-06-01 21:37:00', '2025-06-05 22:37:00'),
  ];
  const second = [
    shipped(id('03'), 'P', '100.00', '2025-05-31 05:12:00', '2025-06-03 08:12:00'),
    shipped(id('00'), 'Q', '9000.00', '2025-05-31 08:03:00', '2025-06-06 09:03:00'),
    shipped(id('05'), 'Q', '9000.00', '2025-05-31 23:57:00', '2025-06-03 12:57:00'),
    shipped(id('06'), 'Q', '3000.00', '2025-06-01 06:00:00', '2025-06-02 22:00:00'),
    shipped(id('02'), 'P', '1000.00', '2025-06-01 07:52:00', '2025-06-04 20:52:00'),
    shipped(id('04'), 'P', '2000.00', '2025-06-01 14:37:00', '2025-06-05 21:37:00'),
  ];
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{02,04} first, then {00,05}', [`${id('02')},${id('04')}`, `${id('00')},${id('05')}`]],
    ['{00,05} first, then {02,04}', [`${id('00')},${id('05')}`, `${id('02')},${id('04')}`]],
  ] as const) {
    it(`${name}: 1030.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { first, second });
      run(f.first!, state);
      expect(total(state)).toBe('860.00');
      expect(owedSaid(run(f.second!, state).rows)).toBe(17000);
      for (const ids of steps) run(f.second!, state, '--reissue', ids);
      expect(total(state)).toBe('1030.00');
      run(f.second!, state, '--reissue', 'all');
      expect(total(state)).toBe('1030.00');
    });
  }
});

describe('a conflict is said owed as after the top-up --reissue all records first (tmall-2023, seed 306)', () => {
  // First export:
  //   o03 Q 3000.00 paid 04-06 03:56, shipped 04-07 19:56 (40 h): on time
  //   o01 P 1000.00 paid 04-06 07:36, shipped 04-07 23:36: on time
  //   o06 P 9000.00 paid 04-07 00:31, shipped 04-08 16:31: on time
  //   o04 P 2000.00 paid 04-07 01:51, shipped 04-10 13:51 (late) → 600.00
  //   o05 P  100.00 paid 04-07 06:49, shipped 04-08 22:49: on time
  //   o00 Q 1000.00 paid 04-07 09:26, shipped 04-09 19:26 (10 h late) → 300.00
  //   o02 Q  100.00 paid 04-08 06:44, shipped 04-13 09:44 (late) → 30.00
  //   P {04} 500.00; Q {00,02} 330.00. 830.00.
  // Second export: o03 is P's (on time); o06 paid 04-06 05:31 (11 h late, 2700.00); o05 paid 04-07
  //   05:49, shipped 04-12 03:49 (late, 30.00); o30 Q 100.00 new, paid 04-07 06:59, shipped 04-11
  //   10:59 (late, 30.00); o04 is Q's, paid 04-07 13:51, shipped 04-11 11:51 (late, 600.00); o02 is P's.
  //   P {06} opens 04-06 05:31 = 500.00; the ledger's P {04} opened 04-07 01:51, inside its 24 h: the
  //     rebuilt window holds {04}'s opening. But {04}'s 500.00 is o04's, and o04 is Q's now (§1.7: the
  //     money follows the order and counts toward the cap of the window it is in now, never also
  //     toward its old buyer's): Q {30,00,04} min(500, 930) = 500.00 ← o00's 300.00 of {00,02} +
  //     200.00 of o04's money: nothing new. The 300.00 of {04} it does not need stays in P's window:
  //     {06}'s cap counts it, 500 − 300 = 200.00 new.
  //   P {05} (04-07 05:49, past 04-07 05:31) 30.00 new. P {02} 30.00 ← o02's 30.00 of {00,02}.
  //   830 + 200 + 30 = 1060.00 in all (--reissue all).
  //   (Before led12: {06}'s cap counted all 500.00 of {04} and issued nothing, Q {30,00,04} took all
  //   330.00 of {00,02}, o02's 30.00 too, and issued 170.00, and {02} issued 30.00 anew: the same
  //   1060.00, with o02 paid twice.)
  // Third export: o06 paid 04-05 10:31 (late, 2700.00): {06}'s window (to 04-06 10:31) no longer holds
  //   {04}'s opening: the 300.00 it counted is stale, and {06} is owed 500 − 200 = 300.00 (a top-up).
  //   o00 is P's, shipped 04-10 22:26 (late, 300.00): P {05,00} 330.00 = {05}'s 30.00 + o00's 300.00
  //   of {30,00,04}: nothing new. Q {30,04} 500.00 = o04's money: its 200.00 in {30,00,04} + {04}'s
  //   300.00 given back: nothing new. P {02} paid 04-08 12:44: the same voucher. Said and paid:
  //   300.00, 1360.00 in all — what a fresh ledger owes ({06} 500 + {05,00} 330 + {02} 30 + {30,04}
  //   500), each payment used once. Before led12: 330.00 said and paid, 1390.00 (o02's 30.00 twice).
  // Before: the run said {06} owed its top-up and {30,04} 300.00 besides, as if the top-up were not
  //   recorded first (630.00 said; --reissue all paid 330.00, one at a time 630.00).
  const id = (n: string) => `61000000000000306${n}`;
  const e1 = [
    shipped(id('03'), 'Q', '3000.00', '2026-04-06 03:56:00', '2026-04-07 19:56:00'),
    shipped(id('01'), 'P', '1000.00', '2026-04-06 07:36:00', '2026-04-07 23:36:00'),
    shipped(id('06'), 'P', '9000.00', '2026-04-07 00:31:00', '2026-04-08 16:31:00'),
    shipped(id('04'), 'P', '2000.00', '2026-04-07 01:51:00', '2026-04-10 13:51:00'),
    shipped(id('05'), 'P', '100.00', '2026-04-07 06:49:00', '2026-04-08 22:49:00'),
    shipped(id('00'), 'Q', '1000.00', '2026-04-07 09:26:00', '2026-04-09 19:26:00'),
    shipped(id('02'), 'Q', '100.00', '2026-04-08 06:44:00', '2026-04-13 09:44:00'),
  ];
  const e2 = [
    shipped(id('03'), 'P', '3000.00', '2026-04-06 03:56:00', '2026-04-07 19:56:00'),
    shipped(id('06'), 'P', '9000.00', '2026-04-06 05:31:00', '2026-04-08 16:31:00'),
    shipped(id('01'), 'P', '1000.00', '2026-04-06 07:36:00', '2026-04-07 23:36:00'),
    shipped(id('05'), 'P', '100.00', '2026-04-07 05:49:00', '2026-04-12 03:49:00'),
    shipped(id('30'), 'Q', '100.00', '2026-04-07 06:59:00', '2026-04-11 10:59:00'),
    shipped(id('00'), 'Q', '1000.00', '2026-04-07 09:26:00', '2026-04-09 19:26:00'),
    shipped(id('04'), 'Q', '2000.00', '2026-04-07 13:51:00', '2026-04-11 11:51:00'),
    shipped(id('02'), 'P', '100.00', '2026-04-08 06:44:00', '2026-04-13 09:44:00'),
  ];
  const e3 = [
    shipped(id('06'), 'P', '9000.00', '2026-04-05 10:31:00', '2026-04-08 16:31:00'),
    shipped(id('03'), 'P', '3000.00', '2026-04-06 03:56:00', '2026-04-07 19:56:00'),
    shipped(id('01'), 'P', '1000.00', '2026-04-06 07:36:00', '2026-04-07 23:36:00'),
    shipped(id('05'), 'P', '100.00', '2026-04-07 05:49:00', '2026-04-12 03:49:00'),
    shipped(id('30'), 'Q', '100.00', '2026-04-07 06:59:00', '2026-04-11 10:59:00'),
    shipped(id('00'), 'P', '1000.00', '2026-04-07 09:26:00', '2026-04-10 22:26:00'),
    shipped(id('04'), 'Q', '2000.00', '2026-04-07 13:51:00', '2026-04-11 11:51:00'),
    shipped(id('02'), 'P', '100.00', '2026-04-08 12:44:00', '2026-04-13 09:44:00'),
  ];
  // Re-issuing {30,04} and {05,00} first, then {06} (one at a time, the same 1360.00): {05,00} takes
  //   o00's 300.00 of {30,00,04} (with {05}'s 30.00: nothing new) and keeps o04's 200.00 there for
  //   {30,04}, which takes it with {04}'s 300.00 {06} no longer counts: nothing new; {06} then tops up
  //   300.00. Before (1390.00 era): {05,00} kept all 500.00 back for {30,04} and issued 300.00 anew,
  //   {30,04} took the 500.00, and {06} was owed its 330.00: 1690.00.
  //   (reissue-keepback-takeable.test.ts, seed 269, is the same cause.)
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{30,04} with {05,00}, then {06}', [[id('30'), id('04'), id('05'), id('00')].join(','), id('06')]],
    ['{06}, then {30,04} with {05,00}', [id('06'), [id('30'), id('04'), id('05'), id('00')].join(',')]],
  ] as const) {
    it(`${name}: 300.00 said and paid, 1360.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('830.00');
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('1060.00');
      expect(owedSaid(run(f.e3!, state).rows)).toBe(30000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('1360.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1360.00');
    });
  }
});
