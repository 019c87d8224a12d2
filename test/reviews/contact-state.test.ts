// RULES 2.2 (恶意骚扰, ruleId 11000254) and 2.3, through the built binary (npx tsc -p . first):
// do_not_contact stays whatever is logged after it; a 追评 newer than the resolution reopens the
// item; the per-buyer limits hold across runs that read different review files (the buyer is
// stored with each contact, schema 6), and `reviews log --orders` finds the buyer as the queue does.
// Every expected value is worked out by hand below. Defaults: at most 3 attempts per buyer in 30
// days, 4 h between contacts, quiet 22:00–08:00, contact within 24 h, explanation within 30 days.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/ledger.js';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/state/schema.js';
import { runCli, tmpDir } from '../helpers.js';

const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];
const HEAD = '订单编号,买家,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容\n';

function world() {
  const dir = tmpDir();
  const state = path.join(dir, 's.db');
  const file = (name: string, rows: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, HEAD + rows);
    return f;
  };
  const log = (id: string, status: string, when: string, ...more: string[]) =>
    runCli(['reviews', 'log', id, '--status', status, '--as-of', when, '-f', 'json', '--state', state, ...more]);
  const queue = (files: string[], when: string, ...more: string[]) => runCli(['reviews', 'queue', ...files, '--as-of', when, '-f', 'json', '--state', state, ...more]);
  return { dir, state, file, log, queue };
}

describe('do_not_contact is not lifted by a later entry', () => {
  const A = '4000000000000000011';
  it.each(['resolved', 'complaint_filed'])('do_not_contact, then %s: every later contact is refused (exit 2), the queue says post_explanation', (later) => {
    const w = world();
    const reviews = w.file('r.csv', `${A},小明,保温杯,差评,2026-11-20 20:00:00,漏水,,\n`);
    expect(w.log(A, 'do_not_contact', '2026-11-21 09:00:00', '--reviews', reviews).code).toBe(0);
    expect(w.log(A, later, '2026-11-21 10:00:00', '--reviews', reviews).code).toBe(0);
    // 15:00: outside quiet hours, 6 h after the last entry: only do_not_contact stands in the way.
    for (const status of ['contacted', 'awaiting_reply']) {
      const r = w.log(A, status, '2026-11-21 15:00:00', '--reviews', reviews);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`order ${A}: contact not recorded: the buyer asked not to be contacted (do_not_contact)`);
    }
    // The queue never offers a contact: the public explanation is what is left (review 11-20 20:00
    // + 30 days = 12-20 20:00, still open on 11-21), whether the later entry was resolved or a complaint.
    const q = w.queue([reviews], '2026-11-21 15:00:00');
    expect(q.code).toBe(0);
    expect(json(q.stdout)).toMatchObject([{ orderId: A, status: 'do_not_contact', attempts: 0, nextContactAt: null, action: 'post_explanation', template: 'explain', explainBy: '2026-12-20T20:00:00+08:00' }]);
  });

  it('a contact forced on record after do_not_contact does not reopen contact either', () => {
    const w = world();
    const reviews = w.file('r.csv', `${A},小明,保温杯,差评,2026-11-20 20:00:00,漏水,,\n`);
    expect(w.log(A, 'do_not_contact', '2026-11-21 09:00:00', '--reviews', reviews).code).toBe(0);
    const forced = w.log(A, 'contacted', '2026-11-21 15:00:00', '--reviews', reviews, '--force');
    // Recorded (exit 1: needs attention), the breach in the note; no next contact.
    expect(forced.code).toBe(1);
    expect(json(forced.stdout)[0]).toMatchObject({ status: 'contacted', attempts: 1, nextContactAt: null, note: '[forced: the buyer asked not to be contacted (do_not_contact)]' });
    // 11-22 10:00: 19 h after that contact, 1 attempt of 3: it would be follow_up if the stop had lapsed.
    expect(json(w.queue([reviews], '2026-11-22 10:00:00').stdout)).toMatchObject([{ orderId: A, status: 'do_not_contact', attempts: 1, action: 'post_explanation' }]);
  });
});

