// A csv order export cut off in its last row (a download that did not finish) beside a complete
// download of the same orders. The cut lost its last row and every row after it, so until 2026-12
// every voucher of the run stayed provisional whatever else was given: the cut download left beside
// its complete re-download (the browser's "… (1).csv"), or yesterday's cut file beside today's full
// one, held every voucher, hour after hour, nothing recorded.
//
// What a cut can hide: the cut row's order and the rows after it. Those are any buyer's orders (a
// buyer's second order of the day, say, which joins the buyer's day and changes its voucher and its
// cap), so holding only the cut row's buyer would make vouchers final that may miss an order. The
// hold is lifted only when the whole of what the cut file holds is read elsewhere: one file as new
// or newer holds every order the cut file read, and a file as new or newer reads the cut row's order
// in full (its id read from a whole cell, never from the cut one). The rows after the cut are then
// taken to be in that file too (a complete download of the same orders). Otherwise, as before.
//
// By hand (tmall-2026, docs/rules.md §1.3 tier 5: late ≤ 72 h, 5 %, min 5.00, max 50.00): A is paid
// 2026-11-10 09:00:00, B 09:40:00, D 09:50:00, each deadline +48 h (11-12 09:00, 09:40, 09:50),
// shipped 11-13 10:00:00: 25 h, 24 h 20 min, 24 h 10 min late, (200.00 paid − 10.00 postage) × 5 %
// = 9.50 each, one voucher per buyer (one order each). C (小刚) is paid 11-13 09:00:00 and shipped
// 11-13 12:00:00, 3 h after payment: on time, no voucher; E (小强) is paid 11-10 09:30:00 and
// shipped 11-10 12:00:00: on time, no voucher. The cut file lists A, E (paid 09:00, then 09:30: its
// first and last rows read in full, oldest first) before the cut row B: a newer download stands in
// for it (the rows lost after the cut are its newest). One listed newest first, or with fewer than
// two rows read, is test/compensation/cut-cover-rejected-order.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DOUYIN_HEADERS, csvCell } from '../../scripts/export-layouts.mjs';
import { runCli, tmpDir } from '../helpers.js';
import { order, taobaoCsv } from '../orders/build.js';

const shipped = '卖家已发货，等待买家确认';
const A = order('3515313147329357901', { 买家会员名: '小明', 订单状态: shipped, 发货时间: '2026-11-13 10:00:00' });
const B = order('3515313147329357902', { 买家会员名: '小红', 订单状态: shipped, 订单创建时间: '2026-11-10 09:38:00', 订单付款时间: '2026-11-10 09:40:00', 发货时间: '2026-11-13 10:00:00' });
const C = order('3515313147329357903', { 买家会员名: '小刚', 订单状态: shipped, 订单创建时间: '2026-11-13 08:58:00', 订单付款时间: '2026-11-13 09:00:00', 发货时间: '2026-11-13 12:00:00' });
const D = order('3515313147329357904', { 买家会员名: '小丽', 订单状态: shipped, 订单创建时间: '2026-11-10 09:48:00', 订单付款时间: '2026-11-10 09:50:00', 发货时间: '2026-11-13 10:00:00' });
const E = order('3515313147329357905', { 买家会员名: '小强', 订单状态: shipped, 订单创建时间: '2026-11-10 09:28:00', 订单付款时间: '2026-11-10 09:30:00', 发货时间: '2026-11-10 12:00:00' });
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** The export's text cut after the `cells`-th cell of its last row, or `chars` characters into it (no line break after it). */
function cutLast(text: string, cells: number, chars = 0): string {
  const body = text.replace(/\r\n$/, '');
  const start = body.lastIndexOf('\r\n') + 2;
  let at = start;
  for (let k = 0; k < cells; k++) at = body.indexOf(',', at) + 1;
  return cells > 0 ? body.slice(0, at - 1) : body.slice(0, start + chars);
}

type V = { buyer: string; amount: string; state: string; recorded?: string; toIssue?: string };
/** The vouchers by buyer (小丽, 小明, 小红: the output's order is not what is tested). */
const byBuyer = (stdout: string) => (JSON.parse(stdout) as V[]).sort((a, b) => (a.buyer < b.buyer ? -1 : a.buyer > b.buyer ? 1 : 0));
const vouchers = (stdout: string) => byBuyer(stdout).map((v) => [v.buyer, v.amount, v.state]);

function setUp() {
  const dir = tmpDir();
  const put = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  return { dir, put };
}

