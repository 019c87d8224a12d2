// Building a RosterProblem from command options and files (shared by plan and check).
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context.js';
import { configKey, section } from '../config.js';
import { InputError, UsageError, type Msg, msg, plural } from '../errors.js';
import type { RejectLog } from '../io/rejects.js';
import { halfWidth } from '../io/cells.js';
import { jsonProblem } from '../io/jsontext.js';
import { daysInMonth } from '../time.js';
import { agentsNeeded } from './erlang.js';
import { type HourNeed, type ShiftMins, hourNeeds, shiftNeeds } from './needs.js';
import { DEFAULTS, MAX_AGENTS, parseMin, parseMonth, parseNumber, pick } from './options.js';
import { type AgentLimit, type Day, type Need, type Previous, monthDays, templateDays } from './problem.js';
import { anotherMonthFile, readDemand, readRequests, readRoster, readVolume, readAgentList, type RosterFile } from './read.js';
import { type DayCode, type ShiftDef, shiftsFromConfig } from './shifts.js';
import { likelyPairs, nameList, nearName } from './names.js';
import { type ServiceParams, type Traffic, type TrafficProfileFile, trafficFromProfile, trafficFromVolume } from './traffic.js';
import { templatesDir } from '../paths.js';
import { readTextFileSync } from '../io/textfile.js';
import { fileProblem } from '../io/fsproblem.js';

export interface Calendar {
  template: boolean;
  month?: { y: number; mo: number };
  days: Day[];
}

export function rosterConfig(ctx: Ctx): Record<string, unknown> {
  return section(ctx.config, 'roster');
}

export function shiftsFor(ctx: Ctx): ShiftDef[] {
  return shiftsFromConfig(rosterConfig(ctx).shifts);
}

export function calendarFor(opts: Record<string, unknown>): Calendar {
  if (opts.template) {
    if (opts.month !== undefined) {
      throw new UsageError(msg('--template 与 --month 不能同时使用', '--template and --month cannot be used together'), msg('通用模板按日号 1–31 排班, 不属于某个月。', 'a template is by day number 1–31 and belongs to no month.'));
    }
    return { template: true, days: templateDays() };
  }
  if (opts.month === undefined) {
    throw new UsageError(msg('缺少 --month', 'missing --month'), msg('例如 --month 2026-11; 或用 --template 生成通用排班。', 'for example --month 2026-11; or --template for a roster that fits any month.'));
  }
  const month = parseMonth(opts.month);
  return { template: false, month, days: monthDays(month.y, month.mo) };
}

/**
 * --days-off as given: a whole number, which the caller checks against the month (run.ts daysOffIn:
 * RULES §4, 1 to one less than the month's days). Text that is not a whole number is told that
 * range: `most`, one less than `month`'s days; undefined when the month is not known yet (`roster
 * check` reading it from the file: `month` then says how the range follows from it). It said
 * "0 to 31" whatever the month, and `40` was told the same, a range no month has.
 */
export function daysOffFor(ctx: Ctx, opts: Record<string, unknown>, range: { most: number | undefined; month: Msg }): number {
  const raw = pick(opts.daysOff, undefined, rosterConfig(ctx).daysOff, DEFAULTS.daysOff);
  const name = settingName(ctx, opts, 'daysOff', '--days-off');
  try {
    return parseNumber(raw, name, 0, Number.MAX_SAFE_INTEGER, true);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const most = range.most === undefined ? msg('', '') : msg(`1–${range.most} 之间的`, ` from 1 to ${range.most}`);
    throw new UsageError(
      range.most === undefined
        ? msg(`${name.zh} 应为 1 到 ${range.month.zh} 之间的整数, 收到 "${String(raw)}"`, `${name.en} takes a whole number from 1 to ${range.month.en}, got "${String(raw)}"`)
        : msg(`${name.zh} 应为 ${most.zh}整数 (${range.month.zh}), 收到 "${String(raw)}"`, `${name.en} takes a whole number${most.en} (${range.month.en}), got "${String(raw)}"`),
      opts.daysOff === undefined ? configHint('daysOff', '--days-off') : undefined,
    );
  }
}

