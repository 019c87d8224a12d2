// A small reader for the roster given to `reviews queue --roster`: the long format
// (`agent,date,shift,start,end,hours`) or a grid (agent column + one column per date or day
// number, codes D/H/N/O or 白/半/晚/休). Only what assignment needs: who is on shift when.
import type { Readable } from 'node:stream';
import { InputError, type Msg, msg } from '../cli/errors.js';
import { cleanCell } from '../io/cells.js';
import { normHeader, openTable } from '../io/table.js';
import { type TimeZone, parseTime } from '../time.js';

export interface ShiftTimes {
  start: string;
  end: string;
}

/** RULES §4 defaults; config section roster.shifts overrides them. */
export const DEFAULT_SHIFTS: Record<string, ShiftTimes> = {
  D: { start: '09:00', end: '17:30' },
  H: { start: '10:00', end: '15:30' },
  N: { start: '17:00', end: '23:30' },
};

const CODE: Record<string, string> = { d: 'D', h: 'H', n: 'N', o: 'O', off: 'O', 白: 'D', 半: 'H', 晚: 'N', 休: 'O', 白班: 'D', 半班: 'H', 晚班: 'N', 休息: 'O', '': 'O', '-': 'O' };

export interface OnShift {
  agent: string;
  start: number;
  end: number;
}

/** Shift times from config (roster.shifts: {"D": "09:00-17:30"} or {"D": {"start": "09:00", "end": "17:30"}}). */
export function shiftsFromConfig(section: Record<string, unknown>): Record<string, ShiftTimes> {
  const out = { ...DEFAULT_SHIFTS };
  const s = section.shifts;
  if (typeof s !== 'object' || s === null) return out;
  for (const [k, v] of Object.entries(s as Record<string, unknown>)) {
    if (typeof v === 'string') {
      const m = /^\s*(\d{1,2}:\d{2})\s*[-–~]\s*(\d{1,2}:\d{2})\s*$/.exec(v);
      if (m) out[k.toUpperCase()] = { start: m[1]!, end: m[2]! };
    } else if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') {
      out[k.toUpperCase()] = { start: v[0], end: v[1] };
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o.start === 'string' && typeof o.end === 'string') out[k.toUpperCase()] = { start: o.start, end: o.end };
    }
  }
  return out;
}

function hm(t: string): [number, number] | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t.trim());
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) return undefined;
  return [Number(m[1]), Number(m[2])];
}

/** One shift on one date as an interval; an end at or before the start runs past midnight. */
export function interval(date: [number, number, number], startText: string, endText: string, tz: TimeZone): [number, number] | undefined {
  const [y, mo, d] = date;
  const start = hm(startText) ? tz.fromWall(y, mo, d, ...hm(startText)!) : parseTime(startText, tz);
  let end = hm(endText) ? tz.fromWall(y, mo, d, ...hm(endText)!) : parseTime(endText, tz);
  if (typeof start !== 'number' || typeof end !== 'number') return undefined;
  if (end <= start) end = tz.fromWall(y, mo, d + 1, ...(hm(endText) ?? [0, 0]));
  return [start, end];
}

const AGENT = ['agent', '客服', '姓名', '员工', 'name', '坐席'];
const DATE = ['date', '日期'];
const SHIFT = ['shift', '班次', 'code'];
const START = ['start', '开始', '上班', '开始时间'];
const END = ['end', '结束', '下班', '结束时间'];

export interface RosterRead {
  shifts: OnShift[];
  problems: Msg[];
}

