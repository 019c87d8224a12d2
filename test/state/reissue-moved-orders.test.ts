// A case the three-export property test found (reissue-paths3.property.test.ts seed 2042; docs/cli.md
// `--record`, `--reissue`): orders that moved between exports (another buyer and back, a corrected
// paid time, one now under tmall-2026), re-issued one conflict at a time, record what --reissue all
// records. Every amount below is worked out by hand from docs/rules.md §1.2 (tmall-2023: 48 h to
// ship, 30 % per order, at least 5.00; a buyer's late orders paid within 24 h of a window's opening
// combined, 500.00 cap per window) and §1.3 (tmall-2026, paid from 04-09: 5 % for a ≤ 48 h window
// ≤ 72 h late, 5.00–50.00). Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
// `total` is what the ledger says was issued (amounts less what was taken over).
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

describe('money that stays for a later conflict anyway is not kept back for it again from a voucher taken over (seed 2042)', () => {
  // First export (all tmall-2023):
  //   o04 Q 9000.00 paid 04-06 05:59, shipped 04-10 06:59 → 2700.00
  //   o00 P 3000.00 paid 04-06 11:55, shipped 04-09 10:55 → 900.00
  //   o03 Q 2000.00 paid 04-06 14:58, shipped 04-08 06:58 (40 h): on time
  //   o02 Q 3000.00 paid 04-07 01:22, shipped 04-09 16:22 → 900.00
  //   o01 P 3000.00 paid 04-07 21:21, shipped 04-12 03:21 → 900.00
  //   o05 P 9000.00 paid 04-08 14:39, shipped 04-13 07:39 → 2700.00
  //   Q {04,02} min(500, 3600) = 500.00. P {00} 500.00; {01,05} (04-07 21:21 is past {00}'s 24 h;
  //   o05 within {01}'s) min(500, 3600) = 500.00. Issued 1500.00.
  // Second export: o03 paid 04-05 19:58 (due 04-07 19:58, shipped 04-08 06:58: 600.00); o00 is Q's,
  //   paid 04-07 00:55 (900.00); o01 paid 04-07 01:21, shipped 04-09 05:21 (900.00).
  //   Q {03,04} (04-05 19:58 to 04-06 19:58) 500.00: {04,02}'s 500.00 (o04 alone comes to it).
  //   Q {00,02} (opens 04-07 00:55) 500.00: {00}'s 500.00 (all of its orders are here).
  //   P {01} 500.00 and P {05} (04-08 14:39 is past 04-08 01:21) 500.00: {01,05}'s 500.00 pays one
  //   of them (the ledger gives it to {05}, for o05), the other is 500.00 new. 2000.00 in all.
  // Third export: o04 paid 04-06 01:59 (2700.00); o00 is P's again (900.00); o60 P 100.00 new, paid
  //   04-07 17:31, shipped 04-12 22:31 (30.00); o05 paid 04-09 05:39: tmall-2026, due 04-11 05:39,
  //   shipped 04-13 07:39 (50 h late, 48 h window): 5 % × 9000 = 450 → 50.00.
  //   Q {03,04}: the same voucher at 500.00, recorded as it is.
  //   Q {02} (opens 04-07 01:22) 900 → 500.00: {04,02}'s money went to {03,04} for o04, {00,02}'s is
  //   {00}'s (o00's, now P's): nothing of its own, 500.00 new.
  //   P {00,01,60} (04-07 00:55 to 04-08 00:55) min(500, 1830) = 500.00: {00}'s 500.00 (o00 only) and
  //   {01}'s 500.00 (o01 only) stay for it: paid, nothing new.
  //   P {05} 50.00: {05}'s 500.00 (taken over from {01,05} for o05): paid, nothing new.
  //   Said and paid: 500.00; 2500.00 in all, whatever the order.
  // Before: {05} re-issued before {00,01,60} kept {05}'s money back for {00,01,60} (o01 was in
  //   {01,05}, which {05} took over), though {00}'s and {01}'s money stay for it anyway: {05} issued
  //   50.00 anew, one at a time 2550.00.
  const id = (n: string) => `61000000000002042${n}`;
  const e1 = [
    shipped(id('04'), 'Q', '9000.00', '2026-04-06 05:59:00', '2026-04-10 06:59:00'),
    shipped(id('00'), 'P', '3000.00', '2026-04-06 11:55:00', '2026-04-09 10:55:00'),
    shipped(id('03'), 'Q', '2000.00', '2026-04-06 14:58:00', '2026-04-08 06:58:00'),
    shipped(id('02'), 'Q', '3000.00', '2026-04-07 01:22:00', '2026-04-09 16:22:00'),
    shipped(id('01'), 'P', '3000.00', '2026-04-07 21:21:00', '2026-04-12 03:21:00'),
    shipped(id('05'), 'P', '9000.00', '2026-04-08 14:39:00', '2026-04-13 07:39:00'),
  ];
  const e2 = [
    shipped(id('03'), 'Q', '2000.00', '2026-04-05 19:58:00', '2026-04-08 06:58:00'),
    shipped(id('04'), 'Q', '9000.00', '2026-04-06 05:59:00', '2026-04-10 06:59:00'),
    shipped(id('00'), 'Q', '3000.00', '2026-04-07 00:55:00', '2026-04-09 10:55:00'),
    shipped(id('01'), 'P', '3000.00', '2026-04-07 01:21:00', '2026-04-09 05:21:00'),
    shipped(id('02'), 'Q', '3000.00', '2026-04-07 01:22:00', '2026-04-09 16:22:00'),
    shipped(id('05'), 'P', '9000.00', '2026-04-08 14:39:00', '2026-04-13 07:39:00'),
  ];
  const e3 = [
    shipped(id('03'), 'Q', '2000.00', '2026-04-05 19:58:00', '2026-04-08 06:58:00'),
    shipped(id('04'), 'Q', '9000.00', '2026-04-06 01:59:00', '2026-04-10 06:59:00'),
    shipped(id('00'), 'P', '3000.00', '2026-04-07 00:55:00', '2026-04-09 10:55:00'),
    shipped(id('01'), 'P', '3000.00', '2026-04-07 01:21:00', '2026-04-09 05:21:00'),
    shipped(id('02'), 'Q', '3000.00', '2026-04-07 01:22:00', '2026-04-09 16:22:00'),
    shipped(id('60'), 'P', '100.00', '2026-04-07 17:31:00', '2026-04-12 22:31:00'),
    shipped(id('05'), 'P', '9000.00', '2026-04-09 05:39:00', '2026-04-13 07:39:00'),
  ];
  const p = [id('00'), id('01'), id('60')].join(',');
  for (const [name, steps] of [
    ['--reissue all', ['all']],
    ['{05} with {02}, then {00,01,60}', [`${id('05')},${id('02')}`, p]],
    ['{05}, {02}, then {00,01,60}', [id('05'), id('02'), p]],
    ['{00,01,60}, {05}, then {02}', [p, id('05'), id('02')]],
  ] as const) {
    it(`${name}: 500.00 said and paid, 2500.00 in all`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { e1, e2, e3 });
      run(f.e1!, state);
      expect(total(state)).toBe('1500.00');
      run(f.e2!, state);
      run(f.e2!, state, '--reissue', 'all');
      expect(total(state)).toBe('2000.00');
      expect(owedSaid(run(f.e3!, state).rows)).toBe(50000);
      for (const ids of steps) run(f.e3!, state, '--reissue', ids);
      expect(total(state)).toBe('2500.00');
      run(f.e3!, state, '--reissue', 'all');
      expect(total(state)).toBe('2500.00');
    });
  }
});
