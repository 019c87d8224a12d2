// The roster as a wall calendar (roster plan -o roster.xlsx): one landscape A4 page for a month.
// Row 1 holds the agent header and one real date per day (shown as the day number), row 2 the
// weekday; then one row per agent with the shift labels (白/半/晚/休, or the English names), each
// shift in its own colour, weekends shaded, per-agent totals on the right; per-day coverage per
// shift below; a legend with each shift's hours; the rules the roster obeys in a footer line.
// `roster check` reads the file back: the rows that are not agents start with the words in
// NON_AGENT_ROW. Pure: src/io/sheet.ts writes the spec.
import { type Lang, plural } from '../errors.js';
import type { SheetCell, SheetRow, SheetSpec, SheetStyle } from '../io/sheet.js';
import { displayWidth } from '../io/width.js';
import { type Grid, type RosterProblem, leaveCounts, minutesOf, shiftsOfAgent } from './problem.js';
import { totals } from './render.js';
import { type DayCode, OFF, OFF_LABEL, OFF_NAME, type ShiftDef, fmtSpan, shiftOf } from './shifts.js';

/** Labels of the rows under and above the agents (kept in one place for the reader). */
export const ROW_LABEL = {
  agent: { zh: '客服', en: 'agent' },
  weekday: { zh: '星期', en: 'weekday' },
  coverage: { zh: '覆盖', en: 'coverage' },
  legend: { zh: '图例', en: 'legend' },
  rules: { zh: '规则', en: 'rules' },
} as const;

/**
 * A grid row whose first cell is one of these words, alone or followed by a space or colon, is not
 * an agent (coverage, weekday, legend, rules). Only whole words: an agent named Totalia is an agent.
 */
/** The per-agent totals' heads right of the days (io/exportguard.ts knows the wall calendar by them). */
export const WALL_TOTALS = { zh: ['工时', '晚班', '周末班', '休息'], en: ['hours', 'nights', 'weekend', 'off'] } as const;

export const NON_AGENT_ROW = new RegExp(
  `^(?:coverage|覆盖|合计|total|service level|服务水平|${[ROW_LABEL.weekday, ROW_LABEL.legend, ROW_LABEL.rules].flatMap((l) => [l.zh, l.en]).join('|')})(?:$|[\\s:：])`,
  'i',
);

const WEEKDAY = { zh: ['日', '一', '二', '三', '四', '五', '六'], en: ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] };

/** Fill colours by shift position in the shift set (a shop's own shifts get the next ones). */
const SHIFT_FILLS = ['FFE699', 'C6E0B4', '9BC2E6', 'F4B084', 'D9B3E6', 'A9D08E', 'FFD966', 'BDD7EE'];
const OFF_FILL = 'FFFFFF';
const WEEKEND_HEAD = 'F8CBAD';
const HEAD = 'E7E6E6';
const WEEKEND_CELL = 'FBE5D6';

export function shiftFill(shifts: readonly ShiftDef[], code: DayCode): string {
  if (code === OFF) return OFF_FILL;
  const i = shifts.findIndex((s) => s.code === code);
  return SHIFT_FILLS[(i < 0 ? 0 : i) % SHIFT_FILLS.length]!;
}

/** What a day's cell shows: the one-character label in zh, the shift's English name in en. */
export function cellLabel(shifts: readonly ShiftDef[], code: DayCode, lang: Lang): string {
  if (code === OFF) return lang === 'zh' ? OFF_LABEL : OFF_NAME.en;
  const s = shiftOf(shifts, code);
  if (!s) return code;
  if (lang === 'zh') return s.label;
  // The shortest one-word English spelling the shift has (`half` for `half-day`): 31 of them
  // must fit across one page. The legend gives the full name; the reader knows every spelling.
  const words = [s.name.en, ...s.aliases].filter((w) => /^[a-z]{3,}$/i.test(w));
  return words.length ? words.reduce((a, b) => (b.length < a.length ? b : a)) : s.name.en;
}

const hours = (min: number) => Math.round((min / 60) * 100) / 100;
const fmtHours = (min: number) => String(hours(min));

export interface WallOptions {
  lang: Lang;
  /** What sets the least staff per day (the summary's label: `D=1,H=1,N=1`, `--demand file`, Erlang C …). */
  needLabel: string;
}

