// Safety first (RULES 2.1; issue 18): a health or safety complaint (过敏, 起疹, 烫伤, 割伤, 误食, 漏电,
// 起火 …) is priority 1 whatever else is in the queue, with its own message (stop using it, how to
// return it, a named person to call) and an escalation flag. An extortion review (不退款就差评) is
// marked for evidence and a platform complaint, with no goodwill offer. Through the built binary.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];

function reviewsFile(): string {
  const f = path.join(tmpDir(), 'reviews.csv');
  fs.writeFileSync(
    f,
    '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容\n' +
      // A 好评 whose words are a child's rash: the lowest severity (negative words on a positive review, 2).
      '2000000000000000001,宝妈,儿童口罩,好评,2026-11-21 08:00:00,宝宝戴了半天脸上起疹子了,,\n' +
      // A negative 追评 and a negative review: higher scores.
      '2000000000000000002,小刘,毛线球清理器,好评,2026-11-19 10:00:00,挺好,2026-11-20 09:00:00,用了三次就坏了很失望\n' +
      '2000000000000000003,小陈,电热水壶,差评,2026-11-20 11:00:00,烧水时漏电，手被电了一下,,\n' +
      '2000000000000000004,老王,不锈钢锅铲,差评,2026-11-20 12:00:00,不退款就差评，东西也就那样,,\n' +
      '2000000000000000005,小周,纯棉T恤,差评,2026-11-20 13:00:00,质量太差，洗一次就破洞,,\n',
  );
  return f;
}

describe('safety first', () => {
  it.each(['UTC', 'America/Los_Angeles'])('health and safety complaints lead the queue, flagged for escalation (TZ=%s)', (tz) => {
    const f = reviewsFile();
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 10:00:00', '-f', 'json'], { tz });
    expect(r.code).toBe(0);
    const rows = json(r.stdout);
    // Scores without safety: …001 positive with negative words 2 + safety 3 + contactBy 11-22 08:00
    // (22 h) 0 = 5 (band 3); …003 negative 5 + safety 3 + contactBy 11-21 11:00 (1 h) 2 = 10.
    // Both are safety complaints: priority 1, before everything else, higher score first.
    // Then …002 negative 追评 4 + quality 2 + contactBy 11-21 09:00 overdue 2 = 8 → 2;
    // …005 negative 5 + quality 2 + contactBy 11-21 13:00 (3 h) 2 = 9 → 1; …004 (extortion: a complaint,
    // no contact planned, so the complaint deadline 12-20 12:00, 29 days away, counts) 5 + other 0 + 0 = 5 → 3
    // (until 2026-12: + 2 for a contact deadline 2 h away, 7 → 2).
    expect(rows.map((x) => [x.orderId, x.priority, x.score, x.escalate])).toEqual([
      ['2000000000000000003', 1, 10, ['safety']],
      ['2000000000000000001', 1, 5, ['safety']],
      ['2000000000000000005', 1, 9, []],
      ['2000000000000000002', 2, 8, []],
      ['2000000000000000004', 3, 5, ['extortion']],
    ]);
    expect(rows[1]).toMatchObject({ template: 'contact-safety', action: 'contact_now', reasons: ['negative_text', 'safety'], categories: ['quality'] });
    expect(r.stderr).toContain('2 health or safety complaints (priority 1, escalate now): 2000000000000000003, 2000000000000000001');
    expect(r.stderr).toContain('no person in charge of safety complaints is set');
  });

  it('the safety message: stop using it, how to return it, the named person; refused without a name (exit 2)', () => {
    const f = reviewsFile();
    const none = runCli(['reviews', 'message', '2000000000000000001', '--reviews', f, '--as-of', '2026-11-21 10:00:00']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--safety-contact');
    expect(none.stdout).toBe('');
    const r = runCli(['reviews', 'message', '2000000000000000001', '--reviews', f, '--as-of', '2026-11-21 10:00:00', '--safety-contact', '王经理 400-123-4567']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('请您立即停止使用这件商品');
    expect(r.stdout).toContain('我们会为您办理退货退款');
    expect(r.stdout).toContain('请直接联系我们的负责人 王经理 400-123-4567');
    // From the config as well.
    const cfg = path.join(path.dirname(f), 'c.json');
    fs.writeFileSync(cfg, JSON.stringify({ reviews: { safetyContact: 'Manager Wang 400-123-4567' } }));
    const en = runCli(['reviews', 'message', '2000000000000000003', '--reviews', f, '--config', cfg, '--as-of', '2026-11-21 10:00:00', '--message-lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Please stop using it now');
    expect(en.stdout).toContain('Please call the person in charge, Manager Wang 400-123-4567');
  });
});

describe('extortion', () => {
  it('goes to evidence and a platform complaint, with no goodwill', () => {
    const f = reviewsFile();
    const q = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 10:00:00', '-f', 'json']);
    const item = json(q.stdout).find((x) => x.orderId === '2000000000000000004')!;
    // Reviewed 11-20 12:00: complaint within 30 days, by 12-20 12:00.
    expect(item).toMatchObject({
      action: 'file_complaint',
      template: 'complaint-extortion',
      goodwill: '0.00',
      malicious: ['extortion:不退款就差评'],
      escalate: ['extortion'],
      complaintBy: '2026-12-20T12:00:00+08:00',
    });
    const m = runCli(['reviews', 'message', '2000000000000000004', '--reviews', f, '--as-of', '2026-11-21 10:00:00']);
    expect(m.code).toBe(0);
    expect(m.stderr).toContain('an extortion review; this text is the evidence and complaint steps, not a message to the buyer; no goodwill is offered');
    expect(m.stdout).toContain('【不发给买家】订单 2000000000000000004 的评价 (2026-11-20 12:00:00) 以差评要挟退款或补偿: 「不退款就差评，东西也就那样」');
    expect(m.stdout).toContain('在 2026-12-20 12:00:00 之前');
    expect(m.stdout).not.toContain('元补偿');
  });
});
