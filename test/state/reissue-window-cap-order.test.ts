// A case the reissue-paths property test found (seed 1128; docs/cli.md `--record`, `--reissue`):
// re-issuing a voucher on its own before a conflict of another of the buyer's 24-hour windows counted
// toward its cap the money that conflict takes over when it is re-issued, so the order of the runs
// changed what was paid. Every amount is worked out by hand from docs/rules.md §1.2 (tmall-2023, every
// order here paid before 2026-04-09: 48 h to ship, 30 % per order, at least 5.00; a buyer's late
// orders paid within 24 h of a window's opening combined, 500.00 cap per window).
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe('re-issuing one voucher first does not count toward its cap the money a conflict of another window takes over (seed 1128)', () => {
  // First export (buyer P):
  //   o05  100.00 paid 05-30 18:48, shipped 06-04 13:48 (late) → 30.00
  //   o06 1000.00 paid 05-31 12:29, shipped 06-05 11:29 (late) → 300.00
  //   o03 2000.00 paid 05-31 12:30, shipped 06-05 06:30 (late) → 600.00
  //   o01 1000.00 paid 05-31 13:45, shipped 06-04 11:45 (late) → 300.00
  //   o02 3000.00 paid 06-01 07:25 (past 05-31 18:48), shipped 06-05 00:25 (late) → 900.00
  //   V = {05,06,03,01} = min(500, 1230) = 500.00 (window opening 05-30 18:48); {02} = 500.00. 1000.00.
  // Second export: o50 P 100.00 new, paid 05-30 11:39, shipped 06-04 17:39 (late) → 30.00; o03 shipped
  //   06-03 00:30 (12 h late: still 600.00); o01 left out (the ledger keeps it as first seen); o02 is
  //   now buyer Q's, paid 05-31 19:25.
  //   P's windows, rebuilt from the ledger's openings (05-30 18:48 for V, 06-01 07:25 for {02}) and the
  //   export's: 05-30 11:39 opens W1 (to 05-31 11:39; V's 05-30 18:48 joins it); 05-31 12:29 opens W2
  //   (to 06-01 12:29; {02}'s 06-01 07:25 joins it).
  //   W2 {06,03} = min(500, 900) = 500.00: o06 and o03 came to 900.00 in V, so all V's 500.00 may
  //     stand behind them, and nothing else in W2 caps it: P's {02} voucher (500.00, recorded opening in
  //     W2) is the voucher Q {02} holds again (the same order, now Q's): Q's, in no cap group of P's
  //     (docs/rules.md §1.7: one payment never fills two buyers' windows). V's 500.00 is kept for
  //     {06,03} (its whole need): 0.00 new.
  //     (Until review 25 it counted toward W2's cap as P's, 0.00 new, and 1030.00 was paid: o02's
  //     500.00 paid Q's {02} and P's W2 both; a fresh ledger on the second export, o01 as first seen in
  //     W2, owes 60.00 + 500.00 + 500.00 = 1060.00, and reissue-paths seed 1128 OWED=1 paid 1530.00 of 1560.00.)
  //   W1 {50,05} = 30 + 30 = 60.00: V's money all follows o06 and o03 to W2 and is not W1's cap
  //     (counted toward both, one 500.00 paid two windows): 60.00 new.
  //   Q {02} = 500.00: paid by P's {02} voucher (already recorded).
  //   Said and paid: 60.00; 1060.00 in all, whichever way it is re-issued ({06,03} re-issued first
  //   keeps o05's 30.00 of V back for {50,05} and issues 30.00; {50,05} then takes it and issues 30.00).
  // Before: --reissue naming {50,05} alone, {06,03} not re-issued in that run, counted V's 470.00
  //   toward W1's cap (60 + 470 − 500 = 30.00 capped: 0.00 new), then {06,03} took the same 470.00:
  //   1000.00 paid, 30.00 less than the run said and --reissue all paid ({06,03} first: 1030.00).
  const id = (n: string) => `61000000000001128${n}`;
  const e1 = [
    shipped(id('05'), 'P', '100.00', '2025-05-30 18:48:00', '2025-06-04 13:48:00'),
    shipped(id('06'), 'P', '1000.00', '2025-05-31 12:29:00', '2025-06-05 11:29:00'),
    shipped(id('03'), 'P', '2000.00', '2025-05-31 12:30:00', '2025-06-05 06:30:00'),
    shipped(id('01'), 'P', '1000.00', '2025-05-31 13:45:00', '2025-06-04 11:45:00'),
    shipped(id('02'), 'P', '3000.00', '2025-06-01 07:25:00', '2025-06-05 00:25:00'),
  ];
  const e2 = [
    shipped(id('50'), 'P', '100.00', '2025-05-30 11:39:00', '2025-06-04 17:39:00'),
    shipped(id('05'), 'P', '100.00', '2025-05-30 18:48:00', '2025-06-04 13:48:00'),
    shipped(id('06'), 'P', '1000.00', '2025-05-31 12:29:00', '2025-06-05 11:29:00'),
    shipped(id('03'), 'P', '2000.00', '2025-05-31 12:30:00', '2025-06-03 00:30:00'),
    shipped(id('02'), 'Q', '3000.00', '2025-05-31 19:25:00', '2025-06-05 00:25:00'),
  ];
  const w1 = `${id('50')},${id('05')}`;
  const w2 = `${id('06')},${id('03')}`;
  for (const [name, steps, first] of [
    ['--reissue all', ['all'], ['P', '50,05', '60.00', '60.00', 'reissued']],
    ['{50,05}, then {06,03}', [w1, w2], ['P', '50,05', '60.00', '60.00', 'reissued']],
    ['{06,03}, then {50,05}', [w2, w1], ['P', '06,03', '500.00', '30.00', 'reissued']],
  ] as const) {
    it(`${name}: 60.00 said and paid, 1060.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2 });
      run(f.e1!, state);
      expect(total(state)).toBe('1000.00');
      const said = run(f.e2!, state);
      expect(seen(said.rows)).toEqual([
        ['P', '50,05', '60.00', '60.00', 'conflict'],
        ['P', '06,03', '500.00', '0.00', 'conflict'],
        ['Q', '02', '500.00', '0.00', 'already_recorded'],
      ]);
      expect(owedSaid(said.rows)).toBe(6000);
      const r = run(f.e2!, state, '--reissue', steps[0]!);
      expect(seen(r.rows)).toContainEqual(first);
      for (const ids of steps.slice(1)) run(f.e2!, state, '--reissue', ids);
      expect(total(state)).toBe('1060.00');
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('1060.00');
    });
  }
});
