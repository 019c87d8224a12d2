// A top-up's room under the buyer's cap (RULES 1.3 第十二条) counts only the money the day's
// recorded vouchers hold for that day's orders: money a voucher holds for an order the export now
// puts on another day (a corrected paid time) is that day's. Found by runs-hourly.property.test.ts
// with FUZZ_SHIFT (FUZZ_S=5000, seed 5110, orders from 2026-05-30: 1105.00 paid of 1155.00).
// Amounts worked out by hand from docs/rules.md §1.3 (tmall-2026: late up to 72 h after the 48 h
// deadline, window ≤ 48 h: 5 %, min 5.00, max 50.00; more than 72 h late: out of stock, 10 %, max
// 500.00; one buyer's Beijing day combined, capped at 500.00).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { type Row, files, recorder, shipped } from './record-runs.js';

const AS_OF = '2026-07-01 00:00:00';
const all = recorder(AS_OF, '--reissue', 'all');
const total = (state: string) => /total ([\d.]+)/.exec(runCli(['ledger', 'list', '--state', state]).stderr)?.[1];
const told = (rows: Row[]) => rows.filter((v) => ['new', 'reissued', 'topped_up'].includes(String(v.recorded))).reduce((s, v) => s + Math.round(Number(v.toIssue) * 100), 0) / 100;
const seen = (rows: Row[]) => rows.map((v) => [v.orderIds, v.amount, v.toIssue, v.recorded]);

describe('an order a corrected paid time moves to another day, in a voucher of the day it left (tmall-2026)', () => {
  // Buyer P, no postage:
  //   o03 5000.00 paid 05-30 19:38. An old export: shipped 06-01 19:38:01 (1 s late): 5 % = 250 →
  //       50.00. Truly shipped 06-05 11:38:01 (88 h late): out of stock, 10 % = 500.00.
  //   o02 9000.00 paid 05-31 06:03, shipped 06-02 06:03:01 (1 s late): 450 → 50.00. An export with
  //       its paid time wrong (05-30 20:03: 10 h late) still 50.00, on 05-30.
  // Owed: 05-30 {o03} 500.00 + 05-31 {o02} 50.00 = 550.00.
  const o03old = shipped('6300000000000000003', 'P', '5000.00', '2026-05-30 19:38:00', '2026-06-01 19:38:01');
  const o03 = shipped('6300000000000000003', 'P', '5000.00', '2026-05-30 19:38:00', '2026-06-05 11:38:01');
  const o02 = shipped('6300000000000000002', 'P', '9000.00', '2026-05-31 06:03:00', '2026-06-02 06:03:01');
  const o02wrong = shipped('6300000000000000002', 'P', '9000.00', '2026-05-30 20:03:00', '2026-06-02 06:03:01');
  const ids = (...o: typeof o03[]) => o.map((r) => r['订单编号']);

  it('the true {o03} is topped up 450.00 (was 400.00: o02\'s 50.00 counted toward 05-30); 550.00 paid, not 500.00', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { r1: [o03old], r2: [o03old, o02wrong], full: [o03, o02] });
    // Run 1: 05-30 {o03} 50.00.
    const r1 = all(f.r1!, state);
    expect(seen(r1.rows)).toEqual([[ids(o03), '50.00', '50.00', 'new']]);
    // Run 2: 05-30 {o03,o02} 50 + 50 = 100.00; {o03} paid o03's 50.00: issue 50.00 (o02's).
    const r2 = all(f.r2!, state);
    expect(seen(r2.rows)).toEqual([[ids(o03, o02), '100.00', '50.00', 'reissued']]);
    // Run 3, the true export:
    // - 05-30 {o03} 500.00, recorded at 50.00: 450.00 more. Behind o03 stands the 50.00 {o03,o02}
    //   took over from {o03}; the rest of {o03,o02}'s money (50.00) paid o02, now on 05-31. The
    //   day holds 50.00 for 05-30's orders: the cap leaves 450.00. Issue 450.00.
    // - 05-31 {o02} 50.00: {o03,o02}'s 50.00 for o02 pays it: issue 0.00.
    const r3 = all(f.full!, state);
    expect(seen(r3.rows)).toEqual([
      [ids(o03), '500.00', '450.00', 'topped_up'],
      [ids(o02), '50.00', '0.00', 'reissued'],
    ]);
    expect(total(state)).toBe('550.00');
    expect(told(r1.rows) + told(r2.rows) + told(r3.rows)).toBe(550);
  });
});
