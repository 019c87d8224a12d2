// Reading the roster command's input files through src/io: agents, requests, demand, volume,
// and rosters in grid or long layout (any maker: D/H/N/O, 白/半/晚/休, day/half/night/off).
import type { Ctx } from '../context.js';
import { InputError, type Msg, msg, noteLine, plural } from '../errors.js';
import { cleanCell, halfWidth } from '../io/cells.js';
import { withTypedHint } from '../io/typed-number.js';
import { TrailingSummaries, isListSummary, isNoteRow } from '../io/summary.js';
import { type RejectLog, shown } from '../io/rejects.js';
import type { RawRecord } from '../io/records.js';
import { type FieldSpec, mapHeader, missingColumnError, openMappedTable, openTable, raggedProblem, sheetNote, titleLinesNote, HAND_MADE_EMPTY } from '../io/table.js';
import { daysInMonth } from '../time.js';
import type { Violation } from './check.js';
import type { HourNeed, ShiftMins } from './needs.js';
import { NON_AGENT_ROW } from './wall.js';
import { type DayCode, OFF, type ShiftDef, parseDayCode } from './shifts.js';
import type { AgentLimit } from './problem.js';
import { dataStdin } from '../io/stdin.js';

const DAY_MIN = 24 * 60;

export const AGENT: FieldSpec = { key: 'agent', aliases: ['agent', 'name', '客服', '姓名', '员工', '人员', 'staff'], required: true };
export const DATE: FieldSpec = { key: 'date', aliases: ['date', '日期', 'day', '天'], required: true };
/**
 * A day-off request's date, also as a shop's own sheet heads it (休息日期, 休息日, 请假日期, 休假日期):
 * `姓名,休息日期,原因` was refused, exit 3, "missing the required column 日期" (user11, 2026-12).
 */
const REQUEST_DATE: FieldSpec = { ...DATE, aliases: [...DATE.aliases, '休息日期', '休息日', '请假日期', '休假日期', 'leave date', 'leave dates'] };

/**
 * A date column whose header itself says leave (请假日期, 休假日期, leave date): without a 类型 column,
 * every row is approved leave (said on stderr). Until 2026-12 such a file was read as wishes.
 */
const LEAVE_DATE_HEADER = /^(?:请假日期|休假日期|leave dates?)$/i;

/** `YYYY-MM-DD` (also / or .), `M-D`/`M/D` with a known year, a day number, or `1日`; weekday tags (`21六`, `21(六)`) and `*` ignored. */
export function parseDayKey(text: string, month?: { y: number; mo: number }): { y?: number; mo?: number; d: number } | undefined {
  let t = atMidnight(cleanCell(text)).replace(/\*+$/, '').replace(/\s*[(（][^()（）]*[)）]$/, '').replace(/(?:mo|tu|we|th|fr|sa|su|[一二三四五六日天])$/i, '').replace(/^(?:周|星期)/, '').trim();
  t = t.replace(/[日号]$/, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})$/.exec(t);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[-/.月](\d{1,2})$/.exec(t);
  if (m && month) return valid(month.y, +m[1]!, +m[2]!);
  m = /^(\d{1,2})$/.exec(t);
  if (m && +m[1]! >= 1 && +m[1]! <= 31) return month ? valid(month.y, month.mo, +m[1]!) : { d: +m[1]! };
  return undefined;
}

/**
 * A header written like a day (`29`, `0`, `32`, `2027-02-30`, `2-29`) whether or not it is one:
 * parseDayKey's shapes without its range checks.
 */
function looksLikeDay(text: string): boolean {
  const t = dayText(atMidnight(cleanCell(text)));
  return /^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|\d{1,2}[-/.月]\d{1,2}|\d{1,2})$/.test(t);
}

/**
 * A date typed into Excel is a date cell, which an xlsx reads back as `2026-11-11 00:00:00`: the
 * date alone. (Requests, demand and volume dates in an xlsx were refused or called outside the
 * month.) Only midnight: a real time of day is not a date. Also with a one-digit hour, `2026/11/11 0:00`:
 * a date cell given a date-and-time format (YYYY/M/D H:MM) and saved as csv by LibreOffice, WPS or
 * Excel (desk55: --demand rows were "not in the month", --requests rows "not a date").
 */
function atMidnight(t: string): string {
  return t.replace(/^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T]0?0:00(?::00)?$/, '$1');
}

/**
 * An hour typed into Excel as `08:00` is a time cell, which an xlsx reads back on Excel's day 0
 * (`1899-12-30 08:00:00`, or `1904-01-01 08:00:00` in a 1904-dated workbook): the time alone.
 */
function timeOfDay(t: string): string {
  return t.replace(/^(?:1899-12-30|1904-01-01) (?=\d{2}:\d{2}:\d{2}$)/, '');
}

/** A header's text without its weekday tag, `*` and 日/号, as parseDayKey reads it. */
function dayText(t: string): string {
  return t.replace(/\*+$/, '').replace(/\s*[(（][^()（）]*[)）]$/, '').replace(/(?:mo|tu|we|th|fr|sa|su|[一二三四五六日天])$/i, '').replace(/^(?:周|星期)/, '').trim().replace(/[日号]$/, '');
}
const MONTH_DAY = /^\d{1,2}[-/.月]\d{1,2}$/;

function valid(y: number, mo: number, d: number) {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, mo, d };
}

/**
 * Rows a reader skips: blank ones (nothing to report), and ones it cannot use at all — quoting
 * that cannot be read, cells that do not fit the header — which are reported to `rejects`.
 * True means "skip this row".
 */
async function unusable(r: RawRecord, file: string, headerWidth: number, lastNeeded: number, rejects: RejectLog): Promise<boolean> {
  if (r.problem) {
    await rejects.add({ file, line: r.line, reason: r.problem });
    return true;
  }
  if (r.cells.every((c) => c.trim() === '')) return true;
  const ragged = raggedProblem(r.cells, headerWidth, lastNeeded);
  if (ragged) {
    await rejects.add({ file, line: r.line, reason: ragged });
    return true;
  }
  return false;
}

const NO_AGENT = msg('这一行没有客服姓名', 'this row has no agent name');

/** What a garbled name holds (src/cli/garbled.ts garbledName): U+FFFD, 锟斤拷, Latin-1 letters and signs, LibreOffice's U+F181 … for bytes Windows-1252 leaves undefined. */
const GARBLE_SUSPECT = /[\uFFFD锟\u0080-\u00ff\u0152-\u2122\uf180-\uf19f]/;

/**
 * An agent name garbled by a program that read the file in the wrong encoding (小李 → ���� or Ð¡Àî):
 * the file is refused, saying so, as a garbled header is. Two names garbled to the same ���� were
 * read as one agent listed twice (the second row's shifts dropped, "merge the two rows"); other
 * garbled names were planned and published as written. garbled.ts is loaded only for a suspect name.
 */
async function refuseGarbledAgent(file: string, line: number, agent: string): Promise<void> {
  if (!GARBLE_SUSPECT.test(agent)) return;
  const { garbledName, garbledNameError } = await import('../cli/garbled.js');
  const how = garbledName(agent);
  if (how === undefined) return;
  const e = garbledNameError(file, line, agent, how);
  throw new InputError(e.text, e.hint);
}

/** The first non-empty cell of a note row (isNoteRow), as the warning quotes it. */
function noteText(cells: readonly string[]): string {
  return shown(cells.map((c) => cleanCell(c)).find((c) => c !== '') ?? '');
}

/** Note rows (备注：… under the agents) skipped: named, with what to do with a day-off request written there. */
function notesSkipped(ctx: Ctx, file: string, notes: { line: number; text: string }[]): void {
  for (const n of notes) {
    ctx.warn(
      msg(
        `${file}:${n.line}: 备注行 "${n.text}" 不是客服, 已跳过 (休息申请请写进 --requests 文件)`,
        `${file}:${n.line}: the note "${n.text}" is not an agent: skipped (a day-off request goes in a --requests file)`,
      ),
    );
  }
}

