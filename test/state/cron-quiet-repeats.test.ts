// The hourly cron line (README "Running from cron": compensate … --record -q) wrote two warnings to its
// log on every run, word for word the same, for as long as the export stayed in the folder (7 days: 168
// times): "no pickup scans given (--shipments) …", and "1 closed order never shipped … (closed_unshipped);
// not judged: 4100000000000000702 …". Decided (desk46; docs/cli.md -q, README cron):
// - the pickup notice says what the command line chose (no --shipments), the same every run, and
//   changes nothing owed from one run to the next: -q hides it; a run without -q still says it;
// - a closed never-shipped order not judged may be owed money (RULES 1.1 "count and report it"): it is
//   still named in full, also under -q, by the first --record run whose recording is kept; later -q runs
//   name only orders not named before, saying how many more were ("1 more, named by an earlier run, not
//   listed again under -q"); a run without -q names them all, as before. An order that leaves the inputs
//   (its export pruned) loses its marker, so it is named again should it come back.
//
// By hand, the README worked example as of 2026-11-20 12:00: 4100000000000000702 (line 8, 交易关闭, no
// 发货时间, no close time) is the one closed_unshipped order. A second file holds 4100000000000000703,
// the same row under another id: closed, never shipped, no close time, so closed_unshipped too.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EX = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const PICKUP = "storeops: warning: no pickup scans given (--shipments): using the export's 发货时间 (when the seller marked it shipped) as the ship time.";
const PICKUP_ZH = 'storeops: 警告: 未提供揽收记录 (--shipments): 用报表的"发货时间"(卖家点发货的时间) 代替揽收时间。';
const closed702 = `storeops: warning: 1 closed order never shipped and has no close time in the export, so whether it was closed before the deadline cannot be told (closed_unshipped); not judged: 4100000000000000702 (${EX}:8).`;

/** A UTF-8 export holding the example's header and its line 8 with the id 4100000000000000703. */
function second(dir: string): string {
  const lines = iconv.decode(fs.readFileSync(EX), 'gb18030').split(/\r?\n/);
  const row = lines[7]!.replaceAll('4100000000000000702', '4100000000000000703');
  const f = path.join(dir, 'ExportOrderList202611201100.csv');
  fs.writeFileSync(f, `${lines[0]}\r\n${row}\r\n`);
  return f;
}

function lines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('storeops: ')).filter((l) => l.includes('closed_unshipped') || l.includes('关闭未发货') || l.includes('--shipments'));
}

describe('the hourly -q --record line does not repeat the same notices every hour; what concerns money stays', () => {
  it('pickup notice: hidden by -q; closed_unshipped: named once, then only new ones under -q; all without -q', () => {
    const dir = tmpDir();
    const f2 = second(dir);
    const state = path.join(dir, 'state.db');
    let n = 0;
    const run = (files: string[], more: string[] = ['-q']) =>
      runCli(['compensate', ...files, '--as-of', '2026-11-20 12:00:00', '--record', '--state', state, '--no-input', '-o', path.join(dir, `v${++n}.csv`), ...more]);

    // Hour 1: the closed order is named in full (under -q too); no pickup notice under -q.
    const a = run([EX]);
    expect(a.code).toBe(0);
    expect(lines(a.stderr)).toEqual([closed702]);
    // Hour 2, the same folder: nothing of either (it was both lines again).
    const b = run([EX]);
    expect(b.code).toBe(0);
    expect(lines(b.stderr)).toEqual([]);
    // Hour 3: a new download holds another closed never-shipped order: it alone is named, 702 counted.
    const c = run([EX, f2]);
    expect(c.code).toBe(0);
    expect(lines(c.stderr)).toEqual([
      `storeops: warning: 1 closed order never shipped and has no close time in the export, so whether it was closed before the deadline cannot be told (closed_unshipped); not judged: 4100000000000000703 (${f2}:2). 1 more, named by an earlier run, not listed again under -q.`,
    ]);
    // By hand without -q: both warnings, every closed order named (as before).
    const d = run([EX, f2], []);
    expect(d.code).toBe(0);
    expect(lines(d.stderr)).toEqual([
      PICKUP,
      `storeops: warning: 2 closed orders never shipped and have no close time in the export, so whether they were closed before the deadline cannot be told (closed_unshipped); not judged: 4100000000000000702 (${EX}:8);4100000000000000703 (${f2}:2).`,
    ]);
    // zh, without -q: the same, in Chinese.
    const z = run([EX], ['--lang', 'zh']);
    expect(lines(z.stderr)).toEqual([PICKUP_ZH, `storeops: 警告: 1 个已关闭且从未发货的订单, 报表没有关闭时间, 无法判断是否在截止前关闭 (关闭未发货), 未判断: 4100000000000000702 (${EX}:8)。`]);
    // That zh run read only EX: 703 was in none of its inputs, its marker went. Read again under -q, it
    // is named again (in zh: the count of those named before, 702).
    const e = run([EX, f2], ['-q', '--lang', 'zh']);
    expect(lines(e.stderr)).toEqual([
      `storeops: 警告: 1 个已关闭且从未发货的订单, 报表没有关闭时间, 无法判断是否在截止前关闭 (关闭未发货), 未判断: 4100000000000000703 (${f2}:2)。 另有 1 个此前的运行已列出, -q 时不再重复。`,
    ]);
    // Without --record nothing is remembered or read: -q names the order (no state to say it was named).
    const g = runCli(['compensate', EX, '--as-of', '2026-11-20 12:00:00', '--state', path.join(dir, 'none.db'), '-q', '-o', path.join(dir, 'plain.csv')]);
    expect(lines(g.stderr)).toEqual([closed702]);
  });
});