/**
 * What a message calls a roster setting: the option when it was given on the command line, else the
 * config key and its file when the config sets it (`配置文件 /x/storeops.config.json 中的
 * roster.daysOff`), else the option (the default is never wrong). text48: a bad `roster.daysOff` in
 * the config file was reported as `--days-off`, an option the user never typed.
 */
export function settingName(ctx: Ctx, opts: Record<string, unknown>, key: string, flag: string): Msg {
  if (opts[key] !== undefined) return msg(flag, flag);
  const v = rosterConfig(ctx)[key];
  return v !== undefined ? configKey(ctx.configPath, `roster.${key}`) : msg(flag, flag);
}

/** The hint for a bad value that came from the config: fix it there, or give the option (which wins). */
export function configHint(key: string, flag: string): Msg {
  return msg(`改正配置文件中的 roster.${key}, 或在命令行用 ${flag} 给出 (命令行优先)。`, `correct roster.${key} in the config file, or give ${flag} on the command line (it wins over the config).`);
}

/** --agents: a file with an agent column, a count ("10" → A01..A10), or names separated by commas. */
export async function agentsFor(ctx: Ctx, v: unknown, rejects: RejectLog, shifts: readonly ShiftDef[] = []): Promise<string[]> {
  return (await agentListFor(ctx, v, rejects, shifts)).agents;
}

/** --agents as agentsFor reads it, with each agent's limits when a file gives them (read.ts LIMIT_FIELDS). */
export async function agentListFor(ctx: Ctx, v: unknown, rejects: RejectLog, shifts: readonly ShiftDef[]): Promise<{ agents: string[]; limits?: (AgentLimit | undefined)[] }> {
  let limits: (AgentLimit | undefined)[] | undefined;
  if (typeof v !== 'string' || v.trim() === '') {
    throw new UsageError(msg('缺少 --agents', 'missing --agents'), msg('给出名单 (--agents 张三,李四,王五,赵六)、人数 (--agents 5) 或文件 (含 客服/agent 列)。', 'give names (--agents Ann,Bo,Cy,Di), a count (--agents 5) or a file with an agent column.'));
  }
  let agents: string[];
  const fromFile = v === '-' || fs.existsSync(path.resolve(ctx.io.cwd, v));
  if (fromFile) {
    const list = await readAgentList(ctx, v, rejects, shifts);
    agents = list.agents;
    if (list.limits.some((l) => l !== undefined)) limits = list.limits;
  }
  // A count typed with full-width digits (６, a Chinese input method's full-width mode) is the count:
  // it was one agent named "６" (user28).
  else if (/^\d+$/.test(halfWidth(v).trim())) {
    const n = parseNumber(v, '--agents', 1, MAX_AGENTS, true);
    agents = Array.from({ length: n }, (_, i) => `A${String(i + 1).padStart(2, '0')}`);
  } else {
    agents = v.split(/\s*[,，、]\s*/).filter(Boolean);
    // Chinese names hold no space: "小王 小李 小张" typed with spaces is one agent named so, and
    // the run then said only "1 agent is not enough".
    const spaced = agents.filter((a) => /[\u4e00-\u9fff]\s+[\u4e00-\u9fff]/.test(a));
    if (spaced.length) {
      ctx.warn(
        msg(
          `--agents: "${spaced[0]}" 按一名客服读取 (共 ${agents.length} 名); 多个名字请用逗号分隔: ${spaced[0]!.split(/\s+/).join(',')}`,
          `--agents: "${spaced[0]}" is read as one agent (${agents.length} in all); separate names with commas: ${spaced[0]!.split(/\s+/).join(',')}`,
        ),
      );
    }
    if (agents.length === 1 && /\.(csv|xlsx|txt|tsv)$/i.test(v)) {
      throw new InputError(msg(`找不到客服名单文件 ${v}`, `agent file ${v} not found`), msg('检查路径。', 'check the path.'));
    }
  }
  const seen = new Set<string>();
  const dup = agents.find((a) => seen.has(a) || !seen.add(a));
  if (dup) throw new UsageError(msg(`客服 "${dup}" 出现了两次`, `agent "${dup}" is listed twice`), msg('每个名字只写一次; 同名的人加以区分。', 'list each name once; tell namesakes apart.'));
  // It said only "the agent list is empty", naming neither the file nor what to write: a file of
  // headers alone is input (exit 3), names typed as ",," a bad value (exit 2, it was 3).
  if (agents.length === 0) {
    const hint = msg('在 客服 (或 agent) 列下每行写一个客服名字, 或直接写名字: --agents 小王,小李,小张,小赵', 'put one agent name a line under the 客服 (or agent) column, or give the names: --agents Ann,Bo,Cy,Di');
    const name = v === '-' ? msg('标准输入 (-)', 'standard input (-)') : msg(v, v);
    if (fromFile) throw new InputError(msg(`客服名单 ${name.zh} 里没有客服名字`, `the agent file ${name.en} names no agent`), hint);
    throw new UsageError(msg(`--agents "${v}" 里没有客服名字`, `--agents "${v}" names no agent`), hint);
  }
  if (agents.length > MAX_AGENTS) {
    throw new UsageError(
      msg(`--agents 有 ${agents.length} 名客服, 一次最多排 ${MAX_AGENTS} 名`, `--agents names ${agents.length} agents; one roster plan takes at most ${MAX_AGENTS}`),
      msg(`把团队分成每组不超过 ${MAX_AGENTS} 人, 分别排班。`, `split the team into groups of at most ${MAX_AGENTS} and plan each group.`),
    );
  }
  return limits ? { agents, limits } : { agents };
}