export function wallCalendar(p: RosterProblem, g: Grid, o: WallOptions): SheetSpec {
  const { lang } = o;
  const zh = lang === 'zh';
  const t = totals(p, g);
  const D = p.days.length;
  const weekStart = (d: number) => {
    if (p.template) return d > 0 && d % 7 === 0;
    const [y, mo, dd] = p.days[d]!.key.split('-').map(Number) as [number, number, number];
    return d > 0 && new Date(Date.UTC(y, mo - 1, dd)).getUTCDay() === 1;
  };
  const dateOf = (key: string) => {
    const [y, mo, d] = key.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, mo - 1, d));
  };
  const dowOf = (key: string) => dateOf(key).getUTCDay();

  const agentW = Math.max(displayWidth(zh ? ROW_LABEL.agent.zh : ROW_LABEL.agent.en), ...p.agents.map(displayWidth), ...p.shifts.map((s) => displayWidth(zh ? `${ROW_LABEL.coverage.zh} ${s.name.zh}` : `${ROW_LABEL.coverage.en} ${s.name.en}`))) + 2;
  const labelW = Math.max(2, ...[...p.shifts.map((s) => s.code), OFF].map((c) => displayWidth(cellLabel(p.shifts, c, lang)))) + 1.5;
  const dayW = Math.max(3.6, labelW);
  const totalHeads = WALL_TOTALS[zh ? 'zh' : 'en'];
  const rows: SheetRow[] = [];
  const head: SheetStyle = { bold: true, fill: HEAD, align: 'center' };

  // Row 1: the dates (real date cells shown as the day number; `roster check` reads the month from them).
  rows.push({
    cells: [
      { v: zh ? ROW_LABEL.agent.zh : ROW_LABEL.agent.en, s: { ...head, align: 'left' } },
      ...p.days.map<SheetCell>((day, d) => ({
        v: p.template ? day.key : dateOf(day.key),
        s: { ...head, fill: day.weekend ? WEEKEND_HEAD : HEAD, ...(p.template ? {} : { numFmt: 'd' }), weekStart: weekStart(d) },
      })),
      ...totalHeads.map<SheetCell>((h) => ({ v: h, s: { ...head, wrap: true } })),
    ],
    height: 18,
  });
  // Row 2: the weekday (not for a template: its weekdays move from month to month).
  if (!p.template) {
    rows.push({
      cells: [
        { v: zh ? ROW_LABEL.weekday.zh : ROW_LABEL.weekday.en, s: { ...head, align: 'left', bold: false } },
        ...p.days.map<SheetCell>((day, d) => ({ v: WEEKDAY[lang][dowOf(day.key)]!, s: { ...head, bold: false, fill: day.weekend ? WEEKEND_HEAD : HEAD, weekStart: weekStart(d) } })),
        ...totalHeads.map<SheetCell>(() => ({ v: null, s: head })),
      ],
    });
  }
  // One row per agent.
  p.agents.forEach((agent, a) => {
    rows.push({
      cells: [
        { v: agent, s: { bold: true } },
        ...p.days.map<SheetCell>((day, d) => {
          const c = g[a]![d]!;
          const fill = c === OFF ? (day.weekend ? WEEKEND_CELL : OFF_FILL) : shiftFill(p.shifts, c);
          return { v: cellLabel(p.shifts, c, lang), s: { fill, align: 'center', ...(c === OFF ? { color: '7F7F7F' } : { bold: true }), weekStart: weekStart(d) } };
        }),
        { v: hours(t[a]!.hours * 60), s: { align: 'right', numFmt: '0.0' } },
        { v: t[a]!.nights, s: { align: 'right' } },
        { v: t[a]!.weekendDays, s: { align: 'right' } },
        { v: t[a]!.daysOff, s: { align: 'right' } },
      ],
      height: 24,
    });
  });
  // Per-day coverage per shift.
  for (const s of p.shifts) {
    rows.push({
      cells: [
        { v: zh ? `${ROW_LABEL.coverage.zh} ${s.name.zh}` : `${ROW_LABEL.coverage.en} ${s.name.en}`, s: { italic: true, fill: shiftFill(p.shifts, s.code) } },
        ...p.days.map<SheetCell>((day, d) => ({ v: g.reduce((n, row) => n + (row[d] === s.code ? 1 : 0), 0), s: { align: 'center', italic: true, fill: day.weekend ? WEEKEND_CELL : undefined, weekStart: weekStart(d) } })),
        ...totalHeads.map<SheetCell>(() => ({ v: null, s: { border: false } })),
      ],
    });
  }
  // Legend: each shift's colour, label, name, hours and paid hours; then a day off.
  const items: { code: DayCode; text: string }[] = [
    ...p.shifts.map((s) => ({
      code: s.code,
      text: zh ? `${s.name.zh} ${fmtSpan(s)} 计 ${fmtHours(minutesOf(p.shifts, s.code))} 小时` : `${s.name.en} ${fmtSpan(s)}, ${fmtHours(minutesOf(p.shifts, s.code))} h`,
    })),
    { code: OFF, text: zh ? OFF_NAME.zh : OFF_NAME.en },
  ];
  // Each item: its coloured label cell, then enough day columns for its text.
  const per = Math.max(2, Math.ceil((Math.max(...items.map((it) => displayWidth(it.text))) + 1) / dayW));
  const perRow = Math.max(1, Math.floor(D / (per + 1)));
  for (let i = 0; i < items.length; i += perRow) {
    const cells: SheetCell[] = [{ v: zh ? ROW_LABEL.legend.zh : ROW_LABEL.legend.en, s: { bold: true, border: false } }];
    let used = 0;
    for (const it of items.slice(i, i + perRow)) {
      cells.push({ v: cellLabel(p.shifts, it.code, lang), s: { fill: shiftFill(p.shifts, it.code), align: 'center', bold: it.code !== OFF } });
      cells.push({ v: it.text, span: per, s: { border: false } });
      used += per + 1;
    }
    if (used < D + totalHeads.length) cells.push({ v: null, span: D + totalHeads.length - used, s: { border: false } });
    rows.push({ cells, height: 18 });
  }
  // Rules footer line (RULES §4).
  rows.push({
    cells: [
      { v: zh ? ROW_LABEL.rules.zh : ROW_LABEL.rules.en, s: { bold: true, border: false } },
      { v: rulesLine(p, o), span: D + totalHeads.length, s: { border: false, size: 9 } },
    ],
    height: 18,
  });

  const widths = [agentW, ...p.days.map(() => dayW), ...totalHeads.map((h) => Math.max(5, displayWidth(h) + 1))];

  const what = p.template ? (zh ? '通用模板 (28–31 天)' : 'template (28–31-day months)') : zh ? `${p.days[0]!.key.slice(0, 4)}年${Number(p.days[0]!.key.slice(5, 7))}月` : p.days[0]!.key.slice(0, 7);
  return {
    name: p.template ? 'template' : p.days[0]!.key.slice(0, 7),
    widths,
    rows,
    freeze: { rows: p.template ? 1 : 2, cols: 1 },
    title: zh ? `客服排班 ${what}` : `Shift roster ${what}`,
    // The printed page's footer: what made it, in the page's language (it was English on a zh page).
    footer: zh ? '由 storeops roster plan 生成' : 'storeops roster plan',
    onePage: true,
  };
}

