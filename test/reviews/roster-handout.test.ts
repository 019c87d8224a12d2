// `reviews queue --roster` handed reviews to every agent on shift, however little of the shift was
// left: at 15:15 the 半白班 agent (10:00–15:30) got half the queue 15 minutes before leaving, and at
// 16:45 the day agent (until 17:30) all of it while the night agent came at 17:00. Now
// (docs/rules.md §2.4) an agent is handed reviews only with at least 60 minutes of the shift left
// (config reviews.minShiftLeftMinutes); when nobody on shift has that, those starting within 60
// minutes take them; when nobody does either, those on shift the longest, with a warning.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handout, shiftEndAt, type OnShift } from '../../src/reviews/roster-file.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const ROSTER = 'agent,date,shift,start,end,hours\n小李,2026-11-21,D,09:00,17:30,8.5\n小王,2026-11-21,H,10:00,15:30,5.5\n小张,2026-11-21,N,17:00,23:30,6.5\n';
const json = (s: string) => JSON.parse(s) as Record<string, unknown>[];
const MIN = 60_000;
// Minutes after 2026-11-21 00:00 Beijing (UTC+8) as an instant.
const at = (h: number, m = 0) => Date.UTC(2026, 10, 20, 16) + (h * 60 + m) * MIN;
const DAY: OnShift[] = [
  { agent: '小李', start: at(9), end: at(17, 30) },
  { agent: '小王', start: at(10), end: at(15, 30) },
  { agent: '小张', start: at(17), end: at(23, 30) },
];

describe('handout: who takes new reviews at an instant', () => {
  it('on shift with 60 min left; else those starting within 60 min; else those on shift the longest', () => {
    // 15:15: 小李 has 2 h 15 left, 小王 15 min (< 60): 小李 alone.
    expect(handout(DAY, at(15, 15), 60 * MIN)).toEqual({ kind: 'staying', agents: ['小李'], ending: [{ agent: '小王', end: at(15, 30) }] });
    // 16:30: 小李 has exactly 60 min: enough.
    expect(handout(DAY, at(16, 30), 60 * MIN)).toMatchObject({ kind: 'staying', agents: ['小李'] });
    // 16:45: 小李 45 min; 小张 starts at 17:00, 15 min away, and stays 6 h 30: 小张.
    expect(handout(DAY, at(16, 45), 60 * MIN)).toEqual({ kind: 'arriving', agents: ['小张'], ending: [{ agent: '小李', end: at(17, 30) }], at: at(17), starts: [{ agent: '小张', start: at(17) }] });
    // 08:30: nobody on, 小李 starts in 30 min: 小李.
    expect(handout(DAY, at(8, 30), 60 * MIN)).toMatchObject({ kind: 'arriving', agents: ['小李'], at: at(9) });
    // 07:00: 小李 starts in 2 h: nobody.
    expect(handout(DAY, at(7), 60 * MIN)).toMatchObject({ kind: 'none', agents: [] });
    // 23:15: 小张 15 min, nobody comes: 小张, until 23:30.
    expect(handout(DAY, at(23, 15), 60 * MIN)).toEqual({ kind: 'leaving', agents: ['小张'], ending: [], at: at(23, 30) });
    // A threshold of 0: anyone on shift, as before.
    expect(handout(DAY, at(15, 15), 0)).toMatchObject({ kind: 'staying', agents: ['小李', '小王'] });
  });

  it('shifts that meet are one stretch on shift', () => {
    const two: OnShift[] = [
      { agent: 'a', start: at(9), end: at(12) },
      { agent: 'a', start: at(12), end: at(18) },
    ];
    // 11:30: the first shift ends at 12:00, the next starts then: on until 18:00.
    expect(shiftEndAt(two, 'a', at(11, 30))).toBe(at(18));
    expect(handout(two, at(11, 30), 60 * MIN)).toMatchObject({ kind: 'staying', agents: ['a'] });
  });
});