export interface NeedsResult {
  needs: Need[];
  uncovered: HourNeed[];
  /** A short description for the summary, in both languages (--min D=1,… reads the same in both). */
  label: Msg;
  /** Chats per hour from --volume (undefined: use the default profile). */
  traffic?: Traffic;
  /** Erlang C parameters for the service level report. */
  service: ServiceParams;
  /** The same-every-day minimum (not --demand / --volume), and where it came from. */
  min?: { mins: ShiftMins; from: 'option' | 'config' | 'default' };
}

/**
 * Which command reads the inputs: `plan` takes its agents from --agents and plans the month;
 * `check` takes them from the roster file and checks the month.
 */
export type Purpose = 'plan' | 'check';

/** "date is not in the month being planned / checked" (reject reason). */
export const notInMonth = (purpose: Purpose): Msg =>
  purpose === 'plan' ? msg('日期不在排班月份内', 'date is not in the month being planned') : msg('日期不在所查排班表的月份内', 'date is not in the month being checked');

export async function needsFor(ctx: Ctx, opts: Record<string, unknown>, cal: Calendar, shifts: ShiftDef[], rejects: RejectLog, purpose: Purpose): Promise<NeedsResult> {
  const cfg = rosterConfig(ctx);
  // --demand names some dates; the others take --min (docs/cli.md, README), so the two go together.
  const chosen = ['min', 'demand', 'volume'].filter((k) => opts[k] !== undefined && !(k === 'min' && opts.demand !== undefined && opts.volume === undefined));
  if (chosen.length > 1) {
    throw new UsageError(msg(`--${chosen.join(' 与 --')} 只能选一个`, `choose one of --${chosen.join(', --')}`), msg('--min 每天相同, --demand 按日期, --volume 按咨询量。', '--min is the same every day, --demand per date, --volume from chat traffic.'));
  }
  const num = (flag: string, key: string, def: number, lo: number, hi: number, int: boolean) => parseNumber(pick(opts[key], undefined, cfg[key], def), settingName(ctx, opts, key, flag), lo, hi, int);
  const aht = num('--aht', 'aht', DEFAULTS.aht, 1, 3600, false);
  const within = num('--answer-within', 'answerWithin', DEFAULTS.answerWithin, 1, 3600, false);
  const conc = num('--concurrency', 'concurrency', DEFAULTS.concurrency, 1, 20, true);
  const service: ServiceParams = { ahtSec: aht, targetSec: within, concurrency: conc };
  if (opts.volume !== undefined) {
    const rows = await readVolume(ctx, String(opts.volume), cal.month, rejects, notInMonth(purpose));
    const sl = num('--service-level', 'serviceLevel', DEFAULTS.serviceLevel, 0.01, 0.999, false);
    // A row for the date wins over one for its weekday, which wins over one for every day.
    const traffic = trafficFromVolume(cal.days, rows, msg(`--volume ${String(opts.volume)}`, `--volume ${String(opts.volume)}`));
    const hours: HourNeed[] = [];
    cal.days.forEach((day, d) => {
      for (let h = 0; h < 24; h++) {
        const chats = traffic.chats[d]![h]!;
        if (chats > 0) hours.push({ date: day.key, hour: h, agents: agentsNeeded({ chatsPerHour: chats, ahtSec: aht, targetSec: within, serviceLevel: sl, concurrency: conc }) });
      }
    });
    const { needs, uncovered } = hourNeeds(cal.days, shifts, hours);
    return { needs, uncovered, traffic, service, label: msg(`Erlang C (平均处理时长 ${aht} 秒, ${Math.round(sl * 100)}% 在 ${within} 秒内接待, 每人同时 ${conc} 个会话)`, `Erlang C (AHT ${aht} s, ${Math.round(sl * 100)}% within ${within} s, ${plural(conc, 'chat')} at once)`) };
  }
  if (opts.demand !== undefined) {
    if (!cal.month) throw new UsageError(msg('--demand 按日期给出, 不能与 --template 同用', '--demand is per date and cannot be used with --template'), msg('模板用 --min。', 'use --min with a template.'));
    const base = parseMin(pick(opts.min, undefined, cfg.min, undefined), shifts, settingName(ctx, opts, 'min', '--min'));
    const byDate = await readDemand(ctx, String(opts.demand), cal.month, shifts, rejects, notInMonth(purpose));
    return { needs: shiftNeeds(cal.days, shifts, base, byDate), uncovered: [], service, label: msg(`--demand ${String(opts.demand)}`, `--demand ${String(opts.demand)}`) };
  }
  const min = parseMin(pick(opts.min, undefined, cfg.min, undefined), shifts, settingName(ctx, opts, 'min', '--min'));
  const from = opts.min !== undefined ? 'option' : cfg.min !== undefined && cfg.min !== null ? 'config' : 'default';
  return { needs: shiftNeeds(cal.days, shifts, min), uncovered: [], service, min: { mins: min, from }, label: msg(Object.entries(min).map(([k, v]) => `${k}=${v}`).join(','), Object.entries(min).map(([k, v]) => `${k}=${v}`).join(',')) };
}