/**
 * A 合计/Total row typed below a roster input's rows (its label at or before the key column, the key
 * cell empty or the label: 合计,5人 below the agents): held, then skipped and named at the end of the
 * file, or rejected when rows follow it. True when the row was held (not data).
 */
async function heldSummary(r: RawRecord, keyCol: number, s: TrailingSummaries): Promise<boolean> {
  if (r.problem || r.cells.every((c) => c.trim() === '')) return false;
  if (isListSummary(r.cells, keyCol)) {
    s.hold(r.line);
    return true;
  }
  await s.dataRow(r.line);
  return false;
}

export const dayKeyText = (k: { y?: number; mo?: number; d: number }) =>
  k.y === undefined ? String(k.d) : `${k.y}-${String(k.mo).padStart(2, '0')}-${String(k.d).padStart(2, '0')}`;

export interface RosterEntry {
  agent: string;
  key: string;
  code: DayCode;
  line: number;
}

export interface RosterFile {
  name: string;
  layout: 'grid' | 'long';
  agents: string[];
  entries: RosterEntry[];
  /** Day keys named by the file (grid: its date columns; long: the dates seen). */
  keys: string[];
  /** Problems found while reading: unknown shift codes, times that do not match the shift. */
  problems: Violation[];
  /**
   * Days whose cell says leave (请假, 年假, 病假, 婚假 … any word ending in 假, `leave`): not a day off
   * and not work (docs/rules.md §4). Their entries hold O, as the day is not worked.
   */
  leave: { agent: string; key: string; line: number }[];
  /**
   * A grid's `leave days` / `请假天数` column (roster plan writes it when anyone is on leave), by
   * agent: the plan writes leave as O / 休, so the cells alone cannot tell which days they are.
   * The line of each agent's row, to name it when the count cannot be the grid's (roster check
   * leave-days-column). A 0 is kept: it says "no leave", which 请假 cells contradict.
   */
  leaveDays: Map<string, { count: number; line: number }>;
  /** The header of the leave days column, as written, when the grid has one. */
  leaveDaysHeader?: string;
  /**
   * A grid's per-agent days-off count (`days off` / `休息天数`, the wall calendar's `off` / `休息`),
   * as written in the file, by agent: roster check compares it with the grid's O days (a hand edit
   * that moves a day off and leaves the count stale). Undefined when the grid has no such column.
   */
  daysOffColumn?: { header: string; byAgent: Map<string, { count: number; line: number }> };
  /** Where the roster's cells are in the file, for naming a violation's cell (run.ts cellOf). */
  at: RosterAt;
}

/**
 * Where a roster's cells are, as the spreadsheet shows them: columns 0-based (0 is A), lines as
 * RawRecord's (the csv line, the xlsx row number). roster check names each violation's cell from it
 * (`K7`, `12月排班!K7`): a manager finds a cell by its column letter and row, not by agent and date.
 */
export interface RosterAt {
  /** An xlsx: the sheet read. */
  sheet?: string;
  headerLine: number;
  agentCol: number;
  /** Each agent's row (a grid's; a long roster's first row of the agent). */
  agentLine: Map<string, number>;
  /** A grid: each day key's column. */
  keyCol: Map<string, number>;
  /** A long roster: the shift column. */
  shiftCol?: number;
  daysOffCol?: number;
  leaveDaysCol?: number;
}

/** A column's letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell's reference as Excel writes it: `K7`, with the sheet `12月排班!K7` (quoted when the name needs it: `'Sheet 1'!K7`). */
export function cellRef(at: Pick<RosterAt, 'sheet'>, col: number, line: number): string {
  const ref = `${columnLetters(col)}${line}`;
  if (at.sheet === undefined) return ref;
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(at.sheet) && !/^[A-Za-z]{1,3}\d+$/.test(at.sheet) ? at.sheet : `'${at.sheet.replace(/'/g, "''")}'`;
  return `${name}!${ref}`;
}

/**
 * A count cell of the days-off or leave-days column: a whole number (an xlsx number cell may read back
 * as 7.0), also typed with its unit, `7天` / `7 天` (a roster typed by hand, user16: such a cell was
 * not read, and the column's contradiction with the grid went unreported). Else undefined: not compared.
 */
function wholeDays(cell: string): number | undefined {
  const m = /^(\d+)(?:\.0+)?\s*天?$/.exec(halfWidth(cell));
  return m ? Number(m[1]) : undefined;
}

/** A grid's per-agent leave total, as roster plan heads it (render.ts gridColumns). */
const LEAVE_DAYS: FieldSpec = { key: 'leaveDays', aliases: ['leave days', '请假天数'] };
/** A grid's per-agent days-off count: roster plan's csv/json (render.ts gridColumns) and wall calendar (wall.ts WALL_TOTALS). */
const DAYS_OFF: FieldSpec = { key: 'daysOff', aliases: ['days off', '休息天数', 'off', '休息', 'days off count', '休息日数'] };

/**
 * A roster cell that says leave: 请假, 假, 年假, 事假, 病假, 婚假, 休假 … (any word of up to 5
 * characters ending in 假 but 调休假), `leave`, `annual leave`, `sick leave` — what --requests reads
 * as leave in its 类型 column (requestType), but `L` (a shop's late shift may be L), and never a
 * configured shift's code, name or label. Until 2026-12 roster check counted these as days off.
 */
export function leaveCell(raw: string, shifts: readonly ShiftDef[]): boolean {
  if (raw === '' || /^l$/i.test(raw.trim())) return false;
  const code = parseDayCode(raw, shifts);
  return (code === undefined || code === OFF) && requestType(raw) === 'leave';
}

export const SHIFT: FieldSpec = { key: 'shift', aliases: ['shift', 'code', '班次', '班别', '排班'] };
const START: FieldSpec = { key: 'start', aliases: ['start', '开始', '上班'] };
const END: FieldSpec = { key: 'end', aliases: ['end', '结束', '下班'] };

/**
 * Rows of a grid that are not agents: the per-day coverage the plan prints under the grid, and
 * the wall calendar's weekday, legend and rules rows (src/roster/wall.ts).
 */
const COVERAGE_ROW = NON_AGENT_ROW;

/**
 * A hand-made sheet often has a title above its header (`2026年11月客服排班表`): the header is
 * looked for within the first lines, as in an order export, and stderr names the lines skipped.
 */
function titleNote(ctx: Ctx, t: { sniffed: { name: string }; headerLine: number }): void {
  const note = titleLinesNote(t);
  if (note) ctx.info(note);
}

