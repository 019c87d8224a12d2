// `storeops roster plan` and `storeops roster check` (SPEC "roster", RULES §4).
import { doc } from '../paths.js';
import { solverProgress } from '../cli/progress.js';
import { RULE_ZH } from './codes.js';
import { labelOf } from '../io/columns.js';
import fs from 'node:fs';
import path from 'node:path';
import { type Ctx, wrapWarning } from '../context.js';
import { InputError, OutputError, UsageError, type Msg, msg, noteLine, plural, say } from '../errors.js';
import { openSink, resolveFormat, writeRows } from '../io/output.js';
import { RejectLog } from '../io/rejects.js';
import { fileSink } from '../io/sink.js';
import { checkDaysOffColumn, checkHoursSpread, checkLeaveDaysColumn, checkRoster, gridCells, type Violation } from './check.js';
import { type LeaveShort, countingBound, leaveShortDays, limitShort, withMoreAgents } from './diagnose.js';
import { type LowerMin, minText, shiftToLower } from './lower.js';
import { shiftNeeds, type ShiftMins } from './needs.js';
import { type Calendar, type NeedsResult, agentListFor, calendarFor, daysOffFor, needsFor, settingName, previousFor, profileTraffic, requestsFor, rosterConfig, shiftsFor } from './inputs.js';
import type { Level } from './model.js';
import { changedDays } from './objectives.js';
import { type Traffic, dailyService, spareCosts } from './traffic.js';
import { solveInWorker } from './worker.js';
import { DEFAULTS, MAX_AGENTS, parseNumber, pick } from './options.js';
import { type AgentLimit, type Grid, type RosterProblem, anyLimit, comparableMinutes, comparableOf, daysOffOf, leaveCounts, monthDays, nightsCompared, scaledAgent, shiftsOfAgent, workDaysOf } from './problem.js';
import { type RosterFile, cellRef, readRoster } from './read.js';
import { agentCalendar } from './ics.js';
import { fmtHours, gridColumns, gridRows, hourSpread, longColumns, longRows, totals } from './render.js';
import { writeSheet } from '../io/sheet.js';
import { namedNeeds, wallCalendar } from './wall.js';
import { type SolveProgress, type SolveResult, solveRoster } from './solve.js';
import { type DayCode, OFF, type ShiftDef, codeName, fmtClock, fmtSpan } from './shifts.js';
import { PLATFORM_TZ } from '../time.js';
import { PLATFORM_NAME, configuredPlatforms } from '../reviews/settings.js';
import { BACK_OFFICE } from '../backoffice.js';
import { rosterNotice } from '../notify/notices.js';
import { notifySetup } from '../notify/run.js';
import { fileProblem } from '../io/fsproblem.js';
import { makeFolders } from '../io/folders.js';

const VIOLATION_COLUMNS = [
  { key: 'agent', zh: '客服', en: 'agent', whole: true },
  { key: 'date', zh: '日期', en: 'date', whole: true },
  { key: 'rule', zh: '规则', en: 'rule', labels: RULE_ZH },
  { key: 'detail', zh: '说明', en: 'detail', wrap: true },
  // Last, so that the four columns SPEC names keep their places for a script reading by position.
  { key: 'cell', zh: '单元格', en: 'cell', whole: true },
];

/**
 * The cell a violation is about, as the spreadsheet shows it (docs/formats.md "Rosters"): a day's
 * rule at that agent's cell of that day (K7); an agent's rule (days off, hours, whole day off) at the
 * agent's name cell (A7); a day's coverage at the day's header cell (K3); a count column's rule at
 * the count. '' when the file has no such cell (a day missing from a long roster, a --previous day).
 */
function cellOf(f: RosterFile): (v: Violation) => string {
  const at = f.at;
  let longLine: Map<string, number> | undefined;
  const lineOf = (agent: string, key: string) => {
    if (!longLine) {
      longLine = new Map();
      for (const e of f.entries) if (!longLine.has(`${e.agent}\u0000${e.key}`)) longLine.set(`${e.agent}\u0000${e.key}`, e.line);
    }
    return longLine.get(`${agent}\u0000${key}`);
  };
  return (v) => {
    if (v.cell !== undefined) return v.cell;
    const line = v.agent ? at.agentLine.get(v.agent) : undefined;
    if (v.rule === 'days-off-column' && at.daysOffCol !== undefined && line !== undefined) return cellRef(at, at.daysOffCol, line);
    if (v.rule === 'leave-days-column' && at.leaveDaysCol !== undefined && line !== undefined) return cellRef(at, at.leaveDaysCol, line);
    if (v.agent && v.date) {
      if (f.layout === 'grid') {
        const col = at.keyCol.get(v.date);
        return col !== undefined && line !== undefined ? cellRef(at, col, line) : '';
      }
      const l = lineOf(v.agent, v.date);
      return l !== undefined && at.shiftCol !== undefined ? cellRef(at, at.shiftCol, l) : '';
    }
    if (v.agent) return line !== undefined ? cellRef(at, at.agentCol, line) : '';
    if (v.date && f.layout === 'grid') {
      const col = at.keyCol.get(v.date);
      return col !== undefined ? cellRef(at, col, at.headerLine) : '';
    }
    return '';
  };
}

/**
 * RULES §4: Tmall measures 08:00–23:00 (旺旺3分钟人工响应率, ruleId 20009524), the seed's shop opens at
 * 09:00: warn when no shift covers the morning. The metric is Tmall's: a shop the config places on
 * 抖店 or 拼多多 only (reviews.shopNames, the one place a roster run learns the platform) is not told of
 * 旺旺; RULES.md gives no response-time rule for those platforms, so the warning says the hour is
 * unanswered and to check that platform's own measure. With no platform known (no shopNames) it is
 * said generically, Tmall's metric as the one known. Until text45 every shop was told of 旺旺.
 */
function warnMorning(ctx: Ctx, p: RosterProblem) {
  const first = Math.min(...p.shifts.map((s) => s.start));
  if (first <= 8 * 60) return;
  // Shift times are Beijing wall clock (RULES §4) whatever the machine's zone: named, as every clock
  // time a note shows (docs/cli.md, roster; until 2026-12 "08:00–09:00" alone).
  const span0 = `08:00–${fmtClock(first)}`;
  const span = { zh: `北京时间 ${span0}`, en: `${span0} Beijing time` };
  const platforms = configuredPlatforms(ctx);
  if (platforms.has('taobao')) {
    ctx.warn(
      msg(
        `${span.zh} 计入天猫 "旺旺3分钟人工响应率" (ruleId 20009524, 统计 08:00–23:00, 要求 ≥ 90%), 但没有班次覆盖这段时间; 请安排人工接待或调整班次时间`,
        `${span.en} counts toward Tmall's 3-minute response rate (ruleId 20009524, measured 08:00–23:00, ≥ 90 % expected), but no shift covers it; have someone answer then`,
      ),
    );
  } else if (platforms.size > 0) {
    const zh = [...platforms].map((x) => PLATFORM_NAME[x].zh).join('、');
    const en = [...platforms].map((x) => PLATFORM_NAME[x].en).join(' and ');
    const office = [...platforms].map((x) => BACK_OFFICE[x]);
    ctx.warn(
      msg(
        `没有班次覆盖 ${span.zh}, 这段时间买家的咨询无人接待; ${zh}的客服响应考核统计哪些时段 storeops 没有依据 (已知的天猫规则从 08:00 起统计), 请在${office.map((o) => o.zh).join('、')}核对, 计入考核时请安排人工接待或调整班次时间`,
        `no shift covers ${span.en}, so buyers' messages then go unanswered; storeops has no source for which hours the response measures of ${en} count (Tmall's known rule counts from 08:00): check in ${office.map((o) => o.en).join(' and ')}, and have someone answer then if they count`,
      ),
    );
  } else {
    ctx.warn(
      msg(
        `没有班次覆盖 ${span.zh}: 天猫/淘宝店这段时间计入 "旺旺3分钟人工响应率" (ruleId 20009524, 统计 08:00–23:00, 要求 ≥ 90%), 其他平台的客服响应考核也可能包括它; 请安排人工接待或调整班次时间 (在配置 reviews.shopNames 写明店铺所在平台, 提示只说该平台的规则)`,
        `no shift covers ${span.en}: on Tmall/Taobao it counts toward the 3-minute response rate (旺旺3分钟人工响应率, ruleId 20009524, measured 08:00–23:00, ≥ 90 % expected), and other platforms' response measures may count it too; have someone answer then (name your shops' platforms in config reviews.shopNames and this says only that platform's rule)`,
      ),
    );
  }
}

function fail(ctx: Ctx, text: Msg, hint: Msg) {
  sayWhy(ctx, msg('无法排班', 'no roster possible'), text, hint);
  ctx.attention();
}

