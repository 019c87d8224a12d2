// Issue 14 item 1: overlapping downloads. The newest version of an order wins: the export time in
// the file name, else the file's modification time, a tie to the later argument. Duplicates are
// reported as one stderr line per pair of files; --duplicates FILE lists them all.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTimeInName, newestFirst } from '../../src/orders/freshness.js';
import { TimeZone } from '../../src/time.js';
import { ROOT, tmpDir } from '../helpers.js';
import { order, taobaoCsv, write } from './build.js';
import { cli, json } from './expected.js';

const BJ = new TimeZone('Asia/Shanghai');
const LATEST = Date.UTC(2030, 0, 1);
const bj = (s: string) => Date.parse(s.replace(' ', 'T') + '+08:00');

describe('the export time in a file name', () => {
  it('Taobao ExportOrderList<yyyyMMddHHmm>, PDD orders_export<yyyy-MM-dd-HH-mm-ss>, 抖店 yyyy-MM-dd HH_mm_ss', () => {
    expect(exportTimeInName('ExportOrderList202611201200.csv', BJ, LATEST)).toBe(bj('2026-11-20 12:00:00'));
    expect(exportTimeInName('/data/in/ExportOrderDetailList20261120120059.xlsx', BJ, LATEST)).toBe(bj('2026-11-20 12:00:59'));
    expect(exportTimeInName('3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6orders_export2026-07-20-10-09-23.csv', BJ, LATEST)).toBe(bj('2026-07-20 10:09:23'));
    expect(exportTimeInName('订单-2026-04-10 10_19_18.xlsx', BJ, LATEST)).toBe(bj('2026-04-10 10:19:18'));
  });

  it('no time: a month only, an order id, an impossible date, a time after "latest"', () => {
    expect(exportTimeInName('ExportOrderList202611.csv', BJ, LATEST)).toBeUndefined();
    expect(exportTimeInName('3515313147329357901.csv', BJ, LATEST)).toBeUndefined();
    expect(exportTimeInName('ExportOrderList202613201200.csv', BJ, LATEST)).toBeUndefined();
    expect(exportTimeInName('ExportOrderList203511201200.csv', BJ, LATEST)).toBeUndefined();
  });

  it('newest first; a file with no time is oldest; a tie goes to the later argument', () => {
    expect(newestFirst([{ at: 5, source: 'name' }, { at: 9, source: 'mtime' }, { at: null, source: 'none' }, { at: 5, source: 'mtime' }])).toEqual([1, 3, 0, 2]);
  });
});

// Two downloads of one shop (tmall-2023: deadline = paid + 48 h; 30 % of paid − postage, at least 5.00).
// Y (小明): paid 11-10 09:00:00 → deadline 11-12 09:00:00. The 11-11 10:00 download has it
//   unshipped; the 11-14 10:00 download has it shipped 11-13 16:00:00 = 31 h late, final.
//   Base 200.00 − 10.00 = 190.00 × 30 % = 57.00.
// X (小红): paid 11-10 20:00:00 → deadline 11-12 20:00:00. Unshipped in the old download, shipped
//   11-12 08:00:00 (on time) in the new one: no voucher. Had the old row won (as-of 11-15 10:00)
//   it would be a provisional voucher of 88.00 × 30 % = 26.40 and Y one 73 h late.
// Z (小刚): only in the old download, paid 11-11 09:00:00, unshipped: late since 11-13 09:00:00,
//   provisional, 49 h late at 11-15 10:00; 100.00 − 0 = 100.00 × 30 % = 30.00.
const Y = '3515313147329357911';
const X = '3515313147329357912';
const Z = '3515313147329357913';
const oldRows = [
  order(Y, {}),
  order(X, { 买家会员名: '小红', 买家应付货款: '88.00', 买家应付邮费: '0.00', 买家实际支付金额: '88.00', 订单创建时间: '2026-11-10 19:59:00', 订单付款时间: '2026-11-10 20:00:00' }),
  order(Z, { 买家会员名: '小刚', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单创建时间: '2026-11-11 08:59:00', 订单付款时间: '2026-11-11 09:00:00' }),
];
const newRows = [
  order(X, { 买家会员名: '小红', 买家应付货款: '88.00', 买家应付邮费: '0.00', 买家实际支付金额: '88.00', 订单创建时间: '2026-11-10 19:59:00', 订单付款时间: '2026-11-10 20:00:00', 订单状态: '卖家已发货，等待买家确认', 发货时间: '2026-11-12 08:00:00' }),
  order(Y, { 订单状态: '卖家已发货，等待买家确认', 发货时间: '2026-11-13 16:00:00' }),
];
// The figures are tmall-2023's, forced (under auto these November 2026 orders are tmall-2026's, RULES 1.3a).
const AS_OF = ['--as-of', '2026-11-15 10:00:00', '--rules', 'tmall-2023'];

