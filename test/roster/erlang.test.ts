import { describe, expect, it } from 'vitest';
import { agentsNeeded, erlangC, serviceLevel } from '../../src/roster/erlang.js';
import { hourNeeds, shiftsCoveringHour } from '../../src/roster/needs.js';
import { DEFAULT_SHIFTS } from '../../src/roster/shifts.js';
import { monthDays } from '../../src/roster/problem.js';

describe('Erlang C (RULES §4 staffing from traffic)', () => {
  // Traffic A = 2 erlangs. Erlang B recursion: B1 = 2/3, B2 = (2·2/3)/(2 + 4/3) = 2/5,
  // B3 = (2·2/5)/(3 + 4/5) = 4/19. C = N·B/(N − A(1 − B)) = 3·(4/19)/(3 − 2·15/19) = (12/19)/(27/19) = 4/9.
  it('probability of waiting with 3 servers and 2 erlangs is 4/9', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
  });
  // B4 = (2·4/19)/(4 + 8/19) = 8/84 = 2/21; C = 4·(2/21)/(4 − 2·19/21) = (8/21)/(46/21) = 4/23.
  it('with 4 servers it is 4/23', () => {
    expect(erlangC(4, 2)).toBeCloseTo(4 / 23, 12);
  });
  // SL = 1 − C·e^{−(N−A)·T/AHT}; with T = AHT = 180 s: N=3 → 1 − (4/9)e^{−1} = 0.83650; N=4 → 1 − (4/23)e^{−2} = 0.97646.
  it('service level within 3 minutes', () => {
    expect(serviceLevel(3, 2, 180, 180)).toBeCloseTo(1 - (4 / 9) * Math.exp(-1), 12);
    expect(serviceLevel(4, 2, 180, 180)).toBeCloseTo(1 - (4 / 23) * Math.exp(-2), 12);
  });
  // 40 chats/h × 180 s = 7200 s of work per hour = 2 erlangs; 3 agents give 83.7 % < 90 %, 4 give 97.6 %.
  it('40 chats an hour at 3 minutes each need 4 agents for 90 % within 3 minutes', () => {
    expect(agentsNeeded({ chatsPerHour: 40, ahtSec: 180, targetSec: 180, serviceLevel: 0.9, concurrency: 1 })).toBe(4);
    // Two chats at once: 4 servers = 2 agents.
    expect(agentsNeeded({ chatsPerHour: 40, ahtSec: 180, targetSec: 180, serviceLevel: 0.9, concurrency: 2 })).toBe(2);
    expect(agentsNeeded({ chatsPerHour: 0, ahtSec: 180, targetSec: 180, serviceLevel: 0.9, concurrency: 1 })).toBe(0);
  });
  // Past 100000 erlangs the lower bound ⌊A⌋ + 1 is returned: 3.6·10⁹ chats/h × 120 s = 1.2·10⁸ erlangs → 120000001.
  it('beyond 100000 erlangs: the traffic plus one, at once', () => {
    expect(agentsNeeded({ chatsPerHour: 3.6e9, ahtSec: 120, targetSec: 180, serviceLevel: 0.9, concurrency: 1 })).toBe(120_000_001);
    // Two at once: ⌈120000001/2⌉ = 60000001.
    expect(agentsNeeded({ chatsPerHour: 3.6e9, ahtSec: 120, targetSec: 180, serviceLevel: 0.9, concurrency: 2 })).toBe(60_000_001);
  });
});

describe('hours to shifts', () => {
  it('a shift counts for an hour when it covers at least half of it', () => {
    // 08:00–09:00: nothing (RULES §4: measured by the platform, but the shop is offline).
    expect(shiftsCoveringHour(DEFAULT_SHIFTS, 8)).toEqual({ same: [], prev: [] });
    expect(shiftsCoveringHour(DEFAULT_SHIFTS, 9)).toEqual({ same: ['D'], prev: [] });
    expect(shiftsCoveringHour(DEFAULT_SHIFTS, 10)).toEqual({ same: ['D', 'H'], prev: [] });
    // 15:00–16:00: H ends 15:30 (30 min) → counts.
    expect(shiftsCoveringHour(DEFAULT_SHIFTS, 15)).toEqual({ same: ['D', 'H'], prev: [] });
    // 17:00–18:00: D until 17:30 (30 min) and N.
    expect(shiftsCoveringHour(DEFAULT_SHIFTS, 17)).toEqual({ same: ['D', 'N'], prev: [] });
    expect(shiftsCoveringHour(DEFAULT_SHIFTS, 23)).toEqual({ same: ['N'], prev: [] });
  });
  it('an overnight shift covers the next day\'s early hours', () => {
    // L 18:00–02:00 (end 26:00): on its own day 18:00–24:00; the day after, 00:00–02:00.
    const shifts = [...DEFAULT_SHIFTS, { code: 'L', name: { zh: '深夜班', en: 'late' }, label: '深', start: 18 * 60, end: 26 * 60, paid: 480, role: 'night' as const, aliases: [] }];
    expect(shiftsCoveringHour(shifts, 1)).toEqual({ same: [], prev: ['L'] });
    expect(shiftsCoveringHour(shifts, 2)).toEqual({ same: [], prev: [] });
    expect(shiftsCoveringHour(shifts, 23)).toEqual({ same: ['N', 'L'], prev: [] });
    // Hour 1 on day 0 of the month: only last month's L covers it, so no need on day 0; days 1.. need 1 on the previous day's L.
    const r = hourNeeds(monthDays(2026, 2), shifts, [{ hour: 1, agents: 1 }]);
    expect(r.needs.length).toBe(27);
    expect(r.needs[0]).toEqual({ day: 1, shifts: [], prevShifts: ['L'], count: 1, what: '01:00-02:00' });
  });
  it('hours nobody covers are returned for a warning', () => {
    const r = hourNeeds(monthDays(2026, 2), DEFAULT_SHIFTS, [
      { hour: 8, agents: 2 },
      { hour: 20, agents: 3 },
    ]);
    expect(r.uncovered).toEqual([{ hour: 8, agents: 2 }]);
    expect(r.needs.length).toBe(28);
    expect(r.needs[0]).toEqual({ day: 0, shifts: ['N'], count: 3, what: '20:00-21:00' });
  });
});
