// A conflict of a --record run followed, in the same run, by a NEW voucher that shares its cap with
// the same recorded money (tmall-2023, docs/rules.md §1.2: 30 % per order, at least 5.00, a buyer's
// late orders paid within 24 h of a window's opening combined, 500.00 cap per window; 48 h to ship).
// What the run without --reissue says is owed must be what --reissue all then pays.
// Every amount below is worked out by hand from docs/rules.md §1.2.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { type Row, files, recorder, shipped } from './record-runs.js';

const AS_OF = '2026-03-10 12:00:00';
const run = recorder(AS_OF);
const all = recorder(AS_OF, '--reissue', 'all');
const total = (state: string) => /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state]).stderr)?.[1];
const seen = (rows: Row[]) => rows.map((v) => [(v.orderIds as string[]).map((id) => id.slice(-2)).join(','), v.amount, v.toIssue, v.recorded]);

describe('a conflict, then a new voucher capped with the money the conflict counted on (tmall-2023)', () => {
  // Buyer W, one shop.
  // First export:
  //   o62 1000.00 paid 03-02 09:00, shipped 03-04 10:00 (49 h: 1 h late) → 30 % = 300.00
  //   o63 1000.00 paid 03-02 11:00, shipped 03-05 12:00 (73 h: 25 h late) → 300.00
  //   o62 opens a window (to 03-03 09:00), o63 joins (2 h after): {o62,o63} = min(500, 600) = 500.00,
  //   recorded and issued (its window opening 03-02 09:00).
  // True export:
  //   o62 was paid 03-01 08:00 (shipped 03-04 10:00: 74 h, 26 h late) → 300.00; it opens a window
  //       to 03-02 08:00: {o62} = 300.00
  //   o64 2000.00 (new) paid 03-02 08:30, shipped 03-04 10:00 (49 h 30 min: 1 h 30 min late) →
  //       600.00; 24 h 30 min after o62, it opens its own window (to 03-03 08:30): {o64} =
  //       min(500, 600) = 500.00. The recorded window's 03-02 09:00 opening falls in it: they share
  //       a cap, and the 500.00 recorded counts toward it: 0.00 to issue for {o64}.
  //   o63 was paid 03-03 12:00 (shipped 03-05 13:00: 49 h, 1 h late) → 300.00; 27 h 30 min after
  //       o64: a window of its own, {o63} = 300.00.
  //   Owed 300.00 + 500.00 + 300.00 = 1100.00; 500.00 paid: 600.00 more, all of it for {o62} and
  //   {o63} (the recorded 500.00 stands behind {o64}'s window, which holds neither order now).
  // Before: {o62} was worked out before {o64} took the 500.00: "200.00 of it paid, 100.00 still
  // owed"; {o64} recorded new at 0.00 (all 500.00 toward its cap); {o63} 300.00. 400.00 said, and
  // --reissue all then issued 300.00 + 300.00 = 600.00: 200.00 said by nobody.
  const o62old = shipped('3000000000000000062', 'W', '1000.00', '2026-03-02 09:00:00', '2026-03-04 10:00:00');
  const o63old = shipped('3000000000000000063', 'W', '1000.00', '2026-03-02 11:00:00', '2026-03-05 12:00:00');
  const o62 = shipped('3000000000000000062', 'W', '1000.00', '2026-03-01 08:00:00', '2026-03-04 10:00:00');
  const o64 = shipped('3000000000000000064', 'W', '2000.00', '2026-03-02 08:30:00', '2026-03-04 10:00:00');
  const o63 = shipped('3000000000000000063', 'W', '1000.00', '2026-03-03 12:00:00', '2026-03-05 13:00:00');

  it('the run says 600.00 is still owed ({o62} 300.00, {o63} 300.00), as --reissue all then issues', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { early: [o62old, o63old], full: [o62, o64, o63] });
    expect(seen(run(f.early!, state).rows)).toEqual([['62,63', '500.00', '500.00', 'new']]);
    expect(total(state)).toBe('500.00');

    const r2 = run(f.full!, state);
    expect(r2.code).toBe(1);
    expect(seen(r2.rows)).toEqual([
      ['62', '300.00', '300.00', 'conflict'],
      ['64', '500.00', '0.00', 'new'],
      ['63', '300.00', '300.00', 'conflict'],
    ]);
    expect(r2.stderr).toContain('2 conflicts still owing 600.00');
    // {o64} was written to the ledger (new, 0.00 to issue): the summary counts it (it said
    // "0 newly recorded"); nothing to issue, so not in "… vouchers totalling … to issue".
    expect(r2.stderr).toContain('0 vouchers totalling 0.00 to issue');
    expect(r2.stderr).toContain('; 1 newly recorded');
    // Recorded as before: {o64} at 0.00 to issue, nothing else; 500.00 paid in all.
    expect(total(state)).toBe('500.00');

    const r3 = all(f.full!, state);
    expect(seen(r3.rows)).toEqual([
      ['62', '300.00', '300.00', 'reissued'],
      ['64', '500.00', '0.00', 'already_recorded'],
      ['63', '300.00', '300.00', 'reissued'],
    ]);
    expect(total(state)).toBe('1100.00');
    // Again: nothing more.
    expect(seen(all(f.full!, state).rows).map((r) => r.slice(2))).toEqual([
      ['0.00', 'already_recorded'],
      ['0.00', 'already_recorded'],
      ['0.00', 'already_recorded'],
    ]);
    expect(total(state)).toBe('1100.00');
  });
});