/**
 * `storeops: <head>: <text>` and its hint on stderr; on a terminal fitted to its width as errors and
 * warnings are (context.ts wrapWarning). The hint naming the --min that plans with the agents given
 * is some 500 characters: at 80 columns the terminal folded it mid-word, back at column 0.
 */
function sayWhy(ctx: Ctx, head: Msg, text: Msg, hint: Msg) {
  const lang = ctx.lang;
  const first = `storeops: ${say(head, lang)}: ${say(text, lang)}`;
  const second = `  ${lang === 'zh' ? '提示' : 'hint'}: ${say(hint, lang)}`;
  const cols = ctx.io.stderr.isTTY ? ctx.io.stderr.columns : undefined;
  ctx.io.stderr.write((cols ? [...wrapWarning(first, cols), ...wrapWarning(second, cols)] : [first, second]).join('\n') + '\n');
}

/**
 * The solver's time ran out before it found any roster: not proven impossible, so not said as
 * "no roster possible" (exit 1 all the same: nothing printed, something needs attention).
 */
/**
 * What the refused requests amount to. "The fewest possible" only when the solver proved the
 * requests level (o3) optimal: when the time limit stopped it there (or before it), the count is
 * what was found, not a minimum, and the proven lower bound and the remedy are said instead.
 */
export function refusedNote(refused: number, levels: readonly { level: string; bound: number; proven: boolean }[], timeLimit: number): Msg {
  const o3 = levels.find((l) => l.level === 'o3');
  const head = msg(`所有休息申请无法同时满足; ${refused} 个未批准`, `the day-off requests cannot all be granted with these rules; ${refused} ${refused === 1 ? 'was' : 'were'} refused`);
  if (o3?.proven === true) return msg(`${head.zh}, 已证明是满足工时与公平之后最少的`, `${head.en}, the fewest possible after hours and fairness`);
  const more = Math.max(120, timeLimit * 4);
  const least = o3 !== undefined && o3.bound > 0 ? msg(`至少要拒绝 ${o3.bound} 个; `, `at least ${o3.bound} must be; `) : msg('', '');
  return msg(
    `${head.zh} (${least.zh}${timeLimit} 秒内未能证明这是最少的, 可能可以少拒绝一些: 给更多时间, 例如 --time-limit ${more})`,
    `${head.en} (${least.en}not proven the fewest within ${timeLimit} s, so fewer may be possible: give it more time, e.g. --time-limit ${more})`,
  );
}

/**
 * Why some requests cannot be granted whatever the others do: an agent who asks for more days off
 * than the exactly `--days-off` every agent has (6 asked, 4 allowed: 2 refused at least).
 */
export function overAsked(
  p: Pick<RosterProblem, 'agents' | 'daysOff' | 'requests'> & Partial<Pick<RosterProblem, 'days' | 'limits' | 'shifts' | 'leave' | 'leaveUndated'>>,
  from: DaysOffSource = OPTION_DAYS_OFF,
): Msg[] {
  const asked = new Map<number, Set<number>>();
  for (const [a, d] of p.requests) asked.set(a, (asked.get(a) ?? new Set<number>()).add(d));
  const out: Msg[] = [];
  for (const [a, days] of [...asked].sort((x, y) => x[0] - y[0])) {
    const agent = p.agents[a]!;
    const lim = p.limits?.[a];
    if (lim && p.days && p.shifts) {
      // A limited agent (part-time: 每月最多班次 / 每月最多工时) has every day off but the shifts the limits
      // allow (problem.ts shiftsOfAgent), not --days-off: user22's weekend part-timer at most 12 shifts of 31
      // days, her 21 weekdays asked off, was told "at least 17 cannot be granted" where 21 − 19 = 2 is the least.
      const L = p.days.length;
      const leave = leaveCounts({ agents: p.agents, ...(p.leave ? { leave: p.leave } : {}), ...(p.leaveUndated ? { leaveUndated: p.leaveUndated } : {}) }, L)[a]!;
      const off = L - leave - shiftsOfAgent({ daysOff: p.daysOff, limits: p.limits!, shifts: p.shifts }, a, L, leave);
      if (days.size <= off) continue;
      out.push(
        msg(
          `${agent} 申请休息 ${days.size} 天, 多于按上限排班后的 ${off} 天休息 (每月最多班次/工时): 至少 ${days.size - off} 天无法批准`,
          `${agent} asked for ${days.size} days off, more than the ${off} the agent's limits leave off (max shifts / max hours): at least ${days.size - off} cannot be granted`,
        ),
      );
      continue;
    }
    if (days.size <= p.daysOff) continue;
    out.push(
      msg(
        `${agent} 申请休息 ${days.size} 天, 多于每人的 ${p.daysOff} 天 (${from.name.zh}, 必须正好这么多): 至少 ${days.size - p.daysOff} 天无法批准`,
        `${agent} asked for ${days.size} days off, more than the ${p.daysOff} every agent has (${from.name.en}, exactly): at least ${days.size - p.daysOff} cannot be granted`,
      ),
    );
  }
  return out;
}

function ranOut(ctx: Ctx, timeLimit: number, requests: boolean) {
  const more = Math.max(120, timeLimit * 4);
  const text = msg(`${timeLimit} 秒内没有找到排班 (并未证明无法排班, 只是时间不够)`, `no roster found within ${timeLimit} s (this does not mean none exists: the time ran out)`);
  const hint = msg(
    `给更多时间 (例如 --time-limit ${more}), 或放宽约束: ${requests ? '减少 --requests 里的请假, ' : ''}降低 --min / --demand, 或减少 --days-off。`,
    `give it more time (e.g. --time-limit ${more}), or loosen the constraints: ${requests ? 'fewer requested days off (--requests), ' : ''}lower --min / --demand, or fewer --days-off.`,
  );
  sayWhy(ctx, msg('时间用完', 'time ran out'), text, hint);
  ctx.attention();
}

/**
 * Smallest agent count ≥ from (up to from+6, and at most MAX_AGENTS) for which a roster exists,
 * or undefined. Counts past MAX_AGENTS are not tried: a trial roster for thousands of agents
 * (--min D=5000) exhausts memory long before the time limit stops it.
 */
async function agentsThatWork(p: RosterProblem, from: number, timeLimit: number): Promise<number | undefined> {
  const started = Date.now();
  const first = Math.max(from, p.agents.length + 1);
  if (!Number.isFinite(first) || first > MAX_AGENTS) return undefined;
  for (let n = first; n <= Math.min(first + 6, MAX_AGENTS); n++) {
    const left = timeLimit - (Date.now() - started) / 1000;
    if (left <= 0.5) return undefined;
    const r = await solveRoster(withMoreAgents(p, n), { requestsHard: false, drop: { requests: true }, timeLimit: left, feasibilityOnly: true });
    if (r.status === 'solved') return n;
  }
  return undefined;
}

/** shiftToLower, confirmed by the solver (the night-then-day rule is not counted): undefined when it finds none in the time. */
async function minThatWorks(p: RosterProblem, mins: ShiftMins, timeLimit: number): Promise<LowerMin | undefined> {
  const low = shiftToLower(p, mins);
  if (!low) return undefined;
  const r = await solveRoster({ ...p, needs: shiftNeeds(p.days, p.shifts, low.min) }, { requestsHard: false, drop: { requests: true }, timeLimit, feasibilityOnly: true });
  return r.status === 'solved' ? low : undefined;
}

/**
 * Too few agents for the same-every-day minimum: which setting asks for the extra agent (the
 * default, --min or config roster.min, with its value), the shift whose minimum one lower lets the
 * agents given plan the month (confirmed), the command that does it, and where to keep it. Until
 * 2026-12 the hint was "or lower --min / --demand, or --days-off": 3 named agents with the defaults
 * were told 4 are needed and left to find --min D=1,H=0,N=1 themselves (陈姐, desk50).
 */