describe('a cut download beside a complete download of the same orders', () => {
  // The export holds A, E, B, D (in that order); the download was cut after B's 19th cell: A and E
  // whole, B cut, D lost. The complete re-download holds all four.
  const { dir, put } = setUp();
  const cut = put('ExportOrderList202611131200.csv', cutLast(taobaoCsv([A, E, B]), 19));
  const again = put('ExportOrderList202611131230.csv', taobaoCsv([A, E, B, D]));
  // The browser's name for the same file downloaded again: the same export time in its name (a tie).
  const twin = put('ExportOrderList202611131200 (1).csv', taobaoCsv([A, E, B, D]));

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the complete file alone: three vouchers of 9.50, final (TZ=${tz})`, () => {
      const r = runCli(['compensate', again, ...AS_OF, '-f', 'json', '-q'], { tz });
      expect(r.code).toBe(0);
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'final'], ['小明', '9.50', 'final'], ['小红', '9.50', 'final']]);
    });

    // Before: the same three amounts, every one provisional, 0.00 to issue.
    it(`(1) the cut file and its complete re-download (newer): the same vouchers, final; the cut row still rejected, exit 1 (TZ=${tz})`, () => {
      const r = runCli(['compensate', cut, again, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(1);
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'final'], ['小明', '9.50', 'final'], ['小红', '9.50', 'final']]);
      expect(r.stderr).toContain(`${cut}:4: the file ends in the middle of this row (19 of the header's 71 cells`);
      expect(r.stderr).toContain(
        `${cut}:4: the file was cut off in this row (order 3515313147329357902), but ${again} (as new or newer) reads that order and every order ${cut} read in full: those are used, and no voucher is held for the cut (the rows after it are taken to be in ${again} too: a complete download of the same orders). Delete or move ${cut}: it is not needed`,
      );
      // Counts reconcile: 4 orders (A, E, B, D from the complete file); A's and E's rows of the cut
      // file duplicates, B's rejected.
      expect(r.stderr).toContain('4 orders read, 4 paid, 3 late');
      expect(r.stderr).toContain('3 vouchers totalling 28.50 to issue; 1 rejected row');
      expect(r.stderr).toContain('share 2 orders (3515313147329357901, 3515313147329357905)');
    });

    // A tie (the same export time in both names): the later argument's versions are used, here the
    // cut file's (its A is read first, the complete file's A a duplicate of it). Before: provisional.
    it(`(1) the browser's "(1)" re-download, same export time, the cut file the later argument: final (TZ=${tz})`, () => {
      const r = runCli(['compensate', twin, cut, ...AS_OF, '-f', 'json', '-q'], { tz });
      expect(r.code).toBe(1);
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'final'], ['小明', '9.50', 'final'], ['小红', '9.50', 'final']]);
    });
  }

  it('(1) in zh: the note says the cut file is not needed', () => {
    const r = runCli(['compensate', cut, again, ...AS_OF, '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(
      `${cut}:4: 文件在这一行 (订单 3515313147329357902) 中间被截断, 但 ${again} (同样新或更新) 完整读到了这个订单和 ${cut} 读到的每个订单: 用的是它们, 红包不因截断而暂定 (截断处之后的行视为也在 ${again} 中: 同一批订单的完整下载)。请删除或移走 ${cut}, 它已不需要`,
    );
  });

  // Yesterday's download cut in B, today's complete one holding a new order (C, on time) first:
  // every order of yesterday's is in today's. Before: A, B, D provisional.
  it("(1) yesterday's cut file and today's full one (a new order first): final", () => {
    const today = put('ExportOrderList202611141200.csv', taobaoCsv([C, A, E, B, D]));
    const r = runCli(['compensate', cut, today, ...AS_OF, '-f', 'json', '-q']);
    expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'final'], ['小明', '9.50', 'final'], ['小红', '9.50', 'final']]);
  });

  it('--strict still refuses the cut row (exit 3): the cut file is to be removed', () => {
    const r = runCli(['compensate', cut, again, ...AS_OF, '--strict', '-q']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
  });

  // --record: the cut file alone holds A provisional (nothing recorded); with the complete file the
  // three vouchers are final and recorded new, 28.50; the complete file alone afterwards finds them
  // recorded before: nothing to issue again (no double pay). Before: the second run recorded nothing.
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`--record: provisional not recorded, then recorded once final, never twice (TZ=${tz})`, () => {
      const state = path.join(dir, `state-${tz.replace('/', '-')}.db`);
      const rec = (...files: string[]) => runCli(['compensate', ...files, ...AS_OF, '--record', '--state', state, '-f', 'json', '-q'], { tz });
      const first = rec(cut);
      expect(first.code).toBe(1);
      expect((JSON.parse(first.stdout) as V[]).map((v) => [v.buyer, v.state, v.toIssue])).toEqual([['小明', 'provisional', '9.50']]);
      expect(runCli(['ledger', 'list', '--state', state], { tz }).stderr).toContain('nothing recorded yet');
      const second = rec(cut, again);
      expect(second.code).toBe(1);
      expect(byBuyer(second.stdout).map((v) => [v.buyer, v.state, v.recorded, v.toIssue])).toEqual([
        ['小丽', 'final', 'new', '9.50'],
        ['小明', 'final', 'new', '9.50'],
        ['小红', 'final', 'new', '9.50'],
      ]);
      const third = rec(again);
      expect(third.code).toBe(0);
      expect(byBuyer(third.stdout).map((v) => [v.buyer, v.state, v.recorded, v.toIssue])).toEqual([
        ['小丽', 'final', 'already_recorded', '0.00'],
        ['小明', 'final', 'already_recorded', '0.00'],
        ['小红', 'final', 'already_recorded', '0.00'],
      ]);
    });
  }
});

