// RULES 2.2 (恶意骚扰, ruleId 11000254): contact attempts, the minimum gap and quiet hours count per
// buyer across all their reviews. Worked by hand over two reviews of one buyer and two days, through
// the built binary (npx tsc -p . first); the machine runs in UTC, the data is Beijing time.
// Settings are the defaults: at most 3 attempts (within 30 days), 4 h between contacts, quiet 22:00–08:00.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buyerContactState, DEFAULT_SETTINGS } from '../../src/reviews/policy.js';
import { TimeZone, parseTime } from '../../src/time.js';
import { runCli, tmpDir } from '../helpers.js';

const bj = new TimeZone('Asia/Shanghai');
const at = (s: string) => parseTime(s, bj) as number;
const A = '1000000000000000001';
const B = '1000000000000000002';
const C = '1000000000000000003';
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];

function setup() {
  const dir = tmpDir();
  const reviews = path.join(dir, 'reviews.csv');
  fs.writeFileSync(
    reviews,
    '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n' +
      `${A},小明,保温杯,差评,2026-11-20 20:00:00,漏水\n` +
      `${B},小明,围巾,差评,2026-11-21 09:00:00,掉毛严重\n` +
      `${C},阿花,T恤,中评,2026-11-20 09:00:00,一般般\n`,
  );
  const st = ['--state', path.join(dir, 's.db')];
  const log = (id: string, status: string, when: string, ...more: string[]) =>
    runCli(['reviews', 'log', id, '--status', status, '--reviews', reviews, '--as-of', when, '-f', 'json', ...st, ...more]);
  const queue = (when: string) => {
    const r = runCli(['reviews', 'queue', reviews, '--as-of', when, '-f', 'json', ...st]);
    expect(r.code).toBe(0);
    return new Map(json(r.stdout).map((x) => [x.orderId as string, x]));
  };
  return { reviews, log, queue };
}

describe('per-buyer contact limits across two reviews and two days', () => {
  it('the gap, the attempts and the one agent count per buyer; --force is recorded', () => {
    const { log, queue } = setup();
    // Day 1, 10:00: 小明 is contacted about A. Next contact with 小明: 10:00 + 4 h = 14:00.
    let r = log(A, 'contacted', '2026-11-21 10:00:00');
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]).toMatchObject({ attempts: 1, nextContactAt: '2026-11-21T14:00:00+08:00' });

    // 12:00: B is 小明's other review. Before: it would have been contact_now. Now the gap from the
    // 10:00 contact holds it until 14:00; 阿花's C is not affected.
    let q = queue('2026-11-21 12:00:00');
    expect(q.get(B)).toMatchObject({ action: 'contact_later', attempts: 0, buyerAttempts: 1, nextContactAt: '2026-11-21T14:00:00+08:00', sameBuyer: [A] });
    expect(q.get(A)).toMatchObject({ action: 'contact_later', attempts: 1, buyerAttempts: 1, nextContactAt: '2026-11-21T14:00:00+08:00', sameBuyer: [B] });
    expect(q.get(C)).toMatchObject({ action: 'contact_now', buyerAttempts: 0, sameBuyer: [] });

    // 12:00: logging a contact about B inside the gap the queue showed is refused (exit 2) …
    r = log(B, 'contacted', '2026-11-21 12:00:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('less than 4 h since the buyer was last contacted (2026-11-21 10:00:00 Beijing time); the next contact is allowed from 2026-11-21 14:00:00 Beijing time');
    expect(r.stdout).toBe('');
    // … unless --force, which records it with the breach in the note (exit 1: needs attention).
    r = log(B, 'contacted', '2026-11-21 12:00:00', '--force');
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]).toMatchObject({
      attempts: 1,
      note: '[forced: less than 4 h since the buyer was last contacted (2026-11-21 10:00:00 Beijing time); the next contact is allowed from 2026-11-21 14:00:00 Beijing time]',
      // 小明's latest contact is now 12:00: + 4 h = 16:00.
      nextContactAt: '2026-11-21T16:00:00+08:00',
    });

    // 18:00: A again (6 h after 12:00: allowed). 小明 has now had 3 attempts: A 10:00, B 12:00, A 18:00.
    r = log(A, 'awaiting_reply', '2026-11-21 18:00:00');
    expect(r.code).toBe(0);
    expect(json(r.stdout)[0]).toMatchObject({ attempts: 2, nextContactAt: null });

    // Day 2, 09:00: A has 2 attempts and B 1, each under 3 per review, but 小明 has had 3: no more
    // contact about either review; the public explanation is what is left (explainBy A 12-20 20:00,
    // B 12-21 09:00, both open).
    q = queue('2026-11-22 09:00:00');
    expect(q.get(A)).toMatchObject({ attempts: 2, buyerAttempts: 3, nextContactAt: null, action: 'post_explanation' });
    expect(q.get(B)).toMatchObject({ attempts: 1, buyerAttempts: 3, nextContactAt: null, action: 'post_explanation' });
    expect(q.get(C)).toMatchObject({ action: 'contact_now', buyerAttempts: 0 });
    r = log(B, 'contacted', '2026-11-22 09:00:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the buyer was contacted 3 times in 30 days (other reviews included), the limit is 3');
  });

  it('a do_not_contact on one review stops contact about the buyer\'s other review', () => {
    const { log, queue } = setup();
    expect(log(A, 'do_not_contact', '2026-11-21 10:00:00').code).toBe(0);
    const q = queue('2026-11-21 15:00:00');
    expect(q.get(B)).toMatchObject({ status: 'new', nextContactAt: null, action: 'post_explanation' });
    const r = log(B, 'contacted', '2026-11-21 15:00:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the buyer asked not to be contacted, about another review (do_not_contact)');
  });

  it('one buyer goes to one agent', () => {
    const { reviews } = setup();
    const roster = path.join(path.dirname(reviews), 'roster.csv');
    fs.writeFileSync(roster, 'agent,date,shift,start,end,hours\n小李,2026-11-21,D,09:00,17:30,8.5\n小王,2026-11-21,H,10:00,15:30,5.5\n');
    const r = runCli(['reviews', 'queue', reviews, '--roster', roster, '--as-of', '2026-11-21 11:00:00', '-f', 'json']);
    // Queue at 11:00 (no history, no orders): A negative 5 + quality (漏水) 2 + contactBy 11-21 20:00
    // (9 h left) 1 = 8; B 5 + quality (掉毛) 2 + contactBy 11-22 09:00 (22 h) 0 = 7; C neutral 2 +
    // other 0 + contactBy 11-21 09:00 overdue 2 = 4. Buyers in that order: 小明 → 小李, 阿花 → 小王.
    // Per item the old rule would have given A 小李, B 小王, C 小李.
    expect(json(r.stdout).map((x) => [x.orderId, x.score, x.assignee])).toEqual([
      [A, 8, '小李'],
      [B, 7, '小李'],
      [C, 4, '小王'],
    ]);
  });

  it('logging an order that is in no review file warns (exit 1) and is still recorded', () => {
    const { log } = setup();
    const r = log('1000000000000000009', 'contacted', '2026-11-21 10:00:00');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('order 1000000000000000009 is in none of the review files given');
    expect(json(r.stdout)[0]).toMatchObject({ orderId: '1000000000000000009', attempts: 1 });
  });
});

