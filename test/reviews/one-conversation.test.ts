// `reviews log A B`: one conversation with a buyer about several of their orders is ONE contact
// (RULES 2.2, 恶意骚扰 ruleId 11000254: the cap limits how often a buyer is contacted; docs/rules.md
// §2.2 "Our reading (陈姐 …)"). 陈姐 (天猫 女装 客服主管) logged A at 14:05 and B at 14:06 after one chat
// about both: B was refused (the 4 h gap), the queue asked for a second contact at 18:05, and --force
// counted a second attempt. Every test here failed before: `reviews log A B` was "too many arguments"
// (exit 2), and each order's attempt counted toward the buyer's cap.
// Defaults: at most 3 attempts per buyer in 30 days, 4 h between contacts, quiet 22:00–08:00 Beijing.
// Through the built binary (npm run build first); the machine's TZ is UTC or America/Los_Angeles, the
// data and --as-of are Beijing time.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buyerContactState, DEFAULT_SETTINGS } from '../../src/reviews/policy.js';
import { APPLICATION_ID, MIGRATIONS } from '../../src/state/schema.js';
import { TimeZone, parseTime } from '../../src/time.js';
import { runCli, tmpDir } from '../helpers.js';

const A = '3515313147329357911';
const B = '3515313147329357912';
const C = '3515313147329357913';
const D = '3515313147329357914';
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];
const TZS = ['UTC', 'America/Los_Angeles'];

function setup(tz: string) {
  const dir = tmpDir();
  const reviews = path.join(dir, 'reviews.csv');
  // A, B, C: 陈小姐's three orders (差评, 差评, 中评); D: 阿花's.
  fs.writeFileSync(
    reviews,
    '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n' +
      `${A},陈小姐,羊毛大衣,差评,2026-12-06 20:00:00,起球严重\n` +
      `${B},陈小姐,针织裙,差评,2026-12-06 21:00:00,尺码不对\n` +
      `${C},陈小姐,围巾,中评,2026-12-07 09:00:00,颜色有点暗\n` +
      `${D},阿花,T恤,中评,2026-12-07 09:00:00,颜色有点暗\n`,
  );
  const state = path.join(dir, 's.db');
  const log = (ids: string[], when: string, ...more: string[]) =>
    runCli(['reviews', 'log', ...ids, '--status', 'contacted', '--reviews', reviews, '--as-of', when, '-f', 'json', '--state', state, '--lang', 'en', ...more], { tz });
  const queue = (when: string) => {
    const r = runCli(['reviews', 'queue', reviews, '--as-of', when, '-f', 'json', '--state', state, '--lang', 'en'], { tz });
    expect(r.code, r.stderr).toBe(0);
    return new Map(json(r.stdout).map((x) => [x.orderId as string, x]));
  };
  const entries = () => {
    const r = runCli(['ledger', 'export', '--what', 'contacts', '-f', 'json', '--state', state, '--lang', 'en'], { tz });
    expect(r.code, r.stderr).toBe(0);
    return json(r.stdout).map((e) => [e.orderId, e.at, e.sameContact]);
  };
  return { dir, reviews, state, log, queue, entries };
}

