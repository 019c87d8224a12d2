// A 好评 (or 5 stars) whose words say the goods never came — 还没发货, 到现在都没收到货, 货还没到 — was
// not queued (reproduced: reviews queue on such a row listed nothing). RULES.md §2 covers 中评/差评;
// docs/rules.md §2.1 already follows up a positive review whose words are plainly negative as
// `negative_text` (负面内容), rated as given (好评, never 差评), scored as a 中评. A buyer telling the shop
// the parcel has not come is such a complaint (and, a review being left only once the order is
// confirmed, a parcel to trace), so text45 adds the non-delivery words to the `negative` table (and
// 货还没到 to `logistics`), not a new kind of item: it shows as 好评 / 负面内容 / 物流, contact-logistics.
// Praise that only mentions the wait (本来以为还没发货…结果第二天就到了, 还没收到的时候就很期待) is not.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const ROWS = [
  ['261110-313147329357902', '好评', '还没发货 怎么回事'],
  ['261110-313147329357903', '5星', '到现在都没收到货'],
  ['261110-313147329357904', '好评', '本来以为还没发货 结果第二天就到了 很好'],
  ['261110-313147329357905', '好评', '还没收到的时候就很期待 质量很好'],
  ['261110-313147329357906', '好评', '货还没到'],
  ['261110-313147329357907', '好评', "haven't received it yet"],
];

function sheet(): string {
  const f = path.join(tmpDir(), 'pdd.csv');
  fs.writeFileSync(f, ['订单编号,商品名称,评价结果,评价时间,评价内容', ...ROWS.map(([id, r, t]) => `${id},围巾,${r},2026-11-19 21:40:00,${t}`)].join('\n') + '\n');
  return f;
}

describe('a positive review saying the goods have not come', () => {
  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`queued as 好评 with negative_text, logistics, contact-logistics; praise about the wait is not (failed before: none queued) (${tz})`, () => {
      const r = runCli(['reviews', 'queue', sheet(), '--as-of', '2026-11-21 10:00:00', '-f', 'json'], { tz });
      expect(r.code).toBe(0);
      const rows = JSON.parse(r.stdout) as { orderId: string; rating: string; reasons: string[]; categories: string[]; template: string }[];
      const got = Object.fromEntries(rows.map((x) => [x.orderId, [x.rating, x.reasons.join(';'), x.categories.join(';'), x.template]]));
      expect(got).toEqual({
        '261110-313147329357902': ['good', 'negative_text', 'logistics', 'contact-logistics'],
        '261110-313147329357903': ['good', 'negative_text', 'logistics', 'contact-logistics'],
        '261110-313147329357906': ['good', 'negative_text', 'logistics', 'contact-logistics'],
        // English: "received" is no logistics word in the table: category other.
        '261110-313147329357907': ['good', 'negative_text', 'other', 'contact-other'],
      });
      const zh = runCli(['reviews', 'queue', sheet(), '--as-of', '2026-11-21 10:00:00', '-f', 'csv', '--lang', 'zh'], { tz });
      const line = zh.stdout.split('\n').find((l) => l.includes('261110-313147329357902'))!;
      expect(line).toContain(',好评,');
      expect(line).toContain(',负面内容,物流,');
      expect(line).not.toContain('差评');
    });
  }

  it('the message owns the late dispatch (还没发货 is the shop\'s delay, docs/rules.md §2.1)', () => {
    const r = runCli(['reviews', 'message', '261110-313147329357902', '--reviews', sheet(), '--as-of', '2026-11-21 10:00:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('这单是我们发货晚了, 是我们自己的延误');
  });
});
