// text44: an export with no 发货时间 column, none of its orders judged (exit 3), sent a 抖店 or 拼多多 shop
// for a Taobao 宝贝报表 or "a newer order report" — documents of another platform. Now the hint is the
// platform's: a 抖店/拼多多 export is exported again with its 发货时间 column (抖店 lets the merchant choose
// the columns), or --shipments; a Taobao/Tmall one keeps its hint. Fixtures: the examples with the
// 发货时间 column taken out and only shipped orders kept (抖店 已完成/已发货: 8 of 11 rows; 拼多多
// 已收货/已发货，待收货: 6 of 8), so that no order can be judged.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

function withoutShipTime(example: string, shipped: string[]): string {
  const rows = parse(fs.readFileSync(path.join(EXAMPLES, example), 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  const at = rows[0]!.indexOf('发货时间');
  const status = rows[0]!.indexOf('订单状态');
  const kept = [rows[0]!, ...rows.slice(1).filter((r) => shipped.includes(r[status]!))];
  const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
  const f = path.join(tmpDir(), example);
  fs.writeFileSync(f, '\uFEFF' + kept.map((r) => r.filter((_, i) => i !== at).map(q).join(',')).join('\n') + '\n');
  return f;
}

const AS_OF = ['--as-of', '2026-11-21 10:00:00'];

describe('compensate with no ship time at all: the hint is the platform\'s', () => {
  it('抖店: export again with 发货时间, no 宝贝报表 (failed before: "the item report (宝贝报表)")', () => {
    const f = withoutShipTime('douyin-orders-202611.csv', ['已完成', '已发货']);
    const r = runCli(['compensate', f, ...AS_OF, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: ${f} has no ship-time column (发货时间), and no order could be judged without it\n  hint: add --shipments <pickup-scans.csv> (订单编号, 揽收时间), or export the orders again with the 发货时间 column included.\n`);
    const zh = runCli(['compensate', f, ...AS_OF, '--lang', 'zh']);
    expect(zh.stderr).toContain('加上 --shipments <揽收文件> (订单编号, 揽收时间), 或重新导出订单并勾选"发货时间"列。');
    expect(zh.stderr).not.toContain('宝贝报表');
  });
  it('拼多多 (judged under --rules tmall-2023: no 拼多多 rule set is shipped): the same', () => {
    const f = withoutShipTime('pdd-orders-202611.csv', ['已收货', '已发货，待收货']);
    const r = runCli(['compensate', f, ...AS_OF, '--rules', 'tmall-2023', '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`storeops: error: ${f} has no ship-time column (发货时间), and no order could be judged without it\n  hint: add --shipments <pickup-scans.csv> (订单编号, 揽收时间), or export the orders again with the 发货时间 column included.\n`);
  });
});
