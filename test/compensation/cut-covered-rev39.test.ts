// rev39 review of the cut-file cover (read.ts settleCuts, f5723bf).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const shipped = '卖家已发货，等待买家确认';
const A = order('3515313147329357901', { 买家会员名: '小明', 订单状态: shipped, 发货时间: '2026-11-13 10:00:00' });
const B = order('3515313147329357902', { 买家会员名: '小红', 订单状态: shipped, 发货时间: '2026-11-13 10:00:00' });
const D = order('3515313147329357904', { 买家会员名: '小丽', 订单状态: shipped, 发货时间: '2026-11-13 10:00:00' });
const E = order('3515313147329357905', { 买家会员名: '小王', 订单状态: shipped, 发货时间: '2026-11-13 10:00:00' });
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

function cutLast(text: string, cells: number): string {
  const body = text.replace(/\r\n$/, '');
  const start = body.lastIndexOf('\r\n') + 2;
  let at = start;
  for (let k = 0; k < cells; k++) at = body.indexOf(',', at) + 1;
  return body.slice(0, at - 1);
}
type V = { buyer: string; amount: string; state: string };
const states = (stdout: string) => (JSON.parse(stdout) as V[]).map((v) => [v.buyer, v.state]).sort();

describe('rev39: the cover needs a file known to be as new as the cut one', () => {
  const dir = tmpDir();
  const put = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  // The cut download comes on stdin: no name, no modification time, so its export time is unknown.
  // The named file beside it (A, B) holds the one order the cut file read (A) and its cut row's (B),
  // but nothing says it is as new as the cut download: the rows after the cut (a newer order, or a
  // later state of A/B) may be in no file. docs/formats.md: the hold is lifted only by a file "as
  // new or newer (its export time in its name, else its modification time)"; stdin has neither, so
  // by hand: A and B stay provisional (as the cut file alone gives).
  for (const tz of ['UTC', 'America/Los_Angeles'])
  it(`stdin cut beside a named file: provisional (TZ=${tz})`, () => {
    const named = put('ExportOrderList202611131100.csv', taobaoCsv([A, B]));
    const r = runCli(['compensate', '-', named, ...AS_OF, '-f', 'json'], { input: cutLast(taobaoCsv([A, B]), 19), tz });
    expect(states(r.stdout)).toEqual([['小明', 'provisional'], ['小红', 'provisional']]);
  });

  // A tie (the browser's "(1)" twin, same export time in the name), the cut file the later argument,
  // so it is read first and the other file's rows count as repeats of its rows. The cut file read A
  // and E (then B cut); the other file holds A twice (a row pasted twice), B and D, but not E: it is
  // not a download of what the cut file holds (E is missing from it), so the rows after the cut may
  // be in no file. By the rule (docs/formats.md: "holds every order the cut file read"): A, B, D, E
  // provisional. The count of repeats (A twice = 2 = the cut file's 2 rows read) is what stood in.
  for (const tz of ['UTC', 'America/Los_Angeles'])
  it(`a tie with a repeated row in the other file does not count as every order read (TZ=${tz})`, () => {
    const other = put('ExportOrderList202611131200 (1).csv', taobaoCsv([A, A, B, D]));
    const cut = put('ExportOrderList202611131200.csv', cutLast(taobaoCsv([A, E, B]), 19));
    const r = runCli(['compensate', other, cut, ...AS_OF, '-f', 'json'], { tz });
    expect(states(r.stdout)).toEqual([['小丽', 'provisional'], ['小明', 'provisional'], ['小王', 'provisional'], ['小红', 'provisional']]);
  });
});
