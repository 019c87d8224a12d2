// --as-of earlier than ship times the export shows (an export made later than the time asked about,
// led20). RULES 1.1: an order is late "when it was shipped after its deadline, or is still unshipped
// at the evaluation time (--as-of) and the deadline has passed"; an unshipped late order's payout is
// provisional. As of --as-of an order shipped after it had not shipped: it is judged as unshipped then
// (docs/rules.md §1.7, docs/cli.md --as-of). Before, the ship time still to come decided: an --as-of
// before the deadline gave final vouchers for orders not yet late (and --record recorded them), and one
// 2 h after it the out-of-stock amount of a ship time 96 h late. Times are Beijing time; run under
// TZ=UTC and TZ=America/Los_Angeles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { files, ledgerTotal, recorderIn, shipped } from '../state/record-runs.js';

const tz = process.env.TZ ?? 'UTC';
const id = (n: string) => `351531314732935${n}`;
type Row = Record<string, unknown>;
const run = (file: string, asOf: string, ...more: string[]) => {
  const r = runCli(['compensate', file, '--as-of', asOf, '-f', 'json', ...more], { tz });
  return { ...r, rows: r.stdout ? (JSON.parse(r.stdout) as Row[]) : [] };
};
const seen = (rows: Row[]) => rows.map((v) => [v.buyer, v.amount, v.kinds, v.state, v.issueNow]);

// tmall-2026 (docs/rules.md §1.3; paid 2026-11-10, after 2026-04-09): 48 h to ship (no listing word);
// late: 5 % of the paid amount, 5.00–50.00; still unshipped 72 h after becoming late (shipped 72 h late
// or more): out of stock, 10 % (window ≤ 48 h), 5.00–500.00. Each buyer one order (no combining).
//   A 600.00 paid 11-10 10:00, deadline 11-12 10:00, shipped 11-13 10:00 (24 h late): 5 % = 30.00.
//   B 600.00 paid 11-10 10:00, shipped 11-16 10:00 (96 h late: out of stock): 10 % = 60.00.
//   C 600.00 paid 11-10 10:00, shipped 11-11 10:00: on time.
const e26 = [
  shipped(id('0001'), 'A', '600.00', '2026-11-10 10:00:00', '2026-11-13 10:00:00'),
  shipped(id('0002'), 'B', '600.00', '2026-11-10 10:00:00', '2026-11-16 10:00:00'),
  shipped(id('0003'), 'C', '600.00', '2026-11-10 10:00:00', '2026-11-11 10:00:00'),
];
// tmall-2023 (§1.2; paid 2026-03-10, before 2026-04-09): 30 %, at least 5.00; a buyer's late orders
// paid within 24 h of the first combined, capped at 500.00.
//   X P 1000.00 paid 03-10 10:00, deadline 03-12 10:00, shipped 03-13 10:00 (24 h late): 300.00.
//   Y P 1000.00 paid 03-10 20:00, deadline 03-12 20:00, shipped 03-14 20:00 (48 h late): 300.00.
//   One window (Y 10 h after X): min(500.00, 600.00) = 500.00 once both have shipped.
const e23 = [
  shipped(id('0011'), 'P', '1000.00', '2026-03-10 10:00:00', '2026-03-13 10:00:00'),
  shipped(id('0012'), 'P', '1000.00', '2026-03-10 20:00:00', '2026-03-14 20:00:00'),
];

describe('--as-of before the ship times an export shows: judged as unshipped then', () => {
  const dir = tmpDir();
  const f = files(dir, { e26, e23 });
  it('before the deadline: nothing late, nothing owed (before: 90.00 final to issue)', () => {
    const r = run(f.e26!, '2026-11-11 12:00:00');
    expect(r.rows).toEqual([]);
    expect(r.stderr).toMatch(/0 late/);
    expect(r.stderr).toMatch(/2 orders shipped after --as-of \(2026-11-11 12:00:00\) by the export were judged as still unshipped then/);
  });
  it('2 h after the deadline: A and B late 2 h so far, 5 % = 30.00 each, provisional, 0.00 to issue (before: 30.00 + 60.00 final)', () => {
    const r = run(f.e26!, '2026-11-12 12:00:00');
    expect(seen(r.rows)).toEqual([
      ['A', '30.00', ['late'], 'provisional', '0.00'],
      ['B', '30.00', ['late'], 'provisional', '0.00'],
    ]);
    expect(r.rows.map((v) => v.maxHoursLate)).toEqual([2, 2]);
  });
  it('A shipped, B 50 h late and still unshipped: A 30.00 final, B 30.00 provisional (before: B 60.00 final)', () => {
    const r = run(f.e26!, '2026-11-14 12:00:00');
    expect(seen(r.rows)).toEqual([
      ['A', '30.00', ['late'], 'final', '30.00'],
      ['B', '30.00', ['late'], 'provisional', '0.00'],
    ]);
    expect(r.stderr).toMatch(/1 order shipped after --as-of \(2026-11-14 12:00:00\) by the export was judged/);
  });
  it('B 74 h late and still unshipped: out of stock so far, 10 % = 60.00, provisional', () => {
    const r = run(f.e26!, '2026-11-15 12:00:00');
    expect(seen(r.rows)).toEqual([
      ['A', '30.00', ['late'], 'final', '30.00'],
      ['B', '60.00', ['out_of_stock'], 'provisional', '0.00'],
    ]);
  });
  it('after every ship time: 30.00 + 60.00 final, no note', () => {
    const r = run(f.e26!, '2026-12-01 00:00:00');
    expect(seen(r.rows)).toEqual([
      ['A', '30.00', ['late'], 'final', '30.00'],
      ['B', '60.00', ['out_of_stock'], 'final', '60.00'],
    ]);
    expect(r.stderr).not.toMatch(/after --as-of/);
  });
  it('tmall-2023: X 2 h late, Y not yet due: P {X,Y} 300.00 so far, provisional (before: 500.00 final)', () => {
    const r = run(f.e23!, '2026-03-12 12:00:00');
    expect(r.rows.map((v) => [v.buyer, (v.orderIds as string[]).length, v.amount, v.state, v.issueNow])).toEqual([['P', 1, '300.00', 'provisional', '0.00']]);
  });
  it('--record as of 11-12 12:00 records nothing; as of 12-01 90.00 (before: 90.00 recorded at 11-12, final)', () => {
    const state = path.join(dir, 'state.db');
    const early = recorderIn(tz, '2026-11-12 12:00:00')(f.e26!, state);
    expect(early.rows.map((v) => [v.state, v.recorded])).toEqual([['provisional', ''], ['provisional', '']]);
    expect(ledgerTotal(state, tz) ?? '0.00').toBe('0.00');
    const later = recorderIn(tz, '2026-12-01 00:00:00')(f.e26!, state);
    expect(later.rows.map((v) => [v.buyer, v.toIssue, v.recorded])).toEqual([
      ['A', '30.00', 'new'],
      ['B', '60.00', 'new'],
    ]);
    expect(ledgerTotal(state, tz)).toBe('90.00');
  });
});