function lowerMinHint(ctx: Ctx, opts: Record<string, unknown>, p: RosterProblem, min: NonNullable<NeedsResult['min']>, low: LowerMin, n: number, verified: boolean): Msg {
  const now = minText(p.shifts, min.mins);
  const next = minText(p.shifts, low.min);
  const A = p.agents.length;
  const where =
    min.from === 'option'
      ? msg(` --min ${now} `, `--min ${now}`)
      : min.from === 'config'
        ? msg(`配置文件 ${ctx.configPath ?? ''} 中的 roster.min (${now}) `, `roster.min (${now}) in config file ${ctx.configPath ?? ''}`)
        : msg(`默认最低人数 ${now} (每天每个班次至少 1 人) `, `the default minimum staff ${now} (at least one agent on every shift every day)`);
  const s = low.shift;
  const inside = low.inside ? msg(`, 在${low.inside.name.zh}时间之内, 不会有无人接待的时段`, `, inside the ${low.inside.name.en} shift's hours, so no hour is left unanswered`) : msg('', '');
  const words = ['storeops', 'roster', 'plan', ...(opts.template !== undefined ? ['--template'] : ['--month', String(opts.month)]), '--agents', String(opts.agents)];
  const cmd = [...words.map((w) => shellWord(w)), '--min', next].join(' ');
  const others = Object.keys(opts).some((k) => !['month', 'template', 'agents', 'min', 'timeLimit', 'format', 'output'].includes(k) && opts[k] !== undefined && opts[k] !== false)
    ? msg('加上您的其他选项; ', 'plus your other options; ')
    : msg('', '');
  const keep =
    min.from === 'option'
      ? msg('', '')
      : ctx.configPath
        ? msg(`; 想一直这样排, 在配置文件 ${ctx.configPath} 的 "roster" 中写 "min": "${next}"`, `; to keep it, write "min": "${next}" under "roster" in the config file ${ctx.configPath}`)
        : msg(`; 想一直这样排, 在配置文件 storeops.config.json (storeops init 生成) 的 "roster" 中写 "min": "${next}"`, `; to keep it, write "min": "${next}" under "roster" in storeops.config.json (storeops init makes one)`);
  const more = verified ? msg(`已验证 ${n} 人可以排出`, `a roster with ${n} was found`) : msg(`至少 ${n} 人`, `at least ${n}`);
  return msg(
    `第 ${A + 1} 名客服是${where.zh}要求的。只有 ${A} 人时, 让${s.name.zh} ${s.code} (${fmtSpan(s)}${inside.zh}) 有些天不排人: ${cmd} (${others.zh}已验证可以排出)${keep.zh}。或在 --agents 中增加客服 (${more.zh})。`,
    `the ${ordinal(A + 1)} agent is needed by ${where.en}. To plan with ${A}, let the ${s.name.en} shift ${s.code} (${fmtSpan(s)}${inside.en}) go unstaffed on some days: ${cmd} (${others.en}a roster with it was found)${keep.en}. Or add agents to --agents (${more.en}).`,
  );
}

