// A voucher whose orders vouchers recorded before already paid in full (two hourly exports of one
// buyer's day recorded apart, then the whole day in one export): a `conflict` owing 0.00. Nothing is
// owed and nothing is to be done, so it is said once per voucher, not once per order, and the run
// does not exit 1 (cron with --fail-on would have mailed every hour until someone ran --reissue for
// 0.00). Amounts from RULES 1.3 (tmall-2026): 5 % clamped 5–50 per order, the day capped at 500.00.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, recorder, shipped } from './record-runs.js';

const run = recorder('2026-06-01 00:00:00');
// Twelve orders of buyer M, 1000.00 each, paid 2026-05-01 10:00–10:11, each shipped 1 s after its
// 48 h deadline: 1000.00 × 5 % = 50.00 each.
const o = (k: number) => shipped(`30000000000000005${String(k).padStart(2, '0')}`, 'M', '1000.00', `2026-05-01 10:${String(k).padStart(2, '0')}:00`, `2026-05-03 10:${String(k).padStart(2, '0')}:01`);
const all = Array.from({ length: 12 }, (_, k) => o(k));

describe('a conflict the vouchers recorded before paid in full', () => {
  it('owes 0.00: one line, exit 0, counted apart from "recorded before"; in zh too', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const f = files(dir, { a: all.slice(0, 6), b: all.slice(6), whole: all });
    // a: six orders, 300.00, recorded. b: six more, 300.00, but the day's cap leaves 500 − 300 = 200.00.
    const ra = run(f.a!, state);
    expect(ra.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['300.00', '300.00', 'new']]);
    const rb = run(f.b!, state);
    expect(rb.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['300.00', '200.00', 'new']]);
    // The whole day: 12 × 50.00 = 600.00, capped 500.00; the two recorded vouchers paid 300 + 200 = 500.00.
    const rw = run(f.whole!, state);
    expect(rw.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '0.00', 'conflict']]);
    expect(rw.code).toBe(0);
    expect(rw.stderr).not.toContain('not recorded: order');
    expect(rw.stderr).toMatch(/voucher v[0-9a-f]+ holds orders already paid in vouchers recorded before \(v[0-9a-f]+, v[0-9a-f]+\), which paid all it comes to \(500\.00 of 500\.00\): nothing is owed, nothing recorded/);
    expect(rw.stderr).toContain('0 vouchers totalling 0.00 to issue; 0 rejected rows; 0 newly recorded; 1 fully paid by vouchers recorded before (not counted again)');
    const zh = run(f.whole!, state, '--lang', 'zh');
    expect(zh.code).toBe(0);
    expect(zh.stderr).toMatch(/红包 v[0-9a-f]+ 含有此前记录的红包 \(v[0-9a-f]+, v[0-9a-f]+\) 已赔付的订单, 它们已付足全部金额 \(500\.00 \/ 500\.00\): 不再欠款, 未记录/);
    expect(zh.stderr).toContain('此前记录的红包已付足 1 个 (不再计入)');
  });
});