describe('a cut that no complete download stands in for: every voucher provisional, as before', () => {
  const { put } = setUp();
  const cut = put('ExportOrderList202611131200.csv', cutLast(taobaoCsv([A, E, B]), 19));

  // (2) The cut row's order (B, 小红's) is in no other file. Not only 小红's vouchers wait: the rows
  // after the cut are lost too and may be any buyer's (a second order of 小明's that day joins A's
  // voucher and may change it, or its cap), so A (小明, 9.50) stays provisional.
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`(2) the cut row's order in no other file: A provisional, and the warning says what to do (TZ=${tz})`, () => {
      const other = put('ExportOrderList202611131230.csv', taobaoCsv([A, E]));
      const r = runCli(['compensate', cut, other, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(1);
      expect(vouchers(r.stdout)).toEqual([['小明', '9.50', 'provisional']]);
      expect(r.stderr).toContain(
        `warning: ${cut}:4: the file was cut off in this row (order 3515313147329357902), and no other file as new as it or newer reads that order in full: the orders after the cut (any buyer's) are unknown, so every voucher of this run is kept provisional (not recorded as final). Export the orders again from the shop's back office (店铺后台; the same date range, and let the download finish), and delete or move ${cut}; given beside a complete download that holds this row's order, every order ${cut} read and every row it rejected (as new or newer for a file listed oldest first; the same download for one listed newest first, or whose order cannot be told), the vouchers are final.`,
      );
    });
  }

  it('(2) in zh', () => {
    const r = runCli(['compensate', cut, ...AS_OF, '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(
      `${cut}:4: 文件在这一行 (订单 3515313147329357902) 中间被截断, 没有其他同样新或更新的文件完整读到这个订单: 截断处之后的订单 (可能是任何买家的) 无从得知, 所以本次所有红包暂定, 不作为最终结果记录。请从店铺后台重新导出这些订单 (同样的时间范围, 等下载完成), 并删除或移走 ${cut}; 与它一起给出一份含有这一行的订单、${cut} 读到的每个订单和它拒绝的每一行的完整下载 (按时间从旧到新排列的文件: 同样新或更新的下载; 从新到旧或看不出顺序的: 同一次下载) 时, 红包即为最终结果。`,
    );
  });

  // The cut row's order is in a newer file, but A (read from the cut file) is in none: that file is
  // not a download of what the cut one holds, and the rows after the cut may be in no file.
  it("(2) the cut row's order in a newer file that lacks an order the cut file read: A provisional", () => {
    const other = put('ExportOrderList202611131300.csv', taobaoCsv([B, D]));
    const r = runCli(['compensate', cut, other, ...AS_OF, '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'provisional'], ['小明', '9.50', 'provisional'], ['小红', '9.50', 'provisional']]);
    expect(r.stderr).toContain(`${cut}:4: the file was cut off in this row (order 3515313147329357902); ${other} reads that order in full, but no file as new or newer holds every order ${cut} read, so the rows after the cut may be in none of them`);
  });

  // The complete file is older than the cut one: the cut row (and those after it) may be a later
  // state of those orders (refunded, say) than the older file shows.
  it('(2) the complete file older than the cut one: provisional', () => {
    const older = put('ExportOrderList202611131100.csv', taobaoCsv([A, E, B, D]));
    const r = runCli(['compensate', cut, older, ...AS_OF, '-f', 'json']);
    expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'provisional'], ['小明', '9.50', 'provisional'], ['小红', '9.50', 'provisional']]);
    expect(r.stderr).toContain('no other file as new as it or newer reads that order in full');
  });

  // (3) The cut is inside the row's order id (`="35153131` of ="3515313147329357902"): the id is
  // never guessed, so the complete re-download beside it does not lift the hold.
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`(3) the cut row's id cut too: every voucher provisional even beside the complete file (TZ=${tz})`, () => {
      const idCut = put('ExportOrderList202611131201.csv', cutLast(taobaoCsv([A, B]), 0, 10));
      expect(fs.readFileSync(idCut, 'utf8').endsWith('\r\n="35153131')).toBe(true);
      const again = put('ExportOrderList202611131230.csv', taobaoCsv([A, B, D]));
      const r = runCli(['compensate', idCut, again, ...AS_OF, '-f', 'json'], { tz });
      expect(r.code).toBe(1);
      expect(vouchers(r.stdout)).toEqual([['小丽', '9.50', 'provisional'], ['小明', '9.50', 'provisional'], ['小红', '9.50', 'provisional']]);
      expect(r.stderr).toContain(`${idCut}:3: the file ends in the middle of this row (1 of the header's 71 cells`);
      expect(r.stderr).toContain(`warning: ${idCut}:3: the file was cut off in this row, its order id cut too: the orders after the cut (any buyer's) are unknown, so every voucher of this run is kept provisional`);
    });
  }
});

