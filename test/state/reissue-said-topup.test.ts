// A case the three-export property test found (reissue-paths3.property.test.ts seed 2005; docs/cli.md
// `--record`, `--reissue`): the run without --reissue says what --reissue all then records, also when
// a conflict it lists would take money from a voucher that had taken over a recorded voucher of this
// run, which --reissue all then tops up. Every amount is worked out by hand from docs/rules.md §1.2
// (tmall-2023, every order here paid before 2026-04-09: 48 h to ship, 30 % per order, at least 5.00;
// a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap per window).
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe('a recorded voucher whose money a conflict of the run would take is said owed its top-up (seed 2005)', () => {
  // First export:
  //   o01 Q 1000.00 paid 04-07 23:49, shipped 04-11 12:49 (late)            → 300.00
  //   o02 P 2000.00 paid 04-08 05:57, shipped 04-10 12:57 (55 h: 7 h late) → 600.00
  //   Q {01} 300.00; P {02} min(500, 600) = 500.00. 800.00 issued.
  // Second export: o01 is P's, paid 04-08 07:49 (within 24 h of o02's 05:57); o02 shipped 04-12 07:57.
  //   P {02,01} min(500, 600 + 300) = 500.00: {02}'s 500.00 (all its orders are here) pays it, nothing
  //   new; the ledger records it taking over {02}'s 500.00. 800.00.
  // Third export: o60 P 100.00 paid 04-08 02:42, shipped 04-10 20:42 (66 h: late) → 30.00; o02 is Q's
  //   again (shipped 04-13 12:57: late, 600.00); o01 P as before.
  //   P {60,01} (04-08 02:42 to 04-09 02:42) 30 + 300 = 330.00: {01}'s 300.00 pays o01 in full. {02,01}
  //     (recorded opening 04-08 05:57, in this window) holds only o02's money, all taken over from
  //     {02}, which the export now holds again as Q's (the same order): that money is o02's, Q's, in
  //     no cap group of P's (docs/rules.md §1.7): it neither pays o60 nor caps the window. 30.00 new.
  //   Q {02} is the voucher {02} recorded first (the same orders) at 500.00 = min(500, 600): its
  //     500.00 went to {02,01}, which gives none of it to other orders: already recorded.
  //   Said and paid: 30.00; 830.00 in all (what a fresh ledger owes on the third export: 330 + 500).
  //   (Until review 25 {60,01} took 30.00 of {02,01}'s money for o01, besides {01}'s 300.00, and {02}
  //   was said owed a 30.00 top-up: the same 830.00, o02's money paying o01.)
  // Before: the run said {02} 'already recorded' (the conflict {60,01} is not recorded, so {02,01}
  //   still held all of it): 0.00 said, then --reissue all topped {02} up by 30.00.
  const id = (n: string) => `61000000000002005${n}`;
  const e1 = [
    shipped(id('01'), 'Q', '1000.00', '2026-04-07 23:49:00', '2026-04-11 12:49:00'),
    shipped(id('02'), 'P', '2000.00', '2026-04-08 05:57:00', '2026-04-10 12:57:00'),
  ];
  const e2 = [
    shipped(id('02'), 'P', '2000.00', '2026-04-08 05:57:00', '2026-04-12 07:57:00'),
    shipped(id('01'), 'P', '1000.00', '2026-04-08 07:49:00', '2026-04-11 12:49:00'),
  ];
  const e3 = [
    shipped(id('60'), 'P', '100.00', '2026-04-08 02:42:00', '2026-04-10 20:42:00'),
    shipped(id('02'), 'Q', '2000.00', '2026-04-08 05:57:00', '2026-04-13 12:57:00'),
    shipped(id('01'), 'P', '1000.00', '2026-04-08 07:49:00', '2026-04-11 12:49:00'),
  ];
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{60,01}, then {02}', [`${id('60')},${id('01')}`, id('02')]],
    ['{02}, then {60,01}', [id('02'), `${id('60')},${id('01')}`]],
  ] as const) {
    it(`${name}: 30.00 said and paid, 830.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('800.00');
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('800.00');
      const said = run(f.e3!, state);
      expect(seen(said.rows)).toEqual([
        ['P', '60,01', '330.00', '30.00', 'conflict'],
        ['Q', '02', '500.00', '0.00', 'already_recorded'],
      ]);
      expect(owedSaid(said.rows)).toBe(3000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('830.00');
    });
  }
});
