// The hourly cron line (compensate … --record -q) wrote "2 vouchers differ from what the platform paid
// (see the difference column)" to its log every hour, word for word, for as long as the export stayed
// in the folder (desk47). Decided as for closed_unshipped (desk46, cron-quiet-repeats.test.ts): a
// --record run whose recording is kept remembers each voucher it warned of with its difference
// (state `notified`, report:platform_difference); a later -q run leaves those out and names the
// others, counting the ones left out ("1 more, warned of by an earlier run (the same difference), not
// repeated under -q"); nothing at all when every one was warned of. A run without -q says them all. A
// voucher whose difference changes (the platform paid another amount) is warned of again. The
// "paid less than computed" warning (underpaid) goes the same way. Exit codes unchanged (0).
//
// By hand, the README worked example as of 2026-11-20 12:00 (README "worked example"):
// - v415eab6fe0c3c74f05eb: 3515313147329357901 + …902, computed 14.50, the platform paid 57.00 + 5.00
//   = 62.00: difference 62.00 − 14.50 = +47.50;
// - vf9924a324ea1400c8b48: 2987650012233445502, 99.90 × 5 % = 4.995 → 5.00, the platform paid 30.00:
//   difference +25.00.
// Two vouchers differ, none underpaid. A later download of the same orders where the platform paid
// 2987650012233445502 only 3.00 (延迟发货自动赔付金额 30.00 → 3.00): difference 3.00 − 5.00 = −2.00,
// another item: it differs (new) and is underpaid by 2.00; v415 is the same as warned of before.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EX = path.join(EXAMPLES, 'ExportOrderList202611.csv');

/** The example with 2987650012233445502's platform payout 3.00 instead of 30.00 (UTF-8, same name pattern). */
function paidLess(dir: string): string {
  const text = iconv.decode(fs.readFileSync(EX), 'gb18030');
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => l.startsWith('="2987650012233445502"'));
  expect(lines[i]).toContain(',30.00,否,');
  lines[i] = lines[i]!.replace(',30.00,否,', ',3.00,否,');
  const f = path.join(dir, 'ExportOrderList202611.csv');
  fs.writeFileSync(f, lines.join('\r\n'));
  return f;
}

const warned = (stderr: string) => stderr.split('\n').filter((l) => /differ|paid less than computed|不一致|少于计算金额/.test(l));

describe.each(['UTC', 'America/Los_Angeles'])('-q --record: the platform-difference warnings are said once, then counted (TZ=%s)', (tz) => {
  it('said in full by the first run; the same again: nothing; a changed difference: said, the other counted; without -q: all', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    let n = 0;
    const run = (file: string, more: string[] = ['-q']) =>
      runCli(['compensate', file, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '--no-input', '-o', path.join(dir, `v${++n}.csv`), ...more], { tz });

    const a = run(EX);
    expect(a.code).toBe(0);
    expect(warned(a.stderr)).toEqual(['storeops: warning: 2 vouchers differ from what the platform paid (see the difference column)']);
    // Hour 2, the same export: both were warned of with these differences: not said again.
    const b = run(EX);
    expect(b.code).toBe(0);
    expect(warned(b.stderr)).toEqual([]);
    // Hour 3: the platform's payout of vf99… is now 3.00 (−2.00): it is said, v415 (+47.50) counted.
    const less = paidLess(tmpDir());
    const c = run(less);
    expect(c.code).toBe(0);
    expect(warned(c.stderr)).toEqual([
      'storeops: warning: 1 voucher differs from what the platform paid (see the difference column); 1 more, warned of by an earlier run (the same difference), not repeated under -q',
      'storeops: warning: 1 voucher the platform paid was paid less than computed, 2.00 short in all (a negative difference): storeops issues nothing for it; check those orders: if the platform left some out, the shop may still owe the difference',
    ]);
    // Hour 4, the same: nothing.
    expect(warned(run(less).stderr)).toEqual([]);
    // By hand without -q (zh): both, as before.
    const z = run(less, ['--lang', 'zh']);
    expect(z.code).toBe(0);
    expect(warned(z.stderr)).toEqual([
      'storeops: 警告: 2 个红包与平台已赔付金额不一致 (见 差额 列)',
      'storeops: 警告: 1 个平台已赔付的红包, 平台所付少于计算金额, 共少 2.00 元 (差额 列为负): storeops 不为它们发放; 请核对这些订单, 若平台漏赔, 差额可能仍需店铺补发',
    ]);
    // Back to the first export: vf99…'s +25.00 marker went when the −2.00 one was read (not met), so
    // it is said again; v415 is counted (zh).
    const d = run(EX, ['-q', '--lang', 'zh']);
    expect(warned(d.stderr)).toEqual(['storeops: 警告: 1 个红包与平台已赔付金额不一致 (见 差额 列); 另有 1 个此前的运行已提示过 (差额相同), -q 时不再重复']);
    // Without --record nothing is remembered or read: -q says both.
    const g = runCli(['compensate', EX, '--as-of', '2026-11-20 12:00:00', '--state', path.join(dir, 'none.db'), '-q', '-o', path.join(dir, 'plain.csv')], { tz });
    expect(warned(g.stderr)).toEqual(['storeops: warning: 2 vouchers differ from what the platform paid (see the difference column)']);
  });
});
