// `roster check` on hand-made rosters: each rule of RULES §4 caught, and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/io/width.js';
import { ROOT, runCli, tmpDir } from '../helpers.js';

// RULES §4: roster check warns that 08:00–09:00 is measured (ruleId 20009524) and no default shift covers it.
const MORNING_EN = "storeops: warning: no shift covers 08:00–09:00 Beijing time: on Tmall/Taobao it counts toward the 3-minute response rate (旺旺3分钟人工响应率, ruleId 20009524, measured 08:00–23:00, ≥ 90 % expected), and other platforms' response measures may count it too; have someone answer then (name your shops' platforms in config reviews.shopNames and this says only that platform's rule)\n";
const MORNING_ZH = 'storeops: 警告: 没有班次覆盖 北京时间 08:00–09:00: 天猫/淘宝店这段时间计入 "旺旺3分钟人工响应率" (ruleId 20009524, 统计 08:00–23:00, 要求 ≥ 90%), 其他平台的客服响应考核也可能包括它; 请安排人工接待或调整班次时间 (在配置 reviews.shopNames 写明店铺所在平台, 提示只说该平台的规则)\n';

const RULES_MD = path.join(ROOT, 'docs', 'rules.md');

// February 2026 (28 days), agents A–D. Agent i on day d (0-based) works
// ['D','H','N','O'][(d + i) % 4]: every day has exactly one D, one H, one N and one agent off;
// each agent's N is followed by O; each agent has 28/4 = 7 days off (so --days-off 7).
const AGENTS = ['A', 'B', 'C', 'D'];
const DATES = Array.from({ length: 28 }, (_, d) => `2026-02-${String(d + 1).padStart(2, '0')}`);
const CYCLE = ['D', 'H', 'N', 'O'];
function base(): string[][] {
  return AGENTS.map((_, i) => DATES.map((_, d) => CYCLE[(d + i) % 4]!));
}
function gridCsv(g: string[][], head = 'agent', dates = DATES): string {
  return [[head, ...dates].join(','), ...g.map((row, i) => [AGENTS[i], ...row].join(','))].join('\n') + '\n';
}
function longCsv(g: string[][]): string[] {
  const lines = ['agent,date,shift'];
  g.forEach((row, i) => row.forEach((c, d) => lines.push(`${AGENTS[i]},${DATES[d]},${c}`)));
  return lines;
}
function write(name: string, text: string): string {
  const f = path.join(tmpDir('roster-check-'), name);
  fs.writeFileSync(f, text);
  return f;
}
function check(file: string, ...extra: string[]) {
  const r = runCli(['roster', 'check', file, '--days-off', '7', '-f', 'csv', '--lang', 'en', ...extra]);
  // The four columns SPEC names (agent, date, rule, detail); the cell each names is test/roster/handmade.cli.test.ts's.
  const rows = (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4));
  return { ...r, rows };
}