/**
 * Requested days off and approved leave as [agent index, day index]; unknown agents and dates
 * outside the month are rejected. A day both asked off and on leave is leave (the request is moot).
 */
export async function requestsFor(ctx: Ctx, file: unknown, cal: Calendar, agents: string[], rejects: RejectLog, purpose: Purpose): Promise<{ requests: [number, number][]; leave: [number, number][] }> {
  if (file === undefined) return { requests: [], leave: [] };
  const rows = await readRequests(ctx, String(file), cal.month, rejects);
  const out: [number, number][] = [];
  const leave: [number, number][] = [];
  const onLeave = new Set<string>();
  const agentIndex = new Map(agents.map((a, i) => [a, i]));
  const dayIndex = new Map(cal.days.map((x, i) => [x.key, i]));
  // Every request of another month (last month's file, or the wrong --month): each was rejected on
  // its own and the plan went on granting none of the days asked for. Exit 3, as --demand.
  if (cal.month && rows.length > 0 && rows.every((r) => !dayIndex.has(r.key))) throw anotherMonthFile(String(file), cal.month, rows.map((r) => r.key), 'requests');

  const given = new Set<string>();
  // A line naming an agent not in the plan is one rejected line, with all its dates (a line of four
  // dates was reported four times, as four rejected rows).
  const unknown = new Map<number, { agent: string; keys: string[] }>();
  // Reported in line order once every date is read.
  const bad: { line: number; value: string; reason: Msg }[] = [];
  for (const r of rows) {
    const a = agentIndex.get(r.agent) ?? -1;
    const d = dayIndex.get(r.key) ?? -1;
    if (a < 0) {
      const u = unknown.get(r.line);
      if (u) u.keys.push(r.key);
      else unknown.set(r.line, { agent: r.agent, keys: [r.key] });
      continue;
    }
    if (d < 0) {
      bad.push({ line: r.line, value: r.key, reason: purpose === 'plan' ? msg('日期不在排班范围内', 'date is not in the month being planned') : notInMonth(purpose) });
      continue;
    }
    if (r.leave && cal.template) {
      // A template serves every month: a leave is on a date of one month.
      bad.push({ line: r.line, value: r.key, reason: msg('通用模板没有日期, 请假不能排进模板; 用 --month 排具体月份', 'a template has no dates, so leave cannot be planned into it; plan the month with --month') });
      continue;
    }
    if (r.leave) {
      if (!onLeave.has(`${a}:${d}`)) {
        onLeave.add(`${a}:${d}`);
        leave.push([a, d]);
      }
      continue;
    }
    if (!given.has(`${a}:${d}`)) {
      given.add(`${a}:${d}`);
      out.push([a, d]);
    }
  }
  for (const [line, u] of unknown) {
    const days = u.keys.join(', ');
    // Which name was meant, or the names there are, and what to do (a typo was only "not in --agents").
    const near = nearName(u.agent, agents);
    const list = nameList(agents);
    // zh: a flag stands apart from the characters around it (与 --agents 一致), a word does not (与排班表一致).
    const where = purpose === 'plan' ? msg(' --agents ', '--agents') : msg('排班表', 'the roster');
    const fix = near
      ? msg(`是否是 "${near}"? 把名字改成与${where.zh}一致`, `did you mean "${near}"? spell the name as ${where.en} does`)
      : msg(`${where.zh.trimStart()}的客服: ${list.zh}; 把名字改成与${where.zh}一致, 或把这名客服加入${where.zh.trimEnd()}`, `${where.en} has ${list.en}; spell the name as ${where.en} does, or add the agent to ${where.en}`);
    bad.push({
      line,
      value: u.agent,
      reason:
        purpose === 'plan'
          ? msg(`不在 --agents 名单里的客服, 其休息申请 (${days}) 未采用; ${fix.zh}`, `agent is not in --agents; the days off asked for (${days}) were not used; ${fix.en}`)
          : msg(`排班表里没有这名客服, 其休息申请 (${days}) 未核对; ${fix.zh}`, `agent is not in the roster file; the days off asked for (${days}) were not checked; ${fix.en}`),
    });
  }
  bad.sort((x, y) => x.line - y.line);
  for (const b of bad) await rejects.add({ file: String(file), ...b });
  return { requests: out.filter(([a, d]) => !onLeave.has(`${a}:${d}`)), leave: leave.sort((x, y) => x[0] - y[0] || x[1] - y[1]) };
}

