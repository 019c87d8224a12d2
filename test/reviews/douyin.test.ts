// 抖店 商品评论 export (FORMATS "抖店 商品评论"): xlsx with 评价日期, 订单ID, 商品ID, 商品名称, 商品规格,
// 商品评价得分 (1–5), 评价内容, and dates written 2026年11月19日 21:40:00. Score ≤ 2 is negative, 3 neutral.
// The workbook is built here; the run goes through the built binary (npx tsc -p . first).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

let file = '';

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('商品评论');
  ws.addRow(['评价日期', '订单ID', '商品ID', '商品名称', '商品规格', '商品评价得分', '评价内容']);
  ws.addRow(['2026年11月19日 21:40:00', '6930000000000000001', '3612345678901234567', '儿童保温杯', '蓝色 350ml', 1, '收到就坏了，质量太差']);
  ws.addRow(['2026年11月20日 09:05:00', '6930000000000000002', '3612345678901234567', '儿童保温杯', '粉色 350ml', 3, '一般般，物流有点慢']);
  ws.addRow(['2026年11月20日 10:00:00', '6930000000000000003', '3612345678901234567', '儿童保温杯', '蓝色 500ml', 5, '很好']);
  ws.addRow(['2026年11月20日 11:00:00', '6930000000000000004', '3612345678901234568', '保温饭盒', '', 2, '']);
  ws.addRow(['昨天', '6930000000000000005', '3612345678901234568', '保温饭盒', '', 1, '不好']);
  file = path.join(tmpDir(), '商品评论-2026-11-21 10_19_18.xlsx');
  await wb.xlsx.writeFile(file);
  expect(fs.existsSync(file)).toBe(true);
});

describe('reviews queue reads the 抖店 商品评论 export', () => {
  it.each(['UTC', 'America/Los_Angeles'])('flags scores ≤ 3 with Beijing deadlines (machine TZ=%s)', (tz) => {
    const r = runCli(['reviews', 'queue', file, '--as-of', '2026-11-21 10:00:00', '-f', 'json'], { tz });
    // Line 6 has no usable date: rejected, so exit 1.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(':6 [评价日期]: "昨天"');
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    // Worked by hand (score = severity + issue + value + repeat + urgency; as-of 11-21 10:00):
    // …001 score 1 → negative 5 + quality (坏了) 2 + 0 + 0 + contactBy 11-20 21:40 overdue 2 = 9 → priority 1
    // …004 score 2 → negative 5 + other 0 + 0 + 0 + contactBy 11-21 11:00, 1 h left 2 = 7 → priority 2
    // …002 score 3 → neutral 2 + logistics (物流) 1 + 0 + 0 + contactBy 11-21 09:05 overdue 2 = 5 → priority 3
    // …003 score 5, text 很好 → not flagged.
    expect(rows.map((x) => [x.orderId, x.rating, x.priority, x.score])).toEqual([
      ['6930000000000000001', 'bad', 1, 9],
      ['6930000000000000004', 'bad', 2, 7],
      ['6930000000000000002', 'neutral', 3, 5],
    ]);
    expect(rows[0]).toMatchObject({
      reviewedAt: '2026-11-19T21:40:00+08:00',
      contactBy: '2026-11-20T21:40:00+08:00',
      explainBy: '2026-12-19T21:40:00+08:00',
      title: '儿童保温杯 (蓝色 350ml)',
      categories: ['quality'],
      buyer: '',
    });
    expect(rows[2]).toMatchObject({ reviewedAt: '2026-11-20T09:05:00+08:00', categories: ['logistics'], title: '儿童保温杯 (粉色 350ml)' });
    expect(rows[1]).toMatchObject({ title: '保温饭盒', categories: ['other'] });
  });
});

describe('抖店 reviews with --orders: the buyer named by the order export (user11)', () => {
  it.each(['UTC', 'America/Los_Angeles'])('is shown, grouped, counted as a serial reviewer and greeted (TZ=%s)', (tz) => {
    // The 抖店 export names buyer 小美 for orders …001, …002 and …004 (three reviews scored 1, 3, 2).
    const orders = path.join(tmpDir(), 'douyin-orders.csv');
    const head = '主订单编号,子订单编号,选购商品,商品规格,订单应付金额,收件人手机号,订单提交时间,支付完成时间,承诺发货时间,订单状态,用户昵称\n';
    const row = (n: string, paid: string) => `"\t69300000000000000${n}","\t69300000000000000${n}",保温杯,默认,${paid},13800000000,2026-11-10 09:00:00,2026-11-10 09:00:00,2026-11-12 09:00:00,已完成,小美\n`;
    fs.writeFileSync(orders, '\uFEFF' + head + row('01', '59.00') + row('02', '59.00') + row('04', '39.00'));
    const r = runCli(['reviews', 'queue', file, '--orders', orders, '--as-of', '2026-11-21 10:00:00', '-f', 'json', '--state', path.join(tmpDir(), 's.db')], { tz });
    expect(r.code).toBe(1); // line 6 (昨天) is rejected, as above
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    // Before: buyer '' on every row (the review names none) while sameBuyer listed 小美's other orders,
    // and no serial_negative although 小美 left 3 neutral/negative reviews (reviews.serialNegative 3).
    expect(rows.map((x) => [x.orderId, x.buyer, x.malicious])).toEqual([
      ['6930000000000000001', '小美', ['serial_negative:3']],
      ['6930000000000000004', '小美', ['serial_negative:3']],
      ['6930000000000000002', '小美', ['serial_negative:3']],
    ]);
    expect(rows[0]!.sameBuyer).toEqual(['6930000000000000002', '6930000000000000004']);
    const m = runCli(['reviews', 'message', '6930000000000000001', '--reviews', file, '--orders', orders, '--as-of', '2026-11-21 10:00:00', '--state', path.join(tmpDir(), 's.db')], { tz });
    expect(m.stdout.startsWith('小美 您好')).toBe(true);
  });
});
