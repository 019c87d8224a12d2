// Two holes in the cover of a cut download (read.ts settleCuts; docs/formats.md "A cut file beside a
// complete download"). A file cut off in its last row lost that row and every row after it; another
// file stands in for it only when it is a complete download of what the cut file holds.
//
// (1) The cut file's rows rejected for another reason (here an amount written `NaN`) were not
// checked against the covering file: only the rows it read were. A file that lacks such a row's
// order is not a download of what the cut file holds (another filter or range), so the rows after
// the cut may be in no file: every voucher waits, as when it lacks an order the cut file read.
//
// (2) A later download stands in for the rows after the cut when those are the cut file's newest
// (listed oldest first: a later download reaches further). An export listed newest first (the seller
// centre can sort by time descending) loses its OLDEST rows at the cut, and a later download of "the
// last N days" has dropped them: it held every order the cut file read, and the run was final
// without the lost ones. Such a file (or one whose order cannot be told from its rows read in full)
// is stood in for only by the same download (the same export time: the browser's "… (1).csv").
//
// By hand (tmall-2026, docs/rules.md §1.3 tier 5: late ≤ 72 h with a 48 h window, 5 % of paid −
// postage, min 5.00, max 50.00; §1.3 combining: one buyer's payments on one Beijing calendar day, one
// voucher, capped at 500.00). Every order: 200.00 paid, 10.00 postage, base 190.00, shipped
// 2026-11-13 10:00:00, deadline paid + 48 h:
//   Z 小明 paid 11-10 08:00 → deadline 11-12 08:00, 26 h late → 5 % × 190.00 = 9.50
//   A 小明 paid 11-10 09:00 → deadline 11-12 09:00, 25 h late → 9.50
//   E 小丽 paid 11-10 09:30 → 24 h 30 min late → 9.50
//   R 小刚 paid 11-10 10:00 → 24 h late → 9.50 (when its amount reads; `NaN` rejects the row)
//   B 小红 paid 11-10 10:30 → 23 h 30 min late → 9.50
//   F 小芳 paid 11-10 11:00 → 23 h late → 9.50
// 小明's A and Z are paid the same Beijing day: one voucher, 9.50 + 9.50 = 19.00 (under the cap).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const shipped = '卖家已发货，等待买家确认';
const at = (id: string, buyer: string, hm: string, over: Record<string, string> = {}) => {
  const [h, m] = hm.split(':').map(Number) as [number, number];
  const created = `${String(m >= 2 ? h : h - 1).padStart(2, '0')}:${String((m + 58) % 60).padStart(2, '0')}`;
  return order(id, { 买家会员名: buyer, 订单状态: shipped, 订单创建时间: `2026-11-10 ${created}:00`, 订单付款时间: `2026-11-10 ${hm}:00`, 发货时间: '2026-11-13 10:00:00', ...over });
};
const Z = at('3515313147329357906', '小明', '08:00');
const A = at('3515313147329357901', '小明', '09:00');
const E = at('3515313147329357905', '小丽', '09:30');
const R = at('3515313147329357903', '小刚', '10:00');
const Rbad = at('3515313147329357903', '小刚', '10:00', { 买家实际支付金额: 'NaN' });
const B = at('3515313147329357902', '小红', '10:30');
const F = at('3515313147329357907', '小芳', '11:00');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
const TZS = ['UTC', 'America/Los_Angeles'];

/** The export's text cut after the `cells`-th cell of its last row (no line break after it): its ids whole. */
function cutLast(text: string, cells: number): string {
  const body = text.replace(/\r\n$/, '');
  let k = body.lastIndexOf('\r\n') + 2;
  for (let c = 0; c < cells; c++) k = body.indexOf(',', k) + 1;
  return body.slice(0, k - 1);
}

type V = { buyer: string; amount: string; state: string; recorded?: string; toIssue?: string };
const byBuyer = (stdout: string) => (JSON.parse(stdout) as V[]).sort((a, b) => (a.buyer < b.buyer ? -1 : a.buyer > b.buyer ? 1 : 0));
const vouchers = (stdout: string) => byBuyer(stdout).map((v) => [v.buyer, v.amount, v.state]);

function folder() {
  const dir = tmpDir();
  const put = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  return { dir, put };
}

