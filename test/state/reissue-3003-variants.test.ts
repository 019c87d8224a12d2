// rev51: reissue-3003-others-part.test.ts's reduced seed 3003, varied where the rules say nothing
// should change, re-issued G = {06,05} before H = {01,02} (the order money62's fix is about).
// Hand working as in that file's header (tmall-2023, docs/rules.md §1.2, §1.7): export 1 records
// A = {00,05} 500.00, B = {02,06} 500.00 (buyer P) and D = {01,04} 500.00 (buyer Q): 1500.00.
// Export 2: H = Q {01,02} is paid by D's 500.00 (its own window; nothing else counts it), so B's o02
// money (>= 200.00) stays in B's window, where G = P {06,05} 330.00 falls: o06's 300.00 + 200.00 +
// G 330.00 - 500.00 cap covers G's 30.00; F = P {00} takes A's 500.00. Nothing anew: 1500.00.
// - Buyers' names swapped (P <-> Q) and the export's rows in reverse order: names and row order
//   decide nothing in §1.2/§1.7: 1500.00.
// - An on-time order added to each export (P o07 800.00 paid 04-08 06:00, shipped 04-09 02:00:
//   20 h, inside the 48 h window; or Q o08 800.00 paid 04-07 08:00, shipped 04-08 04:00): an
//   on-time order owes nothing and opens no window (§1.2 combines late orders): 1500.00.
// At c7a7918f (before money62) each of these paid 1530.00 (G issued 30.00), as the original did.
// Times are Beijing time; run under TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledgerTotal, owedSaid, recorderIn, shipped } from './record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const run = recorderIn(tz, '2026-07-01 00:00:00');
const total = (state: string) => ledgerTotal(state, tz);
const id = (n: string) => `61000000000003003${n}`;
type Extra = 'none' | 'P' | 'Q';
const exports = (swap: boolean, reverse: boolean, extra: Extra) => {
  const o = (n: string, buyer: 'P' | 'Q', paid: string, at: string, ship: string) =>
    shipped(id(n), swap ? (buyer === 'P' ? 'Q' : 'P') : buyer, paid, `2026-${at}:00`, `2026-${ship}:00`);
  const e1 = [
    o('00', 'P', '3000.00', '04-07 03:15', '04-10 19:15'),
    o('01', 'Q', '3000.00', '04-07 07:06', '04-12 06:06'),
    o('05', 'P', '100.00', '04-08 01:54', '04-11 23:54'),
    o('04', 'Q', '100.00', '04-08 03:06', '04-11 10:06'),
    o('02', 'P', '2000.00', '04-08 05:36', '04-11 18:36'),
    o('06', 'P', '1000.00', '04-08 05:37', '04-12 15:37'),
  ];
  const e2 = [
    o('00', 'P', '3000.00', '04-07 03:15', '04-10 19:15'),
    o('01', 'Q', '3000.00', '04-07 07:06', '04-12 06:06'),
    o('02', 'Q', '2000.00', '04-08 05:36', '04-11 18:36'),
    o('06', 'P', '1000.00', '04-08 06:37', '04-12 15:37'),
    o('05', 'P', '100.00', '04-08 08:54', '04-12 02:54'),
  ];
  const onTime = extra === 'P' ? o('07', 'P', '800.00', '04-08 06:00', '04-09 02:00') : extra === 'Q' ? o('08', 'Q', '800.00', '04-07 08:00', '04-08 04:00') : undefined;
  if (onTime) (e1.push(onTime), e2.push(onTime));
  if (reverse) (e1.reverse(), e2.reverse());
  return { e1, e2 };
};
const G = [id('06'), id('05')].join(',');
const H = [id('01'), id('02')].join(',');
const F = id('00');

describe('seed 3003 reduced, varied: G re-issued before H pays 1500.00', () => {
  const cases: [string, boolean, boolean, Extra][] = [
    ['buyers swapped, rows reversed', true, true, 'none'],
    ['an on-time order of P in both exports', false, false, 'P'],
    ['an on-time order of Q in both exports', false, false, 'Q'],
  ];
  for (const [name, swap, reverse, extra] of cases) {
    it(`${name}: 1500.00, said nothing, then {06,05}, {01,02}, {00}: 1500.00`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, exports(swap, reverse, extra));
      run(f.e1!, state);
      expect(total(state)).toBe('1500.00');
      expect(owedSaid(run(f.e2!, state).rows)).toBe(0);
      for (const ids of [G, H, F]) run(f.e2!, state, '--reissue', ids);
      expect(total(state)).toBe('1500.00');
    }, 120_000);
  }
});
