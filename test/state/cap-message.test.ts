// The warning when a voucher is recorded short because the buyer's day already reached its cap
// (RULES 1.3 第十二条: same buyer and seller, same Beijing day, combined and capped at 500). It said
// "the buyer's vouchers recorded for the same day paid 5.00 toward the same cap: issue only 0.00"
// while those vouchers had paid 500.00: 5.00 was only the part of this voucher over the cap. It now
// gives the cap, what the day's recorded vouchers paid toward it, what is left, and what to issue.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers.js';
import { files, ledger, recorderIn, shipped } from './record-runs.js';

// tmall-2026 (paid 2026-05-01, after 2026-04-09), 48 h window:
//   001: 5000.00 paid 05-01 10:00, shipped 05-06 10:00:01 = 72 h 1 s late: out of stock, 10 % = 500.00
//        (clamped 5–500): the day's cap reached, 500.00 recorded and issued.
//   006: 50.00 paid 05-01 21:00, shipped 05-03 21:00:01 = 1 s late: 5 % = 2.50 → the 5.00 minimum.
//   The same buyer's same Beijing day: min(500, 500 + 5) = 500.00 in all → the 5.00 voucher issues
//   500.00 − 500.00 = 0.00; the part of it over the cap is 5.00 (byCap), the day paid 500.00.
const o1 = shipped('2000000000000000001', 'X', '5000.00', '2026-05-01 10:00:00', '2026-05-06 10:00:01');
const o6 = shipped('2000000000000000006', 'X', '50.00', '2026-05-01 21:00:00', '2026-05-03 21:00:01');
// 003: 2000.00 paid 05-01 09:00, 72 h 1 s late: 10 % = 200.00, recorded.
// 007: 4000.00 paid 05-01 22:00, 72 h 1 s late: 10 % = 400.00; after 003's 200.00, 300.00 is left
//   of the cap: issue only 300.00 (the day: 200 + 300 = 500).
const o3 = shipped('2000000000000000003', 'X', '2000.00', '2026-05-01 09:00:00', '2026-05-06 09:00:01');
const o7 = shipped('2000000000000000007', 'X', '4000.00', '2026-05-01 22:00:00', '2026-05-06 22:00:01');

describe('a voucher of a day whose cap recorded vouchers reached: the message gives the cap, what was paid, what is left', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    const run = recorderIn(tz, '2026-06-01 00:00:00');
    it(`500.00 recorded for the day, then a 5.00 voucher: paid 500.00 toward the 500.00 cap, 0.00 left, issue 0.00 (TZ=${tz})`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { a: [o1], b: [o6] });
      expect(run(f.a!, state).rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['500.00', '500.00', 'new']]);
      const r = run(f.b!, state);
      expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['5.00', '0.00', 'new']]);
      const key = String(r.rows[0]!.voucherKey);
      expect(r.stderr).toContain(`storeops: warning: voucher ${key} comes to 5.00; the buyer's cap for the day is 500.00, and the vouchers recorded for that day already paid 500.00 toward it, leaving 0.00: issue only 0.00\n`);
      expect(r.stderr).not.toContain('paid 5.00');
      expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
    });

    it(`200.00 recorded, then a 400.00 voucher: paid 200.00 toward the 500.00 cap, 300.00 left, issue only 300.00 (zh, TZ=${tz})`, () => {
      const dir = tmpDir();
      const state = path.join(dir, 'state.db');
      const f = files(dir, { a: [o3], b: [o7] });
      expect(run(f.a!, state).rows.map((v) => [v.amount, v.toIssue])).toEqual([['200.00', '200.00']]);
      const r = run(f.b!, state, '--lang', 'zh');
      expect(r.rows.map((v) => [v.amount, v.toIssue, v.recorded])).toEqual([['400.00', '300.00', 'new']]);
      const key = String(r.rows[0]!.voucherKey);
      // byCap = 200 + 400 − 500 = 100.00 (what the old message called "paid 100.00").
      expect(r.stderr).toContain(`storeops: 警告: 红包 ${key} 合计 400.00; 同一买家同一天的封顶额为 500.00, 同一天已记录的红包已付 200.00 计入该封顶额, 还剩 300.00: 只需发放 300.00\n`);
      expect(ledger(state).stderr).toContain('2 vouchers recorded, total 500.00');
    });
  }
});