describe('a 追评 newer than the resolution reopens the item', () => {
  const O = '4100000000000000001';
  const first = `${O},小周,杯子,中评,2026-11-20 10:00:00,一般般吧,,\n`;
  it('a safety 追评 after resolved: priority 1, contact now, warned on stderr', () => {
    const w = world();
    const fu1 = w.file('fu1.csv', first);
    expect(w.log(O, 'contacted', '2026-11-20 12:00:00', '--reviews', fu1).code).toBe(0);
    expect(w.log(O, 'resolved', '2026-11-21 12:00:00', '--reviews', fu1).code).toBe(0);
    // Without the 追评 the item stays resolved.
    expect(json(w.queue([fu1], '2026-11-25 12:00:00').stdout)).toEqual([]);
    // A 追评 from before the resolution (11-21 11:00 < 12:00) was what was resolved.
    const older = w.file('older.csv', `${O},小周,杯子,中评,2026-11-20 10:00:00,一般般吧,2026-11-21 11:00:00,用了三天就漏水了，烫伤了手\n`);
    expect(json(w.queue([older], '2026-11-25 12:00:00').stdout)).toEqual([]);

    const fu2 = w.file('fu2.csv', `${O},小周,杯子,中评,2026-11-20 10:00:00,一般般吧,2026-11-25 10:00:00,用了三天就漏水了，烫伤了手\n`);
    const r = w.queue([fu2], '2026-11-25 12:00:00');
    expect(r.code).toBe(0);
    // 烫伤 is a safety word: priority 1 whatever the score. contactBy: 追评 11-25 10:00 + 24 h.
    // explainBy: 11-20 10:00 + 30 d = 12-20 10:00 (the earliest still open). The one attempt
    // (11-20 12:00) still counts; the gap from it is long over, so the next contact is now.
    expect(json(r.stdout)).toMatchObject([
      {
        orderId: O,
        priority: 1,
        status: 'reopened',
        reasons: ['neutral_rating', 'negative_follow_up', 'safety'],
        escalate: ['safety'],
        attempts: 1,
        contactBy: '2026-11-26T10:00:00+08:00',
        explainBy: '2026-12-20T10:00:00+08:00',
        nextContactAt: '2026-11-25T12:00:00+08:00',
        action: 'contact_now',
        template: 'contact-safety',
      },
    ]);
    expect(r.stderr).toContain(`1 health or safety complaint (priority 1, escalate now): ${O}`);
    // Contacted about the 追评 and resolved again: it leaves the queue.
    expect(w.log(O, 'contacted', '2026-11-25 13:00:00', '--reviews', fu2).code).toBe(0);
    expect(w.log(O, 'resolved', '2026-11-25 18:00:00', '--reviews', fu2).code).toBe(0);
    expect(json(w.queue([fu2], '2026-11-26 12:00:00').stdout)).toEqual([]);
  });
});

describe('the refusal names the time the queue allows, quiet hours included', () => {
  it('a gap ending in quiet hours: "allowed from" is 08:00, not the gap end 01:50 (user11)', () => {
    const A = '4300000000000000001';
    const B = '4300000000000000002';
    const w = world();
    const r = w.file('r.csv', `${A},小吴,杯子,差评,2026-11-21 10:00:00,漏水,,\n${B},小吴,碗,差评,2026-11-21 11:00:00,裂了,,\n`);
    expect(w.log(A, 'contacted', '2026-11-21 21:50:00', '--reviews', r).code).toBe(0);
    // 21:50 + 4 h = 11-22 01:50, inside quiet hours 22:00–08:00: the next contact is 11-22 08:00,
    // as the queue's nextContactAt says. Before the fix the refusal said "allowed from 01:50:00".
    const q = json(w.queue([r], '2026-11-21 21:55:00').stdout);
    expect(q.find((x) => x.orderId === B)).toMatchObject({ nextContactAt: '2026-11-22T08:00:00+08:00', action: 'contact_later' });
    const refused = w.log(B, 'contacted', '2026-11-22 01:00:00', '--reviews', r);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('less than 4 h since the buyer was last contacted (2026-11-21 21:50:00 Beijing time); the next contact is allowed from 2026-11-22 08:00:00 Beijing time');
    expect(refused.stderr).not.toContain('01:50:00');
    const zh = w.log(B, 'contacted', '2026-11-22 01:00:00', '--reviews', r, '--lang', 'zh');
    expect(zh.stderr).toContain('距上次联系这位买家 (北京时间 2026-11-21 21:50:00) 不足 4 小时, 北京时间 2026-11-22 08:00:00 之后才可再联系');
  });
});