// A 抖店 export (one row per 子订单, deduplicated by 子订单编号): the cut row's line is read from the
// complete newer download. By hand (douyin-2025, as test/compensation/douyin.cli): …001 paid
// 11-01 10:00, promised 11-04 10:00 (72 h window), shipped 11-04 20:00, 10 h late: 1 % of 300.00 =
// 3.00; …002 paid 11-01 11:00, promised 11-13 23:00 (300 h), shipped 11-16 11:00, 60 h late (缺货):
// 5 % of 150.00 = 7.50 → 8.00. Both the platform deducts; final. Before: both provisional.
describe('a cut 抖店 download beside its complete re-download', () => {
  const H: string[] = DOUYIN_HEADERS;
  const row = (id: string, paid: string, paidAt: string, promised: string, shipped: string) => {
    const v: Record<string, string> = {
      主订单编号: `\t${id}`, 子订单编号: `\t${id}`, 选购商品: '羊毛围巾', 商品规格: '默认', 商品数量: '1', 商品单价: paid, 订单应付金额: paid, 运费: '0.00',
      订单提交时间: paidAt, 支付完成时间: paidAt, 订单状态: '已发货', 承诺发货时间: promised, 订单类型: '普通订单', 用户昵称: '抖音买家', 发货时间: shipped,
      快递公司: '申通快递', 快递单号: `77300000${id.slice(-6)}`,
    };
    return H.map((h) => (csvCell as (v: string) => string)(v[h] ?? '')).join(',');
  };
  const text = [
    H.map((h) => (csvCell as (v: string) => string)(h)).join(','),
    // On time (shipped a day before its promise): no voucher. With …001 it is the second row read
    // in full of the cut file, paid before it (oldest first), so a newer download stands in for it.
    row('6900000000000100000', '80.00', '2026-11-01 09:00:00', '2026-11-04 09:00:00', '2026-11-03 09:00:00'),
    row('6900000000000100001', '300.00', '2026-11-01 10:00:00', '2026-11-04 10:00:00', '2026-11-04 20:00:00'),
    row('6900000000000100002', '150.00', '2026-11-01 11:00:00', '2026-11-13 23:00:00', '2026-11-16 11:00:00'),
  ].join('\r\n') + '\r\n';
  const { put } = setUp();
  // Cut after the 12th cell of …002's row: both its ids whole.
  const cut = put('douyin_20261201100000.csv', '\uFEFF' + cutLast(text, 12));
  const again = put('douyin_20261201103000.csv', '\uFEFF' + text);
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`the cut line's 子订单编号 read in the newer download: 3.00 and 8.00 final, as the complete file alone (TZ=${tz})`, () => {
      const args = ['--as-of', '2026-12-01 00:00:00', '-f', 'json', '-q'];
      const alone = runCli(['compensate', again, ...args], { tz });
      const both = runCli(['compensate', cut, again, ...args], { tz });
      const got = (out: string) => (JSON.parse(out) as Record<string, unknown>[]).map((v) => [v.orderIds, v.amount, v.payer, v.state]);
      const want = [
        [['6900000000000100001'], '3.00', 'platform-deducts', 'final'],
        [['6900000000000100002'], '8.00', 'platform-deducts', 'final'],
      ];
      expect(got(alone.stdout)).toEqual(want);
      expect(got(both.stdout)).toEqual(want);
      expect(both.code).toBe(1);
      const cutAlone = runCli(['compensate', cut, ...args], { tz });
      expect(got(cutAlone.stdout)).toEqual([[['6900000000000100001'], '3.00', 'platform-deducts', 'provisional']]);
    });
  }
});