export async function readRoster(ctx: Ctx, file: string, shifts: readonly ShiftDef[], month: { y: number; mo: number } | undefined, rejects: RejectLog): Promise<RosterFile> {
  const t = await openTable(file, dataStdin(ctx), ctx.encoding, (h) => mapHeader(h, [AGENT]).index.has('agent'), sheetNote(ctx), HAND_MADE_EMPTY);
  titleNote(ctx, t);
  const name = t.sniffed.name;
  const map = mapHeader(t.headers, [AGENT, DATE, SHIFT, START, END]);
  if (!map.index.has('agent')) throw missingColumnError(name, msg('排班表', 'roster'), AGENT, t.headers);
  const ai = map.index.get('agent')!;
  const width = t.headers.length;
  const agentHeader = t.headers[ai]!;
  let rejected = 0;
  const reject = async (line: number, reason: Msg, column?: string, value?: string) => {
    rejected++;
    await rejects.add({ file: name, line, column, value, reason });
  };
  const skip = async (r: RawRecord, lastNeeded: number) => {
    const before = rejects.count;
    const yes = await unusable(r, name, width, lastNeeded, rejects);
    rejected += rejects.count - before;
    return yes;
  };
  const at: RosterAt = { ...(t.sniffed.sheet !== undefined ? { sheet: t.sniffed.sheet } : {}), headerLine: t.headerLine, agentCol: ai, agentLine: new Map(), keyCol: new Map() };
  const out: RosterFile = { name, layout: 'grid', agents: [], entries: [], keys: [], problems: [], leave: [], leaveDays: new Map(), at };
  // A 合计/Total row under the agents (a hand-made sheet's column sums) is no agent: skipped and named
  // at the end of the file like the side files' (it was dropped without a word, as coverage rows are).
  const summaries = new TrailingSummaries(name, { add: async (x) => reject(x.line, x.reason) });
  const notes: { line: number; text: string }[] = [];
  const seen = new Set<string>();
  const addAgent = (a: string, line: number) => {
    if (!seen.has(a)) {
      seen.add(a);
      out.agents.push(a);
      at.agentLine.set(a, line);
    }
  };
  const unknown = (agent: string, key: string, raw: string, line: number, col: number) =>
    out.problems.push({
      agent,
      date: key,
      cell: cellRef(out.at, col, line),
      rule: 'unknown-shift',
      detail: msg(`第 ${line} 行: 无法识别的班次 "${raw}" (用 ${shifts.map((s) => s.code).join('/')}/O 或 ${shifts.map((s) => s.label).join('/')}/休)`, `line ${line}: unknown shift "${raw}" (use ${shifts.map((s) => s.code).join('/')}/O or ${shifts.map((s) => s.label).join('/')}/休 or ${shifts.map((s) => s.name.en).join('/')}/off)`),
    });

  if (map.index.has('date') && map.index.has('shift')) {
    out.layout = 'long';
    const di = map.index.get('date')!;
    const si = map.index.get('shift')!;
    at.shiftCol = si;
    const keys = new Set<string>();
    for await (const r of t.records) {
      // A row with a shift is an agent's, whatever the name (Sum Yee is an agent, not a sum).
      const shiftCell = cleanCell(r.cells[si] ?? '');
      const hasShift = shiftCell !== '' && (parseDayCode(shiftCell, shifts) || leaveCell(shiftCell, shifts));
      if (!r.problem && !hasShift && isNoteRow(r.cells, ai)) {
        notes.push({ line: r.line, text: noteText(r.cells) });
        continue;
      }
      if (!hasShift && (await heldSummary(r, ai, summaries))) continue;
      if (await skip(r, Math.max(ai, di, si))) continue;
      const agent = cleanCell(r.cells[ai] ?? '');
      const rawDate = cleanCell(r.cells[di] ?? '');
      if (!agent) {
        await reject(r.line, NO_AGENT, agentHeader);
        continue;
      }
      await refuseGarbledAgent(name, r.line, agent);
      const k = parseDayKey(rawDate.replace(/[ T].*$/, ''), month);
      if (!k) {
        // A date written in a date's shape that the calendar does not have (2026-11-31, 2-29 in 2026):
        // "write it as YYYY-MM-DD" told someone who had, so say there is no such day, as --requests does.
        const dateOnly = rawDate.replace(/[ T].*$/, '');
        if (looksLikeDay(dateOnly) && (/^\d{4}/.test(dateOnly) || month)) {
          throw new InputError(
            msg(`${name}:${r.line}: 没有这一天: "${rawDate}"`, `${name}:${r.line}: there is no such day: "${rawDate}"`),
            msg('检查这一行的月和日 (如 11 月只有 30 天), 改正后再运行。', 'check the month and day of this line (November has 30 days, say), correct it and run again.'),
          );
        }
        throw new InputError(
          msg(`${name}:${r.line}: 日期 "${rawDate}" 无法识别`, `${name}:${r.line}: date "${rawDate}" is not a date`),
          msg('写成 YYYY-MM-DD; 只有日号时加 --month YYYY-MM (或 --template)。', 'write it as YYYY-MM-DD; with day numbers only, add --month YYYY-MM (or --template).'),
        );
      }
      const key = dayKeyText(k);
      addAgent(agent, r.line);
      keys.add(key);
      const raw = cleanCell(r.cells[si] ?? '');
      if (leaveCell(raw, shifts)) {
        out.entries.push({ agent, key, code: OFF, line: r.line });
        out.leave.push({ agent, key, line: r.line });
        continue;
      }
      const code = parseDayCode(raw, shifts);
      if (!code || raw === '') {
        unknown(agent, key, raw, r.line, si);
        continue;
      }
      out.entries.push({ agent, key, code, line: r.line });
      // Times, when given, must be the shift's times (RULES §4 shift definitions).
      const s = shifts.find((x) => x.code === code);
      for (const [field, want] of [['start', s?.start], ['end', s?.end]] as const) {
        const ci = map.index.get(field);
        if (ci === undefined || !s || want === undefined) continue;
        const v = cleanCell(r.cells[ci] ?? '');
        const m = /(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(v);
        if (v && m && (+m[1]! * 60 + +m[2]!) % DAY_MIN !== want % DAY_MIN) {
          out.problems.push({
            agent,
            date: key,
            cell: cellRef(at, ci, r.line),
            rule: 'shift-times',
            detail: msg(`第 ${r.line} 行: ${code} 班 ${field === 'start' ? '开始' : '结束'}时间 ${v} 与班次定义不符`, `line ${r.line}: ${field} ${v} does not match the ${code} shift`),
          });
        }
      }
    }
    out.keys = [...keys].sort();
    summaries.finish((m) => ctx.info(m));
    notesSkipped(ctx, name, notes);
    return noAgents(out, rejected);
  }

  // Grid: one column per day.
  const dayCols: { i: number; key: string }[] = [];
  // Columns headed like a day that the month does not have (29 in a 28-day February, 31 in
  // November, 0, 32, 2027-02-30).
  const notDays: { i: number; header: string }[] = [];
  t.headers.forEach((h, i) => {
    if (i === ai) return;
    // A wall calendar's header holds real dates: xlsx gives them as `YYYY-MM-DD 00:00:00`; a date
    // row pasted as values or formatted General holds Excel's serial numbers (46357 is 2026-12-01).
    const text = serialDate(atMidnight(h));
    const k = parseDayKey(text, month);
    if (k) dayCols.push({ i, key: dayKeyText(k) });
    else if (looksLikeDay(text)) notDays.push({ i, header: h });
  });
  // Headed by month and day without a year (11月1日, 11/1, 11-01): dates, but of which year only
  // --month says. (Without it they were reported as no date columns at all.)
  const yearless = month ? undefined : notDays.find((c) => MONTH_DAY.test(dayText(atMidnight(c.header))));
  if (dayCols.length === 0 && yearless) {
    throw new InputError(
      msg(`${name}: 日期列只有月和日 (如 "${yearless.header}"), 不知道是哪一年`, `${name}: the date columns give a month and day but no year (such as "${yearless.header}"), so the month is unknown`),
      msg('加 --month YYYY-MM (如 --month 2026-11)。', 'add --month YYYY-MM (such as --month 2026-11).'),
    );
  }
  if (dayCols.length === 0) {
    throw new InputError(
      msg(`${name}: 找不到日期列, 也没有 日期+班次 列`, `${name}: no date columns, and no date and shift columns either`),
      msg('网格格式: 客服/agent 列加每天一列 (表头 YYYY-MM-DD 或日号); 长格式: 客服,日期,班次 (或 agent,date,shift)。', 'grid: an agent column and one column per day (headed YYYY-MM-DD or the day number); long: agent,date,shift.'),
    );
  }
  out.keys = dayCols.map((c) => c.key);
  for (const c of dayCols) at.keyCol.set(c.key, c.i);
  const totalsMap = mapHeader(t.headers.map((h, i) => (i === ai || dayCols.some((c) => c.i === i) ? '' : h)), [LEAVE_DAYS, DAYS_OFF]);
  const li = totalsMap.index.get('leaveDays');
  const oi = totalsMap.index.get('daysOff');
  if (li !== undefined) out.leaveDaysHeader = cleanCell(t.headers[li] ?? '');
  if (li !== undefined) at.leaveDaysCol = li;
  if (oi !== undefined) at.daysOffCol = oi;
  if (oi !== undefined) out.daysOffColumn = { header: cleanCell(t.headers[oi] ?? ''), byAgent: new Map() };
  const gridLine = new Map<string, number>();
  // Columns that are neither the agent's, a day's, a count compared (休息天数, 请假天数) nor one of
  // roster plan's own totals: their cells on agent rows are not read, and are named on stderr by
  // column (a hand-made 出勤天数 or 备注 column). They were passed over without a word.
  const used = new Set<number>([ai, ...dayCols.map((c) => c.i), ...(li !== undefined ? [li] : []), ...(oi !== undefined ? [oi] : [])]);
  t.headers.forEach((h, i) => {
    if (PLAN_TOTALS.test(cleanCell(h))) used.add(i);
  });
  const unused = new Map<number, { rows: number; first: number }>();
  const countRows: { line: number; label: string }[] = [];
  for await (const r of t.records) {
    // A row of weekdays under the dates (二 三 四 …): compared with the dates, not an agent (it was
    // rejected as a row with no agent name). A row of counts (晚班人数 1 1 2 …, formulas at the
    // bottom): not an agent (it was read as one, 31 unknown shifts).
    if (!r.problem && !COVERAGE_ROW.test(cleanCell(r.cells[ai] ?? ''))) {
      const kind = nonAgentRow(r.cells, ai, dayCols, shifts);
      if (kind === 'weekday') {
        weekdayRow(ctx, name, at, r, dayCols);
        continue;
      }
      if (kind === 'counts') {
        countRows.push({ line: r.line, label: cleanCell(r.cells[ai] ?? '') });
        continue;
      }
    }
    // A short row still names its agent; the days it lacks are missing days, which check reports.
    // A row with a shift in it is an agent's, whatever the name (Sum Yee is an agent, not a sum).
    if (!r.problem && (isListSummary(r.cells, ai) || isNoteRow(r.cells, ai)) && !dayCols.some((c) => parseDayCode(cleanCell(r.cells[c.i] ?? ''), shifts) || leaveCell(cleanCell(r.cells[c.i] ?? ''), shifts))) {
      if (isNoteRow(r.cells, ai)) notes.push({ line: r.line, text: noteText(r.cells) });
      else summaries.hold(r.line);
      continue;
    }
    if (await skip(r, ai)) continue;
    const agent = cleanCell(r.cells[ai] ?? '');
    if (!agent) {
      await reject(r.line, NO_AGENT, agentHeader);
      continue;
    }
    await refuseGarbledAgent(name, r.line, agent);
    // The plan's own rows under the grid (coverage, service level) and a wall calendar's: not data,
    // and they do not make a 合计 row above them one with rows after it.
    if (COVERAGE_ROW.test(agent)) {
      wallLeave(r, dayCols, out);
      continue;
    }
    await summaries.dataRow(r.line);
    // A shift under a day the month lacks is not a shift of this roster, and reading the rest
    // would report the month clean. An empty such column (a 31-column template trimmed to a
    // short month) holds nothing to lose and is left alone.
    for (const c of notDays) {
      const raw = cleanCell(r.cells[c.i] ?? '');
      if (raw === '') continue;
      const which = month ? `${month.y}-${String(month.mo).padStart(2, '0')}` : undefined;
      throw new InputError(
        which
          ? msg(`${name}:${r.line}: 列 "${c.header}" 有内容 "${shown(raw)}", 但 ${which} 没有这一天 (只有 1–${daysInMonth(month!.y, month!.mo)} 日)`, `${name}:${r.line}: column "${c.header}" holds "${shown(raw)}", but it is not a day of ${which} (days 1–${daysInMonth(month!.y, month!.mo)})`)
          : msg(`${name}:${r.line}: 列 "${c.header}" 有内容 "${shown(raw)}", 但它不是任何月份的日子`, `${name}:${r.line}: column "${c.header}" holds "${shown(raw)}", but it is not a day of any month`),
        msg('删掉这一列, 或用 --month 指定排班表实际的月份。', 'remove the column, or name the roster\'s real month with --month.'),
      );
    }
    // The same agent on a second row of a grid: one line saying so (its days are not read, or every
    // day would be two shifts and the days off counted twice).
    const firstLine = gridLine.get(agent);
    if (firstLine !== undefined) {
      out.problems.push({
        agent,
        date: '',
        cell: cellRef(at, ai, r.line),
        rule: 'duplicate-agent',
        detail: msg(
          `第 ${r.line} 行重复列出了第 ${firstLine} 行的客服, 这一行的班次没有读取; 合并为一行`,
          `line ${r.line} lists the agent of line ${firstLine} again: its shifts were not read; merge the two rows`,
        ),
      });
      continue;
    }
    gridLine.set(agent, r.line);
    addAgent(agent, r.line);
    if (li !== undefined) {
      // A whole number, as the days-off count below (an xlsx number cell may read back as 2.0); an
      // empty or other cell is not read.
      const n = cleanCell(r.cells[li] ?? '');
      const count = wholeDays(n);
      if (count !== undefined) out.leaveDays.set(agent, { count, line: r.line });
    }
    for (let i = 0; i < r.cells.length; i++) {
      if (used.has(i) || cleanCell(r.cells[i]!) === '') continue;
      const u = unused.get(i);
      if (u) u.rows++;
      else unused.set(i, { rows: 1, first: r.line });
    }
    if (oi !== undefined) {
      // A whole number (an xlsx number cell may read back as 7.0); an empty or other cell is not compared.
      const n = cleanCell(r.cells[oi] ?? '');
      const count = wholeDays(n);
      if (count !== undefined) out.daysOffColumn!.byAgent.set(agent, { count, line: r.line });
    }
    for (const c of dayCols) {
      const raw = cleanCell(r.cells[c.i] ?? '');
      if (raw === '') continue; // an empty cell is a missing day, not a day off
      if (leaveCell(raw, shifts)) {
        out.entries.push({ agent, key: c.key, code: OFF, line: r.line });
        out.leave.push({ agent, key: c.key, line: r.line });
        continue;
      }
      const code = parseDayCode(raw, shifts);
      if (!code) unknown(agent, c.key, raw, r.line, c.i);
      else out.entries.push({ agent, key: c.key, code, line: r.line });
    }
  }
  for (const c of countRows) {
    ctx.info(
      noteLine(msg(
        `${name}:${c.line}: ${c.label ? `"${shown(c.label)}" ` : ''}这一行日期下面是数字, 不是班次: 是统计行, 不是客服, 已跳过`,
        `${name}:${c.line}: ${c.label ? `"${shown(c.label)}" ` : 'the row '}holds numbers under the days, not shifts: a count row, not an agent; skipped`,
      )),
    );
  }
  for (const [i, u] of unused) {
    const h = cleanCell(t.headers[i] ?? '');
    const col = `${columnLetters(i)}${h ? ` "${shown(h)}"` : ''}`;
    ctx.warn(
      msg(
        `${name}: 列 ${col} 没有读取 (${u.rows} 个客服行有内容, 第一个在 ${cellRef(at, i, u.first)}): roster check 只读取客服、每天的班次和 休息天数/请假天数 列; 这一列的内容没有与排班核对`,
        `${name}: column ${col} is not read (${plural(u.rows, 'agent row')} hold something in it, the first at ${cellRef(at, i, u.first)}): roster check reads the agent, each day's shift and the days off / leave days columns; what this column says was not checked against the roster`,
      ),
    );
  }
  summaries.finish((m) => ctx.info(m));
  notesSkipped(ctx, name, notes);
  return noAgents(out, rejected);
}

/**
 * The wall calendar (roster plan -o x.xlsx) shows leave as 休 and names it in its rules footer:
 * `请假 (不算休息天数): 小王 9、10、11日; 小李 3日` / `on leave (not counted as days off): A 9,10; B 3`
 * (wall.ts rulesLine, always the footer's last part). Read back as dated leave cells.
 */
function wallLeave(r: RawRecord, dayCols: readonly { key: string }[], out: RosterFile): void {
  for (const cell of r.cells) {
    const m = /(?:请假 \(不算休息天数\)|on leave \(not counted as days off\)): (.+)$/.exec(cleanCell(cell));
    if (!m) continue;
    for (const part of m[1]!.split('; ')) {
      const pm = /^(.+) (\d{1,2}(?:[,、]\d{1,2})*)日?$/.exec(part);
      if (!pm) continue;
      for (const d of pm[2]!.split(/[,、]/)) {
        const key = dayCols.find((c) => Number(c.key.slice(-2)) === Number(d))?.key;
        if (key) out.leave.push({ agent: pm[1]!, key, line: r.line });
      }
    }
  }
}

/** roster plan's own totals (render.ts gridColumns, wall.ts WALL_TOTALS): worked out from the grid, so not read. */
const PLAN_TOTALS = /^(?:工时|晚班数|晚班|周末上班|周末班|hours|nights|weekend days|weekend)$/i;

/**
 * Excel's serial number of a date (days since 1899-12-30), as a date row pasted as values or
 * formatted General shows it: `46357` → `2026-12-01`. Whole numbers of 1990–2099 only (32874–73050);
 * anything else is returned as it was.
 */
export function serialDate(t: string): string {
  const m = /^(\d{5})(?:\.0+)?$/.exec(t.trim());
  if (!m || +m[1]! < 32874 || +m[1]! > 73050) return t;
  const d = new Date(Date.UTC(1899, 11, 30) + +m[1]! * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * A grid row that is not an agent's, by what it holds under the days (nothing there reads as a shift
 * or leave): `weekday` when every filled day cell is a weekday's name (二, 周三, 星期四, Tue) and the
 * agent cell is empty or says weekday; `counts` when every filled day cell is a number (a 晚班人数 or
 * 合计 row of COUNTIF formulas). Else undefined: an agent's row.
 */
function nonAgentRow(cells: readonly string[], ai: number, dayCols: readonly { i: number }[], shifts: readonly ShiftDef[]): 'weekday' | 'counts' | undefined {
  let weekdays = 0;
  let numbers = 0;
  let filled = 0;
  for (const c of dayCols) {
    const v = cleanCell(cells[c.i] ?? '');
    if (v === '') continue;
    filled++;
    if (parseDayCode(v, shifts) || leaveCell(v, shifts)) return undefined;
    if (/^\d+(?:\.\d+)?$/.test(halfWidth(v))) numbers++;
    else if (parseWeekday(v.replace(/^(?:周|星期)/, '')) !== undefined || parseWeekday(v) !== undefined) weekdays++;
  }
  if (filled === 0) return undefined;
  const label = cleanCell(cells[ai] ?? '');
  if (weekdays === filled && (label === '' || /^(?:星期|周|周几|weekday|day)$/i.test(label))) return 'weekday';
  // Numbers under a name are an agent's row typed wrong (hours a day: 8 8 0 …), not counts: read as
  // before, each cell an unknown shift (rev43: 小李's row of hours was skipped as a count row, info
  // only, so under -q the agent vanished from the check). Counts are a row whose label says so (晚班人数,
  // 合计, a shift's name: 白班), or none.
  if (numbers === filled && (label === '' || COUNT_LABEL.test(label) || parseDayCode(label, shifts) !== undefined)) return 'counts';
  return undefined;
}

/** A label of a row of counts under the days (晚班人数, 在岗人数, 合计, 统计, Total …), not an agent's name. */
const COUNT_LABEL = /人数|人次|合计|小计|总计|统计|计数|数量|在岗|出勤|count|total|sum|staff|headcount/i;

/** A weekday row under the dates: each weekday compared with its date's; a wrong one is warned (the dates may be last month's). */
function weekdayRow(ctx: Ctx, name: string, at: RosterAt, r: RawRecord, dayCols: readonly { i: number; key: string }[]): void {
  const ZH = ['日', '一', '二', '三', '四', '五', '六'];
  const EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const wrong: { zh: string; en: string }[] = [];
  for (const c of dayCols) {
    const v = cleanCell(r.cells[c.i] ?? '');
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c.key);
    if (v === '' || !m) continue; // a template's day numbers have no weekday
    const said = parseWeekday(v.replace(/^(?:周|星期)/, '')) ?? parseWeekday(v);
    const dow = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDay();
    if (said !== dow) wrong.push({ zh: `${cellRef(at, c.i, r.line)} 写的是 ${v}, ${c.key} 是星期${ZH[dow]}`, en: `${cellRef(at, c.i, r.line)} says ${v}, but ${c.key} is a ${EN[dow]}` });
  }
  if (!wrong.length) return;
  const more = wrong.length > 3 ? wrong.length - 3 : 0;
  ctx.warn(
    msg(
      `${name}:${r.line}: 星期行与日期不符: ${wrong.slice(0, 3).map((w) => w.zh).join('; ')}${more ? ` 等 ${wrong.length} 处` : ''}; 检查日期行是不是别的月份的`,
      `${name}:${r.line}: the weekday row does not match the dates: ${wrong.slice(0, 3).map((w) => w.en).join('; ')}${more ? ` and ${more} more` : ''}; check that the date row is not another month's`,
    ),
  );
}

/** A roster without a single agent row is not a roster (exit 3), whatever its header says. */
function noAgents(f: RosterFile, rejected: number): RosterFile {
  if (f.agents.length > 0) return f;
  throw new InputError(
    rejected
      ? msg(`${f.name} 里没有可用的客服行 (${rejected} 行无法读取, 见上)`, `no agents in ${f.name}: ${rejected} row(s) could not be read (see above)`)
      : msg(`${f.name} 里没有客服 (只有表头)`, `no agents in ${f.name} (it has a header and no agent rows)`),
    msg('每个客服一行 (网格: 客服 + 每天一列) 或每人每天一行 (客服,日期,班次); 检查是否导出了空表。', 'one row per agent (grid: agent plus a column per day) or one row per agent and day (agent,date,shift); check that the export is not empty.'),
  );
}

/** An --agents file's limit columns (docs/formats.md "Agents"; docs/rules.md §4 limited agents). */
export const LIMIT_FIELDS: readonly FieldSpec[] = [
  { key: 'shifts', aliases: ['可上班次', '可排班次', '可上的班次', '只上班次', 'allowed shifts', 'shifts'] },
  { key: 'maxShifts', aliases: ['每月最多班次', '最多班次', '每月班次上限', '班次上限', 'max shifts', 'max shifts per month'] },
  { key: 'maxHours', aliases: ['每月最多工时', '最多工时', '每月工时上限', '工时上限', 'max hours', 'max hours per month'] },
];

/**
 * One agent's limits from the limit columns' cells; a cell that cannot be read stops the run
 * (exit 3, file:line, what to write): a limit guessed or dropped plans the agent wrongly.
 */
function limitOf(cells: readonly string[], index: ReadonlyMap<string, number>, shifts: readonly ShiftDef[], file: string, line: number, headers: readonly string[]): AgentLimit | undefined {
  const lim: AgentLimit = {};
  const bad = (col: number, v: string, what: Msg) =>
    new InputError(msg(`${file}:${line}: 列 "${headers[col]}" 的 "${shown(v)}" ${what.zh}`, `${file}:${line}: "${shown(v)}" in column "${headers[col]}" ${what.en}`), msg('改正后再运行; 不限制时留空。', 'correct it and run again; leave the cell empty for no limit.'));
  const si = index.get('shifts');
  const sv = si === undefined ? '' : cleanCell(cells[si] ?? '');
  // 全部 / 不限 / all: every shift, no limit (小何's list wrote 全部 beside the full-timers).
  if (sv !== '' && !/^(?:全部|所有|所有班次|全部班次|不限|都可以|均可|任意|all|any)$/i.test(sv)) {
    const codes: string[] = [];
    for (const part of sv.replace(/^(?:只上|只排|仅上|只)/, '').split(/\s*[/、,，;；|+和及]\s*|\s+/).filter(Boolean)) {
      const c = parseDayCode(part, shifts);
      if (c === undefined || c === OFF) {
        const known = shifts.map((x) => `${x.code}/${x.label}/${x.name.zh}`).join(', ');
        throw bad(si!, sv, msg(`无法识别班次 "${part}" (可写: ${known}, 用 / 分隔)`, `names no shift "${part}" (write ${known}, separated by /)`));
      }
      if (!codes.includes(c)) codes.push(c);
    }
    lim.shifts = shifts.map((x) => x.code).filter((c) => codes.includes(c));
  }
  const ni = index.get('maxShifts');
  const nv = ni === undefined ? '' : cleanCell(cells[ni] ?? '');
  if (nv !== '') {
    if (!/^\d+$/.test(nv)) throw bad(ni!, nv, msg('不是班次数 (写整数, 如 15)', 'is not a number of shifts (write a whole number, such as 15)'));
    lim.maxShifts = Number(nv);
  }
  const hi = index.get('maxHours');
  const hv = hi === undefined ? '' : cleanCell(cells[hi] ?? '').replace(/\s*(?:小时|h|hours?)$/i, '');
  if (hv !== '') {
    if (!/^\d+(?:\.\d+)?$/.test(hv)) throw bad(hi!, hv, msg('不是工时 (写小时数, 如 80)', 'is not a number of hours (write hours, such as 80)'));
    lim.maxMinutes = Math.round(Number(hv) * 60);
  }
  return Object.keys(lim).length ? lim : undefined;
}

/** Agents from a file with an agent/name/客服/姓名 column. */
export async function readAgents(ctx: Ctx, file: string, rejects: RejectLog, shifts: readonly ShiftDef[] = []): Promise<string[]> {
  return (await readAgentList(ctx, file, rejects, shifts)).agents;
}

/** Agents and their limits (可上班次, 每月最多班次, 每月最多工时) from an --agents file. */
export async function readAgentList(ctx: Ctx, file: string, rejects: RejectLog, shifts: readonly ShiftDef[]): Promise<{ agents: string[]; limits: (AgentLimit | undefined)[] }> {
  const t = await openMappedTable(file, dataStdin(ctx), [AGENT], msg('客服名单', 'agent list'), ctx.encoding, true, sheetNote(ctx), HAND_MADE_EMPTY);
  titleNote(ctx, t);
  const name = t.sniffed.name;
  const ai = t.map.index.get('agent')!;
  const limitIndex = mapHeader(t.headers.map((h, i) => (i === ai ? '' : h)), LIMIT_FIELDS).index;
  const limits: (AgentLimit | undefined)[] = [];
  const out: string[] = [];
  const firstLine = new Map<string, number>();
  const summaries = new TrailingSummaries(name, rejects);
  // A roster given as the agent list (last month's plan: "agent" column, one per agent) has the
  // plan's coverage and service-level rows under its agents: they are no agents (they were planned
  // as three more people named "coverage D", "coverage H", "coverage N").
  const notAgents: number[] = [];
  const notes: { line: number; text: string }[] = [];
  // Columns beside the agent's that hold something on an agent's row (类型 兼职, 可上班次 只上半白班):
  // not read, and said so (unusedAgentColumns).
  const filled = new Set<number>();
  for await (const r of t.records) {
    if (!r.problem && isNoteRow(r.cells, ai)) {
      notes.push({ line: r.line, text: noteText(r.cells) });
      continue;
    }
    if (await heldSummary(r, ai, summaries)) continue;
    const a0 = cleanCell(r.cells[ai] ?? '');
    if (a0 && COVERAGE_ROW.test(a0) && t.headers.length > 1) {
      notAgents.push(r.line);
      continue;
    }
    if (await unusable(r, name, t.headers.length, ai, rejects)) continue;
    const a = cleanCell(r.cells[ai] ?? '');
    if (!a) {
      await rejects.add({ file: name, line: r.line, column: t.headers[ai], reason: NO_AGENT });
      continue;
    }
    await refuseGarbledAgent(name, r.line, a);
    const first = firstLine.get(a);
    if (first !== undefined) {
      await rejects.add({ file: name, line: r.line, column: t.headers[ai], value: a, reason: msg(`客服 "${shown(a)}" 在第 ${first} 行已出现`, `agent "${shown(a)}" is already listed at line ${first}`) });
      continue;
    }
    firstLine.set(a, r.line);
    out.push(a);
    limits.push(limitIndex.size ? limitOf(r.cells, limitIndex, shifts, name, r.line, t.headers) : undefined);
    r.cells.forEach((c, i) => {
      if (i !== ai && ![...limitIndex.values()].includes(i) && cleanCell(c) !== '') filled.add(i);
    });
  }
  summaries.finish((m) => ctx.info(m));
  notesSkipped(ctx, name, notes);
  unusedAgentColumns(ctx, name, t.headers, ai, filled);
  if (notAgents.length) {
    const lines = notAgents.join(', ');
    ctx.info(
      noteLine(msg(
        `${name}: 第 ${lines} 行是排班表的覆盖人数/服务水平行, 不是客服, 已跳过`,
        `${name}:${notAgents.length === 1 ? '' : ' lines'} ${lines}: ${notAgents.length === 1 ? "a roster's coverage or service-level row" : "a roster's coverage and service-level rows"}, not ${notAgents.length === 1 ? 'an agent' : 'agents'}; skipped`,
      )),
    );
  }
  return { agents: out, limits };
}

/**
 * An --agents file's other columns are not read: every agent is planned the same shifts and days off.
 * A shop with part-timers wrote `类型 兼职` and `可上班次 只上半白班` beside two names, and the plan gave
 * them 白班 and 晚班 and 181.5 hours like everyone, without a word (user11, 2026-12). Said on stderr,
 * with what to do; last month's roster given as the list (day columns, totals) is not warned about.
 */
function unusedAgentColumns(ctx: Ctx, file: string, headers: readonly string[], ai: number, filled: ReadonlySet<number>): void {
  if (headers.some((h, i) => i !== ai && looksLikeDay(h))) return;
  const cols = [...filled].sort((a, b) => a - b).map((i) => headers[i]?.trim() || `#${i + 1}`);
  if (cols.length === 0) return;
  ctx.warn(
    msg(
      `${file}: 列 ${cols.join('、')} 没有使用: 兼职或只上某些班次的客服用 可上班次 (如 白/半)、每月最多班次 (如 15)、每月最多工时 (如 80) 列给出限制, 其他列不读取`,
      `${file}: the column${cols.length === 1 ? '' : 's'} ${cols.join(', ')} ${cols.length === 1 ? 'is' : 'are'} not used: give a part-time or shift-limited agent's limits in the columns 可上班次 / allowed shifts (such as D/H), 每月最多班次 / max shifts (such as 15) and 每月最多工时 / max hours (such as 80); other columns are not read`,
    ),
  );
}

export interface RequestRow {
  agent: string;
  key: string;
  line: number;
  /** Approved leave (类型 请假/年假/病假…, type `leave`): a hard fact, not a wish. */
  leave?: boolean;
}

/**
 * The optional third column of a --requests file: what kind of day it is. Absent or empty: a
 * requested day off (the file as it always was). docs/cli.md "--requests".
 */
export const REQUEST_TYPE: FieldSpec = { key: 'type', aliases: ['type', 'kind', '类型', '类别', '假别', '休假类型', '请假类型', '申请类型'] };

/**
 * 请假 and every kind of leave an operator writes (年假, 婚假, 病假, 事假, 产假, 丧假, 带薪年假, 年休假 …:
 * any word ending in 假), `leave` (`annual leave`, `sick leave`, `on leave`), `L`: approved leave.
 * 申请休息, 休息, 休, 申请, `request`, `day off`, `off`, `rest`, `O`, empty: a requested day off.
 * Anything else (调休 included: rest in lieu is neither clearly) is undefined: the row is rejected.
 */
export function requestType(text: string): 'leave' | 'request' | undefined {
  const t = cleanCell(text).replace(/\s+/g, ' ').trim();
  if (t === '') return 'request';
  if (/^(?:请假|休假|.{0,4}假)$/.test(t) && t !== '调休假') return 'leave';
  if (/^(?:(?:annual|sick|personal|paid|unpaid|maternity|paternity|marriage|wedding|bereavement|compassionate|approved|on) )?leave$/i.test(t) || /^l$/i.test(t)) return 'leave';
  if (/^(?:申请休息|休息申请|申请|休息|休|request|requested|day off|off|rest|o)$/i.test(t)) return 'request';
  return undefined;
}

/** Requested days off: agent and date (several dates in one cell separated by ; or 、). */
export async function readRequests(ctx: Ctx, file: string, month: { y: number; mo: number } | undefined, rejects: RejectLog): Promise<RequestRow[]> {
  const t = await openMappedTable(file, dataStdin(ctx), [AGENT, REQUEST_DATE, REQUEST_TYPE], msg('休息申请', 'day-off requests'), ctx.encoding, true, sheetNote(ctx), HAND_MADE_EMPTY);
  titleNote(ctx, t);
  const ai = t.map.index.get('agent')!;
  const di = t.map.index.get('date')!;
  const ti = t.map.index.get('type');
  const dateHeader = cleanCell(t.headers[di] ?? '');
  const allLeave = ti === undefined && LEAVE_DATE_HEADER.test(dateHeader);
  let leaveRows = 0;
  const out: RequestRow[] = [];
  const summaries = new TrailingSummaries(t.sniffed.name, rejects);
  const notes: { line: number; text: string }[] = [];
  for await (const r of t.records) {
    // A note typed under the requests (备注：小张想多上夜班, its date cell empty or missing) asks for no
    // day: skipped and named, as under the agents. It was rejected as a short row ("this row has 1
    // cell but the header has 2") or as "no date", exit 1: `roster check` said "no violations" and
    // still failed. A row whose date cell holds something stays a request (its name checked as any).
    if (!r.problem && cleanCell(r.cells[di] ?? '') === '' && isNoteRow(r.cells, ai)) {
      notes.push({ line: r.line, text: noteText(r.cells) });
      continue;
    }
    if (await heldSummary(r, ai, summaries)) continue;
    if (await unusable(r, t.sniffed.name, t.headers.length, Math.max(ai, di), rejects)) continue;
    const agent = cleanCell(r.cells[ai] ?? '');
    if (!agent) {
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[ai], reason: NO_AGENT });
      continue;
    }
    await refuseGarbledAgent(t.sniffed.name, r.line, agent);
    const typeText = ti === undefined ? '' : cleanCell(r.cells[ti] ?? '');
    const type = allLeave ? 'leave' : requestType(typeText);
    if (allLeave) leaveRows++;
    if (type === undefined) {
      // Never guessed: a leave read as a wish can be refused, a wish read as leave shortens the month.
      await rejects.add({
        file: t.sniffed.name,
        line: r.line,
        column: t.headers[ti!],
        value: typeText,
        reason: msg(
          `类型无法识别: "${typeText}"; 已批准的假写 请假 (或 年假、病假、婚假 等), 想休息的日子写 申请休息 (或留空)`,
          `unknown type: "${typeText}"; write leave (or 请假, annual leave, sick leave) for approved leave, request (or leave it empty) for a day off asked for`,
        ),
      });
      continue;
    }
    for (const part of cleanCell(r.cells[di] ?? '').split(/\s*[;；、]\s*/)) {
      const k = parseDayKey(part, month);
      if (!k) {
        // Say which: a date that does not exist (2026-11-31), an empty cell, or no date at all.
        const reason =
          part === ''
            ? msg('没有日期: 写上休息的日期, 如 2026-11-11 (多个用 ; 分隔)', 'no date: write the day off, such as 2026-11-11 (several separated by ;)')
            : looksLikeDay(part)
              ? msg(`没有这一天: "${part}" (检查月和日)`, `there is no such day: "${part}" (check the month and day)`)
              : msg(`不是日期: "${part}"; 写成 2026-11-11、11-11 或 11 (多个用 ; 分隔)`, `not a date: "${part}"; write 2026-11-11, 11-11 or 11 (several separated by ;)`);
        await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[di], value: part, reason });
        continue;
      }
      out.push(type === 'leave' ? { agent, key: dayKeyText(k), line: r.line, leave: true } : { agent, key: dayKeyText(k), line: r.line });
    }
  }
  summaries.finish((m) => ctx.info(m));
  if (allLeave && leaveRows > 0) {
    ctx.warn(
      msg(
        `${t.sniffed.name}: 日期列名为 "${dateHeader}" 且没有 类型 列: 全部 ${leaveRows} 行都按已批准的请假读取 (当天不排班, 不占休息天数), 不是休息申请; 其中有想休息的日子时, 加一列 类型, 请假的行写 请假, 想休息的行写 申请休息`,
        `${t.sniffed.name}: the date column is headed "${dateHeader}" and there is no type column: ${leaveRows === 1 ? 'its 1 row is' : `all ${leaveRows} rows are`} read as approved leave (no shift that day, not one of the days off), not as days off asked for; if some are wishes, add a 类型 / type column: leave on the leave rows, request on the others`,
      ),
    );
  }
  for (const n of notes) {
    ctx.warn(
      msg(
        `${t.sniffed.name}:${n.line}: 备注行 "${n.text}" 不是休息申请, 已跳过 (其中写的日期不会安排休息; 每个申请写成一行: 客服,日期)`,
        `${t.sniffed.name}:${n.line}: the note "${n.text}" is not a day-off request: skipped (a day written in it is not granted; write each request as a row: agent,date)`,
      ),
    );
  }
  return out;
}

