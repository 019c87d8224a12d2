// --shipments that cover only some orders: a late order the scan file has no pickup for is judged by
// the export's 发货时间, as a run without --shipments judges every order. That run says so ("no pickup
// scans given"); with a scan file, the run said only how many scan rows it used, and the late orders
// judged by 发货时间 went unmentioned (a week of scans beside a month's export). Now they are named.
//
// examples/ExportOrderList202611.csv as of 2026-11-20 12:00:00, tmall-2026, deadline paid + 48 h:
//   …901 paid 11-10 09:00, 发货时间 11-13 10:00 > 11-12 09:00: late
//   …902 paid 11-10 20:00, scanned 11-12 19:30 (examples/shipments.csv) < 11-12 20:00: on time
//   …903 paid 11-11 10:00, 发货时间 11-14 09:00 > 11-13 10:00: late
//   …501 paid 11-15 10:00, 发货时间 11-17 10:00 = deadline: on time
//   …502 paid 11-15 11:00, 发货时间 11-17 11:00:01 > 11-17 11:00:00: late
//   …701 unshipped, 28 h past its deadline: late, but no ship time at all (no scan could judge it otherwise)
//   …801 paid 11-18 15:00, 发货时间 11-19 10:00: on time
// So the late orders judged by 发货时间 are …901, …903, …502, in the export's order.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const SCANS = path.join(EXAMPLES, 'shipments.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

describe('late orders the --shipments file has no scan for', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`are named, in en and zh (before: not a word) — TZ=${tz}`, () => {
      const r = runCli(['compensate', EXPORT, '--shipments', SCANS, ...AS_OF], { tz });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(
        `storeops: warning: 3 late orders have no pickup scan in --shipments ${SCANS} and were judged by the export's 发货时间 (when the seller marked it shipped), as without --shipments: 3515313147329357901;3515313147329357903;2987650012233445502. If the scan file should cover them, add the scans and run again: a later pickup may owe more.\n`,
      );
      const zh = runCli(['compensate', EXPORT, '--shipments', SCANS, ...AS_OF, '--lang', 'zh'], { tz });
      expect(zh.stderr).toContain(
        `storeops: 警告: 3 个延迟订单在 --shipments ${SCANS} 中没有揽收记录, 按报表的"发货时间"(卖家点发货的时间) 判断, 与不给 --shipments 时相同: 3515313147329357901;3515313147329357903;2987650012233445502。揽收记录文件本应包含它们时, 补上它们的揽收记录后重新运行: 揽收更晚时金额可能更高。\n`,
      );
      // The vouchers are those of the run: nothing else changes.
      expect(r.stdout).toBe(runCli(['compensate', EXPORT, '--shipments', SCANS, ...AS_OF, '-q'], { tz }).stdout);
    });
  }

  it('one late order: said in the singular', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'scans.csv');
    // Scans at the 发货时间 of …901 and …903 (still late by the same hours): …502 alone is left.
    fs.writeFileSync(f, '订单编号,揽收时间\n3515313147329357901,2026-11-13 10:00:00\n3515313147329357902,2026-11-12 19:30:00\n3515313147329357903,2026-11-14 09:00:00\n');
    const r = runCli(['compensate', EXPORT, '--shipments', f, ...AS_OF]);
    expect(r.stderr).toContain(`storeops: warning: 1 late order has no pickup scan in --shipments ${f} and was judged by the export's 发货时间 (when the seller marked it shipped), as without --shipments: 2987650012233445502. If the scan file should cover it, add the scans and run again: a later pickup may owe more.\n`);
  });

  it('a scan for every late order that shipped: no such warning', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'scans.csv');
    fs.writeFileSync(f, '订单编号,揽收时间\n3515313147329357901,2026-11-13 10:00:00\n3515313147329357902,2026-11-12 19:30:00\n3515313147329357903,2026-11-14 09:00:00\n2987650012233445502,2026-11-17 11:00:01\n');
    const r = runCli(['compensate', EXPORT, '--shipments', f, ...AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('no pickup scan in --shipments');
  });

  it('without --shipments, and under --at-risk, only what was said before', () => {
    const plain = runCli(['compensate', EXPORT, ...AS_OF]);
    expect(plain.stderr).toContain('no pickup scans given (--shipments)');
    expect(plain.stderr).not.toContain('no pickup scan in --shipments');
    const risk = runCli(['compensate', EXPORT, '--shipments', SCANS, '--at-risk', '12', '--as-of', '2026-11-18 22:00:00']);
    expect(risk.stderr).not.toContain('no pickup scan in --shipments');
  });
});