function ordinal(n: number): string {
  const t = n % 100;
  return `${n}${t >= 11 && t <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

/**
 * Read the inputs with `rejects` open. When reading fails (exit 2/3) the rows already rejected
 * stay reported: the --rejects file is closed with them rather than left half-written.
 */
async function reading<T>(rejects: RejectLog, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (rejects.count > 0) await rejects.finish().catch(() => undefined);
    else await rejects.abort();
    throw e;
  }
}

/**
 * --days-off for a month (or a template): RULES §4, at least one whole day off, and days off are
 * days of the month, so at least one day must be left to work: 1 to the month's days − 1 (a
 * template: to 27, as it must fit February). With none left (--days-off equal to the month's
 * length, not only above it) the counting bound would ask for infinitely many agents. Each message
 * states that range: `--days-off 40` was told "0 to 31", a range that allows neither 0 nor 31 in
 * any month. `plan` checks it before any file is read; `check` too when --month or --template says
 * the month, else once the roster file has (daysOffInMonth).
 */
function daysOffIn(ctx: Ctx, opts: Record<string, unknown>, cal: Calendar): number {
  const { shortest, month } = monthOf(cal);
  return daysOffInMonth(daysOffFor(ctx, opts, { most: shortest - 1, month }), cal, daysOffSource(ctx, opts));
}

function monthOf(cal: Calendar): { shortest: number; month: Msg } {
  const shortest = cal.template ? 28 : cal.days.length;
  const month = cal.template
    ? msg(`通用模板也要适用于 ${shortest} 天的月份`, `a template must also fit a ${shortest}-day month`)
    : msg(`${cal.days[0]!.key.slice(0, 7)} 只有 ${shortest} 天`, `${cal.days[0]!.key.slice(0, 7)} has ${shortest} days`);
  return { shortest, month };
}

/** Where --days-off came from: the option (or its default), or the config's roster.daysOff (its file named). */
export type DaysOffSource = { name: Msg; fromConfig: boolean };
const OPTION_DAYS_OFF: DaysOffSource = { name: msg('--days-off', '--days-off'), fromConfig: false };

/** The value as given, for a note: "--days-off 4", or "配置文件 … 中的 roster.daysOff 为 4". */
function daysOffValue(from: DaysOffSource, n: number): Msg {
  return from.fromConfig ? msg(`${from.name.zh} 为 ${n}`, `${from.name.en} is ${n}`) : msg(`--days-off ${n}`, `--days-off ${n}`);
}

function daysOffSource(ctx: Ctx, opts: Record<string, unknown>): DaysOffSource {
  return { name: settingName(ctx, opts, 'daysOff', '--days-off'), fromConfig: opts.daysOff === undefined && rosterConfig(ctx).daysOff !== undefined };
}

/** `daysOff` if `cal` allows it (daysOffIn), else the usage error naming the month's range (and where the value came from). */
function daysOffInMonth(daysOff: number, cal: Calendar, from: DaysOffSource): number {
  const { shortest, month } = monthOf(cal);
  const range = from.fromConfig
    ? msg(`把配置文件中的 roster.daysOff 改为 1 到 ${shortest - 1} 之间的整数 (默认 4), 或在命令行用 --days-off 给出 (命令行优先)。`, `set roster.daysOff in the config file to a whole number from 1 to ${shortest - 1} (default 4), or give --days-off on the command line (it wins over the config).`)
    : msg(`用 --days-off 1 到 ${shortest - 1} 之间的整数 (默认 4)。`, `use --days-off from 1 to ${shortest - 1} (default 4).`);
  // "--days-off 0 …" for the option; "配置文件 … 中的 roster.daysOff 为 0, …" for the config.
  const said = from.fromConfig ? msg(`${from.name.zh} 为 ${daysOff},`, `${from.name.en} is ${daysOff}, which`) : msg(`--days-off ${daysOff}`, `--days-off ${daysOff}`);
  if (daysOff < 1) {
    throw new UsageError(msg(`${said.zh} 与 "每人至少一整天休息" 冲突 (${doc('docs/rules.md')} §4)`, `${said.en} contradicts "at least one whole day off" (${doc('docs/rules.md')} §4)`), range);
  }
  if (daysOff >= shortest) {
    throw new UsageError(
      msg(`${said.zh} 使客服没有一天上班: ${month.zh}, 而休息日是当月的日子 (${doc('docs/rules.md')} §4)`, `${said.en} leaves no day to work: ${month.en}, and days off are days of the month (${doc('docs/rules.md')} §4)`),
      range,
    );
  }
  return daysOff;
}

export async function runPlan(ctx: Ctx, _args: string[], opts: Record<string, unknown>): Promise<void> {
  const notifier = notifySetup(ctx, opts);
  const cfg = rosterConfig(ctx);
  const shifts = shiftsFor(ctx);
  const cal = calendarFor(opts);
  const format = resolveFormat(ctx, ['ics']);
  if (format === 'ics' && cal.template) {
    throw new UsageError(msg('通用模板没有日期, 不能输出日历', 'a template has no dates, so it cannot be a calendar'), msg('用 --month 排具体月份再导出 ics。', 'plan a real month with --month to export ics.'));
  }
  // Option values are checked before any file is read or any warning given: a bad one is exit 2
  // (docs/cli.md), not a roster that cannot be made (exit 1).
  const daysOff = daysOffIn(ctx, opts, cal);
  const timeLimit = parseNumber(pick(opts.timeLimit, undefined, cfg.timeLimit, DEFAULTS.timeLimit), settingName(ctx, opts, 'timeLimit', '--time-limit'), 1, 86_400, false);
  const rejects = new RejectLog(ctx);
  const { agents, limits, needs, requests, leave, prev } = await reading(rejects, async () => {
    const { agents, limits } = await agentListFor(ctx, opts.agents, rejects, shifts);
    const needs = await needsFor(ctx, opts, cal, shifts, rejects, 'plan');
    const { requests, leave } = await requestsFor(ctx, opts.requests, cal, agents, rejects, 'plan');
    const prev = await previousFor(ctx, opts.previous, cal, agents, shifts, rejects, 'plan');
    return { agents, limits, needs, requests, leave, prev };
  });
  await rejects.finish();
  // Spare staff go where the chats are: --volume, else the default (editable) profile.
  const traffic: Traffic = needs.traffic ?? profileTraffic(ctx, cal);
  const spareCost = spareCosts(shifts, traffic);
  const p: RosterProblem = { days: cal.days, agents, shifts, daysOff, needs: needs.needs, requests, ...(leave.length ? { leave } : {}), ...(limits ? { limits } : {}), previous: prev.previous, spareCost, template: cal.template };

  warnMorning(ctx, p);
  // Approved leave: a hard fact. A day that its leave leaves short of --min is no roster (named, with
  // who is on leave); the days off every agent still gets are said, and when they no longer fit.
  const short = leaveShortDays(p);
  if (short.length) return failLeave(ctx, p, short);
  noteLeave(ctx, p, daysOffSource(ctx, opts));
  // Limited agents (可上班次, 每月最多班次/工时): a day and shift that only others may take, named.
  const limitFail = limitShort(p);
  if (limitFail.length) {
    const shown = limitFail.slice(0, 5);
    const more = limitFail.length > 5 ? msg(`; 另有 ${limitFail.length - 5} 处`, `; ${limitFail.length - 5} more`) : msg('', '');
    return fail(
      ctx,
      msg(`客服的可上班次不够: ${shown.map((x) => x.zh).join('; ')}${more.zh}`, `the agents' allowed shifts fall short: ${shown.map((x) => x.en).join('; ')}${more.en}`),
      msg('可上班次是硬性限制, 不会改动: 增加可上该班次的客服 (--agents), 放宽其可上班次, 或降低当天该班次的最低人数 (--min / --demand)。', 'allowed shifts are hard limits and never overridden: add agents who may work that shift (--agents), widen their allowed shifts, or lower that shift\'s minimum (--min / --demand).'),
    );
  }
  noteLimits(ctx, p);
  const uncoveredHours = new Map<number, { agents: number; days: number }>();
  for (const u of needs.uncovered) {
    const o = uncoveredHours.get(u.hour) ?? { agents: 0, days: 0 };
    uncoveredHours.set(u.hour, { agents: Math.max(o.agents, u.agents), days: o.days + 1 });
  }
  for (const [hour, u] of uncoveredHours) {
    ctx.warn(msg(`${u.days} 天的北京时间 ${fmtClock(hour * 60)} 起的一小时需要最多 ${u.agents} 人, 但没有班次覆盖`, `${fmtClock(hour * 60)} Beijing time: up to ${plural(u.agents, 'agent')} needed on ${plural(u.days, 'day')} but no shift covers that hour`));
  }

  // Not enough agents, by counting (exact, and the usual reason).
  const bound = countingBound(p);
  if (bound.agentsNeeded > agents.length) {
    const works = await agentsThatWork(p, bound.agentsNeeded, Math.min(timeLimit, 20));
    const n = works ?? bound.agentsNeeded;
    const text = msg(`${agents.length} 名客服不够: ${bound.reason!.zh}`, `${plural(agents.length, 'agent')} ${agents.length === 1 ? 'is' : 'are'} not enough: ${bound.reason!.en}`);
    const lower = needs.min ? await minThatWorks(p, needs.min.mins, Math.min(timeLimit, 20)) : undefined;
    if (lower) return fail(ctx, text, lowerMinHint(ctx, opts, p, needs.min!, lower, n, works !== undefined));
    return fail(
      ctx,
      text,
      works !== undefined
        ? msg(`至少需要 ${n} 名客服 (已验证 ${n} 人可以排出); 或降低 --min / --demand, 或减少 --days-off。`, `at least ${plural(n, 'agent')} ${n === 1 ? 'is' : 'are'} needed (a roster with ${n} was found); or lower --min / --demand, or --days-off.`)
        : msg(`至少需要 ${n} 名客服; 或降低 --min / --demand, 或减少 --days-off。`, `at least ${n} agents are needed; or lower --min / --demand, or --days-off.`),
    );
  }

  // Elapsed against --time-limit and the solver's current gap, on a terminal only (src/cli/progress.ts).
  const solving = solverProgress(ctx, timeLimit);
  const progress = (s: SolveProgress) => solving.update({ gap: s.gap });
  // Benchmarks compare against the full model alone (scripts/bench-roster.mjs).
  const modelOnly = ctx.io.env.STOREOPS_ROSTER_MODEL_ONLY === '1';
  const levels: Level[] = ['o1', 'o2', ...(prev.previous ? (['o4'] as const) : []), 'o5', 'o6'];
  let result: SolveResult = await solveInWorker(p, { requestsHard: true, timeLimit, levels, modelOnly }, progress).finally(() => solving.done());
  let softRequests = false;
  if (result.status === 'infeasible' && requests.length) {
    // Requested days off are hard while they can be; when they cannot all be granted they become
    // the third objective (as SPEC ranks them) and the roster says which were refused.
    const relaxed = await solveInWorker(p, { requestsHard: false, timeLimit, levels: ['o1', 'o2', 'o3', ...(prev.previous ? (['o4'] as const) : []), 'o5', 'o6'], modelOnly }, progress);
    if (relaxed.status === 'solved') {
      result = relaxed;
      softRequests = true;
    } else if (relaxed.status === 'timeout') {
      // Not proven impossible with the requests soft: the time ran out, not the rules.
      result = relaxed;
    }
  }
  if (result.status === 'infeasible') {
    // Which rule? Try without the night-then-day rule, then with more agents.
    const noND = await solveRoster(p, { requestsHard: false, drop: { nightThenDay: true, requests: true }, timeLimit: Math.min(timeLimit, 20), feasibilityOnly: true });
    const n = await agentsThatWork(p, agents.length + 1, Math.min(timeLimit, 20));
    const base = n !== undefined ? msg(`增加到 ${n} 名客服可以排出 (已验证)。`, `with ${plural(n, 'agent')} a roster exists (verified).`) : msg('增加客服, 或降低 --min / --demand。', 'add agents, or lower --min / --demand.');
    // With leave, the leave is part of why (it is never overridden): say so, and that moving one is a fix.
    const days = p.leave?.length ?? 0;
    const limited = anyLimit(p) ? msg('已计入客服的可上班次和每月上限 (不会改动); 放宽某人的限制也可能可以。', "The agents' allowed shifts and monthly limits are counted (never overridden); loosening one may also do.") : undefined;
    const fix0 = days ? msg(`${base.zh}已计入请假 ${days} 天 (不会改动); 也可以调整请假日期 (--requests)。`, `${base.en} The ${plural(days, 'day')} of leave ${days === 1 ? 'is' : 'are'} counted (never overridden); moving a leave (--requests) may also do.`) : base;
    const fix = limited ? msg(`${fix0.zh}${limited.zh}`, `${fix0.en} ${limited.en}`) : fix0;
    if (noND.status === 'solved') {
      return fail(ctx, msg('"晚班后第二天不上白班" 使最低人数无法满足', 'the rule "no day shift after a night shift" makes the minimum staff impossible'), fix);
    }
    return fail(ctx, msg('最低人数、每月休息天数与班次规则无法同时满足', 'minimum staff, days off and shift rules cannot all be met'), fix);
  }
  if (result.status === 'timeout') {
    return ranOut(ctx, timeLimit, requests.length > 0);
  }

  // Never print a roster that breaks a hard rule: check it independently first.
  const violations = checkRoster(p, gridCells(result.grid)).filter((v) => !(softRequests && v.rule === 'request'));
  if (violations.length) {
    throw new Error(`solver roster failed the independent check: ${violations.map((v) => `${v.agent} ${v.date} ${v.rule}`).join('; ')}`);
  }
  summarize(ctx, p, result.grid, result, needs.label);
  const service = dailyService(p.days, p.shifts, result.grid, traffic, needs.service);
  reportTraffic(ctx, p, traffic, service);
  if (p.previous) {
    const n = changedDays(p, result.grid);
    ctx.info(noteLine(msg(`与 --previous 相比有 ${n} 个人·天不同 (按日号比较, 共 ${p.agents.length * p.days.length} 个)`, `${n === 1 ? '1 agent-day differs' : `${n} agent-days differ`} from --previous (same day of month; ${p.agents.length * p.days.length} in all)`)));
  }
  if (softRequests) {
    const refused = checkRoster(p, gridCells(result.grid)).filter((v) => v.rule === 'request');
    for (const v of refused) ctx.warn(msg(`${v.agent} ${v.date}: 申请的休息无法批准 (${v.detail.zh})`, `${v.agent} ${v.date}: requested day off could not be granted (${v.detail.en})`));
    for (const n of overAsked(p, daysOffSource(ctx, opts))) ctx.warn(n);
    ctx.warn(refusedNote(refused.length, result.levels, timeLimit));
    ctx.attention();
  }
  await writePlan(ctx, p, result.grid, format, Boolean(opts.long), needs.label, service);
  checkLater(ctx, opts, format, anyLimit(p));
  const solved = result;
  // With leave or part-time agents the plan compares hours pro rata (summarize): the group is told
  // that spread and the one as rostered, and each agent's leave days beside the days off (user28:
  // it said "工时差 15 小时" and nothing of 小王's 2 days of 年假, the run itself 1 h).
  const dayOf = (d: number) => Number(p.days[d]!.key.slice(-2));
  const asRostered = totals(p, solved.grid).map((t) => t.hours);
  const spread =
    p.leave?.length || anyLimit(p)
      ? { hours: hourSpread(p, solved.grid).hours, asRostered: Math.max(...asRostered) - Math.min(...asRostered), why: p.leave?.length ? ('leave' as const) : ('limits' as const) }
      : undefined;
  await notifier?.send((lang) =>
    rosterNotice(
      totals(p, solved.grid).map((t, a) => {
        const { leave: _leave, ...counts } = t as typeof t & { leave?: number };
        const leaveDays = (p.leave ?? []).filter(([la]) => la === a).map(([, ld]) => ld).sort((x, y) => x - y).map(dayOf);
        return {
          ...counts,
          // days of the month (the template's day numbers): "休息 4 天 (5日、10日、19日、25日)"
          offDays: solved.grid[a]!.flatMap((c, d) => (c === OFF && !(p.leave ?? []).some(([la, ld]) => la === a && ld === d) ? [dayOf(d)] : [])),
          ...(leaveDays.length ? { leaveDays } : {}),
        };
      }),
      { lang, what: p.template ? 'template' : p.days[0]!.key.slice(0, 7), grid: solved.grid.map((row) => row.join('')), proven: solved.proven, ...(spread ? { spread } : {}) }),
  );
}