/**
 * Every dated row of a --demand, --volume or --requests file is of another month (last month's
 * file, or the wrong --month): used anyway, nothing in it would apply — every day would get only the
 * --min staff, be staffed as if no chats came in, or none of the days off asked for be granted —
 * with the summary still naming the file. Exit 3, naming its dates, the month and the fix.
 */
export function anotherMonthFile(name: string, month: { y: number; mo: number }, dates: string[], kind: 'demand' | 'volume' | 'requests'): InputError {
  const ym = `${month.y}-${String(month.mo).padStart(2, '0')}`;
  const sorted = [...dates].sort();
  const range = sorted.length === 1 ? sorted[0]! : `${sorted[0]!} … ${sorted[sorted.length - 1]!}`;
  const what = { demand: msg('需求文件', 'demand file'), volume: msg('咨询量文件', 'chats file'), requests: msg('休息申请', 'requests file') }[kind];
  const effect = {
    demand: msg('每天都只会按 --min 配人', 'every day would get only the --min staff'),
    volume: msg('每天都会按没有咨询量配人', 'every day would be staffed as if no chats came in'),
    requests: msg('申请的休息日一天也不会安排', 'not one of the days off asked for would be granted'),
  }[kind];
  const fix = {
    demand: msg(`给出 ${ym} 的每日需求文件 (或检查 --month); 不需要按日期配人时去掉 --demand, 用 --min。`, `give the demand file for ${ym} (or check --month); to staff every day alike, leave --demand out and use --min.`),
    volume: msg(`给出 ${ym} 的咨询量 (或检查 --month); 每月通用的咨询量不写日期列 (或按星期写)。`, `give the chats for ${ym} (or check --month); chats that hold for every month go without a date column (or by weekday).`),
    requests: msg(`给出 ${ym} 的休息申请 (或检查 --month); 本月没有申请时去掉 --requests。`, `give the requests for ${ym} (or check --month); with no requests this month, leave --requests out.`),
  }[kind];
  return new InputError(
    msg(
      `${name}: 没有一个日期在 ${ym} 内 (文件中的日期: ${range}), 可能是另一个月的${what.zh}; 照此排班, ${effect.zh}`,
      `${name}: none of its dates is in ${ym} (its dates: ${range}): it is probably another month's ${what.en}; used as it is, ${effect.en}`,
    ),
    fix,
  );
}

