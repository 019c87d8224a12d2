// End to end through the built binary (npx tsc -p . first), TZ=UTC on the machine, Beijing times in the data.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];

describe('storeops reviews queue', () => {
  it('the example: flagged, ordered and dated as worked out by hand', () => {
    const dir = tmpDir();
    const state = path.join(dir, 'state.db');
    const r = runCli(['reviews', 'queue', REVIEWS, '--orders', ORDERS, '--as-of', '2026-11-21 10:00:00', '--state', state, '-f', 'json']);
    // Priority 1: …0902 (safety), …901, …902; 2: …701; 3: …501, …801; 4: …0901.
    expect(r.stderr).toContain('9 read; 7 need follow-up (priority 1–5: 3/1/2/1/0)');
    expect(r.code).toBe(0);
    const rows = json(r.stdout);
    // Scores (severity + issue + value + repeat + urgency):
    // …901 negative 5 + quality 2 + 200.00 → 1 + first order 0 + contactBy 11-20 21:40 overdue 2 = 10 → 1
    // …902 negative 追评 4 + quality 2 + 12.00 → 0 + earlier order …901 1 + contactBy (追评 11-20 10:00 + 24 h) 0 h left 2 = 9 → 1
    // …701 negative 5 + not_as_described (DSR 2) 2 + 58.00 → 0 + only a closed earlier order 0 + extortion: no contact planned,
    //   so the complaint deadline 12-20 23:10 counts, 29.5 days left 0 = 7 → 2 (until 2026-12: contactBy 12 h left 1 = 8)
    // …0902 negative 5 + safety 3 + no order 0 + 0 + 22.5 h left 0 = 8 → 2 (later contactBy than …701)
    // …501 neutral 2 + not_as_described 2 + 88.00 → 0 + 0 + contactBy 11-21 09:12 overdue 2 = 6 → 3
    // …801 neutral 2 + logistics 1 + 236.00 → 1 + 0 + 8.5 h left 1 = 5 → 3
    // …0901 neutral 2 + price 0 + no order 0 + 0 + overdue 2 = 4 → 4
    // Safety first: …0902 (过敏, 起疹) is priority 1 whatever its score, and listed before all others.
    expect(rows.map((x) => [x.orderId, x.priority, x.score])).toEqual([
      ['6000000000000000902', 1, 8],
      ['3515313147329357901', 1, 10],
      ['3515313147329357902', 1, 9],
      ['4100000000000000701', 2, 7],
      ['2987650012233445501', 3, 6],
      ['5200000000000000801', 3, 5],
      ['6000000000000000901', 4, 4],
    ]);
    const by = new Map(rows.map((x) => [x.orderId, x]));
    expect(by.get('3515313147329357901')).toMatchObject({
      reasons: ['negative_rating', 'low_dsr_description=1', 'low_dsr_service=3'],
      categories: ['quality'],
      contactBy: '2026-11-20T21:40:00+08:00',
      explainBy: '2026-12-19T21:40:00+08:00',
      complaintBy: '2026-12-19T21:40:00+08:00',
      overdue: ['contactBy'],
      goodwill: '10.00',
      orderValue: '200.00',
      earlierOrders: 0,
      action: 'contact_now',
      template: 'contact-quality',
      nextContactAt: '2026-11-21T10:00:00+08:00',
      // 小明爱购物 also wrote the negative 追评 of …902: one buyer, one contact.
      sameBuyer: ['3515313147329357902'],
      buyerAttempts: 0,
      escalate: [],
    });
    expect(by.get('3515313147329357902')).toMatchObject({ reasons: ['negative_follow_up'], goodwill: '10.00', earlierOrders: 1, contactBy: '2026-11-21T10:00:00+08:00' });
    // Extortion (不退款就差评): evidence and a platform complaint, no goodwill.
    expect(by.get('4100000000000000701')).toMatchObject({
      malicious: ['extortion:不退款就差评'],
      // A complaint row: no contact is planned, so no contact deadline (it was 11-21 21:59:59, overdue a day later).
      contactBy: null,
      overdue: [],
      action: 'file_complaint',
      template: 'complaint-extortion',
      goodwill: '0.00',
      escalate: ['extortion'],
    });
    expect(by.get('6000000000000000902')).toMatchObject({
      reasons: ['negative_rating', 'low_dsr_description=1', 'low_dsr_service=3', 'safety'],
      orderValue: null,
      escalate: ['safety'],
      template: 'contact-safety',
      action: 'contact_now',
    });
    expect(r.stderr).toContain('1 health or safety complaint (priority 1, escalate now): 6000000000000000902');
    expect(by.get('2987650012233445501')).toMatchObject({ goodwill: '5.00', categories: ['not_as_described'] });
    // The queue only reads the state: no database is created.
    expect(fs.existsSync(state)).toBe(false);
  });

  it('reviews written after --as-of are named on stderr (en and zh); a later --as-of says nothing', () => {
    // examples/reviews.csv, to follow up (中评/差评, or a negative follow-up): …801 11-20 18:30,
    // …701 11-20 23:10 and …902 11-21 08:30 are after 11-20 12:00; …903 (20:00) is a plain 好评, not in the queue.
    const r = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-20 12:00:00', '-f', 'csv']);
    expect(r.stderr).toContain('3 reviews to follow up were written after --as-of (2026-11-20 12:00:00 Beijing time): the queue is as of a time before them');
    const zh = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-20 12:00:00', '-f', 'csv', '--lang', 'zh']);
    expect(zh.stderr).toContain('3 条需跟进的评价的评价时间晚于 --as-of (北京时间 2026-11-20 12:00:00)');
    const later = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-21 12:00:00', '-f', 'csv']);
    expect(later.stderr).not.toContain('after --as-of');
  });

  it('csv headers follow --lang', () => {
    const r = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-21 10:00:00', '--lang', 'zh', '-f', 'csv']);
    expect(r.stdout.split('\n')[0]!.startsWith('优先级,订单编号,买家,评价结果,评价时间')).toBe(true);
  });

  it('--roster assigns items to the agents on shift, spreading the load', () => {
    const dir = tmpDir();
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'agent,date,shift,start,end,hours\n小李,2026-11-21,D,09:00,17:30,8.5\n小王,2026-11-21,H,10:00,15:30,5.5\n小张,2026-11-21,N,17:00,23:30,6.5\n');
    const r = runCli(['reviews', 'queue', REVIEWS, '--roster', roster, '--as-of', '2026-11-21 11:00:00', '-f', 'json']);
    expect(r.code).toBe(0);
    // 11:00: 小李 (D) and 小王 (H) are on; buyers alternate, 小李 first (name order: 李 U+674E < 王 U+738B),
    // in the order of their most urgent item. Without --orders at 11:00 the queue is …0902 (safety),
    // …901 (9), …902 (8, contactBy 10:00), …701 (8, 21:59:59), …501 (6), …0901 (4, contactBy 11-19),
    // …801 (4, 11-21 18:30). Buyers: 宝妈小王 小李, 小明爱购物 (…901 and …902) 小王, 老王的店铺 小李,
    // 阿花tb 小王, 路人甲 小李, 小红书迷 小王.
    const rows = json(r.stdout);
    expect(rows.map((x) => [x.orderId, x.assignee])).toEqual([
      ['6000000000000000902', '小李'],
      ['3515313147329357901', '小王'],
      ['3515313147329357902', '小王'],
      ['4100000000000000701', '小李'],
      ['2987650012233445501', '小王'],
      ['6000000000000000901', '小李'],
      ['5200000000000000801', '小王'],
    ]);
  });

  it('--roster shows the assignee in the terminal table (the short view), en and zh; without it, not', () => {
    const dir = tmpDir();
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'agent,date,shift,start,end,hours\n小李,2026-11-21,D,09:00,17:30,8.5\n小王,2026-11-21,H,10:00,15:30,5.5\n小张,2026-11-21,N,17:00,23:30,6.5\n');
    const args = ['reviews', 'queue', REVIEWS, '--as-of', '2026-11-21 11:00:00', '-f', 'table'];
    const env = { env: { COLUMNS: '200' } };
    // Widths: priority 8 (its header), orderId 19, action 14 (file_complaint), overdue 9 (contactBy),
    // contactBy 19, buyer 10 (小明爱购物), assignee 8 (its header; 小李 is 4), escalate 9 (extortion),
    // status; gaps of 2. The table's order is the operator's (test/reviews/table-view.test.ts).
    const en = runCli([...args, '--roster', roster, '--lang', 'en'], env);
    const lines = en.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('priority  orderId              action          overdue    contactBy            buyer       assignee  escalate   status');
    // The same assignees as the JSON above, worked out there by hand (a cell of its own: the buyer 宝妈小王 is not one).
    expect(lines.slice(1).map((l) => / {2}(小李|小王|小张) /.exec(l)?.[1])).toEqual(['小李', '小王', '小王', '小李', '小王', '小李', '小王']);
    const zh = runCli([...args, '--roster', roster, '--lang', 'zh'], env);
    expect(zh.stdout.split('\n')[0]).toBe('优先级  订单编号             下一步    已逾期    联系期限             买家        负责客服  上报       状态');
    const none = runCli([...args, '--lang', 'en'], env);
    expect(none.stdout.split('\n')[0]).toBe('priority  orderId              action          overdue    contactBy            buyer       escalate   status');
  });

  it('--roster shift times are Beijing working hours whatever --tz says', () => {
    const dir = tmpDir();
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'agent,date,shift,start,end,hours\n小李,2026-11-21,D,09:00,17:30,8.5\n小王,2026-11-21,H,10:00,15:30,5.5\n小张,2026-11-21,N,17:00,23:30,6.5\n');
    // --as-of 2026-11-20 19:00 in Los Angeles (UTC−8 in November) is 2026-11-21 11:00 in Beijing:
    // 小李 (09:00–17:30) and 小王 (10:00–15:30) are on shift, 小张 (17:00–23:30) is not. Read in
    // Los Angeles time, the shifts would start 16 h later and nobody would be on.
    const r = runCli(['reviews', 'queue', REVIEWS, '--roster', roster, '--tz', 'America/Los_Angeles', '--as-of', '2026-11-20 19:00:00', '-f', 'json']);
    expect(r.stderr).not.toContain('nobody is on shift');
    const assignees = new Set(json(r.stdout).map((x) => x.assignee));
    expect([...assignees].sort()).toEqual(['小李', '小王'].sort());
    // A day-number grid belongs to the Beijing month of --as-of: 2026-11-01 02:00 in Beijing is
    // still October in Los Angeles, so in LA's month the column "1" would be 2026-10-01.
    // (2026-10-31 19:00 in Los Angeles, still UTC−7 that day, is 2026-11-01 10:00 in Beijing.)
    const grid = path.join(dir, 'grid.csv');
    fs.writeFileSync(grid, '客服,1\n小李,day\n小王,off\n');
    const reviews = path.join(dir, 'reviews.csv');
    fs.writeFileSync(reviews, '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n3515313147329350001,阿明,围巾,差评,2026-10-31 12:00:00,掉毛严重\n');
    const g = runCli(['reviews', 'queue', reviews, '--roster', grid, '--tz', 'America/Los_Angeles', '--as-of', '2026-10-31 19:00:00', '-f', 'json']);
    expect(json(g.stdout)).toHaveLength(1);
    expect(g.stderr).not.toContain('nobody is on shift');
    expect(new Set(json(g.stdout).map((x) => x.assignee))).toEqual(new Set(['小李']));
  });

  it('--roster of another month: says the roster has no such day, not that nobody is on shift', () => {
    // Found by hunt14: a cron job on 2026-12-02 still given November's roster. Nobody was assigned
    // and stderr said "nobody is on shift at 2026-12-02 10:30:00 in the roster", as if the shop had
    // no one working that morning; the roster simply ends on 2026-11-30.
    const dir = tmpDir();
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'agent,date,shift\n小李,2026-11-29,D\n小李,2026-11-30,D\n小王,2026-11-30,O\n');
    const reviews = path.join(dir, 'reviews.csv');
    fs.writeFileSync(reviews, '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n3515313147329350001,阿明,围巾,差评,2026-11-29 12:00:00,掉毛严重\n');
    const r = runCli(['reviews', 'queue', reviews, '--roster', roster, '--as-of', '2026-12-02 10:30:00', '-f', 'json', '--lang', 'en']);
    expect(json(r.stdout)).toMatchObject([{ assignee: '' }]);
    expect(r.stderr).not.toContain('nobody is on shift');
    expect(r.stderr).toContain(`the roster ${roster} has no 2026-12-02 (Beijing time; it covers 2026-11-29 to 2026-11-30), so nothing was assigned: give a roster that has this day`);
    // 2026-12-01 17:00 in Los Angeles is 2026-12-02 09:00 in Beijing: the same day is missing.
    const la = runCli(['reviews', 'queue', reviews, '--roster', roster, '--tz', 'America/Los_Angeles', '--as-of', '2026-12-01 17:00:00', '-f', 'json', '--lang', 'zh']);
    expect(la.stderr).toContain(`班表 ${roster} 里没有 2026-12-02 (北京时间) 这一天 (只有 2026-11-29 至 2026-11-30), 未分配; 请用包含这一天的班表`);
    // A day the roster has, outside every shift (18:30 on the 30th, 小李's D ended at 17:30, nobody
    // comes): "nobody is on shift" as before.
    const evening = runCli(['reviews', 'queue', reviews, '--roster', roster, '--as-of', '2026-11-30 18:30:00', '-f', 'json', '--lang', 'en']);
    expect(evening.stderr).toContain('nobody is on shift at 2026-11-30 18:30:00 Beijing time in the roster');
    // 07:00 (this said "nobody is on shift" until 2026-12): the buyer may be contacted from 08:00
    // (quiet hours), and 小李 starts at 09:00, within 60 min of it (docs/rules.md §2.4): 小李.
    const early = runCli(['reviews', 'queue', reviews, '--roster', roster, '--as-of', '2026-11-30 07:00:00', '-f', 'json', '--lang', 'en']);
    expect(json(early.stdout)).toMatchObject([{ action: 'contact_later', assignee: '小李' }]);
    expect(early.stderr).toContain('buyers who may be contacted only from 2026-11-30 08:00:00 Beijing time (quiet hours or the gap between contacts) go to 小李, on shift from 09:00 Beijing time');
  });

  it('--roster: a day inside the dates the roster covers but without a line is nobody on shift; after a half-month roster, the roster lacks the day (found by review13)', () => {
    const dir = tmpDir();
    const roster = path.join(dir, 'roster.csv');
    // Working days only, as many shops write them: nobody works on 2026-11-21, so it has no line.
    fs.writeFileSync(roster, 'agent,date,shift\n小李,2026-11-01,D\n小李,2026-11-20,D\n小李,2026-11-22,D\n');
    const reviews = path.join(dir, 'reviews.csv');
    fs.writeFileSync(reviews, '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n3515313147329350001,阿明,围巾,差评,2026-11-19 12:00:00,掉毛严重\n');
    // 11-21 lies between 11-01 and 11-22: the roster covers it and nobody works then. Before: "the
    // roster has no 2026-11-21 (it covers 2026-11-01 to 2026-11-22)… give the roster of this month",
    // though it is this month's roster.
    const gap = runCli(['reviews', 'queue', reviews, '--roster', roster, '--as-of', '2026-11-21 10:30:00', '-f', 'json', '--lang', 'en']);
    expect(json(gap.stdout)).toMatchObject([{ assignee: '' }]);
    expect(gap.stderr).toContain('nobody is on shift at 2026-11-21 10:30:00 Beijing time in the roster');
    expect(gap.stderr).not.toContain('has no 2026-11-21');
    // 11-25, after the last date (a roster of the first weeks only): the roster lacks the day, and
    // "the roster of this month" would be wrong (it is this month's): a roster that has the day.
    const after = runCli(['reviews', 'queue', reviews, '--roster', roster, '--as-of', '2026-11-25 10:30:00', '-f', 'json', '--lang', 'en']);
    expect(after.stderr).toContain(`the roster ${roster} has no 2026-11-25 (Beijing time; it covers 2026-11-01 to 2026-11-22), so nothing was assigned: give a roster that has this day`);
  });

  it('quiet hours and the 30-day deadlines are Beijing time whatever --tz says (the buyer\'s night, the platform\'s days)', () => {
    const dir = tmpDir();
    const reviews = path.join(dir, 'reviews.csv');
    fs.writeFileSync(
      reviews,
      '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容\n' +
        '3515313147329350011,阿明,围巾,差评,2026-11-20 07:30:00,掉毛严重\n' +
        '3515313147329350012,阿花,T恤,差评,2026-10-20 10:00:00,掉毛严重\n',
    );
    const st = ['--state', path.join(dir, 's.db')];
    // Worked by hand, times read in Los Angeles (UTC−8 from 2026-11-01, UTC−7 before):
    // …011 written 2026-11-20 07:30 LA = 2026-11-20 23:30 Beijing. contactBy = +24 h = 2026-11-21
    // 23:30 Beijing, inside 22:00–08:00 Beijing → 21:59:59 Beijing 2026-11-21 = 13:59:59 UTC = 05:59:59 LA.
    // (Quiet hours read in LA put it at 2026-11-20 22:00 LA, 16 h too early.)
    // --as-of 2026-11-21 09:00 LA = 17:00 UTC = 2026-11-22 01:00 Beijing: the buyer's night, so no
    // contact before 08:00 Beijing = 00:00 UTC = 2026-11-21 16:00 LA (contact_later, not contact_now).
    // …012 written 2026-10-20 10:00 LA (UTC−7) = 2026-10-21 01:00 Beijing. explainBy = 30 Beijing days
    // later = 2026-11-20 01:00 Beijing = 2026-11-19 17:00 UTC = 2026-11-19 09:00 LA (30 LA calendar
    // days, across LA's daylight-saving end, would give 10:00 LA, an hour past the platform's deadline).
    // Its contactBy: 2026-10-22 01:00 Beijing → 21:59:59 Beijing 2026-10-21 (the second before quiet hours) = 13:59:59 UTC = 06:59:59 LA (UTC−7).
    const r = runCli(['reviews', 'queue', reviews, '--tz', 'America/Los_Angeles', '--as-of', '2026-11-21 09:00:00', '-f', 'json', ...st]);
    const items = new Map(json(r.stdout).map((x) => [x.orderId as string, x]));
    expect(items.get('3515313147329350011')).toMatchObject({
      contactBy: '2026-11-21T05:59:59-08:00',
      nextContactAt: '2026-11-21T16:00:00-08:00',
      action: 'contact_later',
    });
    expect(items.get('3515313147329350012')).toMatchObject({
      contactBy: '2026-10-21T06:59:59-07:00',
      explainBy: '2026-11-19T09:00:00-08:00',
      complaintBy: '2026-11-19T09:00:00-08:00',
    });
    // reviews log: a contact at 01:00 Beijing is in quiet hours, refused (exit 2) without --force.
    const log = runCli(['reviews', 'log', '3515313147329350011', '--status', 'contacted', '--reviews', reviews, '--tz', 'America/Los_Angeles', '--as-of', '2026-11-21 09:00:00', ...st]);
    expect(log.code).toBe(2);
    expect(log.stderr).toContain('quiet hours');
  });

  it('--roster reads the codes roster check accepts: day/night/夜班 in a grid by day number (month of --as-of)', () => {
    const dir = tmpDir();
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, '客服,20,21(六),22\n小李,day,night,off\n小王,夜班,day,白\n小张,off,夜班,\n');
    const state = ['--state', path.join(dir, 's.db')];
    // Nov 21 17:10: 小李 night (17:00–23:30), 小王 day (09:00–17:30), 小张 夜班 = night: all three on;
    // 小王 leaves in 20 min, under the 60 min a review needs (docs/rules.md §2.4): 小张 and 小李 take them.
    // 7 items of 6 buyers, none contacted yet, so all open; name order 张 U+5F20 < 李 U+674E;
    // at 17:10 …902 (score 9) sorts before …701 (score 7: an extortion review has no contact
    // deadline, so none counts down; until 2026-12 it was 4.8 h from one, score 9). Buyers in turn: 宝妈小王
    // (…0902) 小张, 小明爱购物 (…901, …902) 小李, 老王的店铺 (…701) 小张, 阿花tb (…501) 小李,
    // 小红书迷 (…801) 小张, 路人甲 (…0901) 小李. (With 小王 too, before 2026-12: …701 and …0901 小王.)
    let r = runCli(['reviews', 'queue', REVIEWS, '--roster', roster, '--as-of', '2026-11-21 17:10:00', '-f', 'json', ...state]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('unknown shift');
    expect(json(r.stdout).map((x) => [x.orderId, x.assignee])).toEqual([
      ['6000000000000000902', '小张'],
      ['3515313147329357901', '小李'],
      ['3515313147329357902', '小李'],
      ['4100000000000000701', '小张'],
      ['2987650012233445501', '小李'],
      ['5200000000000000801', '小张'],
      ['6000000000000000901', '小李'],
    ]);
    // Nov 21 11:00: only 小王's day shift is on.
    r = runCli(['reviews', 'queue', REVIEWS, '--roster', roster, '--as-of', '2026-11-21 11:00:00', '-f', 'json', ...state]);
    expect(r.code).toBe(0);
    expect(json(r.stdout).map((x) => x.assignee)).toEqual(Array(7).fill('小王'));
  });
});