/**
 * Days that approved leave leaves short of staff: no roster, exit 1, naming each day (up to 5),
 * what it needs, who is on leave and what to do. Not a silent gap, nor the general "cannot all be
 * met" of the solver.
 */
function failLeave(ctx: Ctx, p: RosterProblem, short: LeaveShort[]) {
  const shown = short.slice(0, 5);
  const more = short.length - shown.length;
  const zh = shown.map((s) => `${p.days[s.day]!.key} 需要 ${s.need} 人同时上班 (${s.what}), ${p.agents.length} 名客服中 ${s.onLeave.length} 人请假 (${s.onLeave.join('、')}), 只有 ${p.agents.length - s.onLeave.length} 人可上班`).join('; ');
  const en = shown
    .map((s) => `${p.days[s.day]!.key} needs ${plural(s.need, 'agent')} at work (${s.what}), ${s.onLeave.length} of the ${p.agents.length} are on leave (${s.onLeave.join(', ')}), so only ${p.agents.length - s.onLeave.length} can work`)
    .join('; ');
  const moreZh = more ? `; 另有 ${more} 天同样不够` : '';
  const moreEn = more ? `; ${plural(more, 'more day')} likewise` : '';
  return fail(
    ctx,
    msg(`请假后人手不够: ${zh}${moreZh}`, `not enough agents left by the leave: ${en}${moreEn}`),
    msg(
      '请假是已批准的事实, 不会被改动: 增加客服 (--agents), 调整请假日期 (--requests), 或降低这一天的最低人数 (--min, 或在 --demand 文件里只为这一天写较低的人数)。',
      'leave is approved and is never overridden: add agents (--agents), move a leave (--requests), or lower the staff needed that day (--min, or a --demand row for that day alone).',
    ),
  );
}

/** What the leave does to the month: said once, on stderr. */
function noteLeave(ctx: Ctx, p: RosterProblem, from: DaysOffSource) {
  if (!p.leave?.length) return;
  const L = p.days.length;
  const leave = leaveCounts(p);
  const parts: Msg[] = [];
  p.agents.forEach((agent, a) => {
    const n = leave[a]!;
    if (!n) return;
    const off = daysOffOf(p, L, n);
    const work = workDaysOf(p, L, n);
    if (off < p.daysOff) {
      const given = daysOffValue(from, p.daysOff);
      ctx.warn(
        msg(
          `${agent} 请假 ${n} 天, 本月只剩 ${L - n} 天: 排不下 ${p.daysOff} 天休息, 这 ${L - n} 天都是休息, 不排班 (${given.zh})`,
          `${agent} is on leave ${plural(n, 'day')}, leaving ${L - n} of the month's ${L}: ${plural(p.daysOff, 'day')} off do not fit, so ${L - n === 1 ? 'that day is a day' : `those ${L - n} days are days`} off and no shift is planned (${given.en})`,
        ),
      );
      return;
    }
    parts.push(msg(`${agent} 请假 ${n} 天, 上班 ${work} 天, 另休息 ${off} 天`, `${agent} ${plural(n, 'day')} of leave, works ${work}, ${off} days off besides`));
  });
  if (parts.length) {
    ctx.info(
      noteLine(msg(
        `请假 (不计入每月休息天数; 工时、晚班和周末班按上班天数折算比较): ${parts.map((x) => x.zh).join('; ')}`,
        `leave (not counted in the days off; hours, nights and weekend days compared pro rata by days worked): ${parts.map((x) => x.en).join('; ')}`,
      )),
    );
  }
}

/** What the limits make of each limited agent's month: said once, on stderr. */
function noteLimits(ctx: Ctx, p: RosterProblem) {
  if (!anyLimit(p)) return;
  const L = p.days.length;
  const leave = leaveCounts(p);
  const parts: Msg[] = [];
  p.agents.forEach((agent, a) => {
    const lim = p.limits?.[a];
    if (!lim) return;
    const work = shiftsOfAgent(p, a, L, leave[a]!);
    const off = L - leave[a]! - work;
    const only = lim.shifts ? msg(`只上${lim.shifts.map((c) => codeName(p.shifts, c).zh).join('、')}, `, `only ${lim.shifts.map((c) => codeName(p.shifts, c).en).join('/')}, `) : msg('', '');
    const caps = msg(
      [lim.maxShifts !== undefined ? `每月最多 ${lim.maxShifts} 班` : '', lim.maxMinutes !== undefined ? `最多 ${fmtHours(lim.maxMinutes / 60)} 小时` : ''].filter(Boolean).join('、'),
      [lim.maxShifts !== undefined ? `at most ${plural(lim.maxShifts, 'shift')}` : '', lim.maxMinutes !== undefined ? `at most ${fmtHours(lim.maxMinutes / 60)} h` : ''].filter(Boolean).join(', '),
    );
    parts.push(msg(`${agent} ${only.zh}${caps.zh ? `${caps.zh}, ` : ''}上班 ${work} 天, 休息 ${off} 天`, `${agent} ${only.en}${caps.en ? `${caps.en}, ` : ''}works ${work} days, ${off} off`));
  });
  ctx.info(
    noteLine(msg(
      `兼职/限定班次的客服 (硬性限制; 工时、晚班和周末班按上班天数折算比较; 不能同时上最长和最短班次的不比较工时, 不上晚班或只上晚班的不比较晚班): ${parts.map((x) => x.zh).join('; ')}`,
      `limited agents (hard limits; hours, nights and weekend days compared pro rata by days worked; hours not compared for one who may not work both the longest and the shortest shift, nights not for one who works none or only nights): ${parts.map((x) => x.en).join('; ')}`,
    )),
  );
}

/**
 * Progress of the solve for the terminal. src/cli/progress.ts (issue 17) draws it; until that
 * module is wired in, the reports are dropped.
 */