describe('reviews queue --roster: an agent about to leave is not handed reviews', () => {
  const run = (asOf: string, tz: string, extra: string[] = []) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'roster.csv'), ROSTER);
    const r = runCli(['reviews', 'queue', REVIEWS, '--roster', 'roster.csv', '--as-of', asOf, '-f', 'json', '--state', 's.db', '--lang', 'en', ...extra], { tz, cwd: dir });
    expect(r.code).toBe(0);
    // The example's seven open items at these times: …0902 …901 …902 …701 …501 …801 …0901 (cli.test.ts).
    const rows = json(r.stdout);
    expect(rows).toHaveLength(7);
    return { stderr: r.stderr, assignees: [...new Set(rows.map((x) => x.assignee))].sort() };
  };

  it.each(['UTC', 'America/Los_Angeles'])('15:15: all to 小李, not half to 小王 who leaves at 15:30 (TZ=%s)', (tz) => {
    const r = run('2026-11-21 15:15:00', tz);
    // Before: ['小李', '小王'] (alternating by buyer).
    expect(r.assignees).toEqual(['小李']);
    expect(r.stderr).toContain('agents with less than 60 min of their shift left get no new reviews: 小王 15:30 Beijing time (end of shift)');
    // The same instant written in Los Angeles time (UTC−8 in November: 2026-11-20 23:15 = 11-21 15:15 Beijing).
    const la = run('2026-11-20 23:15:00', tz, ['--tz', 'America/Los_Angeles']);
    expect(la.assignees).toEqual(['小李']);
    expect(la.stderr).toContain('小王 2026-11-20 23:30 America/Los_Angeles (15:30 Beijing time) (end of shift)');
    // reviews.minShiftLeftMinutes 0: anyone on shift, as before.
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'c.json'), '{"reviews": {"minShiftLeftMinutes": 0}}');
    expect(run('2026-11-21 15:15:00', tz, ['--config', path.join(dir, 'c.json')]).assignees).toEqual(['小李', '小王']);
  });

  it.each(['UTC', 'America/Los_Angeles'])('16:45: to 小张 who starts at 17:00, not 小李 who leaves at 17:30; 08:30: to 小李 who starts at 09:00 (TZ=%s)', (tz) => {
    const r = run('2026-11-21 16:45:00', tz);
    // Before: ['小李'].
    expect(r.assignees).toEqual(['小张']);
    expect(r.stderr).toContain('at 2026-11-21 16:45:00 Beijing time nobody has 60 min of their shift left (those on shift leave soon: 小李 17:30 Beijing time): assigned to 小张, on shift from 17:00 Beijing time');
    const early = run('2026-11-21 08:30:00', tz);
    // Before: [''] and "nobody is on shift at 2026-11-21 08:30:00 in the roster, so nothing was assigned".
    expect(early.assignees).toEqual(['小李']);
    expect(early.stderr).toContain('at 2026-11-21 08:30:00 Beijing time nobody has 60 min of their shift left (nobody is on shift now): assigned to 小李, on shift from 09:00 Beijing time');
  });

  it.each(['UTC', 'America/Los_Angeles'])('23:15 with the next day in the roster: a buyer who may be contacted only from 08:00 goes to the next day\'s agent (TZ=%s)', (tz) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'roster.csv'), ROSTER + '小王,2026-11-22,D,09:00,17:30,8.5\n小李,2026-11-22,H,10:00,15:30,5.5\n');
    const r = runCli(['reviews', 'queue', REVIEWS, '--roster', 'roster.csv', '--as-of', '2026-11-21 23:15:00', '-f', 'json', '--state', 's.db', '--lang', 'en'], { tz, cwd: dir });
    expect(r.code).toBe(0);
    // By hand: 23:15 is in the quiet hours (22:00–08:00): every item but the complaint (…701, filed
    // on the platform, no contact) is contact_later until 11-22 08:00. At 08:00 nobody is on; 小王's
    // D starts at 09:00, 60 min later (within 60) and lasts 8.5 h: 小王. …701 is to do now: 小张, the
    // last one on (until 23:30), with the warning. Before: all seven to 小张.
    expect(json(r.stdout).map((x) => [x.orderId, x.action, x.assignee])).toEqual([
      ['6000000000000000902', 'contact_later', '小王'],
      ['3515313147329357901', 'contact_later', '小王'],
      // After …902 since 2026-12: the complaint row scores no contact deadline (7, not 9).
      ['3515313147329357902', 'contact_later', '小王'],
      ['4100000000000000701', 'file_complaint', '小张'],
      ['2987650012233445501', 'contact_later', '小王'],
      ['5200000000000000801', 'contact_later', '小王'],
      ['6000000000000000901', 'contact_later', '小王'],
    ]);
    // 小王 is not on shift at 08:00 but from 09:00 (it said "go to those on shift then: 小王").
    expect(r.stderr).toContain('buyers who may be contacted only from 2026-11-22 08:00:00 Beijing time (quiet hours or the gap between contacts) go to 小王, on shift from 09:00 Beijing time\n');
    const zh = runCli(['reviews', 'queue', REVIEWS, '--roster', 'roster.csv', '--as-of', '2026-11-21 23:15:00', '-f', 'json', '--state', 's.db', '--lang', 'zh'], { tz, cwd: dir });
    expect(zh.stderr).toContain('北京时间 2026-11-22 08:00:00 之后才可联系的买家 (安静时段或两次联系的间隔) 分给 北京时间 09:00 起上班的 小王\n');
    expect(r.stderr).toContain('assigned to 小张, on shift the longest (until 23:30 Beijing time)');
  });

  it.each(['UTC', 'America/Los_Angeles'])('17:15: to 小张 only; 23:15: to 小张, the last one on, with a warning (TZ=%s)', (tz) => {
    // Before at 17:15: ['小张', '小李'].
    expect(run('2026-11-21 17:15:00', tz).assignees).toEqual(['小张']);
    const late = run('2026-11-21 23:15:00', tz);
    expect(late.assignees).toEqual(['小张']);
    expect(late.stderr).toContain('at 2026-11-21 23:15:00 Beijing time nobody has 60 min of their shift left and nobody starts within 60 min: assigned to 小张, on shift the longest (until 23:30 Beijing time); hand over what is not finished');
  });
});
