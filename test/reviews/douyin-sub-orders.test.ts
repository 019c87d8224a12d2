// A 抖店 review names the line it is about: a 子订单编号 of a multi-line order (examples/douyin-orders-202611.csv:
// order …801 has sub-orders …808 羊毛围巾 128.00, …809 手套 48.00, …810 袜子 60.00), or of a one-line
// order whose sub-order id differs (…502 → …505). Before, only a 主订单编号 joined `--orders`: a review
// naming …808 or …505 had orderValue null, buyer '' and earlierOrders null. Now it joins its line:
// the line's own amount (as a 订单报表's sub-order), the order's buyer and payment time.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const ORDERS = path.resolve(__dirname, '../../examples/douyin-orders-202611.csv');

describe('抖店 review naming a 子订单编号 joins --orders (operator test)', () => {
  it.each(['UTC', 'America/Los_Angeles'])('gets the line value, buyer and earlier orders (TZ=%s)', (tz) => {
    const reviews = path.join(tmpDir(), 'douyin-reviews.csv');
    fs.writeFileSync(
      reviews,
      '评价日期,订单ID,商品ID,商品名称,商品规格,商品评价得分,评价内容\n' +
        '2026年11月20日 09:12:00,6900000000000000808,1,羊毛围巾 红色,默认,1,围巾掉毛严重\n' +
        '2026年11月20日 09:14:00,6987650012233445505,2,羊毛袜 三双装,默认,1,袜子掉毛严重\n' +
        '2026年11月20日 09:16:00,6900000000000000801,3,针织手套,默认,1,手套掉毛严重\n',
    );
    const r = runCli(['reviews', 'queue', reviews, '--orders', ORDERS, '--as-of', '2026-11-21 10:00:00', '-f', 'json', '--state', path.join(tmpDir(), 's.db')], { tz });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    const by = Object.fromEntries(rows.map((x) => [x.orderId, [x.buyer, x.orderValue, x.earlierOrders, x.score]]));
    // By hand (README "How the priority is scored"; as-of 11-21 10:00, every contactBy 24 h after the
    // review is overdue: +2; 掉毛 is quality: +2; score 1 is negative: 5):
    // …808: line 128.00 ≥ 100 → +1; 小红书迷 has no other paid order → 0. 5 + 2 + 1 + 0 + 2 = 10
    //   (before: null, '', null, 9).
    // …505 (of …502, paid 11-15 11:00): 99.90 < 100 → 0; 阿花tb paid …501 at 11-15 10:00, earlier → 1, +1.
    //   5 + 2 + 0 + 1 + 2 = 10 (before: null, '', null, 9).
    // …801 (the order, as before): 128 + 48 + 60 = 236.00 → +1; 5 + 2 + 1 + 0 + 2 = 10.
    expect(by).toEqual({
      '6900000000000000808': ['小红书迷', '128.00', 0, 10],
      '6987650012233445505': ['阿花tb', '99.90', 1, 10],
      '6900000000000000801': ['小红书迷', '236.00', 0, 10],
    });
  });
});