function pct(x: number | undefined): string {
  return x === undefined ? '–' : `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;
}

/** Where the spare agents went and the service level each day can expect. */
function reportTraffic(ctx: Ctx, p: RosterProblem, traffic: Traffic, service: (number | undefined)[]) {
  const known = service.map((v, d) => [v, d] as const).filter(([v]) => v !== undefined) as [number, number][];
  if (!known.length) return;
  const worst = known.reduce((a, b) => (b[0] < a[0] ? b : a));
  ctx.info(
    noteLine(msg(
      `多余人手按客流安排 (${traffic.source.zh}); 预计 3 分钟内接待率: 最低 ${pct(worst[0])} (${p.days[worst[1]]!.key}), 每天的数值见 "服务水平" 行`,
      `spare agents placed by traffic (${traffic.source.en}); expected share answered in time: lowest ${pct(worst[0])} (${p.days[worst[1]]!.key}), per day in the "service level" row`,
    )),
  );
}

/**
 * docs/rules.md §4 "weekend days and requests" (user24): why the weekend-days spread is not 0 when
 * requests made it so. Requested days off are granted whenever they can all be (SPEC; objective 3
 * only when they cannot), and the weekend days worked are evened out around them (objective 2): an
 * agent granted 4 weekend days off works 6 of the 10, the others as few as the weekend's staffing
 * allows. The summary gave the spread alone ("周末上班差 2"), and a lead could not tell the plan's
 * choice from an unfair one. Said when the agents with the fewest weekend days worked (pro rata, as
 * compared) hold granted weekend requests: who, how many weekend days they work, how many of their
 * weekend requests were granted. Undefined otherwise (no requests, spread 0, a template).
 */
export function weekendRequestsNote(p: RosterProblem, g: Grid, weekendDays: number[]): Msg | undefined {
  if (p.template || !p.requests.length) return undefined;
  const leave = leaveCounts(p);
  const cmp = weekendDays.map((x, a) => (scaledAgent(p, a, leave[a]!) ? comparableOf(p, a, p.days.length, leave[a]!, x) : x));
  const known = cmp.filter((x): x is number => x !== undefined);
  if (known.length < 2) return undefined;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  if (hi - lo < 1e-9) return undefined;
  const granted = new Map<number, number>();
  for (const [a, d] of p.requests) if (p.days[d]?.weekend && g[a]?.[d] === OFF) granted.set(a, (granted.get(a) ?? 0) + 1);
  const low = cmp.map((x, a) => [x, a] as const).filter(([x, a]) => x !== undefined && Math.abs(x - lo) < 1e-9 && (granted.get(a) ?? 0) > 0).map(([, a]) => a);
  if (!low.length) return undefined;
  const zh = low.map((a) => `${p.agents[a]} (周末上班 ${weekendDays[a]} 天, 批准了 ${granted.get(a)} 天周末休息申请)`).join('、');
  const en = low.map((a) => `${p.agents[a]} (${plural(weekendDays[a]!, 'weekend day')} worked, ${plural(granted.get(a)!, 'requested weekend day')} off granted)`).join(', ');
  return msg(
    `周末上班不均与休息申请有关: 周末上班最少的是 ${zh}。能全部批准的休息申请一定批准, 其他客服的周末班在此基础上尽量拉平 (受周末所需人数限制); 想让周末更平均, 请与申请人商量改期, 或减少同一周末的申请`,
    `uneven weekends and requested days off: the fewest weekend days are worked by ${en}. Requests that can all be granted always are, and the others' weekend days are evened out around them as far as the weekend's staffing allows; for even weekends, agree other dates with those who asked, or fewer requests for the same weekend`,
  );
}

function summarize(ctx: Ctx, p: RosterProblem, g: Grid, r: Extract<SolveResult, { status: 'solved' }>, needLabel: Msg) {
  const t = totals(p, g);
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  // A template's spread is the widest over the month lengths it serves (what the solver's first
  // level minimises), named with that length when it is not the grid's own (its hours column).
  const worst = hourSpread(p, g);
  const hs = fmtHours(worst.hours);
  const shown = fmtHours(spread(t.map((x) => x.hours)));
  const widest =
    worst.days === p.days.length
      ? msg('', '')
      : msg(` (${worst.days} 天的月份差距最大; 表中 ${p.days.length} 天为 ${shown} 小时)`, ` (widest in a ${worst.days}-day month; ${shown} h over the ${p.days.length} days shown)`);
  const proRata = p.leave?.length
    ? msg(` (请假的客服按上班天数折算为整月工时; 表中实际工时相差 ${shown} 小时)`, ` (agents on leave pro rata, scaled to a full month by the days they work; ${shown} h apart as rostered)`)
    : anyLimit(p)
      ? msg(` (兼职客服按上班天数折算为整月工时; 表中实际工时相差 ${shown} 小时)`, ` (part-time agents pro rata, scaled to a full month by the days they work; ${shown} h apart as rostered)`)
      : msg('', '');
  const which = msg(widest.zh + proRata.zh, widest.en + proRata.en);
  const what = p.template ? msg('通用模板 (28–31 天均适用)', 'template (valid for 28–31-day months)') : msg(p.days[0]!.key.slice(0, 7), p.days[0]!.key.slice(0, 7));
  // Nights and weekend days of agents on leave pro rata, as the solver compares them (× W / W_a,
  // to the tenth); one who works no day left out.
  const fair = (xs: number[], night = false): string => {
    if (!p.leave?.length && !anyLimit(p)) return String(spread(xs));
    const leave = leaveCounts(p);
    const ys = xs.flatMap((x, a) => (night && !nightsCompared(p, a) ? [] : scaledAgent(p, a, leave[a]!) ? (comparableOf(p, a, p.days.length, leave[a]!, x) ?? []) : x));
    return String(Math.round(spread(ys) * 10) / 10);
  };
  const head = msg(
    `排班 ${what.zh}: ${p.agents.length} 名客服, 最低人数 ${namedNeeds(p.shifts, needLabel.zh, 'zh')}, 每人休息 ${p.daysOff} 天; 工时差 ${hs} 小时${which.zh}, 晚班差 ${fair(t.map((x) => x.nights), true)}, 周末上班差 ${fair(t.map((x) => x.weekendDays))}`,
    `roster ${what.en}: ${plural(p.agents.length, 'agent')}, staff ${needLabel.en}, ${plural(p.daysOff, 'day')} off each; hour spread ${hs} h${which.en}, nights spread ${fair(t.map((x) => x.nights), true)}, weekend-days spread ${fair(t.map((x) => x.weekendDays))}`,
  );
  ctx.info(head);
  const why = weekendRequestsNote(p, g, t.map((x) => x.weekendDays));
  if (why) ctx.info(noteLine(why));
  const names: Record<string, Msg> = {
    o1: msg('工时差', 'hour spread'),
    o2: msg('晚班+周末差', 'nights+weekend spread'),
    o3: msg('未批准的休息申请', 'requests refused'),
    o4: msg('与上月不同的天数', 'days changed from --previous'),
    o5: msg('多余人手按每天客流的代价', 'spare staff by daily traffic (cost)'),
    o6: msg('多余人手按班次客流的代价', 'spare staff by shift traffic (cost)'),
  };
  if (p.leave?.length || anyLimit(p)) {
    // Pro rata and rounded up (objectives.ts measure): say so, beside the exact figures above.
    const g = fmtHours(r.spreadUnit / 60);
    names.o1 = msg(`工时差 (按上班天数折算, 以 ${g} 小时为单位向上取整)`, `hour spread (pro rata, rounded up to ${g} h)`);
    names.o2 = msg('晚班+周末差 (按上班天数折算, 向上取整)', 'nights+weekend spread (pro rata, rounded up)');
  }
  const unit = (l: string, v: number, lang: 'zh' | 'en') => (l === 'o1' ? `${fmtHours((v * r.spreadUnit) / 60)}${lang === 'zh' ? ' 小时' : ' h'}` : String(v));
  const part = (l: (typeof r.levels)[number], lang: 'zh' | 'en') =>
    `${names[l.level]![lang]} ${unit(l.level, l.value, lang)}${l.proven ? '' : lang === 'zh' ? ` (下界 ${unit(l.level, l.bound, lang)}, 差距 ${unit(l.level, l.value - l.bound, lang)})` : ` (bound ${unit(l.level, l.bound, lang)}, gap ${unit(l.level, l.value - l.bound, lang)})`}`;
  const route = r.route === 'layout' ? msg('聚合下界 + 排布', 'aggregate bounds + layout') : msg('完整模型', 'full model');
  const parts = (lang: 'zh' | 'en') => r.levels.map((l) => part(l, lang)).join(', ');
  if (r.proven) {
    ctx.info(msg(`已证明最优 (${r.seconds.toFixed(1)} 秒, ${route.zh}; 依次优化: ${parts('zh')})`, `proven optimal in ${r.seconds.toFixed(1)} s (${route.en}; lexicographic: ${parts('en')})`));
  } else {
    ctx.info(
      msg(
        `未能全部证明最优 (${r.seconds.toFixed(1)} 秒, ${route.zh}): ${parts('zh')}; 排班满足所有硬性规则`,
        `not proven optimal on every level (${r.seconds.toFixed(1)} s, ${route.en}): ${parts('en')}; the roster meets every hard rule`,
      ),
    );
  }
}

async function writePlan(ctx: Ctx, p: RosterProblem, g: Grid, format: string, long: boolean, needLabel: Msg, service?: (number | undefined)[]): Promise<void> {
  if (format === 'ics') return writeIcs(ctx, p, g);
  // xlsx: the wall calendar (one landscape A4 page); --long stays a table of rows.
  if (format === 'xlsx' && !long) return writeSheet(wallCalendar(p, g, { lang: ctx.lang, needLabel: ctx.lang === 'zh' ? needLabel.zh : needLabel.en }), () => openSink(ctx, 'utf8'));
  const table = format === 'table';
  // zh output shows the shift labels (白/半/晚/休); JSON keeps the codes.
  const zhCells = ctx.lang === 'zh' && format !== 'json' && format !== 'ndjson';
  if (long) {
    // Shift times are Beijing wall clock (RULES §4, like the ics calendars), whatever --tz says
    // about the platform's timestamps: in another zone a 09:00 shift would be written at that
    // zone's 09:00, and on a daylight-saving day shifted by an hour.
    await writeRows({ ...ctx, tz: PLATFORM_TZ }, longColumns(p.template), longRows(p, g, PLATFORM_TZ, zhCells));
  } else {
    await writeRows(ctx, gridColumns(p, table), gridRows(p, g, zhCells, ctx.lang, service));
  }
}

/**
 * ics: one VCALENDAR per agent. With -o naming a folder (an existing directory, or a path
 * ending in /) each agent gets <folder>/<agent>.ics; otherwise the calendars follow one another
 * in one stream (RFC 5545 allows several iCalendar objects in a stream).
 */
async function writeIcs(ctx: Ctx, p: RosterProblem, g: Grid): Promise<void> {
  const out = ctx.output;
  const isDir = out !== undefined && out !== '-' && (/[/\\]$/.test(out) || (fs.existsSync(out) && fs.statSync(out).isDirectory()));
  if (isDir) {
    try {
      makeFolders(out!);
    } catch (e) {
      throw new OutputError(msg(`无法创建文件夹 ${out}: ${fileProblem(e).zh}`, `cannot create folder ${out}: ${fileProblem(e).en}`), msg('检查路径和权限。', 'check the path and permissions.'));
    }
    const used = new Set<string>();
    const files = p.agents.map((agent, a) => {
      let base = agent.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_') || `agent${a + 1}`;
      while (used.has(base.toLowerCase())) base += '_';
      used.add(base.toLowerCase());
      return path.join(out!, `${base}.ics`);
    });
    // Every calendar is checked writable (not read-only, a file not a folder, the folder writable)
    // before any is replaced: a write-protected 小张.ics stopped the run after 小王.ics and 小李.ics had
    // been replaced, leaving the folder half this roster and half the old one.
    for (const f of files) await fileSink(f, 'utf8').abort();
    for (let a = 0; a < p.agents.length; a++) {
      const sink = fileSink(files[a]!, 'utf8');
      try {
        await sink.write(agentCalendar(p, g, a, ctx.lang, ctx.asOf));
        await sink.end();
      } catch (e) {
        await sink.abort();
        throw e;
      }
    }
    ctx.info(noteLine(msg(`已写入 ${p.agents.length} 个日历到 ${out}`, `wrote ${plural(p.agents.length, 'calendar')} to ${out}`)));
    return;
  }
  const sink = openSink(ctx, 'utf8');
  try {
    for (let a = 0; a < p.agents.length; a++) await sink.write(agentCalendar(p, g, a, ctx.lang, ctx.asOf));
    await sink.end();
  } catch (e) {
    await sink.abort();
    throw e;
  }
}

/**
 * RULES §4 "monthly working hours are close across agents" (check.ts checkHoursSpread): the most
 * two agents' monthly paid hours may differ, in minutes. --max-hours-spread (hours) > config
 * roster.maxHoursSpread > the longest shift's paid time (one working day; 8.5 h for the seed's).
 */
function maxHoursSpreadFor(ctx: Ctx, opts: Record<string, unknown>, shifts: readonly { paid: number }[]): number {
  const def = Math.max(...shifts.map((s) => s.paid)) / 60;
  const h = parseNumber(pick(opts.maxHoursSpread, undefined, rosterConfig(ctx).maxHoursSpread, def), settingName(ctx, opts, 'maxHoursSpread', '--max-hours-spread'), 0, 744, false);
  return Math.round(h * 60);
}

export async function runCheck(ctx: Ctx, args: string[], opts: Record<string, unknown>): Promise<void> {
  const file = args[0]!;
  const shifts = shiftsFor(ctx);
  const hinted = opts.month !== undefined ? calendarFor(opts) : undefined;
  // --days-off as in plan (1 to the month's days − 1, RULES §4): checked before the file is read when
  // --month or --template says the month, else once the file's dates have (it said "0 to 31", and
  // took 0, a count every agent then broke, and 31, which no agent can have in February).
  const known = hinted ?? (opts.template ? calendarFor(opts) : undefined);
  const daysOff = known ? daysOffIn(ctx, opts, known) : daysOffFor(ctx, opts, { most: undefined, month: msg('当月天数 − 1, 2 月为 27, 31 天的月份为 30', "the month's days − 1: 27 in February, 30 in a 31-day month") });
  const maxSpread = maxHoursSpreadFor(ctx, opts, shifts);
  const rejects = new RejectLog(ctx);
  const { f, cal, agents, needs, requests, leave, prev, limits } = await reading(rejects, async () => {
    const f = await readRoster(ctx, file, shifts, hinted?.month, rejects);
    let cal = known;
    if (!cal) {
      const full = f.keys.filter((k) => /^\d{4}-\d{2}-\d{2}$/.test(k));
      const months = [...new Set(full.map((k) => k.slice(0, 7)))];
      if (full.length === 0 || full.length !== f.keys.length) {
        throw new InputError(
          msg(`${f.name}: 日期只有日号, 不知道是哪个月`, `${f.name}: the dates are day numbers, so the month is unknown`),
          msg('加 --month YYYY-MM, 或 --template 检查通用模板。', 'add --month YYYY-MM, or --template to check a reusable template.'),
        );
      }
      if (months.length > 1) {
        throw new InputError(msg(`${f.name}: 包含多个月份 (${months.join(', ')})`, `${f.name}: holds more than one month (${months.join(', ')})`), msg('每次检查一个月; 用 --month 指定。', 'check one month at a time; name it with --month.'));
      }
      const [y, mo] = months[0]!.split('-').map(Number) as [number, number];
      cal = { template: false, month: { y, mo }, days: monthDays(y, mo) };
      daysOffInMonth(daysOff, cal, daysOffSource(ctx, opts));
    }
    const outside = f.keys.filter((k) => !cal!.days.some((d) => d.key === k));
    if (outside.length) {
      throw new InputError(
        msg(`${f.name}: 日期 ${outside.slice(0, 3).join(', ')} 不在所查月份内`, `${f.name}: dates ${outside.slice(0, 3).join(', ')} are not in the month checked`),
        msg('用 --month 指定正确的月份。', 'name the right month with --month.'),
      );
    }
    const agents = f.agents;
    const needs = await needsFor(ctx, opts, cal, shifts, rejects, 'check');
    const { requests, leave } = await requestsFor(ctx, opts.requests, cal, agents, rejects, 'check');
    const prev = await previousFor(ctx, opts.previous, cal, agents, shifts, rejects, 'check');
    const limits = opts.agents === undefined ? undefined : await limitsFor(ctx, opts.agents, agents, shifts, rejects);
    return { f, cal: cal!, agents, needs, requests, leave, prev, limits };
  });
  await rejects.finish();
  const cells = agents.map(() => cal!.days.map(() => [] as DayCode[]));
  const dayIndex = new Map(cal.days.map((d, i) => [d.key, i]));
  // Maps, not indexOf: linear in agents (50,000 agents × 30 days is 1.5 M entries).
  const agentIndex = new Map(agents.map((a, i) => [a, i]));
  for (const e of f.entries) cells[agentIndex.get(e.agent)!]![dayIndex.get(e.key)!]!.push(e.code);
  const allLeave = leaveOfRoster(ctx, f, cal.days, agents, shifts, cells, leave, opts.requests !== undefined);
  const p: RosterProblem = {
    days: cal.days,
    agents,
    shifts,
    daysOff,
    needs: needs.needs,
    requests: allLeave.leave.length ? requests.filter(([a, d]) => !allLeave.leave.some(([la, ld]) => la === a && ld === d)) : requests,
    ...(allLeave.leave.length ? { leave: allLeave.leave } : {}),
    ...(allLeave.undated ? { leaveUndated: allLeave.undated } : {}),
    ...(limits ? { limits } : {}),
    previous: prev.previous,
    template: cal.template,
  };
  // RULES §4: 08:00–09:00 is measured by the platform though no shift covers it: warn, as plan does
  // (until 2026-12 only plan did; a hand-made roster with the same shifts passed without a word).
  warnMorning(ctx, p);
  // A day whose code could not be read is reported once, as unknown-shift, not also as missing.
  const unreadable = new Set(f.problems.filter((v) => v.rule === 'unknown-shift').map((v) => `${v.agent}\u0000${v.date}`));
  const found: Violation[] = [
    ...f.problems,
    ...checkRoster(p, cells).filter((v) => !(v.rule === 'missing-day' && unreadable.has(`${v.agent}\u0000${v.date}`))),
    ...checkHoursSpread(p, cells, maxSpread),
    ...allLeave.violations,
    ...(f.daysOffColumn ? checkDaysOffColumn(p, cells, f.daysOffColumn) : []),
  ];
  const summary = (): Msg => {
    const byRule = new Map<string, number>();
    for (const v of found) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    const list = [...byRule].map(([k, n]) => `${k} ${n}`).join(', ');
    const listZh = [...byRule].map(([k, n]) => `${labelOf(RULE_ZH, k, 'zh')} ${n}`).join(', ');
    return msg(
      `${f.name}: ${agents.length} 名客服 × ${cal.days.length} 天, ${found.length ? `${found.length} 处违规 (${listZh})` : '没有违规'}`,
      `${f.name}: ${plural(agents.length, 'agent')} × ${cal.days.length} days, ${found.length ? `${plural(found.length, 'violation')} (${list})` : 'no violations'}`,
    );
  };
  // No violations in a table on the screen: the sentence is the answer (stderr, even with -q), not a
  // table of headers alone on stdout; csv/json (a script's formats) and a file keep their header.
  if (found.length === 0 && resolveFormat(ctx) === 'table' && (ctx.output === undefined || ctx.output === '-')) {
    ctx.io.stderr.write(ctx.t(summary()) + '\n');
    return;
  }
  const cell = cellOf(f);
  // On the screen the cell goes before the rule and the 说明 (which wraps over lines): a short column
  // after it would cut into each wrapped line. csv/json keep it last, as VIOLATION_COLUMNS.
  const onScreen = resolveFormat(ctx) === 'table';
  await writeRows(
    ctx,
    onScreen ? [...VIOLATION_COLUMNS.slice(0, 2), VIOLATION_COLUMNS[4]!, ...VIOLATION_COLUMNS.slice(2, 4)] : VIOLATION_COLUMNS,
    found.map((v) => ({ agent: v.agent, date: v.date, rule: v.rule, detail: say(v.detail, ctx.lang), cell: cell(v) })),
  );
  ctx.info(summary());
  // The roster file does not carry the minimums it was planned with: without --min / --demand /
  // --volume (and no roster.min in the config) coverage is judged with the default, 1 on every
  // shift. A roster planned with --min D=2 is then short nowhere it was, and one planned with a
  // lower --min is reported short where its plan was not: say which minimum was used and how to
  // pass the plan's (only when a coverage violation was found, with the defaults).
  if (defaultedMin(ctx, opts) && found.some((v) => v.rule === 'coverage')) {
    ctx.info(
      noteLine(msg(
        `人数按默认最低要求判断 (${needs.label.zh}: 未给 --min、--demand 或 --volume): 排班表文件不记录排班时用的最低人数; 检查 roster plan 排出的表时请给出同样的 --min / --demand (roster plan 会打印要用的命令), 例如 storeops roster check ${file} --min D=2,H=1,N=1`,
        `coverage judged with the default minimum (${needs.label.en}: no --min, --demand or --volume given): a roster file does not carry the minimums it was planned with; to check a roster from roster plan, pass the plan's --min / --demand again (roster plan prints the command to use), e.g. storeops roster check ${file} --min D=2,H=1,N=1`,
      )),
    );
  }
  if (found.length) ctx.attention();
}

