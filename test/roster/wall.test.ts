// Issue 16: `roster plan -o roster.xlsx` is a wall calendar (one landscape A4 page, 白/半/晚/休,
// weekday row, weekend shading, a colour per shift, legend with hours, totals, coverage, rules
// footer), `roster check` reads it back, and the ics UIDs are per agent and date.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../src/io/sheet.js';
import { fileSink } from '../../src/io/sink.js';
import { agentCalendar } from '../../src/roster/ics.js';
import { type RosterProblem, monthDays } from '../../src/roster/problem.js';
import { DEFAULT_SHIFTS, shiftsFromConfig } from '../../src/roster/shifts.js';
import { wallCalendar } from '../../src/roster/wall.js';
import { runCli, tmpDir } from '../helpers.js';

const HOURS: Record<string, number> = { 白: 8.5, 半: 5.5, 晚: 6.5, 休: 0 }; // RULES §4: 09:00–17:30, 10:00–15:30, 17:00–23:30
const AGENTS = ['小王', '小李', '小张', '小赵', '小陈'];

async function sheetOf(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets[0]!;
}
const fillOf = (c: ExcelJS.Cell) => ((c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb ?? '').slice(2);

describe('roster plan -o roster.xlsx (zh): a wall calendar', () => {
  let dir: string;
  let file: string;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    dir = tmpDir('roster-wall-');
    file = path.join(dir, 'roster.xlsx');
    const r = runCli(['roster', 'plan', '--month', '2026-11', '--agents', AGENTS.join(','), '--lang', 'zh', '-o', file, '-q']);
    expect(r.code).toBe(0);
    ws = await sheetOf(file);
  }, 120_000);

  it('one landscape A4 page, frozen agent column and date rows', () => {
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.headerFooter.oddHeader).toContain('客服排班 2026年11月');
  });

  it('row 1: real dates shown as day numbers; row 2: weekdays; weekends shaded', () => {
    expect(ws.getCell('A1').value).toBe('客服');
    const b1 = ws.getCell('B1');
    expect(b1.type).toBe(ExcelJS.ValueType.Date);
    expect((b1.value as Date).getTime()).toBe(Date.UTC(2026, 10, 1));
    expect(b1.numFmt).toBe('d');
    // 2026-11-01 is a Sunday (Jan 1 2026 a Thursday, +304 days = +3 weekdays); 11-02 a Monday.
    expect(ws.getCell('A2').value).toBe('星期');
    expect(ws.getCell('B2').value).toBe('日');
    expect(ws.getCell('C2').value).toBe('一');
    expect(ws.getCell('H2').value).toBe('六'); // 11-07
    expect(fillOf(ws.getCell('B1'))).not.toBe(fillOf(ws.getCell('C1')));
    expect(fillOf(ws.getCell('H1'))).toBe(fillOf(ws.getCell('B1')));
  });

  it('agent rows: 白/半/晚/休, one colour per shift, totals worked out from the cells', () => {
    const fills = new Map<string, Set<string>>();
    for (let a = 0; a < AGENTS.length; a++) {
      const row = ws.getRow(3 + a);
      expect(row.getCell(1).value).toBe(AGENTS[a]);
      let hours = 0;
      let off = 0;
      let nights = 0;
      for (let d = 0; d < 30; d++) {
        const c = row.getCell(2 + d);
        const v = c.value as string;
        expect(Object.keys(HOURS)).toContain(v);
        hours += HOURS[v]!;
        if (v === '休') off++;
        if (v === '晚') nights++;
        if (v !== '休') (fills.get(v) ?? fills.set(v, new Set()).get(v)!).add(fillOf(c));
      }
      // Totals to the right of day 30 (column AF = 32): hours, nights, weekend days, days off.
      expect(row.getCell(32).value).toBeCloseTo(hours, 9);
      expect(row.getCell(33).value).toBe(nights);
      expect(row.getCell(35).value).toBe(off);
      expect(off).toBe(4);
    }
    // Each shift has exactly one colour, and the three differ.
    for (const set of fills.values()) expect(set.size).toBe(1);
    expect(new Set([...fills.values()].map((s) => [...s][0])).size).toBe(fills.size);
  });

  it('coverage rows count the agents on each shift each day; legend with hours; rules footer', () => {
    const labels = ws.getColumn(1).values as unknown[];
    const at = (t: string) => labels.findIndex((v) => v === t);
    const cov = at('覆盖 白班');
    expect(cov).toBe(3 + AGENTS.length);
    for (let d = 0; d < 30; d++) {
      const n = AGENTS.filter((_, a) => ws.getRow(3 + a).getCell(2 + d).value === '白').length;
      expect(ws.getRow(cov).getCell(2 + d).value).toBe(n);
    }
    const legend = at('图例');
    const texts = (ws.getRow(legend).values as unknown[]).filter((v) => typeof v === 'string') as string[];
    expect(texts).toContain('白班 09:00–17:30 计 8.5 小时');
    expect(texts).toContain('半白班 10:00–15:30 计 5.5 小时');
    expect(texts).toContain('晚班 17:00–23:30 计 6.5 小时');
    const rules = String(ws.getRow(at('规则')).getCell(2).value);
    // cites the repository's docs, the only rules page an operator has (not an internal RULES file)
    expect(rules.startsWith('本表遵守 (docs/rules.md §4): ')).toBe(true);
    expect(rules).toContain('每人每月休息 4 天');
    expect(rules).toContain('晚班后第二天不上白班');
    expect(rules).toContain('最低人数 白班 ≥ 1, 半白班 ≥ 1, 晚班 ≥ 1'); // --min D=1,H=1,N=1 by name
  });

  it('roster check reads it back: no violations; a night followed by a day is found', async () => {
    const c = runCli(['roster', 'check', file, '--lang', 'en', '-f', 'csv']);
    expect(c.stderr).toContain('5 agents × 30 days, no violations');
    expect(c.code).toBe(0);
    // Put 晚 then 白 on 小王's first two days (and keep 4 days off: only working days are changed).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const s = wb.worksheets[0]!;
    const row = s.getRow(3);
    let d = 0;
    while (row.getCell(2 + d).value === '休' || row.getCell(3 + d).value === '休') d++;
    row.getCell(2 + d).value = '晚';
    row.getCell(3 + d).value = '白';
    const bad = path.join(dir, 'bad.xlsx');
    await wb.xlsx.writeFile(bad);
    const c2 = runCli(['roster', 'check', bad, '--lang', 'en', '-f', 'csv', '--min', 'D=0,H=0,N=0']);
    expect(c2.code).toBe(1);
    expect(c2.stdout).toContain(`小王,2026-11-${String(d + 2).padStart(2, '0')},night-then-day`);
  });
});

