// RULES 2.3: the seller may explain within 30 days of a review *or* 追评, and complain about a
// review within 30 days of it: each part has its own window. The queue shows the earliest still
// open; until 2026-12, once the first review's window closed the 追评's took its place without a
// word — the missed explanation was never overdue. Now `reviewExplainBy` (`reviewComplaintBy` for a
// malicious review) is listed in `overdue` while the 追评's window is still open.
// RULES 2.1/2.2: an extortion review goes to a complaint, with no contact: its row shows no
// contactBy (it showed one, overdue a day after the review) and no nextContactAt (host10, round 30).
// RULES 2.3: the complaint is due within 30 days of the part holding the extortion wording.
// Through the built binary (npx tsc -p . first).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const HEAD = '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容\n';
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];
const pick = (x: Record<string, unknown>) => ({ contactBy: x.contactBy, explainBy: x.explainBy, overdue: x.overdue, action: x.action });

describe.each(['UTC', 'America/Los_Angeles'])('the first review\'s window, then the 追评\'s (machine TZ=%s)', (tz) => {
  // By hand (Beijing time): review 11-01 10:00 → explain by 11-01 + 30 days = 12-01 10:00 (Nov has
  // 30 days); 追评 11-10 12:00 → 12-10 12:00. contactBy: the latest part + 24 h = 11-11 12:00.
  const csv = HEAD + '3515313147320000002,买家乙,羊毛围巾,差评,2026-11-01 10:00:00,掉毛严重,2026-11-10 12:00:00,洗了一次就坏了很失望\n';
  const at = (asOf: string, lang = 'en') => runCli(['reviews', 'queue', '-', '--as-of', asOf, '-f', 'json', '--lang', lang], { input: csv, tz });

  it('before 12-01 10:00 the review\'s own window is shown and open', () => {
    expect(pick(json(at('2026-11-30 12:00:00').stdout)[0]!)).toEqual({
      contactBy: '2026-11-11T12:00:00+08:00',
      explainBy: '2026-12-01T10:00:00+08:00',
      overdue: ['contactBy'],
      action: 'contact_now',
    });
  });

  it('12-01 12:00: the 追评\'s 12-10 12:00 is shown, and the review\'s missed window is overdue (old: overdue contactBy only)', () => {
    expect(pick(json(at('2026-12-01 12:00:00').stdout)[0]!)).toEqual({
      contactBy: '2026-11-11T12:00:00+08:00',
      explainBy: '2026-12-10T12:00:00+08:00',
      overdue: ['contactBy', 'reviewExplainBy'],
      action: 'contact_now',
    });
    // zh csv names it 初评解释期限.
    const zh = runCli(['reviews', 'queue', '-', '--as-of', '2026-12-01 12:00:00', '-f', 'csv', '--lang', 'zh'], { input: csv, tz });
    expect(zh.stdout.split('\n')[1]).toContain(',联系期限;初评解释期限,');
  });

  it('12-10 13:00: every window has passed: explainBy overdue', () => {
    expect(pick(json(at('2026-12-10 13:00:00').stdout)[0]!)).toMatchObject({ explainBy: '2026-12-10T12:00:00+08:00', overdue: ['contactBy', 'explainBy'] });
  });
});