/** Staff per shift per date (--demand): date plus D/H/N (or 白班/半白班/晚班) columns. */
export async function readDemand(ctx: Ctx, file: string, month: { y: number; mo: number }, shifts: readonly ShiftDef[], rejects: RejectLog, outsideMonth: Msg): Promise<Map<string, ShiftMins>> {
  const fields: FieldSpec[] = [DATE, ...shifts.map((s) => ({ key: s.code, aliases: [s.code, s.name.zh, s.name.en, s.label, ...s.aliases] }))];
  const t = await openMappedTable(file, dataStdin(ctx), fields, msg('每日排班需求', 'staff demand'), ctx.encoding, true, sheetNote(ctx), HAND_MADE_EMPTY);
  titleNote(ctx, t);
  const out = new Map<string, ShiftMins>();
  const summaries = new TrailingSummaries(t.sniffed.name, rejects);
  // Dates of other months, and whether any row was of this month: a file all of another month
  // (last month's demand given for this one) is not used as "no demand given" (below).
  const otherMonths: string[] = [];
  let inMonth = 0;
  for await (const r of t.records) {
    if (await heldSummary(r, t.map.index.get('date')!, summaries)) continue;
    // Shift columns a short row lacks are empty: the configured minimum applies.
    if (await unusable(r, t.sniffed.name, t.headers.length, t.map.index.get('date')!, rejects)) continue;
    const raw = cleanCell(r.cells[t.map.index.get('date')!] ?? '');
    const k = parseDayKey(raw, month);
    // The year too: a row for 2025-02-03 in a plan of 2026-02 is not a need of that month (it
    // was dropped silently, neither used nor rejected).
    if (!k || k.y !== month.y || k.mo !== month.mo) {
      if (k) otherMonths.push(dayKeyText(k));
      // A date no reader takes (11/11/26) is not one outside the month: say what to write (desk55).
      const reason = k
        ? outsideMonth
        : looksLikeDay(raw)
          ? msg(`没有这一天: 检查月和日`, `there is no such day: check the month and day`)
          : msg(`不是日期: 写成 2026-11-11、11-11 或 11`, `not a date: write 2026-11-11, 11-11 or 11`);
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[t.map.index.get('date')!], value: raw, reason });
      continue;
    }
    inMonth++;
    const m: ShiftMins = {};
    let ok = true;
    for (const s of shifts) {
      const ci = t.map.index.get(s.code);
      if (ci === undefined) continue;
      const v = cleanCell(r.cells[ci] ?? '');
      if (v === '') continue;
      if (!/^\d+$/.test(v)) {
        await rejects.add({ file: t.sniffed.name, line: r.line, column: s.code, value: v, reason: withTypedHint(msg('人数应为非负整数', 'staff must be a whole number ≥ 0'), v, true, false, '2') });
        ok = false;
        break;
      }
      m[s.code] = Number(v);
    }
    if (ok) out.set(dayKeyText(k), m);
  }
  summaries.finish((m) => ctx.info(m));
  if (inMonth === 0 && otherMonths.length > 0) throw anotherMonthFile(t.sniffed.name, month, otherMonths, 'demand');
  return out;
}