describe('roster check', () => {
  it('an agent on two rows of a grid: one duplicate-agent line, the second row not read (no 28 one-shift lines)', () => {
    const g = base();
    // B's row again at the end (line 6): with both rows read, every day of B would hold two shifts.
    const text = gridCsv(g) + ['B', ...g[1]!].join(',') + '\n';
    const r = check(write('dup.csv', text));
    expect(r.code).toBe(1);
    expect(r.rows).toEqual([['B', '', 'duplicate-agent', 'line 6 lists the agent of line 3 again: its shifts were not read; merge the two rows']]);
  });

  it('passes the valid base roster (exit 0, header only)', () => {
    const r = check(write('ok.csv', gridCsv(base())));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('agent,date,rule,detail,cell\n');
    expect(r.stderr).toContain('4 agents × 28 days, no violations');
  });

  it('no violations in a table on the screen: the sentence on stderr (even with -q), stdout empty; csv/json/a file keep the header', () => {
    const f = write('ok.csv', gridCsv(base()));
    // -f table stands for the terminal (stdout here is a pipe); before, stdout held "agent  date  rule  detail".
    const table = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'table', '--lang', 'en']);
    expect(table.code).toBe(0);
    expect(table.stdout).toBe('');
    expect(table.stderr).toBe(`${MORNING_EN}${f}: 4 agents × 28 days, no violations\n`);
    const zh = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'table', '--lang', 'zh', '-q']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toBe(`${MORNING_ZH}${f}: 4 名客服 × 28 天, 没有违规\n`);
    const json = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'json', '--lang', 'en']);
    expect(json.stdout).toBe('[]\n');
    expect(json.stderr).toBe(`${MORNING_EN}${f}: 4 agents × 28 days, no violations\n`);
    // A table written to a file is still written (the header alone), as asked.
    const out = path.join(path.dirname(f), 'v.txt');
    const file = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'table', '-o', out, '--lang', 'en']);
    expect(file.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('agent');
  });

  it('reads Chinese codes, a Chinese header and YYYY/M/D dates', () => {
    const zh: Record<string, string> = { D: '白', H: '半', N: '晚', O: '休' };
    const g = base().map((row) => row.map((c) => zh[c]!));
    const r = check(write('zh.csv', gridCsv(g, '客服', DATES.map((d) => d.replace(/-0?/g, '/')))));
    expect(r.code).toBe(0);
  });

  it('dates headed by month and day only (2月1日, 2/1): without --month it asks for the month; with it, the roster is read', () => {
    for (const [name, head] of [['md.csv', (d: string) => `2月${Number(d.slice(8))}日`], ['slash.csv', (d: string) => `2/${Number(d.slice(8))}`]] as const) {
      const f = write(name, gridCsv(base(), 'agent', DATES.map(head)));
      const first = head(DATES[0]!);
      const r = check(f);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`${f}: the date columns give a month and day but no year (such as "${first}"), so the month is unknown`);
      expect(r.stderr).toContain('add --month YYYY-MM');
      const ok = check(f, '--month', '2026-02');
      expect(ok.code).toBe(0);
      expect(ok.stderr).toContain('4 agents × 28 days, no violations');
    }
  });

  it('a title line above the header (2026年2月客服排班表) is skipped and named; the roster and its requests are read', () => {
    // The grid under one title line; the requests under a title and a blank line (header on line 3). A works D on
    // 2026-02-01 (CYCLE[0]), so its request for that day is the one violation.
    const f = write('titled.csv', '2026年2月客服排班表,,\n' + gridCsv(base()));
    const req = write('req-titled.csv', '请假表\n\nagent,date\nA,2026-02-01\n');
    const r = check(f, '--requests', req);
    expect(r.rows).toEqual([['A', '2026-02-01', 'request', 'asked for the day off, rostered on the day shift: make it O, or swap with an agent off that day']]);
    expect(r.stderr).toContain(`${f}: the header is on line 2; the line above it (title or blank) was skipped`);
    expect(r.stderr).toContain(`${req}: the header is on line 3; the 2 lines above it (title or blank) were skipped`);
    expect(r.stderr).toContain(`${f}: 4 agents × 28 days, 1 violation (request 1)`);
    expect(r.code).toBe(1);
  });

  it('days-off: B works on its day off 2026-02-03 → 6 days off', () => {
    const g = base();
    g[1]![2] = 'H'; // B: (2+1)%4 = 3 → O; H that day is then staffed twice, which is allowed
    const r = check(write('b.csv', gridCsv(g)));
    expect(r.code).toBe(1);
    expect(r.rows).toEqual([['B', '', 'days-off', '6 days off, must be exactly 7']]);
  });

  it('night-then-day: A works D on 2026-02-04 after its night on 02-03', () => {
    const g = base();
    g[0]![3] = 'D'; // A: day 2 = N, day 3 was O
    const r = check(write('nd.csv', gridCsv(g)));
    expect(r.code).toBe(1);
    expect(r.rows).toEqual([
      ['A', '', 'days-off', '6 days off, must be exactly 7'],
      ['A', '2026-02-04', 'night-then-day', 'day shift after a night shift on 2026-02-03: make it H, N or O'],
    ]);
    // On an 80-column terminal the 说明 goes on over a second line, whole: it was cut to
    // "前一天 (2026-02-03) 晚班, 当天白班: 当天改成半…", the fix itself lost (user7). 客服 2 + 2, 日期 10 + 2,
    // 单元格 6 + 2 (since 2026-12, before the rule on the screen), 规则 晚班后接白班 12 + 2: 说明 gets
    // 80 − 38 = 42 columns.
    const t = runCli(['roster', 'check', write('nd-zh.csv', gridCsv(g)), '--days-off', '7', '-f', 'table', '--lang', 'zh'], { env: { COLUMNS: '80' } });
    expect(t.code).toBe(1);
    const lines = t.stdout.split('\n').filter((l) => l !== '');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(t.stdout).not.toContain('…');
    expect(lines.map((l) => l.trim()).join('')).toContain('前一天 (2026-02-03) 晚班, 当天白班:当天改成半白班、晚班或休息');
  });

  it('a lead\'s hand edits: each violation says what to write instead (zh and en)', () => {
    // The base roster edited as a lead does in a spreadsheet (agent i, day index d: CYCLE[(d + i) % 4]):
    // A's 2026-02-04 (3+0)%4 = O typed as D, after A's N on 02-03 (2+0)%4: night-then-day, and A has
    // 6 days off; B's 2026-02-10 (9+1)%4 = 2 → N left blank: missing-day, and that night has nobody
    // (coverage, 0 of 1); C asked for 2026-02-01 off, where
    // C works (0+2)%4 = N. After a night the seed shifts allow H (role other), N or a day off (§4).
    const g = base();
    g[0]![3] = 'D';
    g[1]![9] = '';
    const f = write('hand.csv', gridCsv(g));
    const req = write('hand-req.csv', 'agent,date\nC,2026-02-01\n');
    const en = check(f, '--requests', req);
    expect(en.code).toBe(1);
    expect(en.rows).toEqual([
      ['A', '', 'days-off', '6 days off, must be exactly 7'],
      ['A', '2026-02-04', 'night-then-day', 'day shift after a night shift on 2026-02-03: make it H, N or O'],
      ['B', '2026-02-10', 'missing-day', 'no shift or day off given for this day: write a shift (D/H/N) or O'],
      ['', '2026-02-10', 'coverage', 'N needs at least 1 (night), has 0'],
      ['C', '2026-02-01', 'request', 'asked for the day off, rostered on the night shift: make it O, or swap with an agent off that day'],
    ]);
    const zh = runCli(['roster', 'check', f, '--requests', req, '--days-off', '7', '-f', 'csv', '--lang', 'zh']);
    const rows = (parse(zh.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4)).filter((r) => r[0] !== '' && r[1] !== '');
    expect(rows.map((r) => r[3])).toEqual([
      '前一天 (2026-02-03) 晚班, 当天白班: 当天改成半白班、晚班或休息',
      '这一天没有排班: 填上班次 (白/半/晚) 或 休',
      '申请了休息, 却排了晚班: 改成休息, 或与当天休息的客服换班',
    ]);
  });

  it('night then 半白班 (H) is allowed: the rule is about the full day shift (docs/rules.md §4)', () => {
    // The seed: 值晚班客服第二天不适合上全白班 — a full day shift (白班 D), not 半白班 H (10:00–15:30).
    const g = base();
    g[0]![3] = 'H'; // A: day 2 = N, day 3 was O; H on 02-04 is then staffed twice, which is allowed
    const r = check(write('nh.csv', gridCsv(g)));
    expect(r.code).toBe(1);
    expect(r.rows).toEqual([['A', '', 'days-off', '6 days off, must be exactly 7']]);
  });

  it('coverage: C takes 2026-02-01 off, leaving no night shift', () => {
    const g = base();
    g[2]![0] = 'O'; // C: (0+2)%4 = 2 → N
    const r = check(write('cov.csv', gridCsv(g)));
    expect(r.rows).toEqual([
      ['C', '', 'days-off', '8 days off, must be exactly 7'],
      ['', '2026-02-01', 'coverage', 'N needs at least 1 (night), has 0'],
    ]);
    // In zh the shift is named, not the --min letter: it said "N 需要至少 1 人 (晚班), 只有 0 人" (user7).
    const zh = runCli(['roster', 'check', write('cov-zh.csv', gridCsv(g)), '--days-off', '7', '-f', 'csv', '--lang', 'zh']);
    expect((parse(zh.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4))).toEqual([
      ['C', '', '休息天数不符', '休息 8 天, 应为 7 天'],
      ['', '2026-02-01', '人手不足', '晚班需要至少 1 人, 只有 0 人'],
    ]);
  });

  it('whole-day-off: D never has a day off', () => {
    const g = base();
    g[3] = g[3]!.map((c) => (c === 'O' ? 'H' : c)); // its N (d ≡ 1 mod 4) is now followed by H, not D
    const r = check(write('whole.csv', gridCsv(g)));
    expect(r.rows).toEqual([
      ['D', '', 'days-off', '0 days off, must be exactly 7'],
      ['D', '', 'whole-day-off', 'no whole day off in the month'],
      // and its 7 days off turned into 7 × H 5.5 h: 143.5 + 38.5 = 182.0 h against 143.5 h (hours-spread, > 8.5 h)
      ['', '', 'hours-spread', 'monthly hours 38.5 h apart, more than 8.5 h: most 182.0 h (D), least 143.5 h (A, B, C); the rules ask for close monthly hours across agents'],
    ]);
  });

  it('request: A asked for 2026-02-01 off but works the day shift', () => {
    const req = write('req.csv', 'agent,date\nA,2026-02-01\nB,2026-02-03\n'); // B is off on 02-03 anyway
    const r = check(write('ok.csv', gridCsv(base())), '--requests', req);
    expect(r.rows).toEqual([['A', '2026-02-01', 'request', 'asked for the day off, rostered on the day shift: make it O, or swap with an agent off that day']]);
  });

  it('one violation is "1 violation", one agent "1 agent"', () => {
    const req = write('req.csv', 'agent,date\nA,2026-02-01\n'); // A works D that day
    const f = write('ok.csv', gridCsv(base()));
    const r = check(f, '--requests', req);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${MORNING_EN}${f}: 4 agents × 28 days, 1 violation (request 1)\n`);
    // Agent A alone (D,H,N,O repeating): 7 days off as asked; on each of its 21 working days
    // two of the three shifts are unstaffed (42), on its 7 days off all three (21): 63.
    const one = write('one.csv', gridCsv(base().slice(0, 1)));
    // No --min / --demand / --volume: the coverage was judged with the default, 1 on each of D, H, N
    // (README: "default: 1 on every shift"); the roster file does not carry a plan's minimums, so
    // a line after the summary says so and how to pass the plan's --min (fails before: no such line).
    expect(check(one).stderr).toBe(
      `${MORNING_EN}${one}: 1 agent × 28 days, 63 violations (coverage 63)\n` +
        `storeops: coverage judged with the default minimum (D=1,H=1,N=1: no --min, --demand or --volume given): a roster file does not carry the minimums it was planned with; to check a roster from roster plan, pass the plan's --min / --demand again (roster plan prints the command to use), e.g. storeops roster check ${one} --min D=2,H=1,N=1\n`,
    );
    // With the minimum given (the plan's), no such line.
    expect(check(one, '--min', 'D=1,H=1,N=1').stderr).toBe(`${MORNING_EN}${one}: 1 agent × 28 days, 63 violations (coverage 63)\n`);
  });

  it('--requests and --demand rows check names the roster file and the month checked, not --agents or planning', () => {
    // ZZ is in no row of the roster; 2026-03-01 is outside the roster's February 2026; B is
    // off on 02-03 anyway, so that request holds.
    const req = write('req.csv', 'agent,date\nZZ,2026-02-01\nA,2026-03-01\nB,2026-02-03\n');
    // 2026-02-02 keeps the demand file one of February (a file with no February date at all is
    // another month's file, exit 3: test/roster/demand-month.test.ts); the base roster meets 1,1,1.
    const demand = write('demand.csv', 'date,D,H,N\n2026-03-01,1,1,1\n2026-02-02,1,1,1\n');
    const dir = tmpDir('roster-check-rej-');
    const rej = path.join(dir, 'rejects.csv');
    const f = write('ok.csv', gridCsv(base()));
    const r = check(f, '--requests', req, '--demand', demand, '--rejects', rej);
    expect(r.code).toBe(1);
    expect(r.rows).toEqual([]);
    expect(parse(fs.readFileSync(rej, 'utf8'), { bom: true })).toEqual([
      ['file', 'line', 'column', 'value', 'reason'],
      [demand, '2', 'date', '2026-03-01', 'date is not in the month being checked'],
      [req, '2', '', 'ZZ', 'agent is not in the roster file; the days off asked for (2026-02-01) were not checked; the roster has A, B, C, D; spell the name as the roster does, or add the agent to the roster'],
      [req, '3', '', '2026-03-01', 'date is not in the month being checked'],
    ]);
    expect(r.stderr).toContain(`${f}: 4 agents × 28 days, no violations\n`);
  });

  it('--previous naming other agents: which names differ, the consequence, and what to do', () => {
    // Roster agents A–D. jan.csv has A, B, "c" (C typed in lower case) and E; D is not in it.
    // Before: nothing said; C's and D's boundary went unchecked without a word.
    const prev = write('jan.csv', 'agent,date,shift\nA,2026-01-31,D\nB,2026-01-31,D\nc,2026-01-31,N\nE,2026-01-31,N\n');
    const f = write('ok.csv', gridCsv(base()));
    const r = check(f, '--previous', prev);
    expect(r.code).toBe(0);
    // C ↔ c: the same once case is set aside (D and E are other one-letter names: no guess between them).
    expect(r.stderr).toBe(
      `storeops: warning: --previous ${prev} names other agents than the roster: C, D (in the roster) are not in it, so the night-then-day rule across the boundary was not applied to them; c, E (in it) are not in the roster and were not used. Perhaps one person spelt two ways: C / c; spell each person the same in both files; an agent who joined or left needs nothing\n` +
        `${MORNING_EN}${f}: 4 agents × 28 days, no violations\n`,
    );
    const zh = runCli(['roster', 'check', f, '--days-off', '7', '-f', 'csv', '--lang', 'zh', '--previous', prev]);
    expect(zh.stderr.split('\n')[0]).toBe(
      `storeops: 警告: --previous ${prev} 的客服与排班表不一致: 排班表的 C、D 不在其中, 这些人跨月的 "晚班后不上白班" 未检查; 其中的 c、E 不在排班表里, 未使用。可能是同一人写法不同: C / c; 同一人在两个文件中请写成一样; 新来或离开的客服可忽略此提示`,
    );
  });

  it('--previous that is not the month before: exit 3 with its dates (this month given again)', () => {
    // Before: a warning "has no 2026-01-31 … used only to change as little as possible" (check changes
    // nothing) and exit 0, the boundary unchecked.
    const f = write('ok.csv', gridCsv(base()));
    const r = check(f, '--previous', f);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `storeops: error: --previous ${f} has no day of 2026-01: its dates are 2026-02-01 – 2026-02-28, so it is not the roster of the month before 2026-02\n` +
        "  hint: give --previous last month's (2026-01) roster; leave --previous out when no check across the month boundary is wanted.\n",
    );
  });

  it('--previous reaching into the month checked: those days named and not used', () => {
    // jan.csv has 2026-01-31 and, wrongly, 2026-02-01 – 2026-02-02 (A off on both): its February days
    // are not last month's. A's night on 01-31 followed by the roster's D on 02-01 is still caught.
    const prev = write('jan.csv', 'agent,date,shift\nA,2026-01-31,N\nB,2026-01-31,D\nC,2026-01-31,D\nD,2026-01-31,D\nA,2026-02-01,O\nA,2026-02-02,O\n');
    const r = check(write('ok.csv', gridCsv(base())), '--previous', prev);
    expect(r.stderr.split('\n')[0]).toBe(`storeops: warning: --previous ${prev} also has 2 days outside 2026-01 (2026-02-01 – 2026-02-02, overlapping the month checked): not used; only its days of 2026-01 count`);
    expect(r.rows).toEqual([['A', '2026-02-01', 'night-then-day', 'night shift on the last day of the previous month, day shift on day 1: make it H, N or O']]);
  });

  it('--requests naming an agent one typo away: "did you mean", else the roster\'s names', () => {
    const req = write('req.csv', 'agent,date\na,2026-02-03\nZZ,2026-02-04\n');
    const r = check(write('ok.csv', gridCsv(base())), '--requests', req);
    expect(r.stderr).toContain(`${req}:2: "a" agent is not in the roster file; the days off asked for (2026-02-03) were not checked; did you mean "A"? spell the name as the roster does\n`);
    expect(r.stderr).toContain(`${req}:3: "ZZ" agent is not in the roster file; the days off asked for (2026-02-04) were not checked; the roster has A, B, C, D; spell the name as the roster does, or add the agent to the roster\n`);
  });

  it('--requests naming 小梅 in a roster of 小美, 小王, 小李, 小陈: did you mean "小美" (the same sound, desk 2026-12)', () => {
    // Every 小X of the roster is one character off 小梅, so no name was suggested, only the list. 梅 (méi)
    // and 美 (měi) are one syllable (a pinyin input method's slip); 王, 李, 陈 are not.
    const names: Record<string, string> = { A: '小美', B: '小王', C: '小李', D: '小陈' };
    const roster = gridCsv(base()).replace(/^([ABCD]),/gm, (_m, a: string) => `${names[a]},`);
    const req = write('req.csv', 'agent,date\n小梅,2026-02-03\n');
    const r = check(write('xiao.csv', roster), '--requests', req);
    expect(r.stderr).toContain(`${req}:2: "小梅" agent is not in the roster file; the days off asked for (2026-02-03) were not checked; did you mean "小美"? spell the name as the roster does\n`);
  });

  it('night-then-day across the month boundary with --previous', () => {
    // A worked the night of 2026-01-31 and starts February on the day shift.
    const prev = write('jan.csv', 'agent,date,shift\nA,2026-01-31,N\nB,2026-01-31,D\n');
    const r = check(write('ok.csv', gridCsv(base())), '--previous', prev);
    expect(r.rows).toEqual([['A', '2026-02-01', 'night-then-day', 'night shift on the last day of the previous month, day shift on day 1: make it H, N or O']]);
  });

  it('long layout: a missing day, two entries on one day, an unknown code and wrong times', () => {
    const lines = longCsv(base());
    const header = 'agent,date,shift,start,end';
    const body = lines.slice(1).map((l) => l + ',,');
    // A 2026-02-01 is D: give it the wrong start.
    body[0] = 'A,2026-02-01,D,2026-02-01 09:30,2026-02-01 17:30';
    // A 2026-02-05 (D) missing; A 2026-02-06 (H) twice; A 2026-02-07 (N) unreadable.
    const out = body.filter((l) => !l.startsWith('A,2026-02-05,'));
    out.push('A,2026-02-06,O,,');
    const i = out.findIndex((l) => l.startsWith('A,2026-02-07,'));
    out[i] = 'A,2026-02-07,X,,';
    const r = check(write('long.csv', [header, ...out].join('\n') + '\n'));
    expect(r.code).toBe(1);
    expect(r.rows.map((x) => [x[0], x[1], x[2]])).toEqual([
      ['A', '2026-02-01', 'shift-times'],
      ['A', '2026-02-07', 'unknown-shift'],
      ['A', '2026-02-05', 'missing-day'],
      ['A', '2026-02-06', 'one-shift'],
      ['', '2026-02-05', 'coverage'], // its D was A's
      ['', '2026-02-06', 'coverage'], // H: A's day is unreadable as one shift
      ['', '2026-02-07', 'coverage'], // N
    ]);
  });

  it('codes typed in full-width mode (Ｄ, Ｈ, Ｎ, Ｏ, ｏｆｆ) are the codes, not unknown shifts (user11)', () => {
    // A Chinese input method left in full-width mode types Ｄ (U+FF24). Before, each such cell was an
    // unknown-shift violation and left its shift's coverage short. The base roster is valid, so with
    // every one of A's cells full-width (and one as ｏｆｆ) there is nothing to report.
    const g = base();
    const fw = (c: string) => String.fromCharCode(c.charCodeAt(0) + 0xfee0);
    g[0] = g[0]!.map((c, d) => (c === 'O' && d === 3 ? 'ｏｆｆ' : fw(c)));
    const r = check(write('fw.csv', gridCsv(g)));
    expect(r.rows).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('4 agents × 28 days, no violations');
  });

  describe('a day column the month does not have', () => {
    // The base roster with day-number headers 1–28, checked as February 2027 (28 days), plus
    // extra columns; the first agent row (line 2) is where an extra column's data is met.
    const DAYS = DATES.map((_, d) => String(d + 1));
    const withColumn = (extra: string[], cell: (i: number) => string[]) =>
      [['agent', ...DAYS, ...extra].join(','), ...base().map((row, i) => [AGENTS[i], ...row, ...cell(i)].join(','))].join('\n') + '\n';
    const error = (f: string, column: string, value: string, month: string, last: number) =>
      `storeops: error: ${f}:2: column "${column}" holds "${value}", but it is not a day of ${month} (days 1–${last})\n` +
      "  hint: remove the column, or name the roster's real month with --month.\n";

    it.each(['D', 'XYZ'])('29 holding %s in a 28-day February is an input error (exit 3), not ignored', (code) => {
      const f = write('feb.csv', withColumn(['29'], () => [code]));
      const r = check(f, '--month', '2027-02');
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(error(f, '29', code, '2027-02', 28));
    });

    it('0 and 32 are days of no month', () => {
      const f0 = write('zero.csv', withColumn(['0'], () => ['O']));
      expect(check(f0, '--month', '2027-02').stderr).toBe(error(f0, '0', 'O', '2027-02', 28));
      const f32 = write('late.csv', withColumn(['32'], () => ['N']));
      const r = check(f32, '--month', '2027-02');
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(error(f32, '32', 'N', '2027-02', 28));
    });

    it('an ISO column that is no date (2026-02-29) is an input error, with or without --month', () => {
      const text = [['agent', ...DATES, '2026-02-29'].join(','), ...base().map((row, i) => [AGENTS[i], ...row, 'D'].join(','))].join('\n') + '\n';
      const f = write('iso.csv', text);
      const r = check(f);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(`storeops: error: ${f}:2: column "2026-02-29" holds "D", but it is not a day of any month\n  hint: remove the column, or name the roster's real month with --month.\n`);
      expect(check(f, '--month', '2026-02').stderr).toBe(error(f, '2026-02-29', 'D', '2026-02', 28));
    });

    it('31 in November (30 days) is an input error too', () => {
      // Days 1–30 by the same cycle; what they hold does not matter, the read stops at line 2.
      const nov = Array.from({ length: 30 }, (_, d) => String(d + 1));
      const text = [['agent', ...nov, '31'].join(','), ...AGENTS.map((a, i) => [a, ...nov.map((_, d) => CYCLE[(d + i) % 4]!), 'D'].join(','))].join('\n') + '\n';
      const f = write('nov.csv', text);
      const r = check(f, '--month', '2026-11');
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(error(f, '31', 'D', '2026-11', 30));
    });

    it('an empty column 29 holds nothing and is ignored: the roster is clean', () => {
      const r = check(write('empty.csv', withColumn(['29'], () => [''])), '--month', '2027-02');
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('4 agents × 28 days, no violations');
    });
  });

  it('needs --month when the columns are day numbers', () => {
    const f = write('days.csv', gridCsv(base(), 'agent', DATES.map((_, d) => String(d + 1))));
    expect(runCli(['roster', 'check', f, '--days-off', '7']).code).toBe(3);
    expect(check(f, '--month', '2026-02').code).toBe(0);
  });

  describe("--days-off: the month's range, as roster plan states it (1 to the month's days − 1, RULES §4)", () => {
    // RULES §4: at least one whole day off (not 0), and days off are days of the month with one left
    // to work. The base roster is February 2026, 28 days: 1 to 27. A template fits February: 1 to 27.
    // November (--month 2026-11, 30 days): 1 to 29. check took 0 to 31 and ran: 28 gave four
    // "7 days off, must be exactly 28" lines, exit 1; text was told "0 to 31".
    const run = (...extra: string[]) => runCli(['roster', 'check', write('ok.csv', gridCsv(base())), '-f', 'csv', ...extra]);
    it('28 for a February read from the file: exit 2 once the file gives the month, zh and en', () => {
      const en = run('--days-off', '28', '--lang', 'en');
      expect([en.code, en.stdout]).toEqual([2, '']);
      expect(en.stderr).toBe(`storeops: error: --days-off 28 leaves no day to work: 2026-02 has 28 days, and days off are days of the month (${RULES_MD} §4)\n  hint: use --days-off from 1 to 27 (default 4).\n`);
      const zh = run('--days-off', '28', '--lang', 'zh');
      expect(zh.code).toBe(2);
      expect(zh.stderr).toBe(`storeops: 错误: --days-off 28 使客服没有一天上班: 2026-02 只有 28 天, 而休息日是当月的日子 (${RULES_MD} §4)\n  提示: 用 --days-off 1 到 27 之间的整数 (默认 4)。\n`);
    });
    it('0: exit 2, the rule and the range named', () => {
      const r = run('--days-off', '0', '--lang', 'en');
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`storeops: error: --days-off 0 contradicts "at least one whole day off" (${RULES_MD} §4)\n  hint: use --days-off from 1 to 27 (default 4).\n`);
    });
    it('before the file is read when --month or --template says the month (a missing file is not reached)', () => {
      const missing = path.join(tmpDir('roster-check-'), 'none.csv');
      const m = runCli(['roster', 'check', missing, '--month', '2026-11', '--days-off', '30', '--lang', 'en']);
      expect(m.code).toBe(2);
      expect(m.stderr).toBe(`storeops: error: --days-off 30 leaves no day to work: 2026-11 has 30 days, and days off are days of the month (${RULES_MD} §4)\n  hint: use --days-off from 1 to 29 (default 4).\n`);
      const t = runCli(['roster', 'check', missing, '--template', '--days-off', '四', '--lang', 'en']);
      expect(t.code).toBe(2);
      expect(t.stderr).toBe('storeops: error: --days-off takes a whole number from 1 to 27 (a template must also fit a 28-day month), got "四"\n');
    });
    it('text before the month is known: the range as it follows from the month, zh and en', () => {
      const en = run('--days-off', '4.5', '--lang', 'en');
      expect(en.code).toBe(2);
      expect(en.stderr).toBe('storeops: error: --days-off takes a whole number from 1 to the month\'s days − 1: 27 in February, 30 in a 31-day month, got "4.5"\n');
      const zh = run('--days-off', '4.5', '--lang', 'zh');
      expect(zh.stderr).toBe('storeops: 错误: --days-off 应为 1 到 当月天数 − 1, 2 月为 27, 31 天的月份为 30 之间的整数, 收到 "4.5"\n');
    });
    it('27 for February is a count to check: the four agents, 7 days off each, are each named', () => {
      const r = run('--days-off', '27', '--lang', 'en');
      expect(r.code).toBe(1);
      const rows = (parse(r.stdout) as string[][]).slice(1).map((x) => x.slice(0, 4)).filter((x) => x[2] === 'days-off');
      expect(rows).toEqual(AGENTS.map((a) => [a, '', 'days-off', '7 days off, must be exactly 27']));
    });
  });
});
