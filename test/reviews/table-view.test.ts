// The terminal table of `reviews queue` showed orderId, buyer, rating, contactBy, status, escalate
// and action: no priority and no overdue (SPEC reviews: the queue's items carry both), and at 80
// columns (a tmux pane) `action`, what to do, fell into a second block. Now the short view is in the
// order an operator acts on: priority, orderId, action, overdue, contactBy, then buyer, (assignee),
// escalate, status; rating left to --wide/csv. Headers are never cut; csv/json keep every column in
// their order.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/io/width.js';
import { EXAMPLES, runCli } from '../helpers.js';
import path from 'node:path';

const args = ['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--orders', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-21 10:00:00', '--state', 'none.db'];
const table = (columns: number, lang: string, tz: string) => {
  const r = runCli([...args, '-f', 'table', '--lang', lang], { env: { COLUMNS: String(columns) }, tz });
  expect(r.code).toBe(0);
  const lines = r.stdout.trimEnd().split('\n');
  // No line wider than the terminal; no header cut (no … in a header line).
  for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(columns);
  const blocks = r.stdout.trimEnd().split('\n\n').map((b) => b.split('\n'));
  for (const b of blocks) expect(b[0]).not.toContain('…');
  return blocks;
};

describe('reviews queue terminal table: priority and overdue, action first', () => {
  it.each(['UTC', 'America/Los_Angeles'])('80 columns, en and zh (TZ=%s)', (tz) => {
    const en = table(80, 'en', tz);
    // 19 + 8 + 14 (file_complaint) + 9 (contactBy) + 19 + 4 gaps of 2 = 77: the first block; the
    // buyer (10) would make 89. By hand (as-of 11-21 10:00, contactBy = review + 24 h, RULES 2.3):
    // …901 reviewed 11-19 21:40 → 11-20 21:40 passed; …501 11-20 09:12 → 11-21 09:12 passed; …0901
    // (neutral, 11-18 11:00) → 11-19 11:00 passed; …902 11-21 10:00 is now, not passed.
    expect(en[0]).toEqual([
      'orderId              priority  action          overdue    contactBy',
      '6000000000000000902         1  contact_now                2026-11-22 08:30:00',
      '3515313147329357901         1  contact_now     contactBy  2026-11-20 21:40:00',
      '3515313147329357902         1  contact_now                2026-11-21 10:00:00',
      // A complaint row (extortion): no contact planned, no contact deadline (it showed 11-21 22:00:00).
      '4100000000000000701         2  file_complaint',
      '2987650012233445501         3  contact_now     contactBy  2026-11-21 09:12:00',
      '5200000000000000801         3  contact_now                2026-11-21 18:30:00',
      '6000000000000000901         4  contact_now     contactBy  2026-11-19 11:00:00',
    ]);
    expect(en[1]![0]).toBe('orderId              buyer       escalate   status');
    expect(en).toHaveLength(2);
    const zh = table(80, 'zh', tz);
    // zh labels are narrower (立即联系 8, 联系期限 8): the buyer fits the first block.
    expect(zh.map((b) => b[0])).toEqual(['订单编号             优先级  下一步    已逾期    联系期限             买家', '订单编号             上报       状态']);
    expect(zh[0]![2]).toBe('3515313147329357901       1  立即联系  联系期限  2026-11-20 21:40:00  小明爱购物');
  });

  it.each(['UTC', 'America/Los_Angeles'])('120 columns: one line, en and zh (TZ=%s)', (tz) => {
    const en = table(120, 'en', tz);
    expect(en).toHaveLength(1);
    expect(en[0]![0]).toBe('priority  orderId              action          overdue    contactBy            buyer       escalate   status');
    expect(en[0]![4]).toBe('       2  4100000000000000701  file_complaint                                  老王的店铺  extortion  new');
    const zh = table(120, 'zh', tz);
    expect(zh).toHaveLength(1);
    expect(zh[0]![0]).toBe('优先级  订单编号             下一步    已逾期    联系期限             买家        上报       状态');
  });

  it('csv and json keep every column in their order', () => {
    const csv = runCli([...args, '-f', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'priority,orderId,buyer,rating,reviewedAt,title,text,followUpText,reasons,categories,contactBy,explainBy,complaintBy,overdue,status,attempts,buyerAttempts,lastContactAt,nextContactAt,sameBuyer,assignee,escalate,action,template,goodwill,malicious,orderValue,earlierOrders,score',
    );
    const json = JSON.parse(runCli([...args, '-f', 'json']).stdout) as Record<string, unknown>[];
    expect(Object.keys(json[0]!)).toHaveLength(29);
    expect(json[1]).toMatchObject({ orderId: '3515313147329357901', priority: 1, overdue: ['contactBy'], rating: 'bad' });
  });
});
