// An export whose id column a spreadsheet kept as a number, in a file whose times kept their
// seconds: LibreOffice 7.4 (zh-CN) opened the download, the id column was given the number format
// "0" (the usual "fix" for 3.51531314732936E+18) and the file saved as csv (test/fixtures/desk/make.sh
// made the two files from examples/). LibreOffice writes 15 significant digits and zeros:
//   3515313147329357901, …7902, …7903 → 3515313147329360000 (351531314732935|7901 rounds up at the 15th digit)
//   2987650012233445501, …5502        → 2987650012233450000 (298765001223344|5501 rounds up)
//   4100000000000000701, …0702        → 4100000000000000000
//   5200000000000000801, …0802        → 5200000000000000000
//   6000000000000000901, …0902        → 6000000000000000000 (reviews only)
// and keeps `2026-11-10 09:00:00` as it is, so the row check (times without seconds, the mark of an
// Excel re-save: test/orders/excel-zeroed-ids) never fired. Every id of 16 digits or more in the
// column ends in zeros past its 15th digit (4 zeros each, 36 in the 9 rows: real ids end so together
// far less than once in 10,000), so the column is read as rounded: each row is rejected, never read
// as an order (docs/formats.md "Order ids are text").
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tmpDir } from '../helpers.js';
import { T71, order, plainCsv } from './build.js';

const ORDERS = path.join(FIXTURES, 'desk', 'ExportOrderList-lo-number-ids.csv');
const REVIEWS = path.join(FIXTURES, 'desk', 'reviews-lo-number-ids.csv');
const AS_OF = '2026-12-01 00:00:00';

const reasonEn = (f: string, line: number, id: string) =>
  `${f}:${line} [订单编号]: "${id}": the ids in column 订单编号 were rounded by a spreadsheet to 15 significant digits and filled with zeros (every id of 16 digits or more in that column ends in zeros past its 15th digit: the column was kept as a number, e.g. given a number format in LibreOffice or WPS; the real id is lost); download the export again, or open it with that column as text`;
const reasonZh = (f: string, line: number, id: string) =>
  `${f}:${line} [订单编号]: "${id}": 订单编号列的编号被电子表格按 15 位有效数字四舍五入并补零 (文件中这一列所有 16 位以上的编号在第 15 位之后都是 0: 这一列被当作数字保存过, 如 LibreOffice 或 WPS 里设成了"数值"格式; 原编号已丢失); 请重新下载导出, 或打开时把这一列设为"文本"`;

const ORDER_IDS = ['3515313147329360000', '3515313147329360000', '3515313147329360000', '2987650012233450000', '2987650012233450000', '4100000000000000000', '4100000000000000000', '5200000000000000000', '5200000000000000000'];

describe('an order export LibreOffice saved with its id column as a number (times with seconds)', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`compensate: every row rejected with file, line and reason; no voucher under a rounded id (TZ=${tz})`, () => {
      const r = runCli(['compensate', ORDERS, '--as-of', AS_OF, '-f', 'json', '--lang', 'en'], { tz });
      // Before: exit 1, "9 rows read = 4 accepted + 0 rejected + 5 duplicates", a 9.50 voucher
      // (paid_by_platform) under 3515313147329360000 and a 5.00 one under 4100000000000000000; the
      // final 50.00 voucher of …7903 (2000.00 paid, 23 h late, capped at 50.00) dropped as a duplicate.
      ORDER_IDS.forEach((id, i) => expect(r.stderr).toContain(reasonEn(ORDERS, i + 2, id)));
      expect(r.stderr).toContain('all 9 data rows were rejected; there is no usable order');
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
    });
  }

  it('orders inspect (zh): 读取 9 行 = 接受 0 + 拒绝 9 + 重复 0, the reason in Chinese', () => {
    const r = runCli(['orders', 'inspect', ORDERS, '--as-of', AS_OF, '--lang', 'zh', '-f', 'json']);
    expect(r.stderr).toContain(reasonZh(ORDERS, 2, '3515313147329360000'));
    expect(r.stderr).toContain('1 个文件: 读取 9 行 = 接受 0 + 拒绝 9 + 重复 0');
  });

  it('orders normalize writes no order', () => {
    const r = runCli(['orders', 'normalize', ORDERS, '--as-of', AS_OF, '--lang', 'en', '-f', 'csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(reasonEn(ORDERS, 10, '5200000000000000000'));
    expect(r.stdout).toBe('');
  });
});