/** The rules the roster obeys, in one line (RULES §4). */
export function rulesLine(p: RosterProblem, o: WallOptions): string {
  const zh = o.lang === 'zh';
  const nights = p.shifts.filter((s) => s.role === 'night');
  const days = p.shifts.filter((s) => s.role === 'day');
  const name = (s: ShiftDef) => (zh ? s.name.zh : s.name.en);
  const parts = zh
    ? [`每人每天一个班次或休息`, `每人每月休息 ${p.daysOff} 天`, `至少一整天休息`, `最低人数 ${namedNeeds(p.shifts, o.needLabel, 'zh')}`]
    : [`one shift or off per agent per day`, `${plural(p.daysOff, 'day')} off each`, `at least one whole day off`, `least staff ${namedNeeds(p.shifts, o.needLabel, 'en')}`];
  // Part-timers' days off are the month less the shifts their limits allow (rules.md §4), not --days-off:
  // the footer said 每人每月休息 4 天 beside 阿芳's 19 (user24).
  if (!p.template && p.limits?.some((l) => l !== undefined)) {
    const L = p.days.length;
    const leave = leaveCounts(p);
    const off = p.agents.flatMap((n, a) => (p.limits?.[a] ? [[n, L - leave[a]! - shiftsOfAgent(p, a, L, leave[a]!)] as const] : []));
    parts[1] += zh ? ` (兼职/限定班次: ${off.map(([n, k]) => `${n} ${k} 天`).join('、')})` : ` (limited agents: ${off.map(([n, k]) => `${n} ${k}`).join(', ')})`;
  }
  if (nights.length && days.length) {
    parts.splice(3, 0, zh ? `${nights.map(name).join('/')}后第二天不上${days.map(name).join('/')}` : `no ${days.map(name).join('/')} shift the day after a ${nights.map(name).join('/')} shift`);
  }
  if (p.requests.length) parts.push(zh ? `考虑休息申请 ${p.requests.length} 个` : `${p.requests.length} day-off requests considered`);
  // Leave days show as days off in the grid; the footer names them, the 休息 column counts the days off besides.
  if (p.leave?.length) {
    const by = new Map<number, number[]>();
    for (const [a, d] of p.leave) by.set(a, [...(by.get(a) ?? []), d]);
    const list = [...by].map(([a, ds]) => `${p.agents[a]} ${ds.map((d) => Number(p.days[d]!.key.slice(-2))).join(zh ? '、' : ',')}${zh ? '日' : ''}`);
    parts.push(zh ? `请假 (不算休息天数): ${list.join('; ')}` : `on leave (not counted as days off): ${list.join('; ')}`);
  }
  return (zh ? '本表遵守 (docs/rules.md §4): ' : 'this roster obeys (docs/rules.md §4): ') + parts.join('; ');
}

/** `D=1,H=1,N=1` as shift names (`白班≥1 半白班≥1 晚班≥1`); other labels (a file, Erlang C) as they are. */
export function namedNeeds(shifts: readonly ShiftDef[], label: string, lang: Lang): string {
  const parts = label.split(',');
  const named = parts.map((part) => {
    const m = /^([A-Za-z][A-Za-z0-9]*)=(\d+)$/.exec(part.trim());
    const s = m ? shifts.find((x) => x.code === m[1]) : undefined;
    return s ? `${lang === 'zh' ? s.name.zh : s.name.en} ≥ ${m![2]}` : undefined;
  });
  return named.every((x) => x !== undefined) ? named.join(lang === 'zh' ? ', ' : ', ') : label;
}