describe('(1) a row the cut file rejected must be in the covering file too', () => {
  const { dir, put } = folder();
  // The cut file (oldest first): A, E read, R rejected (NaN amount, line 4), B cut after its 19th
  // cell (line 5, ids whole), F lost after the cut.
  const cut = put('ExportOrderList202611131200.csv', cutLast(taobaoCsv([A, E, Rbad, B]), 19));
  // A newer file with every order the cut file read (A, E), the cut row's (B) and F, but not R: a
  // download filtered otherwise (or of another range). Nothing says F is the only row lost.
  const lacking = put('ExportOrderList202611131230.csv', taobaoCsv([A, E, B, F]));
  // The complete re-download: R's amount reads here.
  const full = put('ExportOrderList202611131231.csv', taobaoCsv([A, E, R, B, F]));
  // The same download again, R's row as bad as in the cut file (rejected there too).
  const same = put('ExportOrderList202611131232.csv', taobaoCsv([A, E, Rbad, B, F]));

  for (const tz of TZS) {
    // Before: 小明, 小丽, 小红, 小芳 9.50 each, final (the cover counted only the rows read: A, E).
    it(`the covering file lacks the rejected row's order: every voucher provisional (TZ=${tz})`, () => {
      const r = runCli(['compensate', cut, lacking, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(1);
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'provisional'], ['小明', '9.50', 'provisional'], ['小红', '9.50', 'provisional'], ['小芳', '9.50', 'provisional']]);
      expect(r.stderr).toContain(
        `warning: ${cut}:5: the file was cut off in this row (order 3515313147329357902); ${lacking} holds every order ${cut} read, but not order 3515313147329357903 of ${cut}:4, a row ${cut} rejected (its reason above): it is not a complete download of ${cut}'s orders, so the rows after the cut may be in none of the files: the orders after the cut (any buyer's) are unknown, so every voucher of this run is kept provisional`,
      );
      // Counts reconcile: 4 orders (A, E, B, F of the newer file); the cut file's A and E repeats,
      // its R (NaN) and B (cut) the 2 rejected rows, each named with file:line.
      expect(r.stderr).toContain('4 orders read, 4 paid, 4 late');
      expect(r.stderr).toContain('2 rejected rows');
      expect(r.stderr).toContain(`${cut}:4`);
      expect(r.stderr).toContain('share 2 orders (3515313147329357901, 3515313147329357905)');
    });

    // Before and after: final, R's voucher (小刚 9.50) read from the complete file.
    it(`the covering file reads the rejected row's order: final, 小刚 9.50 with them (TZ=${tz})`, () => {
      const r = runCli(['compensate', cut, full, ...AS_OF, '-f', 'json'], { tz });
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'final'], ['小刚', '9.50', 'final'], ['小明', '9.50', 'final'], ['小红', '9.50', 'final'], ['小芳', '9.50', 'final']]);
      expect(r.stderr).toContain(`${cut}:5: the file was cut off in this row (order 3515313147329357902), but ${full} (as new or newer) reads that order`);
    });

    // Before and after: the same row rejected in both files is in both: the cut file adds nothing.
    // R's own rejection (a buyer and a paid time) holds 小刚's window, which has no voucher.
    it(`the covering file rejects the same row: final, as that file alone (TZ=${tz})`, () => {
      const both = runCli(['compensate', cut, same, ...AS_OF, '-f', 'json', '-q'], { tz });
      const alone = runCli(['compensate', same, ...AS_OF, '-f', 'json', '-q'], { tz });
      const want = [['小丽', '9.50', 'final'], ['小明', '9.50', 'final'], ['小红', '9.50', 'final'], ['小芳', '9.50', 'final']];
      expect(vouchers(alone.stdout)).toEqual(want);
      expect(vouchers(both.stdout)).toEqual(want);
    });
  }

  // A rejected row whose order id cannot be read (a letter in it): whether the newer file holds it
  // cannot be told, never guessed. Before: final.
  it('a rejected row with an unreadable id: provisional, and the warning names it', () => {
    const X = at('35153131473293579O8', '小刚', '10:00');
    const cutX = put('ExportOrderList202611131201.csv', cutLast(taobaoCsv([A, E, X, B]), 19));
    const r = runCli(['compensate', cutX, full, ...AS_OF, '-f', 'json']);
    expect(vouchers(r.stdout).map((v) => v[2])).toEqual(['provisional', 'provisional', 'provisional', 'provisional', 'provisional']);
    expect(r.stderr).toContain(`${cutX}:5: the file was cut off in this row (order 3515313147329357902); ${full} holds every order ${cutX} read, but ${cutX}:4 was rejected and its order id cannot be read, so whether it is in ${full} too cannot be told`);
  });

  // More than 1,000 rejected rows (their ids are kept up to 1,000 a file): not checked one by one, so
  // no file is shown to hold them all; held even beside a file that reads every one of those orders.
  // 1,001 orders of 小刚 (ids …000001–…001001) paid 10:00, NaN in the cut file, whole in the other.
  // 小刚's 1,001 orders are one voucher (one day): 1,001 × 9.50 = 9,509.50, capped at 500.00. The cut
  // row B is line 1,005 (the header, A, E, the 1,001 rows at 4–1,004). Before: all final.
  it('more than 1,000 rejected rows: provisional, the warning says so', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `3515313147330${String(i + 1).padStart(6, '0')}`);
    const bad = many.map((id) => at(id, '小刚', '10:00', { 买家实际支付金额: 'NaN' }));
    const good = many.map((id) => at(id, '小刚', '10:00'));
    const cutM = put('ExportOrderList202611131202.csv', cutLast(taobaoCsv([A, E, ...bad, B]), 19));
    const fullM = put('ExportOrderList202611131233.csv', taobaoCsv([A, E, ...good, B, F]));
    const r = runCli(['compensate', cutM, fullM, ...AS_OF, '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'provisional'], ['小刚', '500.00', 'provisional'], ['小明', '9.50', 'provisional'], ['小红', '9.50', 'provisional'], ['小芳', '9.50', 'provisional']]);
    expect(r.stderr).toContain(`${cutM}:1005: the file was cut off in this row (order 3515313147329357902); ${fullM} holds every order ${cutM} read, but more than 1,000 rows of ${cutM} were rejected, too many to check each is in ${fullM} too: the rows after the cut may be in none of the files`);
    expect(r.stderr).toContain('1002 rejected rows');
  });

  it('in zh', () => {
    const r = runCli(['compensate', cut, lacking, ...AS_OF, '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(
      `${cut}:5: 文件在这一行 (订单 3515313147329357902) 中间被截断; ${lacking} 含有 ${cut} 读到的每个订单, 但没有 ${cut}:4 的订单 3515313147329357903 (${cut} 拒绝了这一行, 原因见上文): 它不是 ${cut} 那批订单的完整下载, 截断处之后的行可能不在任何文件中`,
    );
  });

  // --record: with the file that lacks R nothing is recorded (before: 4 vouchers recorded new, 38.00,
  // final while the rows after the cut were unknown); with the complete file the 5 vouchers are
  // recorded new, 47.50.
  for (const tz of TZS) {
    it(`--record: nothing recorded beside the file lacking R; the 5 recorded beside the complete one (TZ=${tz})`, () => {
      const state = path.join(dir, `state1-${tz.replace('/', '-')}.db`);
      const rec = (...files: string[]) => runCli(['compensate', ...files, ...AS_OF, '--record', '--state', state, '-f', 'json', '-q'], { tz });
      const first = rec(cut, lacking);
      expect(byBuyer(first.stdout).map((v) => [v.buyer, v.state, v.recorded ?? ''])).toEqual([['小丽', 'provisional', ''], ['小明', 'provisional', ''], ['小红', 'provisional', ''], ['小芳', 'provisional', '']]);
      expect(runCli(['ledger', 'list', '--state', state], { tz }).stderr).toContain('nothing recorded yet');
      const second = rec(cut, full);
      expect(byBuyer(second.stdout).map((v) => [v.buyer, v.amount, v.state, v.recorded, v.toIssue])).toEqual([
        ['小丽', '9.50', 'final', 'new', '9.50'],
        ['小刚', '9.50', 'final', 'new', '9.50'],
        ['小明', '9.50', 'final', 'new', '9.50'],
        ['小红', '9.50', 'final', 'new', '9.50'],
        ['小芳', '9.50', 'final', 'new', '9.50'],
      ]);
    });
  }
});

