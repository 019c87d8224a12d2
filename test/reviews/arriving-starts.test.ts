// desk39 (task 3): when nobody on shift can take new reviews and several agents start within
// reviews.minShiftLeftMinutes at different times, stderr named the first start for all of them
// ("assigned to 小李, 小王, on shift from 09:00" where 小王's 半白班 starts at 10:00): the same for
// the buyers who may be contacted only later (a 追评 after a contact, quiet hours). Each agent's
// own start is named now (docs/rules.md §2.4).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handout, type OnShift } from '../../src/reviews/roster-file.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
// The default shifts: D 09:00–17:30, H 10:00–15:30, N 17:00–23:30 (Beijing time).
const ROSTER =
  'agent,date,shift,start,end,hours\n小李,2026-11-21,D,09:00,17:30,8.5\n小王,2026-11-21,H,10:00,15:30,5.5\n小张,2026-11-21,N,17:00,23:30,6.5\n' +
  '小赵,2026-11-22,D,09:00,17:30,8.5\n小钱,2026-11-22,H,10:00,15:30,5.5\n';
const MIN = 60_000;
const at = (h: number, m = 0) => Date.UTC(2026, 10, 20, 16) + (h * 60 + m) * MIN;

describe('handout: the agents arriving, each with their own start', () => {
  it('08:30 with 120 min: 小李 from 09:00 and 小王 from 10:00', () => {
    const day: OnShift[] = [
      { agent: '小李', start: at(9), end: at(17, 30) },
      { agent: '小王', start: at(10), end: at(15, 30) },
      { agent: '小张', start: at(17), end: at(23, 30) },
    ];
    // 09:00 is 30 min away, 10:00 90 min (both ≤ 120, both shifts ≥ 2 h); 17:00 is 8 h 30 away.
    expect(handout(day, at(8, 30), 120 * MIN)).toEqual({
      kind: 'arriving', agents: ['小李', '小王'], ending: [], at: at(9),
      starts: [{ agent: '小李', start: at(9) }, { agent: '小王', start: at(10) }],
    });
  });
});

describe('reviews queue --roster: each arriving agent with their start', () => {
  const run = (asOf: string, lang: string, tz: string) => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'roster.csv'), ROSTER);
    fs.writeFileSync(path.join(dir, 'c.json'), '{"reviews": {"minShiftLeftMinutes": 120}}');
    const r = runCli(['reviews', 'queue', REVIEWS, '--roster', 'roster.csv', '--config', 'c.json', '--as-of', asOf, '-f', 'json', '--state', 's.db', '--lang', lang], { tz, cwd: dir });
    expect(r.code).toBe(0);
    return r.stderr;
  };

  it.each(['UTC', 'America/Los_Angeles'])('now: 08:30, 小李 from 09:00, 小王 from 10:00 (TZ=%s)', (tz) => {
    expect(run('2026-11-21 08:30:00', 'en', tz)).toContain(
      'at 2026-11-21 08:30:00 Beijing time nobody has 120 min of their shift left (nobody is on shift now): assigned to 小李 (on shift from 09:00 Beijing time), 小王 (on shift from 10:00 Beijing time)\n',
    );
    expect(run('2026-11-21 08:30:00', 'zh', tz)).toContain('北京时间 2026-11-21 08:30:00 没有班次剩余 120 分钟以上的客服 (现在没有人在班): 分配给 北京时间 09:00 起上班的 小李, 北京时间 10:00 起上班的 小王\n');
  });

  it.each(['UTC', 'America/Los_Angeles'])('later: 23:15, buyers contactable from 08:00 go to 小赵 from 09:00, 小钱 from 10:00 (TZ=%s)', (tz) => {
    // 23:15 is quiet (22:00–08:00): contact from 11-22 08:00, when 小赵's D (09:00, 60 min away) and
    // 小钱's H (10:00, 120 min away) both start within 120 min.
    expect(run('2026-11-21 23:15:00', 'en', tz)).toContain(
      'buyers who may be contacted only from 2026-11-22 08:00:00 Beijing time (quiet hours or the gap between contacts) go to 小赵 (on shift from 09:00 Beijing time), 小钱 (on shift from 10:00 Beijing time)\n',
    );
    expect(run('2026-11-21 23:15:00', 'zh', tz)).toContain('北京时间 2026-11-22 08:00:00 之后才可联系的买家 (安静时段或两次联系的间隔) 分给 北京时间 09:00 起上班的 小赵, 北京时间 10:00 起上班的 小钱\n');
  });
});