describe('per-buyer limits across runs that read different review files', () => {
  const A = '4200000000000000001';
  const B = '4200000000000000002';
  it('a buyer who said stop about A (yesterday’s file) is not contacted about B (today’s file)', () => {
    const w = world();
    const a = w.file('a.csv', `${A},小周,杯子,差评,2026-11-20 10:00:00,漏水,,\n`);
    const b = w.file('b.csv', `${B},小周,碗,差评,2026-11-21 10:00:00,裂了,,\n`);
    expect(w.log(A, 'do_not_contact', '2026-11-20 12:00:00', '--reviews', a).code).toBe(0);
    const r = w.log(B, 'contacted', '2026-11-21 12:00:00', '--reviews', b);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`order ${B}: contact not recorded: the buyer asked not to be contacted, about another review (do_not_contact)`);
    // B alone in today's file: explanation by 11-21 10:00 + 30 d.
    expect(json(w.queue([b], '2026-11-21 12:00:00').stdout)).toMatchObject([{ orderId: B, status: 'new', action: 'post_explanation', nextContactAt: null }]);
  });

  it('the 4 h gap and the 3 attempts count the contacts recorded from other files', () => {
    const w = world();
    const a = w.file('a.csv', `${A},小周,杯子,差评,2026-11-20 10:00:00,漏水,,\n`);
    const b = w.file('b.csv', `${B},小周,碗,差评,2026-11-21 10:00:00,裂了,,\n`);
    expect(w.log(A, 'contacted', '2026-11-21 10:00:00', '--reviews', a).code).toBe(0);
    // 12:00: 2 h after the contact about A; the next is allowed from 14:00.
    const gap = w.log(B, 'contacted', '2026-11-21 12:00:00', '--reviews', b);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain('less than 4 h since the buyer was last contacted (2026-11-21 10:00:00 Beijing time); the next contact is allowed from 2026-11-21 14:00:00 Beijing time');
    expect(json(w.queue([b], '2026-11-21 12:00:00').stdout)).toMatchObject([{ orderId: B, attempts: 0, buyerAttempts: 1, nextContactAt: '2026-11-21T14:00:00+08:00', action: 'contact_later' }]);
    // A again at 14:00 and 18:00 (gaps of 4 h): 小周 has had 3 attempts, all about A.
    expect(w.log(A, 'contacted', '2026-11-21 14:00:00', '--reviews', a).code).toBe(0);
    expect(w.log(A, 'awaiting_reply', '2026-11-21 18:00:00', '--reviews', a).code).toBe(0);
    const max = w.log(B, 'contacted', '2026-11-22 10:00:00', '--reviews', b);
    expect(max.code).toBe(2);
    expect(max.stderr).toContain('the buyer was contacted 3 times in 30 days (other reviews included), the limit is 3');
    expect(json(w.queue([b], '2026-11-22 10:00:00').stdout)).toMatchObject([{ orderId: B, attempts: 0, buyerAttempts: 3, nextContactAt: null, action: 'post_explanation' }]);
    // The buyer is on record with each contact.
    const ex = runCli(['ledger', 'export', '--what', 'contacts', '--state', w.state, '-f', 'json', '-q']);
    expect(json(ex.stdout).map((e) => [e.orderId, e.buyer])).toEqual([
      [A, '小周'],
      [A, '小周'],
      [A, '小周'],
    ]);
  });

  it('a state database from schema 5 is brought to 6 (and on); its contacts keep no buyer', async () => {
    const file = path.join(tmpDir(), 'v5.db');
    const raw = new Database(file);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    for (const m of MIGRATIONS.filter((x) => x.to <= 5)) m.up(raw);
    raw.pragma('user_version = 5');
    raw.prepare("INSERT INTO contacts (order_id, at, status) VALUES ('4200000000000000001', 1795222800000, 'do_not_contact')").run();
    raw.close();
    const db = await openState(file);
    const h = db.contactHistory().get('4200000000000000001');
    expect(h).toMatchObject({ status: 'do_not_contact', stoppedAt: 1795222800000, buyer: null });
    expect(h!.entries[0]).toEqual({ orderId: '4200000000000000001', at: 1795222800000, status: 'do_not_contact' });
    db.logContact({ orderId: '4200000000000000002', at: 1795226400000, status: 'contacted', buyer: '小周' });
    expect(db.ordersOfBuyers(['小周', '没人'])).toEqual(new Map([['小周', ['4200000000000000002']]]));
    db.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });
});