describe.each(TZS)('reviews log with several order ids (TZ=%s)', (tz) => {
  it('陈姐: A at 14:05, B at 14:06 is refused as a second contact, the hint adds B to the 14:05 contact: one attempt', () => {
    const w = setup(tz);
    let r = w.log([A], '2026-12-07 14:05:00');
    expect(r.code, r.stderr).toBe(0);
    // 14:06: B alone is a second contact with 陈小姐 inside the gap (14:05 + 4 h = 18:05): refused, as before …
    r = w.log([B], '2026-12-07 14:06:00');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // … and the hint says how to add B to the 14:05 contact, and how to log both at once next time.
    expect(r.stderr).toBe(
      `storeops: error: order ${B}: contact not recorded: less than 4 h since the buyer was last contacted (2026-12-07 14:05:00 Beijing time); the next contact is allowed from 2026-12-07 18:05:00 Beijing time\n` +
        `  hint: if order ${B} was talked about in that contact with the buyer at 2026-12-07 14:05:00 Beijing time (order ${A}), add it to that contact, still one: ` +
        `storeops reviews log ${A} ${B} --status contacted --as-of "2026-12-07 14:05:00" --reviews ${w.reviews} (order ${A} is not recorded again). ` +
        `Next time one conversation covers several of the buyer's orders, give their ids in one command: storeops reviews log ${A} ${B} --status contacted. ` +
        'If this really was a second contact (say the buyer reached out), add --force to put it on record.\n',
    );
    const zh = runCli(['reviews', 'log', B, '--status', 'contacted', '--reviews', w.reviews, '--as-of', '2026-12-07 14:06:00', '--state', w.state, '--lang', 'zh'], { tz });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`若订单 ${B} 是在 北京时间 2026-12-07 14:05:00 与买家的那次联系 (订单 ${A}) 中一起谈的, 把它加入那次联系, 仍算一次: storeops reviews log ${A} ${B} --status contacted --as-of "2026-12-07 14:05:00"`);
    expect(zh.stderr).toContain(`以后一次联系谈到买家的几个订单时, 把编号写在同一条命令里: storeops reviews log ${A} ${B} --status contacted。`);
    // The command the hint gives: B joins the 14:05 contact (recorded at 14:05:00), A is not recorded again.
    r = w.log([A, B], '2026-12-07 14:05:00');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)).toEqual([{ orderId: B, at: '2026-12-07T14:05:00+08:00', status: 'contacted', channel: '', attempts: 1, nextContactAt: '2026-12-07T18:05:00+08:00', note: '' }]);
    expect(r.stderr).toBe(`recorded. Order ${B} added to the contact with the buyer at 2026-12-07 14:05:00 Beijing time (order ${A}), still one contact; 1/3 of the buyer's attempts used.\n`);
    // The queue at 14:10: each order contacted once; the buyer once (before: 2, and at 18:05 B asked for again).
    const q = w.queue('2026-12-07 14:10:00');
    for (const id of [A, B]) expect(q.get(id)).toMatchObject({ status: 'contacted', attempts: 1, buyerAttempts: 1, lastContactAt: '2026-12-07T14:05:00+08:00', nextContactAt: '2026-12-07T18:05:00+08:00' });
    expect(q.get(C)).toMatchObject({ status: 'new', attempts: 0, buyerAttempts: 1, nextContactAt: '2026-12-07T18:05:00+08:00', action: 'contact_later' });
    // The ledger: two entries of one contact, each naming the other.
    expect(w.entries()).toEqual([
      [A, '2026-12-07T14:05:00+08:00', [B]],
      [B, '2026-12-07T14:05:00+08:00', [A]],
    ]);
    // Running the same command again adds nothing: both are in that contact, so it is a new contact inside the gap.
    expect(w.log([A, B], '2026-12-07 14:05:00').code).toBe(2);
  });

  it('the one-command form: A and B at 14:05 are one contact; the next allowed at 18:05', () => {
    const w = setup(tz);
    const r = w.log([`${A},${B}`], '2026-12-07 14:05:00', '--channel', 'wangwang');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout).map((x) => [x.orderId, x.at, x.channel, x.attempts, x.nextContactAt])).toEqual([
      [A, '2026-12-07T14:05:00+08:00', 'wangwang', 1, '2026-12-07T18:05:00+08:00'],
      [B, '2026-12-07T14:05:00+08:00', 'wangwang', 1, '2026-12-07T18:05:00+08:00'],
    ]);
    expect(r.stderr).toBe(`recorded. Orders ${A}, ${B}: one contact with the buyer; 1/3 of the buyer's attempts used.\n`);
    const q = w.queue('2026-12-07 14:10:00');
    expect([q.get(A)!.buyerAttempts, q.get(B)!.buyerAttempts, q.get(C)!.buyerAttempts]).toEqual([1, 1, 1]);
  });

  it('a three-order conversation is one attempt; the cap of 3 counts conversations', () => {
    const w = setup(tz);
    // 10:00 {A,B,C}: 1 conversation (3 entries). 14:00 A: 2. 18:00 B: 3. Counting entries it was 3
    // after 10:00 already, and A at 14:00 was refused ("contacted 3 times … the limit is 3").
    let r = w.log([A, B, C], '2026-12-07 10:00:00');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout).map((x) => [x.orderId, x.attempts, x.nextContactAt])).toEqual([
      [A, 1, '2026-12-07T14:00:00+08:00'],
      [B, 1, '2026-12-07T14:00:00+08:00'],
      [C, 1, '2026-12-07T14:00:00+08:00'],
    ]);
    let q = w.queue('2026-12-07 11:00:00');
    for (const id of [A, B, C]) expect(q.get(id)).toMatchObject({ attempts: 1, buyerAttempts: 1, nextContactAt: '2026-12-07T14:00:00+08:00' });
    expect(q.get(D)).toMatchObject({ attempts: 0, buyerAttempts: 0 });
    r = w.log([A], '2026-12-07 14:00:00');
    expect(r.code, r.stderr).toBe(0);
    expect(json(r.stdout)[0]).toMatchObject({ attempts: 2, nextContactAt: '2026-12-07T18:00:00+08:00' });
    r = w.log([B], '2026-12-07 18:00:00');
    expect(r.code, r.stderr).toBe(0);
    // 3 conversations: no further contact with 陈小姐.
    expect(json(r.stdout)[0]).toMatchObject({ attempts: 2, nextContactAt: null });
    q = w.queue('2026-12-08 09:00:00');
    expect([A, B, C].map((id) => [q.get(id)!.attempts, q.get(id)!.buyerAttempts, q.get(id)!.nextContactAt])).toEqual([
      [2, 3, null],
      [2, 3, null],
      [1, 3, null],
    ]);
    r = w.log([C], '2026-12-08 09:00:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`order ${C}: contact not recorded: the buyer was contacted 3 times in 30 days (other reviews included), the limit is 3`);
  });

  it('--max-attempts 2: two conversations about A and B use the cap; a third is refused once, for both', () => {
    const w = setup(tz);
    expect(w.log([A, B], '2026-12-07 10:00:00', '--max-attempts', '2').code).toBe(0);
    const r2 = w.log([A, B], '2026-12-07 14:00:00', '--max-attempts', '2');
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toBe(`recorded. Orders ${A}, ${B}: one contact with the buyer; no further contact (max_attempts).\n`);
    const r3 = w.log([A, B], '2026-12-07 18:00:00', '--max-attempts', '2');
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain(`orders ${A}, ${B}: contact not recorded: order ${A}: already 2 attempts, the limit is 2; order ${B}: already 2 attempts, the limit is 2`);
    expect(w.entries()).toHaveLength(4);
  });

  it('orders of two buyers are refused, each named with its buyer, nothing recorded (en, zh)', () => {
    const w = setup(tz);
    const r = w.log([A, D], '2026-12-07 14:05:00');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `storeops: error: orders ${A}, ${D} are not one buyer's (${A} is 陈小姐's; ${D} is 阿花's): one contact is with one buyer; none was recorded\n` +
        `  hint: log each buyer's orders in a command of their own, each a contact: storeops reviews log ${A} --status contacted; storeops reviews log ${D} --status contacted (with the same --reviews and other options)\n`,
    );
    const zh = runCli(['reviews', 'log', A, B, D, '--status', 'contacted', '--reviews', w.reviews, '--as-of', '2026-12-07 14:05:00', '--state', w.state, '--lang', 'zh'], { tz });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`订单 ${A}、${B}、${D} 不是同一位买家的 (${A} 是 陈小姐 的; ${B} 是 陈小姐 的; ${D} 是 阿花 的): 一次联系只能是和一位买家的; 没有记录任何一个`);
    expect(w.entries()).toEqual([]);
  });

  it('quiet hours: checked once for the conversation, nothing recorded; --force records both in one contact', () => {
    const w = setup(tz);
    // 22:30 Beijing is inside 22:00–08:00.
    const r = w.log([A, B], '2026-12-07 22:30:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`storeops: error: orders ${A}, ${B}: contact not recorded: 2026-12-07 22:30:00 is within quiet hours (22:00-08:00 Beijing time)\n`);
    expect(w.entries()).toEqual([]);
    // --tz America/Los_Angeles: 06:30 there on 12-07 is 22:30 Beijing (UTC−8 vs UTC+8 in December).
    const la = w.log([A, B], '2026-12-07 06:30:00', '--tz', 'America/Los_Angeles');
    expect(la.code).toBe(2);
    expect(la.stderr).toContain('2026-12-07 06:30:00 (2026-12-07 22:30:00 Beijing time) is within quiet hours (22:00-08:00 Beijing time)');
    const forced = w.log([A, B], '2026-12-07 22:30:00', '--force');
    expect(forced.code).toBe(1);
    expect(json(forced.stdout).map((x) => x.note)).toEqual([
      '[forced: 2026-12-07 22:30:00 is within quiet hours (22:00-08:00 Beijing time)]',
      '[forced: 2026-12-07 22:30:00 is within quiet hours (22:00-08:00 Beijing time)]',
    ]);
    const q = w.queue('2026-12-08 07:00:00');
    // One forced contact at 22:30: + 4 h = 02:30; as of 07:00 (later), still quiet → 08:00; buyer 1 attempt.
    expect(q.get(A)).toMatchObject({ attempts: 1, buyerAttempts: 1, nextContactAt: '2026-12-08T08:00:00+08:00' });
  });

  it('a review file after the ids, or a word of an unquoted note, is refused with its hint; an id twice is one', () => {
    const w = setup(tz);
    const f = runCli(['reviews', 'log', A, 'reviews.csv', '--status', 'contacted', '--state', w.state, '--lang', 'en'], { tz });
    expect(f.code).toBe(2);
    expect(f.stderr).toBe('storeops: error: "reviews.csv" is not an order id\n  hint: review files go with --reviews (one or more): storeops reviews log <orderId...> --reviews reviews.csv\n');
    const note = runCli(['reviews', 'log', A, '--note', '问了', '原因', '--status', 'contacted', '--state', w.state, '--lang', 'en'], { tz });
    expect(note.code).toBe(2);
    expect(note.stderr).toContain('storeops: error: "原因" is not an order id (expected 10–20 digits, or PDD\'s yymmdd-digits)\n  hint: the order ids of one conversation go one after another');
    expect(note.stderr).toContain('a value holding a space goes in quotes (--note "问了 原因")');
    expect(w.entries()).toEqual([]);
    const twice = w.log([A, A], '2026-12-07 10:00:00');
    expect(twice.code, twice.stderr).toBe(0);
    expect(json(twice.stdout)).toHaveLength(1);
    expect(twice.stderr).toBe(`recorded. Order ${A}: 1/3 attempts used.\n`);
  });
});

