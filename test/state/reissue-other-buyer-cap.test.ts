// A case the three-export property test found (reissue-paths3.property.test.ts, FUZZ_S=1000 seed
// 1082, reduced): re-issuing the conflicts one at a time records what --reissue all records.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles. `total` is what the ledger
// says was issued (amounts less what was taken over).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe('a voucher re-issued alone leaves out of its cap the money another buyer\'s conflict, not re-issued yet, takes over for its order (tmall-2023, seed 1082)', () => {
  // reissue-paths3.property.test.ts, FUZZ_S=1000 seed 1082 step 1, reduced. docs/rules.md §1.2
  // (tmall-2023, paid before 04-09): 48 h to ship, 30 % per order, at least 5.00; a buyer's late
  // orders paid within 24 h of a window's opening combined, 500.00 cap per window (rebuilt from the
  // recorded openings and the export's: docs/cli.md --record).
  // First export:
  //   o02 Q 1000.00 paid 04-06 08:48, shipped 04-11 08:48 (120 h) → 300.00
  //   o04 P 1000.00 paid 04-06 19:55, shipped 04-08 22:55 (51 h)  → 300.00
  //   o05 Q 1000.00 paid 04-07 21:23, shipped 04-11 07:23 (82 h)  → 300.00
  //   Q {02} 300.00; Q {05} (past 04-07 08:48) 300.00; P {04} 300.00. Issued 900.00.
  // Second export: o02 left out (the ledger keeps it as recorded); o04 is Q's; o01 P 100.00 new, paid
  //   04-07 01:52, shipped 04-09 12:52 (59 h) → 30.00; o00 Q 9000.00 new, paid 04-07 15:45, shipped
  //   04-11 18:45 (99 h) → 2700.00; o05 is P's (300.00).
  //   Q {04,00} min(500, 3000) = 500.00: o04's 300.00 of P {04}; its rebuilt window opens at {02}'s
  //   04-06 08:48, whose 300.00 fills the cap: nothing new.
  //   P {01,05} 330.00: o05's 300.00 of Q {05}. Its rebuilt window opens at P {04}'s recorded 04-06
  //   19:55, but {04}'s 300.00 is o04's money, which Q {04,00} takes over (the money follows the
  //   order, whichever buyer: docs/cli.md --record): not toward P's cap. 30.00 new.
  //   Said and paid: 30.00; 930.00 in all, whatever the order.
  // Before: {01,05} re-issued first (its window opening at {04}'s recorded start, and {04,00} another
  //   buyer's) counted {04}'s 300.00 toward its cap and issued nothing, then {04,00} took that 300.00
  //   for o04: 900.00 paid, --reissue all 930.00.
  const id = (n: string) => `61000000000001082${n}`;
  const e1 = [
    shipped(id('02'), 'Q', '1000.00', '2026-04-06 08:48:00', '2026-04-11 08:48:00'),
    shipped(id('04'), 'P', '1000.00', '2026-04-06 19:55:00', '2026-04-08 22:55:00'),
    shipped(id('05'), 'Q', '1000.00', '2026-04-07 21:23:00', '2026-04-11 07:23:00'),
  ];
  const e2 = [
    shipped(id('04'), 'Q', '1000.00', '2026-04-06 19:55:00', '2026-04-08 22:55:00'),
    shipped(id('01'), 'P', '100.00', '2026-04-07 01:52:00', '2026-04-09 12:52:00'),
    shipped(id('00'), 'Q', '9000.00', '2026-04-07 15:45:00', '2026-04-11 18:45:00'),
    shipped(id('05'), 'P', '1000.00', '2026-04-07 21:23:00', '2026-04-11 07:23:00'),
  ];
  const p = `${id('01')},${id('05')}`;
  const q = `${id('04')},${id('00')}`;
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{01,05}, then {04,00}', [p, q]],
    ['{04,00}, then {01,05}', [q, p]],
  ] as const) {
    it(`${name}: 30.00 said and paid, 930.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2 });
      run(f.e1!, state);
      expect(total(state)).toBe('900.00');
      const r = run(f.e2!, state);
      expect(seen(r.rows)).toEqual([
        ['Q', '04,00', '500.00', '0.00', 'conflict'],
        ['P', '01,05', '330.00', '30.00', 'conflict'],
      ]);
      expect(owedSaid(r.rows)).toBe(3000);
      for (const ids of steps) run(f.e2!, state, '--reissue', ids);
      expect(total(state)).toBe('930.00');
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('930.00');
    });
  }
});

describe('a recorded voucher the export holds again as another buyer\'s is in no cap group of its old buyer (tmall-2023, seed 1143)', () => {
  // reissue-paths3.property.test.ts, FUZZ_S=1000 seed 1143 step 2, reduced (one at a time paid more).
  // First export: o04 Q 2000.00 paid 2025-06-01 13:28, shipped 06-04 04:28 (63 h) → 600.00: Q {04} 500.00.
  // Second export:
  //   o02 Q 2000.00 paid 05-31 05:15, shipped 06-04 22:15 (113 h) → 600.00
  //   o05 Q 2000.00 paid 06-01 02:40, shipped 06-05 00:40 (94 h)  → 600.00
  //   o30 Q 1000.00 paid 06-01 09:41, shipped 06-05 07:41 (94 h)  → 300.00
  //   o04 shipped 06-04 14:28 (73 h) → 600.00
  //   Q {02,05} (05-31 05:15 to 06-01 05:15) min(500, 1200) = 500.00 new. Q {30,04} (06-01 09:41; o04
  //   3 h 47 min later) min(500, 900) = 500.00: {04}'s 500.00, nothing new. 1000.00 in all.
  // Third export: o02 paid 05-31 20:15 (98 h: 600.00); o04 is P's (600.00); o05 paid 06-01 21:40 (75 h:
  //   600.00); o30 left out (the ledger keeps it as last seen).
  //   P {04} is the voucher {04} (the same order) at 500.00 = min(500, 600): o04's 500.00 stands in
  //     {30,04}, which took it over: already recorded.
  //   Q {02} (window opened by {02,05} at 05-31 05:15) and Q {05} (window opened by {30,04} at 06-01
  //     09:41) each 500.00. o02's and o05's money is {02,05}'s 500.00. {30,04}'s 500.00 is o04's money
  //     (taken over from {04}, now P's): not Q's cap (docs/rules.md §1.7: one payment never fills two
  //     buyers' windows). So 1000.00 owed, 500.00 of it paid: 500.00 new.
  //   Said and paid: 500.00; 1500.00 in all, whatever the order (a fresh ledger, o30 as last seen in
  //   o02's window: Q {02,30} 500.00 + P {04} 500.00 + Q {05} 500.00).
  // Before: {05} counted {30,04}'s 500.00 toward Q's cap (its window opens at {30,04}'s start, and
  //   {04} was a recorded Q voucher of that window): said and --reissue all 0.00 new, 1000.00; one at a
  //   time {04} was then topped up by that 500.00 (given to Q's cap): 1500.00.
  const id = (n: string) => `63000000000001143${n}`;
  const e1 = [shipped(id('04'), 'Q', '2000.00', '2025-06-01 13:28:00', '2025-06-04 04:28:00')];
  const e2 = [
    shipped(id('02'), 'Q', '2000.00', '2025-05-31 05:15:00', '2025-06-04 22:15:00'),
    shipped(id('05'), 'Q', '2000.00', '2025-06-01 02:40:00', '2025-06-05 00:40:00'),
    shipped(id('30'), 'Q', '1000.00', '2025-06-01 09:41:00', '2025-06-05 07:41:00'),
    shipped(id('04'), 'Q', '2000.00', '2025-06-01 13:28:00', '2025-06-04 14:28:00'),
  ];
  const e3 = [
    shipped(id('02'), 'Q', '2000.00', '2025-05-31 20:15:00', '2025-06-04 22:15:00'),
    shipped(id('04'), 'P', '2000.00', '2025-06-01 13:28:00', '2025-06-04 14:28:00'),
    shipped(id('05'), 'Q', '2000.00', '2025-06-01 21:40:00', '2025-06-05 00:40:00'),
  ];
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{02}, then {05}', [id('02'), id('05')]],
    ['{05}, then {02}', [id('05'), id('02')]],
  ] as const) {
    it(`${name}: 500.00 said and paid, 1500.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      run(f.e2!, state);
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
      const r = run(f.e3!, state);
      expect(seen(r.rows)).toEqual([
        ['Q', '02', '500.00', '0.00', 'conflict'],
        ['P', '04', '500.00', '0.00', 'already_recorded'],
        ['Q', '05', '500.00', '500.00', 'conflict'],
      ]);
      expect(owedSaid(r.rows)).toBe(50000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('1500.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1500.00');
    });
  }
});