describe('reviews log --orders: the buyer of a review file without a buyer column (抖店)', () => {
  it('the 4 h gap the queue shows is enforced', () => {
    const w = world();
    // 抖店 商品评论: no buyer column. examples/douyin-orders-202611.csv names both orders' buyer 小明爱购物.
    const dy = path.join(w.dir, 'dy.csv');
    fs.writeFileSync(dy, '评价日期,订单ID,商品名称,商品评价得分,评价内容\n2026-11-20 10:00:00,6915313147329357901,围巾,1,质量太差\n2026-11-20 11:00:00,6915313147329357902,清理器,1,坏了\n');
    const orders = path.join('examples', 'douyin-orders-202611.csv');
    const more = ['--reviews', dy, '--orders', orders];
    expect(w.log('6915313147329357901', 'contacted', '2026-11-21 10:00:00', ...more).code).toBe(0);
    // The queue groups the two reviews under one buyer: 902 waits for 10:00 + 4 h.
    const q = w.queue([dy], '2026-11-21 11:00:00', '--orders', orders);
    expect(json(q.stdout).find((x) => x.orderId === '6915313147329357902')).toMatchObject({ buyerAttempts: 1, nextContactAt: '2026-11-21T14:00:00+08:00', action: 'contact_later' });
    const r = w.log('6915313147329357902', 'contacted', '2026-11-21 11:00:00', ...more);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('less than 4 h since the buyer was last contacted (2026-11-21 10:00:00 Beijing time); the next contact is allowed from 2026-11-21 14:00:00 Beijing time');
    expect(w.log('6915313147329357902', 'contacted', '2026-11-21 14:00:00', ...more).code).toBe(0);
  });

  // Round 31: a Chinese run stored the English text ([forced: the buyer asked …]) in the ledger, and
  // `ledger list` showed it so to the operator. Now the note is in the run's language: the zh text of
  // the same breach (买家要求不再联系 (do_not_contact)), the typed note after it.
  it('a forced contact in a Chinese run: its note in Chinese in the ledger (reviews log and ledger list show it)', () => {
    const A = '4000000000000000011';
    const w = world();
    const reviews = w.file('r.csv', `${A},小明,保温杯,差评,2026-11-20 20:00:00,漏水,,\n`);
    expect(w.log(A, 'do_not_contact', '2026-11-21 09:00:00', '--reviews', reviews).code).toBe(0);
    const zh = w.log(A, 'contacted', '2026-11-21 15:00:00', '--reviews', reviews, '--force', '--lang', 'zh', '--note', '买家来电');
    expect(zh.code).toBe(1);
    expect(json(zh.stdout)[0]).toMatchObject({ note: '[强制记录: 买家要求不再联系 (do_not_contact)] 买家来电' });
    const listed = runCli(['ledger', 'list', '--what', 'contacts', '--state', w.state, '-f', 'json', '--as-of', '2026-11-21 17:00:00']);
    expect(listed.code).toBe(0);
    expect(json(listed.stdout).map((r) => r.note)).toEqual(['[强制记录: 买家要求不再联系 (do_not_contact)] 买家来电']);
  });
});