/** Chats per hour (--volume): hour (0–23 or HH:00) and chats, optionally per date. */
const WEEKDAY_NAMES: Record<string, number> = {
  sun: 0, sunday: 0, 日: 0, 天: 0, 周日: 0, 周天: 0, 星期日: 0, 星期天: 0, '7': 0,
  mon: 1, monday: 1, 一: 1, 周一: 1, 星期一: 1, '1': 1,
  tue: 2, tuesday: 2, 二: 2, 周二: 2, 星期二: 2, '2': 2,
  wed: 3, wednesday: 3, 三: 3, 周三: 3, 星期三: 3, '3': 3,
  thu: 4, thursday: 4, 四: 4, 周四: 4, 星期四: 4, '4': 4,
  fri: 5, friday: 5, 五: 5, 周五: 5, 星期五: 5, '5': 5,
  sat: 6, saturday: 6, 六: 6, 周六: 6, 星期六: 6, '6': 6,
};

/** A weekday (0 = Sunday .. 6) from Mon/monday/周一/星期一/1 (1–7, Monday first, 7 = Sunday). */
export function parseWeekday(text: string): number | undefined {
  return WEEKDAY_NAMES[cleanCell(text).toLowerCase()];
}

/** The columns of a --volume file (io/exportguard.ts knows one by its hour and chats). */
export const VOLUME_FIELDS: readonly FieldSpec[] = [
  { key: 'hour', aliases: ['hour', '小时', '时段', 'time'], required: true },
  { key: 'chats', aliases: ['chats', 'chats/hour', '咨询量', '咨询人数', '接待量', 'volume'], required: true },
  { key: 'date', aliases: ['date', '日期'] },
  { key: 'weekday', aliases: ['weekday', 'dow', 'day of week', '星期', '周几'] },
];

