// A 抖店 or 拼多多 order export given to the wrong command was called "an item report (宝贝报表, one
// row per order line)" / "宝贝报表 (订单明细)" — a Taobao word a 抖店 seller has never seen — with
// the hint `orders normalize FILE --lines`, though compensate reads it as it is. And given to
// `zhenjian estimate` (user16, 王姐, a 拼多多 and 抖店 shop), nothing said that 甄检 is Tmall's: a
// 抖店 or 拼多多 product cannot register, and the estimate reads a product table.
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli } from '../helpers.js';

const ex = (f: string) => `${EXAMPLES}/${f}`;

for (const tz of ['UTC', 'America/Los_Angeles']) {
  describe(`an order export of 抖店 or 拼多多 given to another command (TZ=${tz})`, () => {
    it('zhenjian estimate: named by its platform; 甄检 is Tmall\'s; the product table to give instead (exit 3)', () => {
      const dy = runCli(['zhenjian', 'estimate', ex('douyin-orders-202611.csv'), '--lang', 'en'], { tz });
      expect(dy.code).toBe(3);
      expect(dy.stderr).toBe(
        `storeops: error: ${ex('douyin-orders-202611.csv')} is a 抖店 (Douyin) order export, not what storeops zhenjian estimate reads here\n` +
          `  hint: 甄检 is Tmall's testing service (天猫甄检): 抖店 products cannot register for it; the estimate reads a Tmall product table, one row per product (商品ID, 类目, 一口价, 到手价, 成本, 服务费 …), as examples/zhenjian-products.csv, or answers typed in a terminal with no file. This file is read with: storeops compensate ${ex('douyin-orders-202611.csv')}\n`,
      );
      const pdd = runCli(['zhenjian', 'estimate', ex('pdd-orders-202611.csv'), '--lang', 'zh'], { tz });
      expect(pdd.code).toBe(3);
      expect(pdd.stderr).toBe(
        `storeops: 错误: ${ex('pdd-orders-202611.csv')} 是拼多多订单导出, 不是 storeops zhenjian estimate 在这里要读的文件\n` +
          `  提示: 甄检是天猫的检测服务 (天猫甄检), 拼多多的商品不能报名; 甄检估算读天猫商品表, 每个商品一行 (商品ID、类目、一口价、到手价、成本、服务费 …), 如 examples/zhenjian-products.csv, 或不带文件在终端里逐项回答。这个文件这样读取: storeops compensate ${ex('pdd-orders-202611.csv')}\n`,
      );
      // A Tmall order report: the product table is named, and nothing is said of other platforms.
      const tm = runCli(['zhenjian', 'estimate', ex('ExportOrderList202611.csv'), '--lang', 'en'], { tz });
      expect(tm.code).toBe(3);
      expect(tm.stderr).toContain('  hint: the estimate reads a Tmall product table, one row per product');
    });

    it('reviews queue: a 抖店 export is no 宝贝报表, and compensate reads it as it is', () => {
      const r = runCli(['reviews', 'queue', ex('douyin-orders-202611.csv'), '--lang', 'en'], { tz });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${ex('douyin-orders-202611.csv')} is a 抖店 (Douyin) order export, not what storeops reviews queue reads here`);
      expect(r.stderr).toContain(`read it with: storeops compensate ${ex('douyin-orders-202611.csv')}; for the review queue, give it beside the review table with --orders`);
      expect(r.stderr).not.toContain('宝贝报表');
    });
  });
}