function expectNewest(r: ReturnType<typeof cli>): void {
  expect(r.code).toBe(0);
  const vouchers = json(r);
  expect(vouchers.map((v) => [v.buyer, v.orderIds, v.amount, v.state, v.maxHoursLate])).toEqual([
    ['小明', [Y], '57.00', 'final', 31],
    ["小刚", [Z], "30.00", "provisional", 49],
  ]);
}

describe('compensate with overlapping downloads', () => {
  const dir = tmpDir();
  // Modification times the other way round: the name's export time decides.
  const older = write(dir, 'ExportOrderList202611111000.csv', taobaoCsv(oldRows), new Date(Date.UTC(2026, 10, 20)));
  const newer = write(dir, 'ExportOrderList202611141000.csv', taobaoCsv(newRows), new Date(Date.UTC(2026, 10, 15)));

  for (const [label, args] of [['old new', [older, newer]], ['new old', [newer, older]]] as const) {
    for (const tz of ['UTC', 'America/Los_Angeles']) {
      it(`the newest rows win whatever the argument order (${label}, TZ=${tz})`, () => {
        const r = cli(['compensate', ...args, '-f', 'json', ...AS_OF], { tz });
        expectNewest(r);
        // One line for the pair, naming the file whose versions were used and why.
        const dupLines = r.stderr.split('\n').filter((l) => l.includes('share'));
        expect(dupLines).toEqual([
          `storeops: ${newer} and ${older} share 2 orders (${Y}, ${X}); the versions in the newer ${newer} are used (exported 2026-11-14 10:00:00, from its name; the other: exported 2026-11-11 10:00:00, from its name)`,
        ]);
      });
    }
  }

  it('by modification time when the names carry no export time', () => {
    const d = tmpDir();
    const a = write(d, 'a.csv', taobaoCsv(oldRows), new Date(Date.UTC(2026, 10, 11, 2)));
    const b = write(d, 'b.csv', taobaoCsv(newRows), new Date(Date.UTC(2026, 10, 14, 2)));
    expectNewest(cli(['compensate', b, a, '-f', 'json', ...AS_OF]));
    const r = cli(['compensate', a, b, '-f', 'json', ...AS_OF]);
    expectNewest(r);
    // 2026-11-14 02:00 UTC = 10:00 Beijing.
    expect(r.stderr).toContain(`storeops: ${b} and ${a} share 2 orders (${Y}, ${X}); the versions in the newer ${b} are used (modified 2026-11-14 10:00:00; the other: modified 2026-11-11 10:00:00)`);
  });

  it('equal times: the later argument wins', () => {
    const d = tmpDir();
    const t = new Date(Date.UTC(2026, 10, 14, 2));
    const a = write(d, 'a.csv', taobaoCsv(oldRows), t);
    const b = write(d, 'b.csv', taobaoCsv(newRows), t);
    expectNewest(cli(['compensate', a, b, '-f', 'json', ...AS_OF]));
    // b first: a is the later argument and its (old) rows win: Y and X unshipped, provisional.
    // Y 11-12 09:00 → 11-15 10:00 = 73 h; X 11-12 20:00 → 11-15 10:00 = 62 h.
    const r = cli(['compensate', b, a, '-f', 'json', ...AS_OF]);
    expect(json(r).map((v) => [v.buyer, v.amount, v.state, v.maxHoursLate])).toEqual([
      ['小明', '57.00', 'provisional', 73],
      ['小红', '26.40', 'provisional', 62],
      ["小刚", "30.00", "provisional", 49],
    ]);
    // The pair line says why: a tie, the later argument; not "the newer" file with one time named twice.
    expect(r.stderr).toContain(`storeops: ${a} and ${b} share 2 orders (${X}, ${Y}); both have the same time (modified 2026-11-14 10:00:00), so the versions in ${a}, the later argument, are used`);
    expect(r.stderr).not.toContain('the newer');
    const zh = cli(['compensate', b, a, '-f', 'json', ...AS_OF, '--lang', 'zh']);
    expect(zh.stderr).toContain(`storeops: ${a} 与 ${b} 有 2 个相同订单 (${X}, ${Y}); 两者时间相同 (修改时间 2026-11-14 10:00:00), 采用排在后面的参数 ${a} 中的版本`);
  });
});