describe('buyerContactState (pure)', () => {
  const S = DEFAULT_SETTINGS;
  it('attempts older than the 30-day window do not count towards the buyer\'s limit', () => {
    // Attempts on another review at 10-20 and 10-21 (more than 30 days before 11-22 09:00) and one
    // at 11-21 10:00: only the last counts, so 1 < 3 and contact is allowed 4 h after it (14:00, already past).
    const other = { status: 'awaiting_reply' as const, attempts: 3, lastContactAt: at('2026-11-21 10:00:00'), attemptTimes: [at('2026-10-20 10:00:00'), at('2026-10-21 10:00:00'), at('2026-11-21 10:00:00')] };
    const c = buyerContactState(undefined, [other], at('2026-11-22 09:00:00'), S, bj);
    expect(c).toMatchObject({ attempts: 0, buyerAttempts: 1, nextContactAt: at('2026-11-22 09:00:00') });
    expect(c.blocked).toBeUndefined();
  });
  it('the gap runs from the latest contact about any review, then out of quiet hours', () => {
    // Other review contacted 20:30: + 4 h = 00:30, in quiet hours → 08:00 the next day.
    const other = { status: 'contacted' as const, attempts: 1, lastContactAt: at('2026-11-21 20:30:00') };
    expect(buyerContactState(undefined, [other], at('2026-11-21 21:00:00'), S, bj).nextContactAt).toBe(at('2026-11-22 08:00:00'));
  });
});

describe('reviews message for one order honours the buyer-wide limits', () => {
  it('a buyer who said stop about another review gets the public explanation, not a direct message', () => {
    const { reviews, log } = setup();
    const dir = path.dirname(reviews);
    expect(log(A, 'do_not_contact', '2026-11-21 10:00:00').code).toBe(0);
    const r = runCli(['reviews', 'message', B, '--reviews', reviews, '--as-of', '2026-11-21 12:00:00', '--state', path.join(dir, 's.db')]);
    expect(r.code).toBe(0);
    // Before the fix only B's review was read: B had no contacts and got the direct contact text.
    expect(r.stderr).toContain(`order ${B}: no further contact with the buyer`);
    expect(r.stderr).toContain('this is the public explanation text');
  });
});

describe('reviews log from several processes at once', () => {
  it('records one contact: the others wait for the write lock, then find the buyer just contacted (exit 2)', async () => {
    const { spawnCli } = await import('../hardening/hostile.js');
    const { reviews } = setup();
    const state = path.join(path.dirname(reviews), 'race.db');
    // Eight operators log a contact with 小明 within the same seconds; the rules allow one (4 h gap).
    const runs = Array.from({ length: 8 }, (_, i) =>
      spawnCli(['reviews', 'log', A, '--status', 'contacted', '--reviews', reviews, '--as-of', `2026-11-21 12:00:0${i}`, '--state', state, '-q']),
    );
    const codes = (await Promise.all(runs.map((r) => r.done))).map((r) => r.code).sort();
    expect(codes).toEqual([0, 2, 2, 2, 2, 2, 2, 2]);
    const list = runCli(['ledger', 'export', '--what', 'contacts', '--state', state, '-f', 'json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(1);
  });
});

describe('reviews message when the goodwill is 0.00', () => {
  it('says so: the order paid 0.00, so the message would offer "0.00"', async () => {
    const { order, taobaoCsv } = await import('../orders/build.js');
    const { reviews } = setup();
    const dir = path.dirname(reviews);
    const orders = path.join(dir, 'orders.csv');
    fs.writeFileSync(orders, taobaoCsv([order(A, { 买家会员名: '小明', 买家应付货款: '0.00', 买家应付邮费: '0.00', 买家实际支付金额: '0.00', 订单状态: '交易成功' })]));
    const r = runCli(['reviews', 'message', A, '--reviews', reviews, '--orders', orders, '--as-of', '2026-11-21 12:00:00', '--state', path.join(dir, 's.db')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`order ${A}: the goodwill is 0.00 (the order paid 0.00), so the message offers "0.00"; remove that sentence before sending`);
  });
});
