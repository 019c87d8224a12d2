// A case the three-export property test found (reissue-paths3.property.test.ts, FUZZ_S=1000 seed
// 1143, reduced): re-issuing the conflicts one at a time records what --reissue all records.
// docs/rules.md §1.2 (tmall-2023, paid before 2026-04-09): 48 h to ship, 30 % per order, at least
// 5.00; a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap per window
// (rebuilt from the recorded openings and the export's: docs/cli.md --record). Times are Beijing
// time; run under TZ=UTC and TZ=America/Los_Angeles. `total` is what the ledger says was issued.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, seen, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);

describe('a voucher takes first the money nothing else can use, before money another window counts toward its cap (tmall-2023, seed 1143)', () => {
  // First export (2025, buyer Q):
  //   o02 2000.00 paid 05-31 05:15, shipped 06-04 22:15 (113 h) → 600.00; {02} min(500, 600) = 500.00.
  // Second export:
  //   o05 2000.00 new, paid 06-01 02:40, shipped 06-05 00:40 (94 h) → 600.00
  //   o30 1000.00 new, paid 06-01 09:41, shipped 06-05 07:41 (94 h) → 300.00
  //   {02,05} (05-31 05:15 to 06-01 05:15) min(500, 1200) = 500.00: all {02}'s 500.00, o02's money
  //   (o05 was paid nothing of its own). {30} (past 06-01 05:15) 300.00 new. --reissue all: 800.00.
  // Third export: o02 paid 05-31 20:15 (98 h: 600.00); o30 shipped 06-06 06:41 (117 h: 300.00); o05
  //   paid 06-01 21:40 (75 h: 600.00).
  //   {02,30} (o30 13 h 26 min after o02) min(500, 900) = 500.00; {05} 500.00. Rebuilt from the
  //   openings 05-31 05:15 ({02}, {02,05}), 05-31 20:15, 06-01 09:41 ({30}) and 06-01 21:40: {02,30}
  //   is in the window opened at 05-31 05:15, {05} in the one {30} opened at 06-01 09:41.
  //   {02,30}: o02's 500.00 in {02,05} pays it in full (o02 came to 600.00): nothing new. {30}'s
  //   300.00 then stays in {05}'s window, where it was recorded, and counts toward its cap.
  //   {05}: no money of o05's own; 500.00 − 300.00 = 200.00 new.
  //   Said and paid: 200.00; 1000.00 in all, whatever the order (a fresh ledger: 500.00 + 500.00).
  // Before: --reissue all (and {02,30} first) took {30}'s 300.00 for o30 and only 200.00 of o02's
  //   500.00, whose other 300.00 nothing can take, and {05} issued 500.00 anew: 1300.00 ({05} first
  //   1000.00).
  const id = (n: string) => `61000000000001143${n}`;
  const e1 = [shipped(id('02'), 'Q', '2000.00', '2025-05-31 05:15:00', '2025-06-04 22:15:00')];
  const e2 = [
    shipped(id('02'), 'Q', '2000.00', '2025-05-31 05:15:00', '2025-06-04 22:15:00'),
    shipped(id('05'), 'Q', '2000.00', '2025-06-01 02:40:00', '2025-06-05 00:40:00'),
    shipped(id('30'), 'Q', '1000.00', '2025-06-01 09:41:00', '2025-06-05 07:41:00'),
  ];
  const e3 = [
    shipped(id('02'), 'Q', '2000.00', '2025-05-31 20:15:00', '2025-06-04 22:15:00'),
    shipped(id('30'), 'Q', '1000.00', '2025-06-01 09:41:00', '2025-06-06 06:41:00'),
    shipped(id('05'), 'Q', '2000.00', '2025-06-01 21:40:00', '2025-06-05 00:40:00'),
  ];
  const a = `${id('02')},${id('30')}`;
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{02,30}, then {05}', [a, id('05')]],
    ['{05}, then {02,30}', [id('05'), a]],
  ] as const) {
    it(`${name}: 200.00 said and paid, 1000.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(seen(run(f.e2!, state).rows)).toEqual([
        ['Q', '02,05', '500.00', '0.00', 'conflict'],
        ['Q', '30', '300.00', '300.00', 'new'],
      ]);
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('800.00');
      const r = run(f.e3!, state);
      expect(seen(r.rows)).toEqual([
        ['Q', '02,30', '500.00', '0.00', 'conflict'],
        ['Q', '05', '500.00', '200.00', 'conflict'],
      ]);
      expect(owedSaid(r.rows)).toBe(20000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('1000.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
    });
  }
});

describe('what is kept back for a later conflict from a voucher holding only its orders is at most what it can take there: not a cap share (tmall-2023, seed 1143)', () => {
  // reissue-paths3 FUZZ_S=1000 seed 1143, reduced another way (one at a time paying more).
  // First export: o04 Q 2000.00 paid 2025-06-01 13:28, shipped 06-04 04:28 (63 h) → 600.00; {04} 500.00.
  // Second export (o04 left out: the ledger keeps it, opening at 06-01 13:28):
  //   o02 2000.00 paid 05-31 05:15, shipped 06-04 22:15 (113 h) → 600.00
  //   o05 2000.00 paid 06-01 02:40, shipped 06-05 00:40 (94 h)  → 600.00
  //   o30 1000.00 paid 06-01 09:41, shipped 06-05 07:41 (94 h)  → 300.00
  //   {02,05} (05-31 05:15 to 06-01 05:15) min(500, 1200) = 500.00 new. {30} opens 06-01 09:41, and
  //   {04}'s 06-01 13:28 is in its window: 500.00 + 300.00 > 500.00, so {30} records 300.00, all of
  //   it {04}'s money counted toward the cap: nothing new. 1000.00 in all.
  // Third export: o02 paid 05-31 20:15 (98 h: 600.00); o30 shipped 06-06 06:41 (117 h: 300.00); o05
  //   paid 06-01 21:40 (75 h: 600.00).
  //   {02,30} 500.00 (window opened at 05-31 05:15); {05} 500.00 (in the window {30} opened at 06-01
  //   09:41, with {04}'s 500.00).
  //   {05}: its window's cap is paid by {04}'s 500.00: nothing new, and it needs nothing of {02,05}.
  //   {02,30}: {30} holds nothing o30 paid for ({04}'s cap share only), so o02's share in {02,05}
  //   pays it: 500.00 of {02,05}'s 500.00. Nothing new: 1000.00, whatever the order.
  // Before: {05} re-issued first kept {30}'s 300.00 back for {02,30} (a cap share, which {02,30}
  //   cannot take), so it took 300.00 of {02,05} itself, and {02,30} issued 300.00 anew: 1300.00.
  const id = (n: string) => `62000000000001143${n}`;
  const e1 = [shipped(id('04'), 'Q', '2000.00', '2025-06-01 13:28:00', '2025-06-04 04:28:00')];
  const e2 = [
    shipped(id('02'), 'Q', '2000.00', '2025-05-31 05:15:00', '2025-06-04 22:15:00'),
    shipped(id('05'), 'Q', '2000.00', '2025-06-01 02:40:00', '2025-06-05 00:40:00'),
    shipped(id('30'), 'Q', '1000.00', '2025-06-01 09:41:00', '2025-06-05 07:41:00'),
  ];
  const e3 = [
    shipped(id('02'), 'Q', '2000.00', '2025-05-31 20:15:00', '2025-06-04 22:15:00'),
    shipped(id('30'), 'Q', '1000.00', '2025-06-01 09:41:00', '2025-06-06 06:41:00'),
    shipped(id('05'), 'Q', '2000.00', '2025-06-01 21:40:00', '2025-06-05 00:40:00'),
  ];
  const a = `${id('02')},${id('30')}`;
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{02,30}, then {05}', [a, id('05')]],
    ['{05}, then {02,30}', [id('05'), a]],
  ] as const) {
    it(`${name}: nothing said or paid, 1000.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(seen(run(f.e2!, state).rows)).toEqual([
        ['Q', '02,05', '500.00', '500.00', 'new'],
        ['Q', '30', '300.00', '0.00', 'new'],
      ]);
      expect(total(state)).toBe('1000.00');
      const r = run(f.e3!, state);
      expect(owedSaid(r.rows)).toBe(0);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('1000.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('1000.00');
    });
  }
});
