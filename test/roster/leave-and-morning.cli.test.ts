// `roster check` on a hand-made roster (RULES §4):
// - 调休, 轮休, 公休 (and 休息, rest) are days the agent does not work: days off, counted toward the
//   4 days off. Until 2026-12 they were "unknown shift" and the agent "3 days off".
// - 请假, 休假, 年假, 病假 … (any word ending in 假) and leave are leave: neither a day off nor work
//   (docs/rules.md §4); until the leave round they were counted as days off.
// - "08:00–09:00 is measured (旺旺3分钟人工响应率, ruleId 20009524) though the shop is offline then;
//   warn": check now warns as plan does (it said nothing).
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

// February 2026 (28 days), agents A–D: agent i on day d works ['D','H','N','O'][(d + i) % 4]; each
// day has one D, one H, one N and one agent off; each N is followed by O; 7 days off each.
const AGENTS = ['A', 'B', 'C', 'D'];
const DATES = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
const CYCLE = ['D', 'H', 'N', 'O'];
const grid = () => AGENTS.map((_, i) => DATES.map((_, d) => CYCLE[(d + i) % 4]!));
const csv = (g: string[][]) => [['agent', ...DATES].join(','), ...g.map((row, i) => [AGENTS[i], ...row].join(','))].join('\n') + '\n';
function write(text: string): string {
  const f = path.join(tmpDir('roster-leave-'), 'r.csv');
  fs.writeFileSync(f, text);
  return f;
}

describe('roster check: rest words are days off, leave words are leave', () => {
  it('调休, 轮休, 公休, 休息 and rest in place of O: no violations, exit 0', () => {
    const g = grid();
    // A is off on days d with (d + 0) % 4 === 3: index 3, 7, 11, 15, 19, 23, 27 (7 days off).
    g[0]![3] = '调休';
    g[0]![7] = '轮休';
    g[0]![11] = '公休';
    g[0]![15] = '休息';
    g[0]![19] = 'rest';
    const r = runCli(['roster', 'check', write(csv(g)), '--days-off', '7', '-f', 'csv', '--lang', 'en']);
    // Old code (before 95239ce): unknown-shift lines and a days-off line, exit 1.
    expect((parse(r.stdout) as string[][]).slice(1)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('4 agents × 28 days, no violations');
  });

  it('年假, 事假, 病假, annual leave and sick leave in place of 5 of the 7 O: leave, not days off (2026-12)', () => {
    const g = grid();
    // A's O cells at index 3, 7, 11, 15, 19 written as kinds of leave; 23 and 27 stay O.
    // By hand (docs/rules.md §4, leave is not a day off): A has 2 days off besides 5 of leave;
    // --days-off 7 still fits the 23 days left, so 7 are due: "2 days off, must be exactly 7".
    // Hours pro rata: A works 21 shifts (7 each of D 8.5, H 5.5, N 6.5 h) = 143.5 h, as B, C and D;
    // W = 28 − 7 = 21, W_A = 28 − 5 − 7 = 16: 143.5 × 21/16 = 188.34375 h, 44.84375 h above 143.5.
    // Until 2026-12 these were days off: no violations.
    g[0]![3] = '年假';
    g[0]![7] = '事假';
    g[0]![11] = '病假';
    g[0]![15] = 'annual leave';
    g[0]![19] = 'Sick Leave';
    const r = runCli(['roster', 'check', write(csv(g)), '--days-off', '7', '-f', 'csv', '--lang', 'en']);
    expect((parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4))).toEqual([
      ['A', '', 'days-off', '2 days off, must be exactly 7 (besides 5 days of leave, which are not days off)'],
      [
        '',
        '',
        'hours-spread',
        'monthly hours 44.8 h apart, more than 8.5 h: most 188.3 h (A), least 143.5 h (B, C, D) (hours of agents on leave scaled to a full month by the days they work); the rules ask for close monthly hours across agents',
      ],
    ]);
    expect(r.code).toBe(1);
  });

  it('a shift made 休假 is a day of leave, not an eighth day off', () => {
    const g = grid();
    // A works D on index 0; made 休假: 7 days off besides 1 of leave = --days-off 7, no days-off
    // line (until 2026-12: "8 days off, must be exactly 7"). Hours: 143.5 − 8.5 = 135 h over 20
    // shifts, × 21/20 = 141.75 h against 143.5 h: within 8.5 h.
    g[0]![0] = '休假';
    const r = runCli(['roster', 'check', write(csv(g)), '--days-off', '7', '-f', 'csv', '--lang', 'en']);
    const rows = (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4));
    // Day 1 then has no D: B is H, C is N, D is O (i = 3: (0 + 3) % 4 = 3).
    expect(rows).toEqual([['', '2026-02-01', 'coverage', 'D needs at least 1 (day), has 0']]);
  });
});

describe('roster check: the 08:00–09:00 response-rate warning (RULES §4)', () => {
  it('the default shifts start at 09:00: warned in en and zh, exit unchanged', () => {
    const f = write(csv(grid()));
    const en = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'csv', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(
      "storeops: warning: no shift covers 08:00–09:00 Beijing time: on Tmall/Taobao it counts toward the 3-minute response rate (旺旺3分钟人工响应率, ruleId 20009524, measured 08:00–23:00, ≥ 90 % expected), and other platforms' response measures may count it too; have someone answer then (name your shops' platforms in config reviews.shopNames and this says only that platform's rule)",
    );
    const zh = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'csv', '--lang', 'zh']);
    expect(zh.stderr).toContain('storeops: 警告: 没有班次覆盖 北京时间 08:00–09:00: 天猫/淘宝店这段时间计入 "旺旺3分钟人工响应率" (ruleId 20009524, 统计 08:00–23:00, 要求 ≥ 90%)');
  });

  it('a shift set with an 08:00 early shift: no warning', () => {
    const dir = tmpDir('roster-leave-');
    const cfg = path.join(dir, 'storeops.config.json');
    const shifts = [
      { code: 'D', zh: '白班', en: 'day', label: '白', start: '08:00', end: '16:30', role: 'day' },
      { code: 'H', zh: '半白班', en: 'half-day', label: '半', start: '10:00', end: '15:30', role: 'other' },
      { code: 'N', zh: '晚班', en: 'night', label: '晚', start: '17:00', end: '23:30', role: 'night' },
    ];
    fs.writeFileSync(cfg, JSON.stringify({ roster: { shifts } }));
    const r = runCli(['roster', 'check', write(csv(grid())), '--days-off', '7', '-f', 'csv', '--lang', 'en', '--config', cfg]);
    expect(r.stderr).not.toContain('08:00–');
  });
});