/**
 * Leave in `roster check` (docs/rules.md §4): the --requests leave, and the roster's own cells that
 * say leave (请假, 年假 … `leave`), never days off nor work. A grid from roster plan writes leave as
 * O / 休 and counts it in its `leave days` column: the days the column counts beyond those dated
 * are leave on some O days the grid cannot name. They are counted out of the agent's days off
 * (undated) and said on stderr, with how to date them (--requests). Until 2026-12 every one of
 * them was a day off: an agent back from 3 days of leave broke days-off ("7 days off, must be
 * exactly 4").
 */
function leaveOfRoster(
  ctx: Ctx,
  f: RosterFile,
  days: readonly { key: string }[],
  agents: readonly string[],
  shifts: readonly ShiftDef[],
  cells: DayCode[][][],
  fromRequests: [number, number][],
  requestsGiven: boolean,
): { leave: [number, number][]; undated?: number[]; violations: Violation[] } {
  const agentIndex = new Map(agents.map((a, i) => [a, i]));
  const dayIndex = new Map(days.map((d, i) => [d.key, i]));
  const seen = new Set(fromRequests.map(([a, d]) => a * days.length + d));
  const requested = new Set(seen);
  const leave = [...fromRequests];
  for (const e of f.leave) {
    const a = agentIndex.get(e.agent);
    const d = dayIndex.get(e.key);
    if (a === undefined || d === undefined || seen.has(a * days.length + d)) continue;
    seen.add(a * days.length + d);
    leave.push([a, d]);
  }
  leave.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  if (f.leaveDays.size === 0) return { leave, violations: [] };
  // A count the grid cannot have (fewer than the dated leave, more than it and the O days) is
  // reported and not used (check.ts checkLeaveDaysColumn); it was clamped without a word.
  const { violations, undated } = checkLeaveDaysColumn({ agents, days, shifts }, cells, { fromRequests: requested, all: leave }, { header: f.leaveDaysHeader ?? '', byAgent: f.leaveDays });
  const named = agents.flatMap((agent, a) => (undated[a] ? [{ agent, n: undated[a]! }] : []));
  if (named.length === 0) return { leave, violations };
  const list = (lang: 'zh' | 'en') => named.map((x) => (lang === 'zh' ? `${x.agent} ${x.n} 天` : `${x.agent} ${plural(x.n, 'day')}`)).join(lang === 'zh' ? '、' : ', ');
  const more = requestsGiven ? msg('在 --requests 给出的日期之外另有', 'leave beyond the dates --requests gives') : msg('', 'leave');
  ctx.warn(
    msg(
      `${f.name}: 请假天数列写了${more.zh}请假 ${list('zh')}, 但表中请假与休息一样写作 休 (O), 看不出是哪几天: 这些天数从其休息日中扣除 (不算休息天数, 也不算上班), 请假当天是否排了班无法检查; 用 --requests 给出请假日期 (类型 请假) 或在表中写 请假, 可逐日检查`,
      `${f.name}: the leave days column counts ${more.en} (${list('en')}), but the grid writes leave as O like a day off, so which days are leave cannot be told: that many of the agent's O days are counted as leave (neither days off nor work), and whether a leave day was worked cannot be checked; give the leave dates in --requests (type leave) or write 请假 / leave in those cells to check them day by day`,
    ),
  );
  return { leave, undated, violations };
}

