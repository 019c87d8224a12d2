// reissue-paths3.property.test.ts FUZZ_S=8000 seed 8007 (OWED=1: 1830.00 > 1530.00 + 30.00), reduced to
// three exports of four orders. tmall-2023 (docs/rules.md §1.2: 30 %, at least 5.00; a buyer's late
// orders paid within 24 h of a window's opening combined, capped at 500.00; §1.7: the money follows
// the order; money a voucher does not need stays where it was paid and counts toward the cap of the
// window it was recorded in; "where the run shows no difference, money paid in the voucher's own
// window ... goes before money paid in another window, whose cap that money counts toward if left
// unused by a later run").
// Export 1: o00 P 1000.00 paid 2025-05-31 06:18, shipped 06-05 12:18 (126 h, late): P {00} 300.00;
//   o03 Q 3000.00 paid 06-01 01:22, shipped 06-03 19:22 (66 h): 900.00; o06 Q 100.00 paid 06-01
//   04:34 (3 h 12 min later, same window), shipped 06-06 00:34 (116 h): 30.00; Q {03,06} min(930.00,
//   500.00) = 500.00. 800.00 paid.
// Export 2: o00 is Q's, o06 on time (shipped 06-02 20:34, 40 h). Q {00,03}: o00 opens 05-31 06:18,
//   o03 19 h 04 min later: min(300.00 + 900.00, 500.00) = 500.00. Its orders' money: o00's 300.00
//   (P {00}, paid in P's window) and o03's part, up to 900.00, of Q {03,06}'s 500.00 (recorded at
//   06-01 01:22, inside Q {00,03}'s own window; o06's 30.00 there is spare, on time). Nothing else
//   of the run needs or counts either, so own window first: Q {00,03} takes Q {03,06}'s 500.00 and
//   P {00}'s 300.00 stays in P's window. Nothing new: 800.00.
// Export 3 adds o04 P 2000.00 paid 05-31 04:28, shipped 06-02 09:28 (53 h): 600.00, P {04} 500.00;
//   its window (to 06-01 04:28) holds P {00}'s opening (05-31 06:18), whose 300.00 Q {00,03} does not
//   need: P {04} may issue 500.00 − 300.00 = 200.00. 1000.00 owed, what export 1 straight to export 3
//   pays and what a fresh ledger of export 3 owes (P {04} 500.00 + Q {00,03} 500.00).
// The ledger took P {00}'s 300.00 first in export 2 (cover() ranked Q {03,06} after it: "fewer orders
// outside first", o06 counted as outside though on time and in no voucher of the run), so P {04}
// issued 500.00: 1300.00, o00's 300.00 paid twice. Without o06 (Q {03} all o03's) it took Q {03}'s
// money and paid 1000.00.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000008007${n}`;
const o00 = (buyer: string) => shipped(id('00'), buyer, '1000.00', '2025-05-31 06:18:00', '2025-06-05 12:18:00');
const o03 = shipped(id('03'), 'Q', '3000.00', '2025-06-01 01:22:00', '2025-06-03 19:22:00');
const o06late = shipped(id('06'), 'Q', '100.00', '2025-06-01 04:34:00', '2025-06-06 00:34:00');
const o06onTime = shipped(id('06'), 'Q', '100.00', '2025-06-01 04:34:00', '2025-06-02 20:34:00');
const o04 = shipped(id('04'), 'P', '2000.00', '2025-05-31 04:28:00', '2025-06-02 09:28:00');

function exports(withO06: boolean) {
  const dir = tmpDir();
  const f = files(dir, {
    e1: [o00('P'), o03, ...(withO06 ? [o06late] : [])],
    e2: [o00('Q'), o03, ...(withO06 ? [o06onTime] : [])],
    e3: [o04, o00('Q'), o03, ...(withO06 ? [o06onTime] : [])],
  });
  return { dir, f };
}

describe('seed 8007 reduced: money paid in the voucher\'s own window goes first, the other buyer\'s stays for a later cap', () => {
  it('export 1 straight to export 3: 1000.00 (P {00}\'s 300.00 counts toward P {04}\'s cap)', () => {
    const { dir, f } = exports(true);
    const state = path.join(dir, 'state.db');
    expect(seen(run(f.e1!, state).rows)).toEqual([
      ['P', '00', '300.00', '300.00', 'new'],
      ['Q', '03,06', '500.00', '500.00', 'new'],
    ]);
    expect(seen(run(f.e3!, state).rows)).toEqual([
      ['P', '04', '500.00', '200.00', 'new'],
      ['Q', '00,03', '500.00', '0.00', 'conflict'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
    const fresh = path.join(dir, 'fresh.db');
    run(f.e3!, fresh);
    expect(total(fresh)).toBe('1000.00');
  });
  it('without o06 (Q {03} all o03\'s): through export 2 too, 1000.00', () => {
    const { dir, f } = exports(false);
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    expect(seen(run(f.e2!, state, '--reissue', 'all').rows)).toEqual([['Q', '00,03', '500.00', '0.00', 'reissued']]);
    expect(total(state)).toBe('800.00');
    expect(seen(run(f.e3!, state).rows)).toEqual([
      ['P', '04', '500.00', '200.00', 'new'],
      ['Q', '00,03', '500.00', '0.00', 'already_recorded'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
  it('with o06 on time in export 2: through export 2, 1000.00 (paid 1300.00: o00\'s 300.00 taken for Q {00,03})', () => {
    const { dir, f } = exports(true);
    const state = path.join(dir, 'state.db');
    run(f.e1!, state);
    expect(seen(run(f.e2!, state).rows)).toEqual([['Q', '00,03', '500.00', '0.00', 'conflict']]);
    run(f.e2!, state, '--reissue', 'all');
    expect(total(state)).toBe('800.00');
    expect(seen(run(f.e3!, state).rows)).toEqual([
      ['P', '04', '500.00', '200.00', 'new'],
      ['Q', '00,03', '500.00', '0.00', 'already_recorded'],
    ]);
    run(f.e3!, state, '--reissue', 'all');
    expect(total(state)).toBe('1000.00');
  });
});