describe('the duplicate report', () => {
  // 60 orders in both files and 3 twice within the newer one: two summary lines, not 63. The 3
  // repeats differ from their first rows (shipped an hour later): an exact copy is only a note.
  const dir = tmpDir();
  const ids = Array.from({ length: 60 }, (_, i) => String(3515313147329357000n + BigInt(i)));
  const rows = ids.map((id) => order(id, { 订单状态: '交易成功', 发货时间: '2026-11-11 09:00:00' }));
  const later = ids.slice(0, 3).map((id) => order(id, { 订单状态: '交易成功', 发货时间: '2026-11-11 10:00:00' }));
  const a = write(dir, 'ExportOrderList202611201200.csv', taobaoCsv(rows));
  const b = write(dir, 'ExportOrderList202611211200.csv', taobaoCsv([...rows, ...later]));

  it('one line per pair of files with the count and the first ids; --duplicates lists every one', () => {
    const out = path.join(dir, 'dups.csv');
    const r = cli(['orders', 'inspect', a, b, '-f', 'json', '--duplicates', out]);
    // b holds 3 orders twice: which of its rows is current cannot be told (exit 1).
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => /share|already read from the file/.test(l));
    expect(lines).toEqual([
      `storeops: ${b}: 3 rows repeat orders already read from the file (${ids[0]}, ${ids[1]}, ${ids[2]}); the first row of each order is used, but which row is current cannot be told: check the file (pasted together from several exports?) so that it holds each order once`,
      `storeops: ${b} and ${a} share 60 orders (${ids[0]}, ${ids[1]}, ${ids[2]}, …); the versions in the newer ${b} are used (exported 2026-11-21 12:00:00, from its name; the other: exported 2026-11-20 12:00:00, from its name)`,
    ]);
    // 60 + 63 rows read = 60 accepted + 63 duplicates.
    expect(r.stderr).toContain('2 files: 123 rows read = 60 accepted + 0 rejected + 63 duplicates');
    const [sa, sb] = json(r);
    expect(sa).toMatchObject({ rowsRead: 60, accepted: 0, duplicates: 60 });
    expect(sb).toMatchObject({ rowsRead: 63, accepted: 60, duplicates: 3 });
    const listed = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(listed[0]).toBe('file,line,orderId,keptFile,keptLine,lineId');
    expect(listed).toHaveLength(1 + 63);
    // The newer file's rows 62–64 repeat its rows 2–4; the older file's row 2 repeats the newer's row 2.
    expect(listed[1]).toBe(`${b},62,="${ids[0]}",${b},2,`); // ids as text for Excel (="…"); no line id: whole orders
    expect(listed[4]).toBe(`${a},2,="${ids[0]}",${b},2,`);
  });

  it('without --duplicates the summary says how to get the full list', () => {
    const r = cli(['orders', 'inspect', a, b, '-f', 'json']);
    expect(r.stderr).toContain('\nstoreops: use --duplicates <file> to list every duplicate\n');
  });
});

