// The machine's clock wrong by a year, with no --as-of (guard44): a cron job on a box whose clock
// battery died, or a virtual machine restored from a snapshot. The clock is set for the child
// process only, by a preload replacing Date (never the machine's clock: other runs share it).
//
// - (user26) "now" is named Beijing time, and the machine's own clock (UTC here) shown beside it.
// - A year behind (2025-11-25 10:00 Beijing time): every time of the README example export
//   (2026-11-10 … 2026-11-20) is more than a day after the clock, so every row was rejected as
//   "implausible (before 2003 or in the future)", exit 3: an operator looking at an export of last
//   week, not of the future, had no way to guess the clock. Still exit 3 (nothing is judged or
//   recorded), but the reason names the clock's time and says to set it or give --as-of; a time
//   before 2003 says only that.
// - A year ahead (2027-11-25 10:00): money unchanged. …903 shipped 23.0 h late, 2000.00 × 5 % =
//   100.00 capped at 50.00, final, recorded `new`, as with --as-of (a shipped order's lateness is its
//   ship time's, not the clock's); 4100000000000000701 still provisional 5.00 (out of stock, open);
//   the stale-download warning names the 371 days (2026-11-19 10:00 → 2027-11-25 10:00: 6 + 365).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, clockAt, runCli, tmpDir } from '../helpers.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const REVIEWS = path.join(EXAMPLES, 'reviews.csv');

describe('the machine clock wrong by a year, no --as-of', () => {
  it('a year behind: every row refused, the reason naming the clock (exit 3, en and zh)', () => {
    const env = clockAt('2025-11-25T02:00:00Z'); // 2025-11-25 10:00:00 Beijing time
    const r = runCli(['compensate', ORDERS, '-q', '--lang', 'en'], { env });
    expect(r.code).toBe(3);
    // Before: `… is implausible (before 2003 or in the future)`.
    expect(r.stderr).toContain(
      `${ORDERS}:2 [订单创建时间]: time "2026-11-10 08:58:12" is implausible (in the future: more than a day after now, 2025-11-25 10:00:00 Beijing time (2025-11-25 02:00:00 by this computer's clock, UTC), or --as-of if later; if the clock is wrong, set it, or give --as-of)\n`,
    );
    const zh = runCli(['compensate', ORDERS, '-q', '--lang', 'zh'], { env });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(`第一条: ${ORDERS}:2: 时间 "2026-11-10 08:58:12" 不合理 (在未来: 比现在 北京时间 2025-11-25 10:00:00 (本机时钟 UTC 2025-11-25 02:00:00, 或更晚的 --as-of) 晚一天以上; 若本机时钟不对, 请校准时钟, 或给出 --as-of)\n`);
    // --as-of with the real time reads them all: the bound is a day after the later of the two.
    const asOf = runCli(['compensate', ORDERS, '-q', '--as-of', '2026-11-20 12:00:00', '-f', 'csv'], { env });
    expect(asOf.code).toBe(0);
    expect(asOf.stdout).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,50\.00,no,late,final,/);
  });

  it('a year behind: reviews queue names the clock for a review time too', () => {
    const env = clockAt('2025-11-25T02:00:00Z');
    const r = runCli(['reviews', 'queue', REVIEWS, '-q', '--lang', 'en'], { env });
    expect(r.stderr).toMatch(/\[评价时间\]: review time "2026-11-\d\d \d\d:\d\d:\d\d" is implausible \(in the future: more than a day after now, 2025-11-25 10:00:00 Beijing time \(2025-11-25 02:00:00 by this computer's clock, UTC\), or --as-of if later; if the clock is wrong, set it, or give --as-of\)\n/);
    expect(r.stderr).not.toContain('before 2003 or in the future');
  });

  it('a year behind: the closing hint names the clock, not the file format (guard45; orders and reviews, en and zh)', () => {
    // All 9 rows of the README export are dated 2026-11-10 … 11-20, each more than a day after the
    // clock (2025-11-25 10:00): 9 of 9 rejections are "in the future", so the hint names the clock.
    // Before: "usually the export is in a wrong format or encoding, or was re-saved in a spreadsheet …".
    const env = clockAt('2025-11-25T02:00:00Z');
    const r = runCli(['compensate', ORDERS, '-q', '--lang', 'en'], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      "  hint: every one of the 9 rejected rows holds a time more than a day after this computer's clock: most likely the clock is wrong (a dead battery, a virtual machine restored from a snapshot); set it (date, timedatectl or NTP) and run again, or give --as-of with the time of the export.\n",
    );
    expect(r.stderr).not.toContain('re-saved in a spreadsheet');
    const zh = runCli(['reviews', 'queue', REVIEWS, '-q', '--lang', 'zh'], { env });
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain('  提示: 被拒绝的 9 行的时间都比本机时钟晚一天以上: 多半是这台电脑的时钟不对 (主板电池没电、虚拟机从快照恢复); 校准时钟 (date、timedatectl 或 NTP) 后再运行, 或用 --as-of 给出导出时的时间。\n');
  });

  it('a year ahead: …903 recorded final at 50.00 as with --as-of, the stale-download warning given', () => {
    const env = clockAt('2027-11-25T02:00:00Z'); // 2027-11-25 10:00:00 Beijing time
    const dir = tmpDir();
    const out = path.join(dir, 'out.csv');
    const r = runCli(['compensate', ORDERS, '--record', '--state', path.join(dir, 'state.db'), '-o', out, '--lang', 'en'], { env });
    expect(r.code).toBe(0);
    const csv = fs.readFileSync(out, 'utf8');
    expect(csv).toMatch(/v0c7d9f4ff93c7daa0ab3,.*,2000\.00,50\.00,50\.00,no,late,final,23\.0,.*,new,/);
    expect(csv).toMatch(/v1430553fabcb06bcef07,.*,5\.00,5\.00,no,out_of_stock,provisional,/);
    expect(r.stderr).toContain("the inputs' newest pay or ship time is 2026-11-19 10:00:00, 371 days before now (2027-11-25 10:00:");
    expect(r.stderr).toContain('1 voucher totalling 50.00 to issue');
  });
});
