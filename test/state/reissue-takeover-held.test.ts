// Two cases the reissue-paths property tests found (docs/cli.md `--record`, `--reissue`): every
// amount below is worked out by hand from docs/rules.md §1.2 (tmall-2023) and §1.3 (tmall-2026).
// Run under the test process's TZ (UTC and America/Los_Angeles both checked): times are Beijing time.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe('a voucher that took over only its own order of an earlier voucher keeps nothing back for that voucher\'s other order (tmall-2026, three exports)', () => {
  // tmall-2026 (§1.3): 48 h to ship; late ≤ 72 h, window ≤ 48 h: 5 %, 5.00–50.00; a buyer's payments
  // on one Beijing day combined, capped at 500.00. (Reissue-paths3 seed 196.)
  // Export 1 (all buyer Q):
  //   o05 2000.00 paid 05-30 09:32, shipped 06-01 22:32 (13 h late) → 5 % = 100 → 50.00
  //   o03 2000.00 paid 05-30 20:00, shipped 06-02 06:00 (10 h late) → 50.00
  //   o02 2000.00 paid 05-31 05:54, shipped 06-01 21:54: on time
  //   o00  100.00 paid 05-31 11:03, shipped 06-04 10:03 (47 h late) → 5.00
  //   o04  100.00 paid 05-31 14:40, shipped 06-04 15:40 (49 h late) → 5.00
  //   o01  100.00 paid 06-01 19:03, shipped 06-03 11:03: on time
  //   Q 05-30 {05,03} = 100.00, Q 05-31 {00,04} = 10.00: 110.00 recorded.
  // Export 2: o05, o02, o04 are now buyer P's; o05 paid 05-30 12:32 (10 h late: 50.00), o02 shipped
  //   06-05 07:54 (74 h late: out of stock, 10 % = 200.00).
  //   P {05} 50.00 (o05's 50.00 of {05,03}), Q {03} 50.00 (o03's 50.00 of {05,03}),
  //   P {02,04} 205.00 (o04's 5.00 of {00,04}; 200.00 new), Q {00} 5.00 (o00's 5.00 of {00,04}).
  //   --reissue all: 200.00 more, 310.00 in all.
  // Export 3: o05 Q paid 05-29 20:32, shipped 06-03 03:32 (55 h late) → 50.00; o00 Q paid 05-30
  //   18:03 (64 h late) → 5.00; o03 as before; o60 Q 9000.00 new, paid 05-31 05:44, shipped 06-04
  //   23:44 (66 h late) → 5 % = 450 → 50.00; o04 P as before (5.00); o01 P on time; o02 left out.
  //   Q 05-29 {05} 50.00: paid by P {05}'s 50.00. Q 05-30 {00,03} 55.00: o03's 50.00 in Q {03}, o00's
  //   5.00 in Q {00}: nothing more. Q 05-31 {60} 50.00 new. P 05-31 {04} 5.00: o04's 5.00 in
  //   P {02,04} (whose 200.00 stays for o02). Owed: 50.00 more, 360.00 in all.
  // Before: {00,03} kept Q {00}'s 5.00 back for {04} ({00} had taken it over from {00,04}, which also
  //   paid o04 — but o04's 5.00 had gone to P {02,04}): said 5.00 owed, --reissue all issued it:
  //   365.00 paid of 360.00 (one at a time 360.00).
  const id = (n: string) => `61000000000000196${n}`;
  const e1 = [
    shipped(id('05'), 'Q', '2000.00', '2026-05-30 09:32:00', '2026-06-01 22:32:00'),
    shipped(id('03'), 'Q', '2000.00', '2026-05-30 20:00:00', '2026-06-02 06:00:00'),
    shipped(id('02'), 'Q', '2000.00', '2026-05-31 05:54:00', '2026-06-01 21:54:00'),
    shipped(id('00'), 'Q', '100.00', '2026-05-31 11:03:00', '2026-06-04 10:03:00'),
    shipped(id('04'), 'Q', '100.00', '2026-05-31 14:40:00', '2026-06-04 15:40:00'),
    shipped(id('01'), 'Q', '100.00', '2026-06-01 19:03:00', '2026-06-03 11:03:00'),
  ];
  const e2 = [
    shipped(id('05'), 'P', '2000.00', '2026-05-30 12:32:00', '2026-06-01 22:32:00'),
    shipped(id('03'), 'Q', '2000.00', '2026-05-30 20:00:00', '2026-06-02 06:00:00'),
    shipped(id('02'), 'P', '2000.00', '2026-05-31 05:54:00', '2026-06-05 07:54:00'),
    shipped(id('00'), 'Q', '100.00', '2026-05-31 11:03:00', '2026-06-04 10:03:00'),
    shipped(id('04'), 'P', '100.00', '2026-05-31 14:40:00', '2026-06-04 15:40:00'),
    shipped(id('01'), 'Q', '100.00', '2026-06-01 19:03:00', '2026-06-03 11:03:00'),
  ];
  const e3 = [
    shipped(id('05'), 'Q', '2000.00', '2026-05-29 20:32:00', '2026-06-03 03:32:00'),
    shipped(id('00'), 'Q', '100.00', '2026-05-30 18:03:00', '2026-06-04 10:03:00'),
    shipped(id('03'), 'Q', '2000.00', '2026-05-30 20:00:00', '2026-06-02 06:00:00'),
    shipped(id('60'), 'Q', '9000.00', '2026-05-31 05:44:00', '2026-06-04 23:44:00'),
    shipped(id('04'), 'P', '100.00', '2026-05-31 14:40:00', '2026-06-04 15:40:00'),
    shipped(id('01'), 'P', '100.00', '2026-06-01 19:03:00', '2026-06-03 11:03:00'),
  ];
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{04} first, then {00,03}', [id('04'), `${id('00')},${id('03')}`]],
    ['{00,03} first, then {04}', [`${id('00')},${id('03')}`, id('04')]],
  ] as const) {
    it(`${name}: 360.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('110.00');
      run(f.e2!, state);
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('310.00');
      const r = run(f.e3!, state);
      expect(seen(r.rows)).toEqual([
        ['Q', '05', '50.00', '0.00', 'already_recorded'],
        ['Q', '00,03', '55.00', '0.00', 'conflict'],
        ['Q', '60', '50.00', '50.00', 'new'],
        ['P', '04', '5.00', '0.00', 'conflict'],
      ]);
      expect(owedSaid(r.rows)).toBe(0);
      expect(total(state)).toBe('360.00');
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('360.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('360.00');
    });
  }
});

describe('a conflict whose 24-hour window cannot be told is held by the run as by --reissue all (tmall-2023)', () => {
  // tmall-2023 (§1.2): 48 h to ship; 30 % per order, at least 5.00; a buyer's late orders paid within
  // 24 h of a window's opening combined, 500.00 cap per window. (Reissue-paths seed 269.)
  // First export:
  //   o03 P 1000.00 paid 04-06 14:06, shipped 04-08 19:06 (5 h late)  → 300.00
  //   o04 Q 9000.00 paid 04-07 10:03, shipped 04-10 21:03 (35 h late) → 2700.00
  //   o00 P 2000.00 paid 04-07 14:34, shipped 04-10 21:34 (31 h late) → 600.00
  //   o05 P  100.00 paid 04-08 02:34, shipped 04-11 14:34 (36 h late) → 30.00
  //   o02 Q 1000.00 paid 04-08 06:42, shipped 04-12 03:42 (45 h late) → 300.00
  //   o01 Q 3000.00 paid 04-08 17:48, shipped 04-12 06:48 (37 h late) → 900.00
  //   P: {03} opens 04-06 14:06 (o00 at 04-07 14:34 is past its 24 h) = 300.00; {00,05} = min(500, 630) = 500.00.
  //   Q: {04,02} = min(500, 3000) = 500.00; {01} (past 04-08 10:03) = 500.00. Recorded 1800.00.
  // Second export, without o03: o04 paid 04-06 18:03 (51 h late, 2700.00), o00 paid 04-06 19:34 (50 h
  //   late, 600.00), o05 is Q's, o02 is P's, shipped 04-12 01:42 (43 h late, 300.00).
  //   Q: {04} = 500.00 (paid by {04,02}); {05,01} = 500.00 (paid by {01}).
  //   P: {00} = 500.00 (paid by {00,05}); {02} = 300.00, holding o02 that {04,02} paid: a conflict. But
  //   the ledger's o03 opened P's window at 04-06 14:06, which the export lacks, and the export opens
  //   {00} inside that window's 24 h: P's later windows are chained from another opening, so {02} is
  //   held (docs/cli.md `--record`): not recorded, not owed yet, toIssue 300.00 if its window stands.
  // Before: the run said {02} was a conflict still owing 300.00 (2100.00 said), and --reissue all then
  //   held it (1800.00 paid).
  const id = (n: string) => `60000000000000269${n}`;
  const first = [
    shipped(id('03'), 'P', '1000.00', '2026-04-06 14:06:00', '2026-04-08 19:06:00'),
    shipped(id('04'), 'Q', '9000.00', '2026-04-07 10:03:00', '2026-04-10 21:03:00'),
    shipped(id('00'), 'P', '2000.00', '2026-04-07 14:34:00', '2026-04-10 21:34:00'),
    shipped(id('05'), 'P', '100.00', '2026-04-08 02:34:00', '2026-04-11 14:34:00'),
    shipped(id('02'), 'Q', '1000.00', '2026-04-08 06:42:00', '2026-04-12 03:42:00'),
    shipped(id('01'), 'Q', '3000.00', '2026-04-08 17:48:00', '2026-04-12 06:48:00'),
  ];
  const second = [
    shipped(id('04'), 'Q', '9000.00', '2026-04-06 18:03:00', '2026-04-10 21:03:00'),
    shipped(id('00'), 'P', '2000.00', '2026-04-06 19:34:00', '2026-04-10 21:34:00'),
    shipped(id('05'), 'Q', '100.00', '2026-04-08 02:34:00', '2026-04-11 14:34:00'),
    shipped(id('02'), 'P', '1000.00', '2026-04-08 06:42:00', '2026-04-12 01:42:00'),
    shipped(id('01'), 'Q', '3000.00', '2026-04-08 17:48:00', '2026-04-12 06:48:00'),
  ];
  it('said held as --reissue all holds it: 1800.00 paid, nothing said owed', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { first, second });
    run(f.first!, state);
    expect(total(state)).toBe('1800.00');
    const r = run(f.second!, state);
    const want = [
      ['Q', '04', '500.00', '0.00', 'conflict'],
      ['P', '00', '500.00', '0.00', 'conflict'],
      ['Q', '05,01', '500.00', '0.00', 'conflict'],
      ['P', '02', '300.00', '300.00', 'held'],
    ];
    expect(seen(r.rows)).toEqual(want);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 voucher held, owing 300.00');
    expect(r.stderr).not.toContain('not recorded because an order in them is already paid');
    expect(owedSaid(r.rows)).toBe(0);
    const all = run(f.second!, state, '--reissue', 'all');
    expect(seen(all.rows).map((x) => x[4])).toEqual(['reissued', 'reissued', 'reissued', 'held']);
    expect(total(state)).toBe('1800.00');
  });
  it('--reissue naming {02} alone: the ledger\'s window {00,05} (04-07 14:34 to 04-08 14:34, 500.00 paid) caps it: recorded, nothing to issue, 1800.00', () => {
    // With {00} not re-issued, the rebuilt window opening at o00's recorded 04-07 14:34 holds o02's
    // 04-08 06:42: its 500.00 cap is paid, so {02} is paid in full (nothing held: it owes nothing).
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { first, second });
    run(f.first!, state);
    expect(seen(run(f.second!, state, '--reissue', id('02')).rows)[3]).toEqual(['P', '02', '300.00', '0.00', 'reissued']);
    expect(total(state)).toBe('1800.00');
    run(f.second!, state, '--reissue', 'all');
    expect(total(state)).toBe('1800.00');
  });
});