describe('(2) a cut export listed newest first: only the same download stands in for it', () => {
  const { dir, put } = folder();
  // Listed newest first: F, B, E read (paid 11:00, 10:30, 09:30), A cut after its 19th cell (line 5),
  // Z (小明's earlier order, 08:00) lost after the cut: the oldest row.
  const cut = put('ExportOrderList202611131200.csv', cutLast(taobaoCsv([F, B, E, A]), 19));
  // The next day's download of the orders since 11-10 08:30 (a moving "last N days"), newest first:
  // every order the cut file read and A, but not Z.
  const later = put('ExportOrderList202611141200.csv', taobaoCsv([F, B, E, A]));
  // The browser's "(1)" of the same download (the same export time in its name): Z is in it.
  const twin = put('ExportOrderList202611131200 (1).csv', taobaoCsv([F, B, E, A, Z]));

  for (const tz of TZS) {
    // Before: 小明 9.50 final (A alone; with Z, which the cut lost, it is 19.00), the others final.
    it(`beside a later download: every voucher provisional, the warning says why (TZ=${tz})`, () => {
      const r = runCli(['compensate', cut, later, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(1);
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'provisional'], ['小明', '9.50', 'provisional'], ['小红', '9.50', 'provisional'], ['小芳', '9.50', 'provisional']]);
      expect(r.stderr).toContain(
        `warning: ${cut}:5: the file was cut off in this row (order 3515313147329357901); ${later} (newer) holds every order ${cut} read, but ${cut} lists its orders newest first (its first row read in full paid 2026-11-10 11:00:00, its last 2026-11-10 09:30:00), so the rows lost after the cut are its oldest, and a later download may begin after them (a "last 7 days" one): only the same download (the same export time) stands in for it: the orders after the cut (any buyer's) are unknown`,
      );
    });

    // Before and after: the same download stands in; 小明's voucher holds A and Z: 19.00.
    it(`beside the same download ("(1)", the same export time): final, 小明 19.00 (TZ=${tz})`, () => {
      const r = runCli(['compensate', cut, twin, ...AS_OF, '-f', 'json'], { tz });
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'final'], ['小明', '19.00', 'final'], ['小红', '9.50', 'final'], ['小芳', '9.50', 'final']]);
      expect(r.stderr).toContain(`${cut}:5: the file was cut off in this row (order 3515313147329357901), but ${twin} (as new or newer) reads that order`);
    });
  }

  // The same orders listed oldest first (Z, A, E read; B cut; F lost, the newest): a later download
  // that holds them all stands in, as before. Before and after: final.
  it('listed oldest first, beside a later download: final, as before', () => {
    const up = put('ExportOrderList202611131201.csv', cutLast(taobaoCsv([Z, A, E, B]), 19));
    const laterUp = put('ExportOrderList202611141201.csv', taobaoCsv([Z, A, E, B, F]));
    const r = runCli(['compensate', up, laterUp, ...AS_OF, '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'final'], ['小明', '19.00', 'final'], ['小红', '9.50', 'final'], ['小芳', '9.50', 'final']]);
  });

  // One row read in full (A; B cut): which way the file is sorted cannot be told, so the lost rows
  // may be its oldest. A later download does not stand in (before: final); the same download does.
  it("one row read: the order cannot be told; a later download does not stand in, the same one does", () => {
    const one = put('ExportOrderList202611131202.csv', cutLast(taobaoCsv([A, B]), 19));
    const laterOne = put('ExportOrderList202611141202.csv', taobaoCsv([A, B, F]));
    const twinOne = put('ExportOrderList202611131202 (1).csv', taobaoCsv([A, B, F]));
    const r = runCli(['compensate', one, laterOne, ...AS_OF, '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([['小明', '9.50', 'provisional'], ['小红', '9.50', 'provisional'], ['小芳', '9.50', 'provisional']]);
    expect(r.stderr).toContain(`but the order of ${one}'s rows cannot be told (fewer than two rows read in full with different paid times), so the rows lost after the cut may be its oldest`);
    const t = runCli(['compensate', one, twinOne, ...AS_OF, '-f', 'json']);
    expect(vouchers(t.stdout)).toEqual([['小明', '9.50', 'final'], ['小红', '9.50', 'final'], ['小芳', '9.50', 'final']]);
  });

  it('in zh', () => {
    const r = runCli(['compensate', cut, later, ...AS_OF, '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(
      `${cut}:5: 文件在这一行 (订单 3515313147329357901) 中间被截断; ${later} (较新) 含有 ${cut} 读到的每个订单, 但 ${cut} 的订单按时间从新到旧排列 (完整读到的第一行付款时间 2026-11-10 11:00:00, 最后一行 2026-11-10 09:30:00), 截断处之后丢失的是其中最早的订单, 而较新的下载可能从更晚的时间开始 (如"最近 7 天"): 只有同一次下载 (导出时间相同) 能代替它`,
    );
  });

  // --record: beside the later download nothing is recorded (before: 小明 9.50 recorded final, where
  // 19.00 is owed, and three more: 38.00); beside the same download 小明 19.00 and the three 9.50s are
  // recorded new (47.50).
  for (const tz of TZS) {
    it(`--record: nothing recorded beside the later download; 小明 19.00 recorded beside the same one (TZ=${tz})`, () => {
      const state = path.join(dir, `state2-${tz.replace('/', '-')}.db`);
      const rec = (...files: string[]) => runCli(['compensate', ...files, ...AS_OF, '--record', '--state', state, '-f', 'json', '-q'], { tz });
      const first = rec(cut, later);
      expect(byBuyer(first.stdout).map((v) => [v.buyer, v.state, v.recorded ?? ''])).toEqual([['小丽', 'provisional', ''], ['小明', 'provisional', ''], ['小红', 'provisional', ''], ['小芳', 'provisional', '']]);
      expect(runCli(['ledger', 'list', '--state', state], { tz }).stderr).toContain('nothing recorded yet');
      const second = rec(cut, twin);
      expect(byBuyer(second.stdout).map((v) => [v.buyer, v.amount, v.state, v.recorded, v.toIssue])).toEqual([
        ['小丽', '9.50', 'final', 'new', '9.50'],
        ['小明', '19.00', 'final', 'new', '19.00'],
        ['小红', '9.50', 'final', 'new', '9.50'],
        ['小芳', '9.50', 'final', 'new', '9.50'],
      ]);
    });
  }
});