describe('a state database from schema 14 (TZ=UTC)', () => {
  it('is brought to 15; two contacts logged there at the same time stay two attempts (never guessed one)', () => {
    const w = setup('UTC');
    const raw = new Database(w.state);
    raw.pragma('journal_mode = WAL');
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((x) => x.to <= 14)) m.up(raw);
    raw.pragma('user_version = 14');
    // 2026-12-07 10:00 Beijing = 02:00 UTC: A, then B forced at the same second, before schema 15.
    const t = Date.UTC(2026, 11, 7, 2, 0, 0);
    const ins = raw.prepare("INSERT INTO contacts (order_id, at, status, buyer) VALUES (?, ?, 'contacted', '陈小姐')");
    ins.run(A, t);
    ins.run(B, t);
    raw.close();
    // Read-only queue of an older file: it is migrated as any command would (as before), read as 2 attempts.
    let q = w.queue('2026-12-07 15:00:00');
    expect(q.get(A)).toMatchObject({ attempts: 1, buyerAttempts: 2 });
    // A new conversation about A and C at 15:00: the third attempt, the cap reached.
    const r = w.log([A, C], '2026-12-07 15:00:00');
    expect(r.code, r.stderr).toBe(0);
    q = w.queue('2026-12-07 20:00:00');
    expect([A, B, C].map((id) => [q.get(id)!.attempts, q.get(id)!.buyerAttempts])).toEqual([
      [2, 3],
      [1, 3],
      [1, 3],
    ]);
    const check = new Database(w.state, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(16);
    expect(check.prepare('SELECT order_id, conversation FROM contacts ORDER BY id').all()).toEqual([
      { order_id: A, conversation: null },
      { order_id: B, conversation: null },
      { order_id: A, conversation: 3 },
      { order_id: C, conversation: 3 },
    ]);
    check.close();
  });
});

describe('buyerContactState counts conversations (pure)', () => {
  const bj = new TimeZone('Asia/Shanghai');
  const at = (s: string) => parseTime(s, bj) as number;
  it('two orders of one conversation are one attempt; an order alone is one more', () => {
    const t1 = at('2026-12-07 10:00:00');
    const t2 = at('2026-12-07 14:00:00');
    const a = { status: 'contacted' as const, attempts: 2, lastContactAt: t2, attemptTimes: [t1, t2], attemptConversations: [7, undefined] };
    const b = { status: 'contacted' as const, attempts: 1, lastContactAt: t1, attemptTimes: [t1], attemptConversations: [7] };
    // {a,b} at 10:00 (conversation 7) + a at 14:00 = 2; entries 3.
    expect(buyerContactState(b, [a, b], at('2026-12-07 19:00:00'), DEFAULT_SETTINGS, bj)).toMatchObject({ attempts: 1, buyerAttempts: 2, nextContactAt: at('2026-12-07 19:00:00') });
  });
});