describe('storeops reviews log', () => {
  it('a quiet-hours refusal under --tz names the Beijing time and the window (it said "15:00:00 is within quiet hours")', () => {
    const dir = tmpDir();
    const st = ['--state', path.join(dir, 's.db')];
    // 2026-11-21 15:00 in Los Angeles (PST, UTC-8) = 23:00 UTC = 2026-11-22 07:00 Beijing (UTC+8):
    // inside the default 22:00-08:00 Beijing quiet hours.
    const r = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--tz', 'America/Los_Angeles', '--as-of', '2026-11-21 15:00:00', '--lang', 'en', ...st]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2026-11-21 15:00:00 (2026-11-22 07:00:00 Beijing time) is within quiet hours (22:00-08:00 Beijing time)');
    const z = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--tz', 'America/Los_Angeles', '--as-of', '2026-11-21 15:00:00', '--lang', 'zh', ...st]);
    expect(z.code).toBe(2);
    expect(z.stderr).toContain('2026-11-21 15:00:00 (北京时间 2026-11-22 07:00:00) 在安静时段内 (北京时间 22:00-08:00)');
  });

  it('records attempts, refuses quiet hours and do_not_contact (exit 2) unless --force (exit 1)', () => {
    const dir = tmpDir();
    const st = ['--state', path.join(dir, 's.db')];
    const id = '3515313147329357901';
    let r = runCli(['reviews', 'log', id, '--status', 'contacted', '--channel', 'wangwang', '--note', '问了原因', '--as-of', '2026-11-21 10:05:00', '-f', 'json', ...st]);
    expect(r.code).toBe(0);
    // Next contact: 10:05 + 4 h gap = 14:05.
    expect(json(r.stdout)[0]).toMatchObject({ orderId: id, status: 'contacted', channel: 'wangwang', attempts: 1, nextContactAt: '2026-11-21T14:05:00+08:00' });

    r = runCli(['reviews', 'log', id, '--status', 'awaiting_reply', '--as-of', '2026-11-21 22:30:00', ...st]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('within quiet hours');
    expect(r.stderr).toContain('--force');

    r = runCli(['reviews', 'log', id, '--status', 'awaiting_reply', '--as-of', '2026-11-21 22:30:00', '--force', '-f', 'json', ...st]);
    expect(r.code).toBe(1);
    // 22:30 + 4 h = 02:30, quiet → 08:00 the next day.
    expect(json(r.stdout)[0]).toMatchObject({ attempts: 2, nextContactAt: '2026-11-22T08:00:00+08:00', note: '[forced: 2026-11-21 22:30:00 is within quiet hours (22:00-08:00 Beijing time)]' });

    r = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-22 09:00:00', '-f', 'json', ...st]);
    const item = json(r.stdout).find((x) => x.orderId === id)!;
    expect(item).toMatchObject({ status: 'awaiting_reply', attempts: 2, lastContactAt: '2026-11-21T22:30:00+08:00', nextContactAt: '2026-11-22T09:00:00+08:00', action: 'follow_up' });

    expect(runCli(['reviews', 'log', id, '--status', 'do_not_contact', '--as-of', '2026-11-22 09:10:00', ...st]).code).toBe(0);
    r = runCli(['reviews', 'log', id, '--status', 'contacted', '--as-of', '2026-11-22 10:00:00', ...st]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('do_not_contact');
    r = runCli(['reviews', 'queue', REVIEWS, '--as-of', '2026-11-22 10:00:00', '-f', 'json', ...st]);
    expect(json(r.stdout).find((x) => x.orderId === id)).toMatchObject({ status: 'do_not_contact', nextContactAt: null, action: 'post_explanation', template: 'explain' });
  });

  it('the third attempt is the last (maxAttempts 3)', () => {
    const st = ['--state', path.join(tmpDir(), 's.db')];
    const id = '2987650012233445501';
    for (const t of ['2026-11-21 09:00:00', '2026-11-21 14:00:00', '2026-11-21 19:00:00']) {
      expect(runCli(['reviews', 'log', id, '--status', 'contacted', '--as-of', t, ...st]).code).toBe(0);
    }
    const r = runCli(['reviews', 'log', id, '--status', 'contacted', '--as-of', '2026-11-22 10:00:00', ...st]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already 3 attempts, the limit is 3');
  });

  it('bad status, channel and order id are usage errors', () => {
    expect(runCli(['reviews', 'log', '123', '--status', 'called']).code).toBe(2);
    expect(runCli(['reviews', 'log', '123', '--status', 'contacted', '--channel', 'email']).code).toBe(2);
    expect(runCli(['reviews', 'log', '3.5E+18', '--status', 'contacted']).code).toBe(2);
  });

  it('without --status: exit 2 naming the values it takes (zh and en), nothing recorded (it said only "required option \'--status <status>\' not specified")', () => {
    const state = path.join(tmpDir(), 's.db');
    const en = runCli(['reviews', 'log', '3515313147329357901', '--state', state, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      'storeops: error: the option --status is required (what came of the contact)\n' +
        '  hint: choose one of: contacted, awaiting_reply, resolved, complaint_filed, do_not_contact; e.g. --status contacted\n',
    );
    const zh = runCli(['reviews', 'log', '3515313147329357901', '--state', state, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      'storeops: 错误: 缺少必需的选项 --status (这次联系的结果)\n' +
        '  提示: 可用: contacted (已联系), awaiting_reply (等待回复), resolved (已解决), complaint_filed (已投诉), do_not_contact (勿再联系); 例如 --status contacted\n',
    );
    // An empty value (`--status "$STATUS"`, STATUS unset) is missing too, not "not valid".
    expect(runCli(['reviews', 'log', '3515313147329357901', '--status', '', '--state', state]).stderr).toContain('the option --status is required');
    expect(fs.existsSync(state)).toBe(false);
  });
});

describe('storeops reviews message', () => {
  it('renders the shipped template with the goodwill budget, as plain text', () => {
    const r = runCli(['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00', '--lang', 'zh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('小明爱购物 您好');
    expect(r.stdout).toContain('订单 3515313147329357901 的「加厚羊毛围巾 灰色」有质量问题');
    expect(r.stdout).toContain('10.00 元补偿');
  });
  it.each([
    ['亲，好评返现 {goodwill} 元', '好评返现'],
    ['麻烦您改成好评', '改成好评'],
    ['能否修改评价？', '修改评价'],
    ['收到后请追加好评', '追加好评'],
    ['We will refund you if you change your review', 'change your review'],
    ['Cashback for a positive review!', 'cashback for a positive review'],
  ])('refuses an operator template saying %s (exit 3, names %s)', (text, phrase) => {
    const f = path.join(tmpDir(), 't.txt');
    fs.writeFileSync(f, text);
    const r = runCli(['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--template', f, '--as-of', '2026-11-21 10:00:00']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.toLowerCase()).toContain(`"${phrase.toLowerCase()}"`);
  });
  it('an order id Excel rounded is said to be one, not "not in the review files"', () => {
    const r = runCli(['reviews', 'message', '3.51531E+18', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'storeops: error: "3.51531E+18" is an order id a spreadsheet program (Excel, WPS, LibreOffice …) rounded (the real id is lost)\n' +
        '  hint: copy the whole id from the orderId column of `storeops reviews queue` or from the review file, e.g. storeops reviews message 3515313147329357901 --reviews reviews.csv\n',
    );
  });

  it('an order not in the queue is a usage error', () => {
    const r = runCli(['reviews', 'message', '2987650012233445502', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs no follow-up');
  });
});

describe('config section reviews, rejected rows, stdin', () => {
  it('goodwill, quiet hours and a refused operator template file come from the config', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'msgs.json'), JSON.stringify({ 'contact-quality': { zh: '麻烦您改成好评', en: 'please update your rating' } }));
    const cfg = path.join(dir, 'c.json');
    fs.writeFileSync(cfg, JSON.stringify({ reviews: { goodwill: { neutral: '3.00', negative: '8.00' }, quietHours: '21:00-09:00', templates: 'msgs.json', shopName: '暖暖店' } }));
    const r = runCli(['reviews', 'queue', REVIEWS, '--config', cfg, '--as-of', '2026-11-21 10:00:00', '-f', 'json']);
    const by = new Map(json(r.stdout).map((x) => [x.orderId, x]));
    expect(by.get('3515313147329357901')!.goodwill).toBe('8.00');
    expect(by.get('2987650012233445501')!.goodwill).toBe('3.00');
    // …0902 reviewed 11-21 08:30: + 24 h = 11-22 08:30, in 21:00–09:00 → 11-21 20:59:59, the second before quiet hours.
    expect(by.get('6000000000000000902')!.contactBy).toBe('2026-11-21T20:59:59+08:00');
    // …701 (extortion) is a complaint row: no contact deadline.
    expect(by.get('4100000000000000701')!.contactBy).toBe(null);
    const m = runCli(['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--config', cfg, '--as-of', '2026-11-21 10:00:00', '--message-lang', 'en']);
    expect(m.code).toBe(3);
    expect(m.stderr).toContain('"update your rating"');
    expect(m.stderr).toContain('msgs.json');
    const d = runCli(['reviews', 'queue', REVIEWS, '--config', cfg, '--quiet-hours', 'nope']);
    expect(d.code).toBe(2);
  });
  it('rows that cannot be read are rejected with file and line (exit 1); stdin works', () => {
    const text =
      '订单号,评分,评论时间,评论内容\n3515313147329357111,2,2026-11-20 10:00:00,坏了\n3.5E+18,1,2026-11-20 10:00:00,x\n3515313147329357222,七星,2026-11-20 10:00:00,x\n3515313147329357333,4,昨天,x\n12,1,2026-11-20 10:00:00,x\n';
    const r = runCli(['reviews', 'queue', '-', '--as-of', '2026-11-21 10:00:00', '-f', 'json'], { input: text });
    expect(r.code).toBe(1);
    expect(json(r.stdout).map((x) => [x.orderId, x.rating])).toEqual([['3515313147329357111', 'bad']]);
    expect(r.stderr).toContain(`:6 [订单号]: "12" not an order id (expected 10–20 digits, or PDD's yymmdd-digits)`);
    expect(r.stderr).toContain(':3 [订单号]: "3.5E+18"');
    expect(r.stderr).toContain(':4 [评分]: "七星" rating not recognised');
    expect(r.stderr).toContain(':5 [评论时间]: "昨天"');
  });
  it('a file whose every row is rejected is unusable (exit 3, as orders and zhenjian), not an empty queue; --rejects still lists them', () => {
    const dir = tmpDir();
    const rej = path.join(dir, 'rej.csv');
    const text = '订单号,评分,评论时间,评论内容\n3.5E+18,1,2026-11-20 10:00:00,坏了\n3515313147329357222,七星,2026-11-20 10:00:00,x\n';
    const r = runCli(['reviews', 'queue', '-', '--as-of', '2026-11-21 10:00:00', '-f', 'json', '--rejects', rej], { input: text });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('all 2 review row(s) were rejected');
    expect(r.stderr).toContain(':3 [评分]: "七星" rating not recognised');
    expect(fs.readFileSync(rej, 'utf8').split('\n').filter((l) => l.trim() !== '').length).toBe(3);
    // One usable row (even one needing no follow-up) is a queue: exit 1 for the rejected row.
    const ok = runCli(['reviews', 'queue', '-', '--as-of', '2026-11-21 10:00:00', '-f', 'json'], { input: text + '3515313147329357333,5,2026-11-20 10:00:00,好\n' });
    expect(ok.code).toBe(1);
    expect(json(ok.stdout)).toEqual([]);
  });
  it('a file without a rating or DSR column is unusable (exit 3)', () => {
    const r = runCli(['reviews', 'queue', '-', '--as-of', '2026-11-21 10:00:00'], { input: '订单编号,评价时间\n1,2026-11-20 10:00:00\n' });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no rating column');
  });
});

describe('messages to buyers are Chinese by default (--message-lang)', () => {
  it('an English-speaking operator (LANG=C, --lang en) still gets the Chinese message; --message-lang en gives English', () => {
    const zh = runCli(['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00', '--lang', 'en']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('小明爱购物 您好');
    const en = runCli(['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--as-of', '2026-11-21 10:00:00', '--message-lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Hello 小明爱购物');
    expect(runCli(['reviews', 'message', '3515313147329357901', '--reviews', REVIEWS, '--message-lang', 'fr']).code).toBe(2);
  });
});

describe('reviews log takes the zh labels the queue shows', () => {
  it('--status 已联系 --channel 旺旺 is contacted on wangwang; an unknown one lists code and label', () => {
    // The zh queue shows 状态 已联系 / 渠道 旺旺: an operator types what they see.
    const dir = tmpDir();
    const state = path.join(dir, 'zh.db');
    const r = runCli(['reviews', 'log', '4400000000000000009', '--status', '已联系', '--channel', '旺旺', '--as-of', '2026-11-21 10:00:00', '--state', state, '-f', 'csv', '--lang', 'en', '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('orderId,at,status,channel,attempts,nextContactAt,note\n4400000000000000009,2026-11-21 10:00:00,contacted,wangwang,1,2026-11-21 14:00:00,\n');
    const bad = runCli(['reviews', 'log', '4400000000000000009', '--status', '联系了', '--state', state, '--lang', 'zh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('可用: contacted (已联系), awaiting_reply (等待回复), resolved (已解决), complaint_filed (已投诉), do_not_contact (勿再联系)');
  });
});

describe('--as-of typed with a Chinese input method', () => {
  it('２０２６－１１－２１ １０：００ is 2026-11-21 10:00 (was refused: not a valid time)', () => {
    const dir = tmpDir();
    const run = (asOf: string) => runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--as-of', asOf, '--state', path.join(dir, 's.db'), '-f', 'csv', '-q']);
    const wide = run('２０２６－１１－２１ １０：００');
    expect(wide.code).toBe(0);
    expect(wide.stdout).not.toBe('');
    expect(wide.stdout).toBe(run('2026-11-21 10:00').stdout);
  });
});

describe('one review is "1 row", not "1 rows"', () => {
  it('the summary counts in the singular for one', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'one.csv');
    fs.writeFileSync(f, '订单编号,买家,宝贝标题,评价结果,评价时间,评价内容\n4400000000000000009,小周,杯子,差评,2026-11-20 10:00:00,漏水\n');
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-11-21 10:00:00', '--state', path.join(dir, 's.db'), '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('reviews: 1 row, 1 read; 1 need follow-up');
  });
});