/**
 * `roster check --agents <file>`: the limits of the agents (可上班次, 每月最多班次, 每月最多工时) by
 * name, for the roster's agents. A name the roster lacks is said on stderr; an agent the file lacks
 * has no limit. Undefined when no agent of the roster is limited.
 */
async function limitsFor(ctx: Ctx, file: unknown, agents: readonly string[], shifts: readonly ShiftDef[], rejects: RejectLog): Promise<(AgentLimit | undefined)[] | undefined> {
  const list = await agentListFor(ctx, file, rejects, shifts);
  const by = new Map(list.agents.map((a, i) => [a, list.limits?.[i]]));
  const missing = list.agents.filter((a) => !agents.includes(a));
  if (missing.length) {
    ctx.warn(
      msg(
        `--agents ${String(file)}: ${missing.join('、')} 不在排班表里, 其限制未检查`,
        `--agents ${String(file)}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the roster; ${missing.length === 1 ? 'that agent\'s' : 'their'} limits were not checked`,
      ),
    );
  }
  const limits = agents.map((a) => by.get(a));
  return limits.some((l) => l !== undefined) ? limits : undefined;
}

/** The options `roster check` reads the same way as `roster plan`, as typed on the plan's command line. */
const CHECK_SAME: readonly [string, string][] = [
  ['template', '--template'],
  ['month', '--month'],
  ['daysOff', '--days-off'],
  ['min', '--min'],
  ['demand', '--demand'],
  ['volume', '--volume'],
  ['aht', '--aht'],
  ['serviceLevel', '--service-level'],
  ['answerWithin', '--answer-within'],
  ['concurrency', '--concurrency'],
  ['requests', '--requests'],
  ['previous', '--previous'],
];

/** A word as a POSIX shell reads it back: quoted only when it holds anything but safe characters. */
function shellWord(w: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/**
 * The roster file does not carry the minimums it was planned with, and `roster check` without them
 * judges coverage by the default (1 on every shift), days off by 4: a roster planned with --min N=0
 * was then short of nights, one planned with --days-off 5 broke days-off on every agent. When the plan
 * was given any of them, a note gives the exact command that checks it by the plan's own (the roster
 * file named when -o wrote csv/xlsx, which check reads; `<roster.csv>` otherwise). Until 2026-12 the
 * operator was left to remember them; `roster check` said "default minimum" only after the fact.
 */
function checkLater(ctx: Ctx, opts: Record<string, unknown>, format: string, limited = false): void {
  // The --agents file when it gives limits (check reads them from it; names or a count it does not need).
  const same: readonly [string, string][] = limited ? [...CHECK_SAME, ['agents', '--agents']] : CHECK_SAME;
  const given = same.filter(([k]) => opts[k] !== undefined && opts[k] !== false && k !== 'month' && k !== 'template');
  if (given.length === 0) return;
  const file = ctx.output !== undefined && ctx.output !== '-' && /^(csv|tsv|xlsx)$/.test(format) ? ctx.output : undefined;
  const words = ['storeops', 'roster', 'check', file === undefined ? '' : shellWord(file)];
  for (const [k, flag] of same) {
    const v = opts[k];
    if (v === undefined || v === false) continue;
    words.push(flag);
    if (v !== true) words.push(shellWord(String(v)));
  }
  const cmd = (placeholder: string) => words.map((w) => (w === '' ? placeholder : w)).join(' ');
  ctx.info(
    noteLine(msg(
      `排班表文件不记录这次的最低人数等设置; 以后按同样的设置检查它: ${cmd('<排班表.csv>')}`,
      `the roster file does not record this plan's minimums and settings; to check it later by the same ones: ${cmd('<roster.csv>')}`,
    )),
  );
}

/** No minimum staff given, neither on the command line nor in the config: the default is used. */
function defaultedMin(ctx: Ctx, opts: Record<string, unknown>): boolean {
  return opts.min === undefined && opts.demand === undefined && opts.volume === undefined && rosterConfig(ctx).min === undefined;
}

