// A case the three-export property test found (reissue-paths3.property.test.ts, FUZZ_S=1000 seed
// 1187, reduced): re-issuing the conflicts one at a time records what --reissue all records, and
// neither pays an order twice. docs/rules.md §1.3 (tmall-2026, paid from 04-09): 5 % of the goods for
// a ≤ 48 h window up to 72 h late, 5.00–50.00; still unshipped 72 h after becoming late (shipped more
// than 120 h after payment) is out of stock: 10 %, 5.00–500.00; a buyer's vouchers of one Beijing day
// share a 500.00 cap. Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles. `total` is
// what the ledger says was issued (amounts less what was taken over).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe('money an earlier voucher keeps of its own for a later conflict is not kept for it again from a voucher that took it over (tmall-2026, seed 1187)', () => {
  // First export:
  //   o04 P 9000.00 paid 05-31 13:18, shipped 06-03 17:18 (76 h, 28 h late) → 5 % = 450.00 → 50.00
  //   o02 P  100.00 paid 05-31 23:37, shipped 06-06 04:37 (125 h: out of stock) → 10 % = 10.00
  //   P's day 05-31: {04,02} 60.00. Issued 60.00.
  // Second export: o04 left out (the ledger keeps it as recorded); o01 P 100.00 new, paid 05-31 05:11,
  //   shipped 06-03 03:11 (70 h) → 5.00; o02 paid 05-31 08:37, shipped 06-06 04:37 (140 h) → 10.00.
  //   P {01,02} 15.00 (its day's cap group: {04,02}'s 50.00 for o04 + 15.00 ≤ 500.00): o02's 10.00 of
  //   {04,02}, 5.00 new. --reissue all: 65.00 in all.
  // Third export: o01 left out; o02 is Q's (10.00); o04 paid 05-31 14:18, shipped 06-03 17:18 (75 h) → 50.00.
  //   P {04} 50.00: {04,02} still holds o04's 50.00 (only o02's 10.00 was taken over): nothing new.
  //   Q {02} 10.00: o02's 10.00 stands in {01,02} (taken over from {04,02}; the money of an earlier
  //   voucher is "kept for the voucher that holds those orders", docs/cli.md --record, whichever buyer): nothing new. {01,02}'s other 5.00 is o01's.
  //   Said and paid: 0.00; 65.00 in all, whatever the order.
  // Before: {02} (first in --reissue all, or re-issued on its own first) kept {01,02}'s 10.00 back
  //   for {04} as well, though {04,02} keeps o04's 50.00 for it, and issued 5.00 anew: --reissue all
  //   70.00, {04} first 65.00.
  const id = (n: string) => `61000000000001187${n}`;
  const e1 = [
    shipped(id('04'), 'P', '9000.00', '2026-05-31 13:18:00', '2026-06-03 17:18:00'),
    shipped(id('02'), 'P', '100.00', '2026-05-31 23:37:00', '2026-06-06 04:37:00'),
  ];
  const e2 = [
    shipped(id('01'), 'P', '100.00', '2026-05-31 05:11:00', '2026-06-03 03:11:00'),
    shipped(id('02'), 'P', '100.00', '2026-05-31 08:37:00', '2026-06-06 04:37:00'),
  ];
  const e3 = [
    shipped(id('02'), 'Q', '100.00', '2026-05-31 08:37:00', '2026-06-06 04:37:00'),
    shipped(id('04'), 'P', '9000.00', '2026-05-31 14:18:00', '2026-06-03 17:18:00'),
  ];
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{04}, then {02}', [id('04'), id('02')]],
    ['{02}, then {04}', [id('02'), id('04')]],
  ] as const) {
    it(`${name}: 0.00 said and paid, 65.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      expect(seen(run(f.e1!, state).rows)).toEqual([['P', '04,02', '60.00', '60.00', 'new']]);
      run(f.e2!, state);
      expect(seen(run(f.e2!, state, '--reissue', 'all').rows)).toEqual([['P', '01,02', '15.00', '5.00', 'reissued']]);
      expect(total(state)).toBe('65.00');
      const r = run(f.e3!, state);
      expect(seen(r.rows)).toEqual([
        ['Q', '02', '10.00', '0.00', 'conflict'],
        ['P', '04', '50.00', '0.00', 'conflict'],
      ]);
      expect(owedSaid(r.rows)).toBe(0);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('65.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('65.00');
    });
  }
});

describe('money is kept back for a later conflict only in a voucher it can reach (tmall-2023, seed 1157)', () => {
  // reissue-paths3.property.test.ts, FUZZ_S=1000 seed 1157, reduced. docs/rules.md §1.2 (tmall-2023):
  // 48 h to ship, 30 % per order, at least 5.00; a buyer's late orders paid within 24 h of a window's
  // opening combined, 500.00 cap per window.
  // First export (2025):
  //   o06 P 9000.00 paid 05-31 14:21, shipped 06-05 09:21 (115 h) → 2700.00
  //   o03 P  100.00 paid 05-31 17:25, shipped 06-04 01:25 (80 h)  → 30.00
  //   P {06,03} min(500, 2730) = 500.00.
  // Second export: o06 is Q's; o03 left out. Q {06} 500.00: P {06,03}'s 500.00 (o06 came to 2700.00
  //   there): nothing new. 500.00 in all.
  // Third export: o06 is P's again; o00 P 9000.00 new, paid 05-30 06:07, shipped 06-03 05:07 (95 h) →
  //   2700.00; o03 paid 05-31 00:25, shipped 06-04 01:25 (97 h) → 30.00; o60 P 9000.00 new, paid 05-31
  //   14:40, shipped 06-03 10:40 (68 h) → 2700.00.
  //   P {00,03} (05-30 06:07 to 05-31 06:07) min(500, 2730) = 500.00; P {06,60} (05-31 14:21) 500.00.
  //   {06,60}: o06's 500.00 in Q {06}: nothing new.
  //   {00,03}: P {06,03} gave all its 500.00 to Q {06} for o06: nothing stands behind o03, and no
  //   recorded voucher opens in its window (P {06,03} opened 05-31 14:21): 500.00 new.
  //   Said and paid: 500.00; 1000.00 in all, whatever the order.
  // Before: {06,60} re-issued first kept 30.00 of Q {06}'s money back for {00,03} (o03's share in
  //   P {06,03}, which Q {06} took over), which {00,03} cannot reach (it holds no order of Q {06}'s,
  //   and Q {06} is in none of its windows), and issued 30.00: 1030.00.
  const id = (n: string) => `61000000000001157${n}`;
  const e1 = [
    shipped(id('06'), 'P', '9000.00', '2025-05-31 14:21:00', '2025-06-05 09:21:00'),
    shipped(id('03'), 'P', '100.00', '2025-05-31 17:25:00', '2025-06-04 01:25:00'),
  ];
  const e2 = [shipped(id('06'), 'Q', '9000.00', '2025-05-31 14:21:00', '2025-06-05 09:21:00')];
  const e3 = [
    shipped(id('00'), 'P', '9000.00', '2025-05-30 06:07:00', '2025-06-03 05:07:00'),
    shipped(id('03'), 'P', '100.00', '2025-05-31 00:25:00', '2025-06-04 01:25:00'),
    shipped(id('06'), 'P', '9000.00', '2025-05-31 14:21:00', '2025-06-05 09:21:00'),
    shipped(id('60'), 'P', '9000.00', '2025-05-31 14:40:00', '2025-06-03 10:40:00'),
  ];
  const a = `${id('00')},${id('03')}`;
  const b = `${id('06')},${id('60')}`;
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{06,60}, then {00,03}', [b, a]],
    ['{00,03}, then {06,60}', [a, b]],
  ] as const) {
    it(`${name}: 500.00 said and paid, 1000.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      run(f.e2!, state);
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('500.00');
      const r = run(f.e3!, state);
      expect(seen(r.rows)).toEqual([
        ['P', '00,03', '500.00', '500.00', 'conflict'],
        ['P', '06,60', '500.00', '0.00', 'conflict'],
      ]);
      expect(owedSaid(r.rows)).toBe(50000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('1000.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
    });
  }
});