/**
 * --previous: last month's roster. Its last day carries the night-then-day rule across the
 * boundary; its days by day of month are what "change as little as possible" compares against.
 */
export async function previousFor(ctx: Ctx, file: unknown, cal: Calendar, agents: string[], shifts: ShiftDef[], rejects: RejectLog, purpose: Purpose = 'check'): Promise<{ previous?: Previous; file?: RosterFile; boundary: boolean }> {
  if (file === undefined) return { boundary: false };
  const prevMonth = cal.month ? (cal.month.mo === 1 ? { y: cal.month.y - 1, mo: 12 } : { y: cal.month.y, mo: cal.month.mo - 1 }) : undefined;
  const f = await readRoster(ctx, String(file), shifts, prevMonth, rejects);
  if (f.problems.length) {
    const p = f.problems[0]!;
    throw new InputError(msg(`${f.name}: ${p.detail.zh}`, `${f.name}: ${p.detail.en}`), msg('先用 storeops roster check 修正上月排班表。', 'fix last month’s roster first (storeops roster check).'));
  }
  const ym = (m: { y: number; mo: number }) => `${m.y}-${String(m.mo).padStart(2, '0')}`;
  const prevYm = prevMonth ? ym(prevMonth) : undefined;
  const curYm = cal.month ? ym(cal.month) : undefined;
  const span = (keys: readonly string[]) => (keys.length === 1 ? keys[0]! : `${keys[0]} – ${keys[keys.length - 1]}`);
  // Its days of the month before, when there is one: a file of another month (this month's roster
  // given again, one of two months ago) says nothing about the boundary, and its days by day of month
  // were compared as if they were last month's (they were used without a word).
  let entries = f.entries;
  if (prevYm) {
    const keys = [...new Set(f.keys)].sort();
    const ofPrev = keys.filter((k) => k.startsWith(`${prevYm}-`));
    const others = keys.filter((k) => !k.startsWith(`${prevYm}-`));
    if (ofPrev.length === 0 && keys.length > 0) {
      const text = msg(
        `--previous ${f.name} 没有 ${prevYm} 的日子: 它的日期是 ${span(keys)}, 不是 ${curYm} 上个月的排班表`,
        `--previous ${f.name} has no day of ${prevYm}: its dates are ${span(keys)}, so it is not the roster of the month before ${curYm}`,
      );
      if (purpose === 'check') {
        throw new InputError(text, msg(`--previous 给上个月 (${prevYm}) 的排班表; 不需要跨月检查时去掉 --previous。`, `give --previous last month's (${prevYm}) roster; leave --previous out when no check across the month boundary is wanted.`));
      }
      // plan: used as before, by day of month, to change as little as possible from it.
      ctx.warn(msg(`${text.zh}; 跨月的 "晚班后不上白班" 无法检查, 只按日号用于尽量少改动`, `${text.en}; the night-then-day rule across the boundary cannot be applied, and it is used by day of month only to change as little as possible`));
    } else if (others.length) {
      const overlap = others.some((k) => curYm !== undefined && k.startsWith(`${curYm}-`));
      const where = purpose === 'plan' ? msg('要排的月份', 'the month planned') : msg('所查排班表的月份', 'the month checked');
      ctx.warn(
        msg(
          `--previous ${f.name} 还有 ${others.length} 天不在 ${prevYm} (${span(others)}${overlap ? `, 与${where.zh}重叠` : ''}): 未使用, 只用它 ${prevYm} 的日子`,
          `--previous ${f.name} also has ${others.length === 1 ? '1 day' : `${others.length} days`} outside ${prevYm} (${span(others)}${overlap ? `, overlapping ${where.en}` : ''}): not used; only its days of ${prevYm} count`,
        ),
      );
      entries = entries.filter((e) => e.key.startsWith(`${prevYm}-`));
    }
  }
  const last: (DayCode | undefined)[] = agents.map(() => undefined);
  const byDay: (DayCode | undefined)[][] = agents.map(() => cal.days.map(() => undefined));
  let boundary = false;
  const lastKey = prevMonth ? `${prevYm}-${String(daysInMonth(prevMonth.y, prevMonth.mo)).padStart(2, '0')}` : undefined;
  const agentIndex = new Map(agents.map((x, i) => [x, i]));
  for (const e of entries) {
    const a = agentIndex.get(e.agent) ?? -1;
    if (a < 0) continue;
    const dayNo = Number(e.key.split('-').pop());
    if (dayNo >= 1 && dayNo <= cal.days.length) byDay[a]![dayNo - 1] = e.code;
    if (lastKey && e.key === lastKey) {
      last[a] = e.code;
      boundary = true;
    }
  }
  const monthMatches = !prevYm || entries.some((e) => e.key.startsWith(`${prevYm}-`));
  if (cal.month && !boundary && monthMatches) {
    ctx.warn(
      msg(
        `${f.name} 不含上月最后一天 (${lastKey}), 跨月的 "晚班后不上白班" 无法检查${purpose === 'plan' ? '; 只用于尽量少改动' : ''}`,
        `${f.name} has no ${lastKey} (the last day of the previous month), so the night-then-day rule across the boundary cannot be applied${purpose === 'plan' ? '; it is used only to change as little as possible' : ''}`,
      ),
    );
  }
  // Agents on one side only: a typo (小黄 / 小璜), or someone who joined or left. Said with the names,
  // since for those of this month the boundary goes unchecked (it went without a word).
  const prevAgents = new Set(f.agents);
  const missing = agents.filter((a) => !prevAgents.has(a));
  const extra = f.agents.filter((a) => !agentIndex.has(a));
  if (missing.length || extra.length) {
    const here = purpose === 'plan' ? msg(' --agents ', '--agents') : msg('排班表', 'the roster');
    const pairs = likelyPairs(missing, extra);
    const parts: Msg[] = [];
    if (missing.length) {
      parts.push(
        msg(
          `${here.zh.trimStart()}的 ${nameList(missing).zh} 不在其中, 这些人跨月的 "晚班后不上白班" 未检查${purpose === 'plan' ? ', 也不按上月少改动' : ''}`,
          `${nameList(missing).en} (in ${here.en}) ${missing.length === 1 ? 'is' : 'are'} not in it, so the night-then-day rule across the boundary was not applied to ${missing.length === 1 ? 'that agent' : 'them'}${purpose === 'plan' ? ', nor is anything kept the same for them' : ''}`,
        ),
      );
    }
    if (extra.length) parts.push(msg(`其中的 ${nameList(extra).zh} 不在${here.zh}里, 未使用`, `${nameList(extra).en} (in it) ${extra.length === 1 ? 'is' : 'are'} not in ${here.en} and ${extra.length === 1 ? 'was' : 'were'} not used`));
    const same = pairs.length ? msg(`可能是同一人写法不同: ${pairs.map(([a, b]) => `${a} / ${b}`).join('、')}; `, `Perhaps one person spelt two ways: ${pairs.map(([a, b]) => `${a} / ${b}`).join(', ')}; s`) : msg('', 'S');
    ctx.warn(
      msg(
        `--previous ${f.name} 的客服与${here.zh}不一致: ${parts.map((p) => p.zh).join('; ')}。${same.zh}同一人在两个文件中请写成一样; 新来或离开的客服可忽略此提示`,
        `--previous ${f.name} names other agents than ${here.en}: ${parts.map((p) => p.en).join('; ')}. ${same.en}pell each person the same in both files; an agent who joined or left needs nothing`,
      ),
    );
  }
  return { previous: { last, byDay }, file: f, boundary };
}