describe.each(['UTC', 'America/Los_Angeles'])('an extortion review with a 追评 (machine TZ=%s)', (tz) => {
  // Review 11-01 10:00 "不退款就差评" (extortion): complaint and explanation by 12-01 10:00; 追评
  // 11-10 12:00 (no extortion wording): explanation by 12-10 12:00. RULES 2.3: a complaint about a
  // review is filed within 30 days of it; the 追评 holds no extortion, so it opens no complaint
  // window: the complaint is due 12-01 10:00 (host10, round 30: it was offered until 12-10 12:00).
  const csv = HEAD + '3515313147320000003,买家丙,不锈钢锅铲,差评,2026-11-01 10:00:00,不退款就差评,2026-11-10 12:00:00,用了三次就坏了很失望\n';
  const at = (asOf: string) => json(runCli(['reviews', 'queue', '-', '--as-of', asOf, '-f', 'json'], { input: csv, tz }).stdout)[0]!;

  it('11-30 12:00: file the complaint, by 12-01 10:00; no contact deadline nor next contact time on the complaint row', () => {
    expect(at('2026-11-30 12:00:00')).toMatchObject({
      contactBy: null,
      nextContactAt: null,
      complaintBy: '2026-12-01T10:00:00+08:00',
      overdue: [],
      action: 'file_complaint',
      malicious: ['extortion:不退款就差评'],
    });
  });

  it('12-01 12:00: the complaint window has closed; the 追评 may still be explained (by 12-10 12:00)', () => {
    const item = at('2026-12-01 12:00:00');
    // Old code: complaintBy 12-10 12:00, overdue ['reviewExplainBy', 'reviewComplaintBy'], file_complaint.
    expect(item).toMatchObject({
      contactBy: null,
      nextContactAt: null,
      explainBy: '2026-12-10T12:00:00+08:00',
      complaintBy: '2026-12-01T10:00:00+08:00',
      overdue: ['reviewExplainBy', 'complaintBy'],
      action: 'post_explanation',
    });
    // Score: negative 5 + quality (坏了) 2 + no order 0 + 0 + explanation deadline 12-10 12:00, 216 h
    // away (> 7 days: 0) = 7 (no contact deadline counted: no contact is planned).
    expect(item.score).toBe(7);
  });
});

describe.each(['UTC', 'America/Los_Angeles'])('the extortion in the 追评 (machine TZ=%s)', (tz) => {
  // Review 11-01 10:00 差评 掉毛严重; 追评 11-10 12:00 "不退款就差评": the complaint is about the 追评,
  // due 11-10 12:00 + 30 days = 12-10 12:00; the first review's explanation was due 12-01 10:00.
  const csv = HEAD + '3515313147320000004,买家丁,羊毛围巾,差评,2026-11-01 10:00:00,掉毛严重,2026-11-10 12:00:00,不退款就差评\n';
  it('12-01 12:00: file the complaint by 12-10 12:00 (the first review had no complaint window to miss)', () => {
    const [item] = json(runCli(['reviews', 'queue', '-', '--as-of', '2026-12-01 12:00:00', '-f', 'json'], { input: csv, tz }).stdout);
    expect(item).toMatchObject({
      contactBy: null,
      nextContactAt: null,
      explainBy: '2026-12-10T12:00:00+08:00',
      complaintBy: '2026-12-10T12:00:00+08:00',
      overdue: ['reviewExplainBy'],
      action: 'file_complaint',
    });
  });
});

describe.each(['UTC', 'America/Los_Angeles'])('extortion in the first review from a serial negative buyer (machine TZ=%s, rev32)', (tz) => {
  // 买家丙 leaves 3 差评 (serialNegative default 3): each of them is malicious by that, each flagged
  // part with its own complaint window (RULES 2.3) — the extortion wording in the first review of
  // ...0002 does not take its 追评's window away. By hand (Beijing time): review 11-01 10:00 + 30 days
  // = 12-01 10:00 (missed at 12-01 12:00: reviewExplainBy, reviewComplaintBy); 追评 11-10 12:00 + 30
  // days = 12-10 12:00, still open: file_complaint by 12-10 12:00. Before: complaintBy 12-01 10:00
  // overdue, action post_explanation, the open complaint about the 追评 never offered.
  const csv =
    HEAD +
    '3515313147320000002,买家丙,羊毛围巾,差评,2026-11-01 10:00:00,不退款就差评,2026-11-10 12:00:00,洗了一次就坏了很失望\n' +
    '3515313147320000003,买家丙,羊毛帽子,差评,2026-11-01 11:00:00,质量太差,,\n' +
    '3515313147320000004,买家丙,羊毛手套,差评,2026-11-01 12:00:00,质量太差,,\n';
  it('12-01 12:00: file the complaint about the 追评 by 12-10 12:00', () => {
    const items = json(runCli(['reviews', 'queue', '-', '--as-of', '2026-12-01 12:00:00', '-f', 'json'], { input: csv, tz }).stdout);
    const item = items.find((x) => x.orderId === '3515313147320000002');
    expect(item).toMatchObject({
      contactBy: null,
      nextContactAt: null,
      explainBy: '2026-12-10T12:00:00+08:00',
      complaintBy: '2026-12-10T12:00:00+08:00',
      overdue: ['reviewExplainBy', 'reviewComplaintBy'],
      action: 'file_complaint',
    });
  });
});