describe('one order three times in one file', () => {
  it('two repeated rows, one order: its id shown once, no "…"', () => {
    const dir = tmpDir();
    const id = '3515313147329500001';
    // The second and third rows differ from the first (another 发货时间): not exact copies.
    const rows = [order(id, { 订单状态: '交易成功' }), order(id, { 订单状态: '交易成功', 发货时间: '2026-11-11 10:00:00' }), order(id, { 订单状态: '交易成功', 发货时间: '2026-11-11 11:00:00' }), order('3515313147329500002', { 订单状态: '交易成功' })];
    const f = write(dir, 'ExportOrderList202611201200.csv', taobaoCsv(rows));
    const r = cli(['orders', 'inspect', f, '-f', 'json']);
    // A file holding an order twice was put together by hand: which row is current is not known (exit 1).
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}: 2 rows repeat orders already read from the file (${id}); the first row of each order is used, but which row is current cannot be told`);
    expect(r.stderr).toContain('1 file: 4 rows read = 2 accepted + 0 rejected + 2 duplicates');
  });

  it('compensate: two versions of one order in one file keep its voucher provisional, never recorded as final', () => {
    const dir = tmpDir();
    const id = '3515313147329500011';
    // Paid 11-10 10:00, a 48 h window (tmall-2026): deadline 11-12 10:00. The first row (an older
    // download pasted above a newer one) says shipped 11-13 10:00, 24 h late: 100.00 × 5 % = 5.00
    // (the minimum). The second says shipped 11-11 10:00, on time. The first row is used; nothing
    // says it is the current one, so the voucher stays provisional and the run exits 1.
    const row = (shipped: string) => order(id, { 买家会员名: '阿强', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '卖家已发货，等待买家确认', 订单付款时间: '2026-11-10 10:00:00', 订单创建时间: '2026-11-10 10:00:00', 发货时间: shipped });
    const f = write(dir, 'ExportOrderList202611201200.csv', taobaoCsv([row('2026-11-13 10:00:00'), row('2026-11-11 10:00:00')]));
    const state = path.join(dir, 'state.db');
    const r = cli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '--record', '--state', state]);
    expect(r.code).toBe(1);
    const v = json(r);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ orderIds: [id], amount: '5.00', state: 'provisional', recorded: '' });
    expect(r.stderr).toContain("1 row(s) repeat an order already read from the same file (see above): the first row is used, but it may not be the current one; the vouchers holding those orders, and those buyers' vouchers for the same window, are kept provisional");
    // The second row with another paid time too (11-11 10:00, shipped 11-12 10:00: on time): the
    // first row's voucher (11-10, 5.00) is held all the same, though its day holds no other row.
    const moved = order(id, { 买家会员名: '阿强', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '卖家已发货，等待买家确认', 订单付款时间: '2026-11-11 10:00:00', 订单创建时间: '2026-11-11 10:00:00', 发货时间: '2026-11-12 10:00:00' });
    const f2 = write(dir, 'ExportOrderList202611201300.csv', taobaoCsv([row('2026-11-13 10:00:00'), moved]));
    const r2 = cli(['compensate', f2, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '--record', '--state', state]);
    expect(r2.code).toBe(1);
    expect(json(r2)[0]).toMatchObject({ orderIds: [id], amount: '5.00', state: 'provisional', recorded: '' });
    // Given as two files instead, the newer file's version is used: on time, no voucher, exit 0.
    const older = write(dir, 'ExportOrderList202611190800.csv', taobaoCsv([row('2026-11-13 10:00:00')]));
    const newer = write(dir, 'ExportOrderList202611201200.csv', taobaoCsv([row('2026-11-11 10:00:00')]));
    const two = cli(['compensate', older, newer, '--as-of', '2026-11-20 12:00:00', '-f', 'json']);
    expect(two.code).toBe(0);
    expect(json(two)).toEqual([]);
  });
});

describe('one order twice in one file, without a buyer name', () => {
  const ITEM = '子订单编号,主订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码,支付单号,买家应付货款,买家实际支付金额,退款状态,退款金额,订单创建时间,订单付款时间,商品id,分阶段订单信息,主订单备注,主订单买家留言,发货时间,物流单号,物流公司,是否赔付,赔付金额,赔付出账时间';

  it('an order report row with an empty 买家会员名: its own voucher stays provisional, not recorded', () => {
    const dir = tmpDir();
    const id = '3515313147329500021';
    // Paid 11-10 10:00 (tmall-2026, 48 h): deadline 11-12 10:00. The first row says shipped 11-13
    // 10:00, 24 h late: 100.00 × 5 % = 5.00 (the minimum); the second, 11-11 10:00, on time. No
    // buyer name: the order is its own voucher, which may be the stale version: provisional, exit 1.
    const row = (shipped: string) => order(id, { 买家会员名: '', 买家应付货款: '100.00', 买家应付邮费: '0.00', 买家实际支付金额: '100.00', 订单状态: '卖家已发货，等待买家确认', 订单付款时间: '2026-11-10 10:00:00', 订单创建时间: '2026-11-10 10:00:00', 发货时间: shipped });
    const f = write(dir, 'ExportOrderList202611201200.csv', taobaoCsv([row('2026-11-13 10:00:00'), row('2026-11-11 10:00:00')]));
    const state = path.join(dir, 'state.db');
    const r = cli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '--record', '--state', state]);
    expect(r.code).toBe(1);
    const v = json(r);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ orderIds: [id], amount: '5.00', state: 'provisional', recorded: '' });
    expect(r.stderr).toContain('the vouchers holding those orders, and those buyers\' vouchers for the same window, are kept provisional');
    expect(r.stderr).toContain('0 newly recorded');
  });

  it('an item report repeating a line (子订单编号): the order\'s voucher stays provisional', () => {
    const dir = tmpDir();
    // Order …031, two lines of 1000.00 each, paid 11-10 09:00 (tmall-2026, 48 h: deadline 11-12
    // 09:00), shipped 11-13 10:00, 25 h late: each line 1000.00 × 5 % = 50.00 (the 50.00 maximum),
    // 100.00 for the order (under the 500.00 cap). Line …031-1 appears again shipped on time.
    const line = (sub: string, shipped: string) => `="${sub}",="3515313147329500031",围巾,1000.00,1,,,,,交易成功,,,1000.00,1000.00,,0,2026-11-10 08:58:12,2026-11-10 09:00:00,610000000001,,,,${shipped},No:1,中通快递,,,`;
    const text = [ITEM, line('3515313147329500131', '2026-11-13 10:00:00'), line('3515313147329500132', '2026-11-13 10:00:00'), line('3515313147329500131', '2026-11-11 10:00:00')].join('\n') + '\n';
    const f = write(dir, 'ExportOrderDetailList202611201200.csv', '\uFEFF' + text);
    const state = path.join(dir, 'state.db');
    const r = cli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '--record', '--state', state]);
    expect(r.code).toBe(1);
    const v = json(r);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ orderIds: ['3515313147329500031'], amount: '100.00', state: 'provisional', recorded: '' });
    expect(r.stderr).toContain('0 newly recorded');
  });
});

describe('the same file named twice', () => {
  // `*.csv ExportOrderList*.csv`, `a.csv ./a.csv` or a link to the file: one download, not two. Read
  // twice, every order was reported as shared by two overlapping downloads, "the newer" one used —
  // the same file on both sides — and inspect counted 9 duplicates and a second row of zeros.
  it('is read once, with one warning naming the other spellings; no order is a duplicate', () => {
    const dir = tmpDir();
    const rows = ['3515313147329600001', '3515313147329600002'].map((id) => order(id, { 订单状态: '交易成功' }));
    const f = write(dir, 'ExportOrderList202611201200.csv', taobaoCsv(rows));
    const link = path.join(dir, 'latest.csv');
    fs.symlinkSync(f, link);
    const dotted = `${dir}/./ExportOrderList202611201200.csv`;
    const dups = path.join(dir, 'dups.csv');
    const r = cli(['orders', 'inspect', f, dotted, link, '-f', 'json', '--duplicates', dups]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`storeops: warning: ${f} is given 3 times (also as ${dotted}, ${link}); it is read once`);
    expect(r.stderr).not.toContain('share');
    // 2 rows read once: 2 accepted, no duplicates; one inspect row, for the first naming.
    expect(r.stderr).toContain('1 file: 2 rows read = 2 accepted + 0 rejected + 0 duplicates');
    const got = json(r);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ file: f, rowsRead: 2, accepted: 2, duplicates: 0 });
    expect(fs.readFileSync(dups, 'utf8').replace(/^\uFEFF/, '').trim()).toBe('file,line,orderId,keptFile,keptLine,lineId');
    // A copy is another download (another inode): still two files sharing their orders.
    const copy = write(dir, 'ExportOrderList202611211200.csv', taobaoCsv(rows));
    const r2 = cli(['orders', 'inspect', f, copy, '-f', 'json']);
    expect(r2.stderr).not.toContain('is given');
    expect(r2.stderr).toContain(`${copy} and ${f} share 2 orders`);
  });

  it('standard input named twice (`- -`) is a usage error (exit 2), not "stdin is empty"', () => {
    const input = fs.readFileSync(path.join(ROOT, 'examples', 'ExportOrderList202611.csv'));
    const r = cli(['orders', 'inspect', '-', '-', '-f', 'json'], { input });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('storeops: error: standard input (-) can be used only once');
    expect(r.stderr).not.toContain('empty');
    const zh = cli(['orders', 'inspect', '-', '-', '-f', 'json', '--lang', 'zh'], { input });
    expect(zh.stderr).toContain('标准输入 (-) 只能用一次');
  });

  it('a review file named twice is read once (zh and en)', () => {
    const reviews = path.join(ROOT, 'examples', 'reviews.csv');
    const en = cli(['reviews', 'queue', reviews, reviews, '-f', 'json', '--lang', 'en']);
    expect(en.stderr).toContain(`storeops: warning: ${reviews} is given 2 times; it is read once`);
    const zh = cli(['reviews', 'queue', reviews, reviews, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`storeops: 警告: ${reviews} 被给出了 2 次, 只读取一次`);
    // The queue is the one file's: 9 rows, none a duplicate.
    const once = cli(['reviews', 'queue', reviews, '-f', 'json', '--lang', 'en']);
    expect(en.stdout).toBe(once.stdout);
    expect(en.stderr).toContain('reviews: 9 rows, 9 read; ');
  });
});

describe('--duplicates with a command that reads no order export', () => {
  // zhenjian estimate, or reviews queue without --orders, accepted --duplicates and wrote nothing,
  // silently: a script then found no file (a header-only file is how "no duplicates" is told).
  it('warns that the file was not written (zh and en); a review command writes it, with or without --orders', () => {
    const dir = tmpDir();
    const dups = path.join(dir, 'dups.csv');
    const zj = cli(['zhenjian', 'estimate', path.join(ROOT, 'examples', 'zhenjian-products.csv'), '--duplicates', dups, '-q']);
    expect(zj.code).toBe(0);
    expect(zj.stderr).toContain(`storeops: warning: --duplicates ${dups}: zhenjian estimate read no order export, so the file was not written`);
    const zh = cli(['zhenjian', 'estimate', path.join(ROOT, 'examples', 'zhenjian-products.csv'), '--duplicates', dups, '-q', '--lang', 'zh']);
    expect(zh.stderr).toContain(`--duplicates ${dups}: zhenjian estimate 没有读取订单报表, 未写入该文件`);
    expect(fs.existsSync(dups)).toBe(false);
    // A review command lists its repeated reviews (none in the example: the header alone), with or without --orders.
    const reviews = path.join(ROOT, 'examples', 'reviews.csv');
    const rq = cli(['reviews', 'queue', reviews, '--duplicates', dups, '-q', '--lang', 'zh']);
    expect(rq.stderr).not.toContain('未写入该文件');
    expect(fs.readFileSync(dups, 'utf8').replace(/^\uFEFF/, '').trim()).toBe('文件,行号,订单编号,采用的文件,采用的行号,子订单编号');
    fs.rmSync(dups);
    const withOrders = cli(['reviews', 'queue', reviews, '--orders', path.join(ROOT, 'examples', 'ExportOrderList202611.csv'), '--duplicates', dups, '-q']);
    expect(withOrders.stderr).not.toContain('was not written');
    expect(fs.readFileSync(dups, 'utf8').replace(/^\uFEFF/, '').trim()).toBe('file,line,orderId,keptFile,keptLine,lineId');
  });
});