/**
 * Expected traffic when --volume is not given: the default profile (templates/roster/traffic.json,
 * or the file named by the config `roster.traffic`, relative to the config file like every path
 * in it), which the shop can edit.
 */
export function profileTraffic(ctx: Ctx, cal: Calendar): Traffic {
  const configured = rosterConfig(ctx).traffic;
  const file = typeof configured === 'string' && configured.trim() !== '' ? path.resolve(ctx.configPath ? path.dirname(ctx.configPath) : ctx.io.cwd, configured) : path.join(templatesDir(), 'roster', 'traffic.json');
  const bad = (why: Msg) =>
    new InputError(
      msg(`客流曲线 ${file} 无效: ${why.zh}`, `traffic profile ${file} is not usable: ${why.en}`),
      msg('格式见 templates/roster/traffic.json: {"hours": {"9": 10, ...}, "weekdays": {"sat": 1.3}, "dates": {"11-11": 3}}。', 'see templates/roster/traffic.json for the format: {"hours": {"9": 10, ...}, "weekdays": {"sat": 1.3}, "dates": {"11-11": 3}}.'),
    );
  let parsed: unknown;
  let body = '';
  try {
    body = readTextFileSync(file).replace(/^\uFEFF/, '');
    parsed = JSON.parse(body);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw bad(msg('找不到文件', 'file not found'));
    // A named pipe or device (ENOTREG), a folder, …: said in words, as the other tables' (it was "cannot be read (ENOTREG)").
    if (code) throw bad(msg(`无法读取: ${fileProblem(e).zh}`, `cannot be read: ${fileProblem(e).en}`));
    throw bad(jsonProblem(e, body));
  }
  const f = parsed as TrafficProfileFile;
  const numbers = (o: unknown, keyOk: (k: string) => boolean) =>
    typeof o === 'object' && o !== null && !Array.isArray(o) && Object.entries(o).every(([k, v]) => keyOk(k) && typeof v === 'number' && Number.isFinite(v) && v >= 0);
  if (!numbers(f.hours, (k) => /^(?:[0-9]|1[0-9]|2[0-3])$/.test(k))) throw bad(msg('"hours" 应把 0–23 点对应到每小时咨询量 (≥ 0)', '"hours" must map 0–23 to chats per hour ≥ 0'));
  if (f.weekdays !== undefined && !numbers(f.weekdays, (k) => /^(?:sun|mon|tue|wed|thu|fri|sat)$/.test(k))) throw bad(msg('"weekdays" 应把 sun…sat 对应到系数 (≥ 0)', '"weekdays" must map sun…sat to factors ≥ 0'));
  if (f.dates !== undefined && !numbers(f.dates, (k) => /^\d{2}-\d{2}$/.test(k))) throw bad(msg('"dates" 应把 MM-DD 对应到系数 (≥ 0)', '"dates" must map MM-DD to factors ≥ 0'));
  return trafficFromProfile(cal.days, f, msg(`默认客流曲线 ${path.basename(file)}`, `default traffic profile ${path.basename(file)}`));
}