/** Read a roster file; `month` (y, mo) fills in grid columns that are day numbers only. */
export async function readRosterFile(file: string, stdin: Readable, tz: TimeZone, month: [number, number], shiftTimes: Record<string, ShiftTimes>, encoding?: string): Promise<RosterRead> {
  const t = await openTable(file, stdin, encoding);
  const name = t.sniffed.name;
  const hs = t.headers.map(normHeader);
  const find = (names: string[]) => hs.findIndex((h) => names.includes(h));
  const agentIx = find(AGENT);
  if (agentIx < 0) {
    throw new InputError(
      msg(`${name}: 班表没有客服列 (客服/姓名/agent)`, `${name}: the roster has no agent column (agent/客服/姓名)`),
      msg('长格式: agent,date,shift,start,end,hours; 或表格: 客服 + 每天一列。', 'long format: agent,date,shift,start,end,hours; or a grid: agent + one column per day.'),
    );
  }
  const shifts: OnShift[] = [];
  const problems: Msg[] = [];
  const dateIx = find(DATE);
  const codeOf = (raw: string) => CODE[raw.trim().toLowerCase()] ?? CODE[raw.trim()] ?? raw.trim().toUpperCase();
  const add = (agent: string, date: [number, number, number], code: string, start: string, end: string, line: number) => {
    // Off days, and the count cells of a coverage block under the grid.
    if (code === 'O' || /^\d+(?:\.\d+)?$/.test(code)) return;
    const st = shiftTimes[code];
    const a = start || st?.start;
    const b = end || st?.end;
    if (!a || !b) {
      problems.push(msg(`${name}:${line}: 不认识的班次 "${code}", 已跳过`, `${name}:${line}: unknown shift code "${code}", skipped`));
      return;
    }
    const iv = interval(date, a, b, tz);
    if (!iv) {
      problems.push(msg(`${name}:${line}: 班次时间无法识别 "${a}–${b}", 已跳过`, `${name}:${line}: shift times not recognised "${a}–${b}", skipped`));
      return;
    }
    shifts.push({ agent, start: iv[0], end: iv[1] });
  };
  if (dateIx >= 0) {
    const shiftIx = find(SHIFT);
    const startIx = find(START);
    const endIx = find(END);
    for await (const r of t.records) {
      const c = (i: number) => (i >= 0 ? cleanCell(r.cells[i] ?? '') : '');
      const agent = c(agentIx);
      if (agent === '') continue;
      const dm = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(c(dateIx));
      if (!dm) {
        problems.push(msg(`${name}:${r.line}: 日期无法识别 "${c(dateIx)}", 已跳过`, `${name}:${r.line}: date not recognised "${c(dateIx)}", skipped`));
        continue;
      }
      add(agent, [+dm[1]!, +dm[2]!, +dm[3]!], shiftIx >= 0 ? codeOf(c(shiftIx)) : 'X', c(startIx), c(endIx), r.line);
    }
  } else {
    const dates: ([number, number, number] | undefined)[] = t.headers.map((h, i) => {
      if (i === agentIx) return undefined;
      const full = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(h);
      if (full) return [+full[1]!, +full[2]!, +full[3]!];
      const day = /^(\d{1,2})(?![\d:])/.exec(h);
      if (day && +day[1]! >= 1 && +day[1]! <= 31) return [month[0], month[1], +day[1]!];
      return undefined;
    });
    for await (const r of t.records) {
      const agent = cleanCell(r.cells[agentIx] ?? '');
      if (agent === '') continue;
      dates.forEach((d, i) => {
        if (!d) return;
        add(agent, d, codeOf(cleanCell(r.cells[i] ?? '')), '', '', r.line);
      });
    }
  }
  return { shifts, problems };
}

/** Agents on shift at the instant, in name order. */
export function onShiftAt(shifts: OnShift[], at: number): string[] {
  return [...new Set(shifts.filter((s) => s.start <= at && at < s.end).map((s) => s.agent))].sort();
}

/**
 * Spread items over the agents on shift: each item, most urgent first, goes to the agent with the
 * fewest items so far (ties: name order). Returns one assignee per item ('' when nobody is on).
 */
export function assign(count: number, agents: string[]): string[] {
  const load = new Map(agents.map((a) => [a, 0]));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let best = '';
    let min = Infinity;
    for (const a of agents) {
      const n = load.get(a)!;
      if (n < min) {
        min = n;
        best = a;
      }
    }
    if (best) load.set(best, min + 1);
    out.push(best);
  }
  return out;
}
