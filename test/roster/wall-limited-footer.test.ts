// user24 (王姐, January 2027): the wall calendar's rules footer said 每人每月休息 4 天 while the grid beside it
// showed the part-timers 阿芳 with 19 days off and 小吴 with 16 — the footer a lead pins on the wall read as
// a rule the roster broke. A limited agent's days off are the month less the shifts the limits allow
// (docs/rules.md §4 "limited agents"), so the footer now names them.
// By hand: January 2027, 31 days, 4 days off: W = 27. 阿芳 at most 12 shifts: 31 − 12 = 19 off; 小吴 at most
// 15: 31 − 15 = 16 off; 小张 unlimited: 4.
import { describe, expect, it } from 'vitest';
import { type RosterProblem, monthDays } from '../../src/roster/problem.js';
import { DEFAULT_SHIFTS } from '../../src/roster/shifts.js';
import { rulesLine } from '../../src/roster/wall.js';

const p = {
  agents: ['小张', '阿芳', '小吴'],
  days: monthDays(2027, 1),
  shifts: [...DEFAULT_SHIFTS],
  daysOff: 4,
  requests: [],
  limits: [undefined, { shifts: ['D', 'H'], maxShifts: 12 }, { shifts: ['N'], maxShifts: 15 }],
} as unknown as RosterProblem;

describe('wall calendar footer with limited agents', () => {
  it('zh: names the part-timers\' days off', () => {
    expect(rulesLine(p, { lang: 'zh', needLabel: 'D=1,H=1,N=1' })).toContain('每人每月休息 4 天 (兼职/限定班次: 阿芳 19 天、小吴 16 天)');
  });
  it('en', () => {
    expect(rulesLine(p, { lang: 'en', needLabel: 'D=1,H=1,N=1' })).toContain('4 days off each (limited agents: 阿芳 19, 小吴 16)');
  });
  it('no limits: as before', () => {
    const q = { ...p, limits: undefined } as unknown as RosterProblem;
    expect(rulesLine(q, { lang: 'zh', needLabel: 'D=1,H=1,N=1' })).toContain('每人每月休息 4 天; ');
  });
});
