// A recorded 24-hour window split by a later export (tmall-2023, RULES 1.2: 30 % per order, min
// 5.00, a buyer's late orders paid within 24 h of a window's opening combined, 500.00 cap per
// window). The recorded voucher's money pays its orders once: what it holds for an order the export
// now puts in another window of this run is not also counted toward the first window's cap.
// Every amount below is worked out by hand from docs/rules.md §1.2.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { tmpDir } from '../helpers.js';
import { type Row, files, recorder, shipped } from './record-runs.js';

const AS_OF = '2026-03-10 12:00:00';
const run = recorder(AS_OF);
const all = recorder(AS_OF, '--reissue', 'all');
const total = (state: string) => /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state]).stderr)?.[1];
const seen = (rows: Row[]) => rows.map((v) => [v.amount, v.toIssue, v.recorded]);

describe('a late order found before a recorded window opens a window that takes part of it (tmall-2023)', () => {
  // Buyer W, 48 h window, each order 1000.00 → 30 % = 300.00:
  //   o61 paid 03-01 10:00; an early export shows it shipped 03-03 09:00 (on time), the true one
  //       03-03 11:00 (1 h late)
  //   o62 paid 03-02 09:00, shipped 03-04 10:00 (1 h late)
  //   o63 paid 03-02 11:00, shipped 03-04 12:00 (1 h late)
  // Early export: o62 opens a window (to 03-03 09:00), o63 joins (2 h after): {o62,o63} =
  // min(500, 600) = 500.00, issued.
  // True export: o61 opens W1 (to 03-02 10:00), o62 joins (23 h after); o63, 25 h after o61, opens
  // W2. {o61,o62} = min(500, 600) = 500.00, {o63} = 300.00: 800.00 owed, 500.00 paid, 300.00 more.
  const o61old = shipped('3000000000000000061', 'W', '1000.00', '2026-03-01 10:00:00', '2026-03-03 09:00:00');
  const o61 = shipped('3000000000000000061', 'W', '1000.00', '2026-03-01 10:00:00', '2026-03-03 11:00:00');
  const o62 = shipped('3000000000000000062', 'W', '1000.00', '2026-03-02 09:00:00', '2026-03-04 10:00:00');
  const o63 = shipped('3000000000000000063', 'W', '1000.00', '2026-03-02 11:00:00', '2026-03-04 12:00:00');

  it('the conflicts say 300.00 is still owed, as --reissue all then issues, not that the 500.00 paid all 800.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { early: [o61old, o62, o63], full: [o61, o62, o63] });
    expect(seen(run(f.early!, state).rows)).toEqual([['500.00', '500.00', 'new']]);
    // Before: each conflict was shown against {o62,o63}'s whole 500.00 — {o61,o62} took o62's share
    // and counted o63's toward its cap (the recorded window opened inside W1), then {o63} found
    // o63's share there again — "2 fully paid by vouchers recorded before", 300.00 owed and said
    // by nobody (--reissue all did issue it). Now the conflicts are shown as --reissue all records
    // them, one after another: {o61,o62} is paid by the 500.00; {o63} finds nothing left: 300.00.
    const r2 = run(f.full!, state);
    expect(r2.code).toBe(1);
    expect(seen(r2.rows)).toEqual([['500.00', '0.00', 'conflict'], ['300.00', '300.00', 'conflict']]);
    expect(r2.stderr).toContain('1 conflict still owing 300.00');
    expect(r2.stderr).not.toContain('2 fully paid by vouchers recorded before');
    // --reissue all: 300.00 more is issued, 800.00 paid in all.
    const r3 = all(f.full!, state);
    expect(seen(r3.rows)).toEqual([['500.00', '0.00', 'reissued'], ['300.00', '300.00', 'reissued']]);
    expect(total(state)).toBe('800.00');
    // Run again: nothing more.
    expect(seen(all(f.full!, state).rows)).toEqual([['500.00', '0.00', 'already_recorded'], ['300.00', '0.00', 'already_recorded']]);
    expect(total(state)).toBe('800.00');
  });

  it('tmall-2026: a recorded day split by a corrected paid time, with a late order found on the first day', () => {
    // Buyer W, 48 h window (RULES 1.3: late ≤ 72 h 5 % clamped 5–50; out of stock > 72 h late 10 %
    // clamped 5–500; one Beijing calendar day capped at 500.00):
    //   o71 9000.00 paid 05-01 10:00, shipped 05-06 10:00:01 (72 h 1 s late): 10 % = 900 → 500.00;
    //       the first export shows it shipped on time (05-03 09:00)
    //   o72 1000.00 paid 05-01 23:00, shipped 05-03 23:00:01 (1 s late): 5 % = 50.00
    //   o73 9000.00 paid 05-02 00:10 (the first export says 05-01 23:30), shipped 05-08 00:10:01
    //       (72 h 1 s late; 96 h 1 s by the first export's paid time): 10 % = 900 → 500.00
    // First export: day 05-01 = {o72,o73} = min(500, 50 + 500) = 500.00, issued.
    // True export: 05-01 {o71,o72} = min(500, 550) = 500.00; 05-02 {o73} = 500.00. 1000.00 owed,
    // 500.00 paid: 500.00 more. Before: both conflicts "fully paid" (the 500.00 counted once toward
    // 05-01's cap, once as o73's share); --reissue all issued the 500.00.
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const at = recorder('2026-05-09 12:00:00');
    const atAll = recorder('2026-05-09 12:00:00', '--reissue', 'all');
    const o71old = shipped('3000000000000000071', 'W', '9000.00', '2026-05-01 10:00:00', '2026-05-03 09:00:00');
    const o71 = shipped('3000000000000000071', 'W', '9000.00', '2026-05-01 10:00:00', '2026-05-06 10:00:01');
    const o72 = shipped('3000000000000000072', 'W', '1000.00', '2026-05-01 23:00:00', '2026-05-03 23:00:01');
    const o73old = shipped('3000000000000000073', 'W', '9000.00', '2026-05-01 23:30:00', '2026-05-08 00:10:01');
    const o73 = shipped('3000000000000000073', 'W', '9000.00', '2026-05-02 00:10:00', '2026-05-08 00:10:01');
    const f = files(dir, { early: [o71old, o72, o73old], full: [o71, o72, o73] });
    expect(seen(at(f.early!, state).rows)).toEqual([['500.00', '500.00', 'new']]);
    const r2 = at(f.full!, state);
    expect(r2.code).toBe(1);
    expect(seen(r2.rows)).toEqual([['500.00', '0.00', 'conflict'], ['500.00', '500.00', 'conflict']]);
    expect(r2.stderr).toContain('1 conflict still owing 500.00');
    const r3 = atAll(f.full!, state);
    expect(seen(r3.rows)).toEqual([['500.00', '0.00', 'reissued'], ['500.00', '500.00', 'reissued']]);
    expect(total(state)).toBe('1000.00');
  });
});