describe('a review file LibreOffice saved with its id column as a number (times with seconds)', () => {
  it('reviews queue: all 9 rows rejected (en), exit 3: no review queued under a rounded id', () => {
    const r = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-21 00:00:00', '-f', 'json', '--lang', 'en']);
    // Before: exit 0, 7 reviews queued under 3515313147329360000 … 6000000000000000000 ("0/7
    // flagged reviews matched to an order"), the two of 小明爱购物 linked as sameBuyer by that id.
    const ids = [...ORDER_IDS.slice(0, 5), '5200000000000000000', '4100000000000000000', '6000000000000000000', '6000000000000000000'];
    ids.forEach((id, i) => expect(r.stderr).toContain(reasonEn(REVIEWS, i + 2, id)));
    expect(r.stderr).toContain('all 9 review row(s) were rejected');
    expect(r.code).toBe(3);
  });

  it('zh reason', () => {
    const r = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-21 00:00:00', '-f', 'json', '--lang', 'zh']);
    expect(r.stderr).toContain(reasonZh(REVIEWS, 9, '6000000000000000000'));
  });

  it('one whole id in the column, after the zeroed ones, clears it: every review queued as before', () => {
    // Line 10's id given back whole (6000000000000000902, the safety review): a column the seller
    // centre wrote, whose other ids end in zeros: taken as they are (as test/orders/excel-zeroed-ids).
    const f = path.join(tmpDir(), 'reviews.csv');
    const lines = fs.readFileSync(REVIEWS, 'utf8').split('\n');
    lines[9] = lines[9]!.replace(/^6000000000000000000,/, '6000000000000000902,');
    fs.writeFileSync(f, lines.join('\n'));
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 00:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    // The 7 reviews to follow up of examples/reviews.csv (2 of the 9 are good reviews without a bad 追评).
    const q = JSON.parse(r.stdout) as Array<{ orderId: string }>;
    expect(q.map((x) => x.orderId).sort()).toEqual(['2987650012233450000', '3515313147329360000', '3515313147329360000', '4100000000000000000', '5200000000000000000', '6000000000000000000', '6000000000000000902']);
  });
});

describe('how many zeros make a column rounded', () => {
  // Two late orders of one buyer, times with seconds (as the seller centre writes them): paid 11-10
  // 09:00 and 20:00, shipped 11-13 10:00 (25 h late) and 11-12 21:00 (1 h late); tmall-2026, 48 h:
  // (200.00 − 10.00) × 5 % = 9.50 and 12.00 × 5 % = 0.60, raised to 5.00: one voucher of 14.50.
  const write = (ids: [string, string]) => {
    const f = path.join(tmpDir(), 'ExportOrderList.csv');
    fs.writeFileSync(
      f,
      plainCsv(T71, [
        order(ids[0], { 买家会员名: '小明', 订单状态: '交易成功', 订单付款时间: '2026-11-10 09:00:00', 发货时间: '2026-11-13 10:00:00' }),
        order(ids[1], { 买家会员名: '小明', 订单状态: '交易成功', 买家应付货款: '12.00', 买家应付邮费: '0.00', 买家实际支付金额: '12.00', 订单付款时间: '2026-11-10 20:00:00', 发货时间: '2026-11-12 21:00:00' }),
      ]),
    );
    return f;
  };

  it('two 17-digit ids with 2 zeros each past the 15th (4 in all) are rounded: both rows rejected', () => {
    const f = write(['35153131473293600', '35153131473293700']);
    const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.stderr).toContain(reasonEn(f, 2, '35153131473293600'));
    expect(r.stderr).toContain(reasonEn(f, 3, '35153131473293700'));
    expect(r.code).toBe(3);
  });

  it('two 16-digit ids ending in one 0 (2 zeros in all: 1 in 100 for real ids) are ids: 14.50', () => {
    const f = write(['3515313147329360', '3515313147329370']);
    const r = runCli(['compensate', f, '--as-of', '2026-11-20 12:00:00', '-f', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as Array<{ orderIds: string[]; amount: string; state: string }>;
    expect(v.map((x) => [x.orderIds, x.amount, x.state])).toEqual([[['3515313147329360', '3515313147329370'], '14.50', 'final']]);
  });
});