export async function readVolume(ctx: Ctx, file: string, month: { y: number; mo: number } | undefined, rejects: RejectLog, outsideMonth?: Msg): Promise<{ date?: string; weekday?: number; hour: number; chats: number; line: number }[]> {
  const t = await openMappedTable(file, dataStdin(ctx), VOLUME_FIELDS, msg('每小时咨询量', 'chats per hour'), ctx.encoding, true, sheetNote(ctx), HAND_MADE_EMPTY);
  titleNote(ctx, t);
  const out: { date?: string; weekday?: number; hour: number; chats: number; line: number }[] = [];
  // A 合计 row under the hours (合计,870: the day's chats): skipped and named, as in --demand.
  const summaries = new TrailingSummaries(t.sniffed.name, rejects);
  // Dates of other months: a file all of another month is not used as "no traffic" (below).
  const otherMonths: string[] = [];
  for await (const r of t.records) {
    if (await heldSummary(r, t.map.index.get('hour')!, summaries)) continue;
    if (await unusable(r, t.sniffed.name, t.headers.length, Math.max(t.map.index.get('hour')!, t.map.index.get('chats')!), rejects)) continue;
    const hv = timeOfDay(cleanCell(r.cells[t.map.index.get('hour')!] ?? ''));
    const cv = cleanCell(r.cells[t.map.index.get('chats')!] ?? '');
    const hm = /^(\d{1,2})(?::00(?::00)?)?(?:\s*[-~].*)?$/.exec(hv);
    if (!hm || +hm[1]! > 23) {
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[t.map.index.get('hour')!], value: hv, reason: msg('小时应为 0–23 或 HH:00', 'hour must be 0–23 or HH:00') });
      continue;
    }
    if (!/^\d+(?:\.\d+)?$/.test(cv)) {
      await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[t.map.index.get('chats')!], value: cv, reason: withTypedHint(msg('咨询量应为非负数', 'chats must be a number ≥ 0'), cv, false, false, '60') });
      continue;
    }
    let date: string | undefined;
    const di = t.map.index.get('date');
    if (di !== undefined && cleanCell(r.cells[di] ?? '') !== '') {
      const k = parseDayKey(cleanCell(r.cells[di] ?? ''), month);
      if (!k) {
        await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[di], value: r.cells[di], reason: msg('日期无法识别', 'not a date') });
        continue;
      }
      // A date outside the month (or any full date in a template, whose days are numbers) would
      // match no day: reject it rather than drop it silently.
      if (k.y === undefined ? month !== undefined : month === undefined || k.y !== month.y || k.mo !== month.mo) {
        if (k.y !== undefined && month !== undefined) otherMonths.push(dayKeyText(k));
        await rejects.add({ file: t.sniffed.name, line: r.line, column: t.headers[di], value: r.cells[di], reason: outsideMonth ?? msg('日期不在排班月份内', 'date is not in the month being planned') });
        continue;
      }
      date = dayKeyText(k);
    }
    let weekday: number | undefined;
    const wi = t.map.index.get('weekday');
    const wv = wi === undefined ? '' : cleanCell(r.cells[wi] ?? '');
    if (wv !== '') {
      weekday = parseWeekday(wv);
      if (weekday === undefined || date !== undefined) {
        await rejects.add({
          file: t.sniffed.name,
          line: r.line,
          column: t.headers[wi!],
          value: wv,
          reason: date !== undefined ? msg('同一行不能既给日期又给星期', 'give a date or a weekday, not both') : msg('星期应为 Mon–Sun、周一–周日或 1–7', 'weekday must be Mon–Sun, 周一–周日 or 1–7'),
        });
        continue;
      }
    }
    out.push({ date, weekday, hour: +hm[1]!, chats: Number(cv), line: r.line });
  }
  summaries.finish((m) => ctx.info(m));
  if (out.length === 0 && otherMonths.length > 0 && month) throw anotherMonthFile(t.sniffed.name, month, otherMonths, 'volume');
  return out;
}

export type { HourNeed };
