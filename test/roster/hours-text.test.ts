// Hours in roster messages and the roster's group notice, with a shift that is not whole hours
// (config roster.shifts, e.g. {"H": "10:00-10:59"}: 59 minutes). Found by host10 (round 30):
// `roster plan --template --agents 5` with that shift said "hour spread 5.51666666666668 h" and
// "(bound 1.2833333333333334 h, gap 4.233333333333333 h)", and the notice "小王: 151.91666666666666
// 小时". Hours are now written to the hundredth (as the printable wall roster writes a shift's
// hours), trailing zeros dropped: the seed's whole and half hours read as before.
import { describe, expect, it } from 'vitest';
import { rosterNotice } from '../../src/notify/notices.js';
import { fmtHours } from '../../src/roster/render.js';

describe('fmtHours', () => {
  it('to the hundredth, no float noise; whole and half hours as before', () => {
    // 331 min = 5 h 31 min = 5.5166… h → 5.52; 59 min = 0.9833… h → 0.98; 1 min = 0.0166… → 0.02
    expect([331 / 60, 5.51666666666668, 59 / 60, 1 / 60].map(fmtHours)).toEqual(['5.52', '5.52', '0.98', '0.02']);
    // 8.5 (白班), 0, 172 (the example roster's monthly hours), 1.5
    expect([8.5, 0, 172, 1.5].map(fmtHours)).toEqual(['8.5', '0', '172', '1.5']);
  });
});

describe('the roster notice with a 59-minute shift', () => {
  it('each agent\'s hours and the spread to the hundredth', () => {
    // 小王 9 D (8.5 h) + 12 N (6.5 h) + 5 S (59 min): 76.5 + 78 + 295/60 = 159.4166… → 159.42;
    // 小李 9 D + 12 N + 4 S + 1 D: 85 + 78 + 236/60 = 166.9333… → 166.93; spread 7.5166… → 7.52.
    const wang = 76.5 + 78 + 295 / 60;
    const li = 85 + 78 + 236 / 60;
    const n = rosterNotice(
      [
        { agent: '小王', hours: wang, nights: 12, weekendDays: 8, daysOff: 4 },
        { agent: '小李', hours: li, nights: 12, weekendDays: 8, daysOff: 4 },
      ],
      { lang: 'zh', what: '2026-11', grid: ['x', 'y'], proven: true },
    );
    expect(n.summary).toBe('2 名客服; 工时差 7.52 小时; 已证明最优。');
    expect(n.items.map((i) => i.text)).toEqual(['小王: 159.42 小时, 晚班 12, 周末上班 8 天, 休息 4 天', '小李: 166.93 小时, 晚班 12, 周末上班 8 天, 休息 4 天']);
    const en = rosterNotice([{ agent: 'Ann', hours: wang, nights: 12, weekendDays: 8, daysOff: 4 }], { lang: 'en', what: '2026-11', grid: ['x'], proven: false });
    expect(en.items[0]!.text).toBe('Ann: 159.42 h, 12 nights, 8 weekend days, 4 days off');
  });
});
