// text43: `orders inspect` in Chinese named the statuses of a 抖店 or 拼多多 export in Tmall's words
// (交易成功=4;…;交易关闭=1), words those operators never see: their seller centre and export say
// 已完成 / 已关闭 / 待支付 (抖店) and 已收货 / 已发货，待收货 / 已取消 (拼多多) (docs/formats.md, FORMATS.md).
// Counted by hand from the examples' 订单状态 column:
//   douyin-orders-202611.csv, 11 rows: 已完成 901, 902, 504, 505 = 4; 已发货 903, 808, 809, 810 = 4;
//     待发货 706 = 1; 已关闭 707 = 1; 待支付 811 = 1.
//   pdd-orders-202611.csv, 8 rows: 已收货 4; 已发货，待收货 2; 待发货 1; 未发货，退款成功 1 (closed: 已取消).
//   The 抖店 export normalized (one row per order, 9 orders): 801's three 已发货 lines are one order, so
//     已发货 = 903, 801 = 2; the rest as above. Its platform is 抖店 (the rows'), not 淘宝/天猫.
// JSON and English keep the codes; the Tmall example keeps Tmall's words. `orders normalize --lang zh`
// writes each row's 状态 in its platform's words too (抖店 已完成, not 交易成功), read back as the codes.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

function inspectZh(file: string, tz: string): Record<string, string> {
  const r = runCli(['orders', 'inspect', file, '--lang', 'zh', '-f', 'json'], { tz });
  expect(r.code, r.stderr).toBe(0);
  const csv = runCli(['orders', 'inspect', file, '--lang', 'zh', '-f', 'tsv'], { tz });
  expect(csv.code, csv.stderr).toBe(0);
  const [head, row] = csv.stdout.trimEnd().split('\n');
  const keys = head!.split('\t');
  const cells = row!.split('\t');
  return Object.fromEntries(keys.map((k, i) => [k, cells[i]!]));
}

describe('orders inspect names the statuses in the words of the file\'s own seller centre', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`抖店: 已完成 / 已发货 / 待发货 / 已关闭 / 待支付 (TZ=${tz})`, () => {
      const row = inspectZh(path.join(EXAMPLES, 'douyin-orders-202611.csv'), tz);
      expect(row['平台']).toBe('抖店');
      expect(row['各状态数量']).toBe('已完成=4;已发货=4;待发货=1;已关闭=1;待支付=1');
    });
    it(`拼多多: 已收货 / 已发货，待收货 / 待发货 / 已取消 (TZ=${tz})`, () => {
      const row = inspectZh(path.join(EXAMPLES, 'pdd-orders-202611.csv'), tz);
      expect(row['各状态数量']).toBe('已收货=4;已发货，待收货=2;待发货=1;已取消=1');
    });
  }

  it('Tmall keeps its own words; JSON and English keep the codes', () => {
    expect(inspectZh(path.join(EXAMPLES, 'ExportOrderList202611.csv'), 'UTC')['各状态数量']).toMatch(/^交易成功=\d+;.*交易关闭=1/);
    const json = runCli(['orders', 'inspect', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--lang', 'zh', '-f', 'json']);
    expect((JSON.parse(json.stdout) as { statusCounts: string[] }[])[0]!.statusCounts).toEqual(['completed=4', 'shipped=4', 'awaiting_shipment=1', 'closed=1', 'unpaid=1']);
    const en = runCli(['orders', 'inspect', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--lang', 'en', '-f', 'tsv']);
    expect(en.stdout).toContain('completed=4;shipped=4;awaiting_shipment=1;closed=1;unpaid=1');
  });

  it('a normalized 抖店 export: its 状态 column in 抖店 words, read back as the same statuses; platform 抖店 (its rows\')', () => {
    const dir = tmpDir();
    const out = path.join(dir, 'orders.csv');
    const n = runCli(['orders', 'normalize', path.join(EXAMPLES, 'douyin-orders-202611.csv'), '--lang', 'zh', '-o', out]);
    expect(n.code, n.stderr).toBe(0);
    // One row per order, in the export's order: 901 902 903 501 502 701 702 801 (three lines) 802.
    const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trimEnd().split('\n').map((l) => l.split(','));
    const at = lines[0]!.indexOf('状态');
    expect(lines.slice(1).map((l) => l[at])).toEqual(['已完成', '已完成', '已发货', '已完成', '已完成', '待发货', '已关闭', '已发货', '待支付']);
    // The Tmall example keeps Tmall's words (交易成功 …) in the same column.
    const tmall = path.join(dir, 'tmall.csv');
    expect(runCli(['orders', 'normalize', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--lang', 'zh', '-o', tmall]).code).toBe(0);
    expect(fs.readFileSync(tmall, 'utf8')).toContain(',交易成功,');
    const row = inspectZh(out, 'UTC');
    expect(row['平台']).toBe('抖店');
    expect(row['各状态数量']).toBe('已完成=4;已发货=2;待发货=1;已关闭=1;待支付=1');
  });
});