describe('wall calendar: English names, a shop\'s own shifts', () => {
  const days = monthDays(2026, 2); // February 2026: 28 days, starts on a Sunday
  const problem = (shifts = [...DEFAULT_SHIFTS]): RosterProblem => ({ days, agents: ['Ann', 'Bo'], shifts, daysOff: 4, needs: [], requests: [], template: false });

  it('en cells are day/half/night/off (the shortest one-word spelling); the legend gives the full names and hours', async () => {
    const g = [days.map((_, d) => (d % 7 === 0 ? 'O' : d % 3 === 0 ? 'N' : 'D')), days.map((_, d) => (d % 7 === 1 ? 'O' : 'H'))];
    const file = path.join(tmpDir(), 'en.xlsx');
    await writeSheet(wallCalendar(problem(), g, { lang: 'en', needLabel: 'D=1' }), () => fileSink(file, 'utf8'));
    const ws = await sheetOf(file);
    expect(ws.getCell('A1').value).toBe('agent');
    expect(ws.getCell('A2').value).toBe('weekday');
    expect(ws.getCell('B2').value).toBe('Su');
    expect(ws.getCell('B3').value).toBe('off');
    expect(ws.getCell('C3').value).toBe('day');
    expect(ws.getCell('E3').value).toBe('night'); // day index 3
    expect(ws.getCell('B4').value).toBe('half');
    // Ann: 4 days off (d = 0, 7, 14, 21), nights at d = 3, 6, 9, 12, 15, 18, 24, 27 (not 21: off) = 8,
    // days 28 - 4 - 8 = 16: 16 × 8.5 + 8 × 6.5 = 136 + 52 = 188 h.
    expect(ws.getRow(3).getCell(30).value).toBe(188);
    const legend = (ws.getRow(ws.rowCount - 1).values as unknown[]).filter((v) => typeof v === 'string');
    expect(legend).toContain('day 09:00–17:30, 8.5 h');
    expect(legend).toContain('half-day 10:00–15:30, 5.5 h');
  });

  it('custom shifts from the config render with their own names, labels and times', async () => {
    const shifts = shiftsFromConfig([
      { code: 'E', zh: '早班', en: 'early', start: '07:00', end: '15:00', role: 'day' },
      { code: 'L', zh: '夜班', en: 'late', start: '22:00', end: '06:00', paidHours: 7.5, role: 'night' },
    ]);
    const g = [days.map((_, d) => (d < 4 ? 'O' : 'E')), days.map((_, d) => (d < 4 ? 'O' : 'L'))];
    const file = path.join(tmpDir(), 'custom.xlsx');
    await writeSheet(wallCalendar(problem(shifts), g, { lang: 'zh', needLabel: 'E=1,L=1' }), () => fileSink(file, 'utf8'));
    const ws = await sheetOf(file);
    expect(ws.getCell('F3').value).toBe('早');
    expect(ws.getCell('F4').value).toBe('夜');
    const all = ws.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(all).toContain('早班 07:00–15:00 计 8 小时');
    expect(all).toContain('夜班 22:00–06:00+1 计 7.5 小时');
    expect(all).toContain('覆盖 夜班');
    expect(all.some((t) => t.includes('夜班后第二天不上早班'))).toBe(true);
    // Bo: 24 nights × 7.5 paid hours = 180.
    expect(ws.getRow(4).getCell(30).value).toBe(180);
  });

  it('ics: the UID is the agent and the date, so a revised roster replaces the events', () => {
    const p = problem();
    const a = agentCalendar(p, [days.map(() => 'D'), days.map(() => 'N')], 0, 'zh', Date.UTC(2026, 0, 20, 4));
    const b = agentCalendar(p, [days.map((_, d) => (d === 0 ? 'O' : 'N')), days.map(() => 'N')], 0, 'zh', Date.UTC(2026, 0, 21, 4));
    const uids = (t: string) => t.match(/^UID:.*$/gm)!;
    expect(uids(a)).toEqual(uids(b));
    expect(uids(a)[0]).toBe('UID:2026-02-01-416e6e@storeops'); // "Ann" in UTF-8 hex
    // The later plan has the higher SEQUENCE: minutes from 2020-01-01 to the as-of.
    expect(Number(/SEQUENCE:(\d+)/.exec(b)![1]) - Number(/SEQUENCE:(\d+)/.exec(a)![1])).toBe(24 * 60);
    // A day that became a day off is an all-day free event in the revision.
    expect(b).toContain('DTSTART;VALUE=DATE:20260201\r\nDTEND;VALUE=DATE:20260202\r\nSUMMARY:休息 (Ann)\r\nTRANSP:TRANSPARENT');
    expect(a).toContain('DTSTART;TZID=Asia/Shanghai:20260201T090000\r\nDTEND;TZID=Asia/Shanghai:20260201T173000');
    expect(a.match(/BEGIN:VCALENDAR/g)!.length).toBe(1);
  });
});
