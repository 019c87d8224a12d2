// Shift definitions (RULES §4). The seed's three shifts are the default; a shop defines its own
// in the config section `roster.shifts` (SPEC "roster": "editable in config"). Every rule, the
// solver, the checker, the readers and the renderers take the shift set from here: no shift
// code, time or name is written anywhere else.
import { UsageError, type Msg, msg } from '../errors.js';

/** A configured shift's code (the seed's: D, H, N). */
export type ShiftCode = string;
/** A shift code, or 'O' for a day off. */
export type DayCode = ShiftCode | 'O';
export const OFF = 'O';

/**
 * How the rules of RULES §4 treat a shift. `night`: counted in the nights an agent works (kept
 * even across agents) and not followed by a `day` shift the next day. `day`: may not follow a
 * `night` shift. `other` (the seed's 半白班 10:00–15:30): neither.
 */
export type ShiftRole = 'day' | 'night' | 'other';
export const SHIFT_ROLES: readonly ShiftRole[] = ['day', 'night', 'other'];

export interface ShiftDef {
  code: ShiftCode;
  name: Msg;
  /** One-character label for zh tables and calendars (白/半/晚). */
  label: string;
  /** Minutes after midnight, Beijing wall clock, on the day the shift belongs to. */
  start: number;
  /** Minutes after midnight of the same day; above 1440 when the shift ends after midnight. */
  end: number;
  /** Paid minutes (the hours that count toward monthly hours); the span unless configured. */
  paid: number;
  role: ShiftRole;
  /** Further spellings a roster file may use for this shift (besides code, name and label). */
  aliases: string[];
}

const DAY_MIN = 24 * 60;

/** RULES §4: 白班 09:00–17:30, 半白班 10:00–15:30, 晚班 17:00–23:30. */
export const DEFAULT_SHIFTS: readonly ShiftDef[] = Object.freeze([
  { code: 'D', name: msg('白班', 'day'), label: '白', start: 9 * 60, end: 17 * 60 + 30, paid: 510, role: 'day', aliases: ['全白班', 'day shift'] },
  { code: 'H', name: msg('半白班', 'half-day'), label: '半', start: 10 * 60, end: 15 * 60 + 30, paid: 330, role: 'other', aliases: ['half', 'halfday', '半白', 'half day'] },
  { code: 'N', name: msg('晚班', 'night'), label: '晚', start: 17 * 60, end: 23 * 60 + 30, paid: 390, role: 'night', aliases: ['夜', '夜班', 'night shift'] },
] satisfies ShiftDef[]);

export const OFF_NAME: Msg = msg('休息', 'off');
export const OFF_LABEL = '休';
// A hand-made roster writes a day without work in several ways: 调休 (a rest day in lieu of a
// holiday worked), 轮休 / 公休 (rota and regular rest days), 休假 / 请假 (leave). The agent does not
// work: a day off (RULES §4), counted in the days off (docs/rules.md §4). Until 2026-12 these were
// unknown shifts: the day was reported as unreadable and the agent as short of days off. So are the
// kinds of leave a roster names most (年假 annual, 事假 personal, 病假 sick leave): they were still
// unknown-shift after 请假 was read (rev30).
const OFF_ALIASES = ['o', 'off', '休', '休息', 'rest', 'day off', '调休', '轮休', '公休', '休假', '请假', 'leave', '年假', '事假', '病假', 'annual leave', 'sick leave'];

/** Paid minutes of a day's code (0 for a day off). */
export function paidOf(shifts: readonly ShiftDef[], code: DayCode): number {
  if (code === OFF) return 0;
  return shifts.find((x) => x.code === code)?.paid ?? 0;
}

export const minutes = (s: ShiftDef): number => s.paid;

export const shiftOf = (shifts: readonly ShiftDef[], code: DayCode): ShiftDef | undefined => (code === OFF ? undefined : shifts.find((s) => s.code === code));

/** Name of a day's code in both languages. */
export function codeName(shifts: readonly ShiftDef[], code: DayCode): Msg {
  return shiftOf(shifts, code)?.name ?? (code === OFF ? OFF_NAME : msg(code, code));
}

/** zh table cell: the shift's one-character label (休 for a day off). */
export function codeLabel(shifts: readonly ShiftDef[], code: DayCode): string {
  return code === OFF ? OFF_LABEL : (shiftOf(shifts, code)?.label ?? code);
}

/** The shift ends after midnight (it then reaches into the next calendar day). */
export const overnight = (s: ShiftDef): boolean => s.end > DAY_MIN;

// NFKC: a code typed with a Chinese input method in full-width mode (Ｄ, ｏｆｆ) is the same code.
const norm = (t: string) => t.normalize('NFKC').trim().toLowerCase();

/** A shift code in any accepted spelling (code, zh/en name, label, alias; O/休/off); undefined if unknown. */
export function parseDayCode(text: string, shifts: readonly ShiftDef[] = DEFAULT_SHIFTS): DayCode | undefined {
  const t = norm(text);
  if (t === '') return undefined;
  if (OFF_ALIASES.includes(t)) return OFF;
  for (const s of shifts) if (spellings(s).includes(t)) return s.code;
  return undefined;
}

function spellings(s: ShiftDef): string[] {
  return [s.code, s.name.zh, s.name.en, s.label, ...s.aliases].map(norm);
}

export function fmtClock(min: number): string {
  const m = ((min % DAY_MIN) + DAY_MIN) % DAY_MIN;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `09:00–17:30`; an overnight shift shows its end as the next day's clock (`22:00–06:00+1`). */
export function fmtSpan(s: ShiftDef): string {
  return `${fmtClock(s.start)}–${fmtClock(s.end)}${s.end > DAY_MIN ? '+1' : ''}`;
}

function parseClock(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 24 || mi > 59 || h * 60 + mi > DAY_MIN) return undefined;
  return h * 60 + mi;
}

/** End after start; an end at or before the start is on the next day (overnight shift). */
function span(start: number, end: number): number {
  return end > start ? end : end + DAY_MIN;
}

const HINT = msg(
  '写成 {"roster": {"shifts": [{"code": "E", "zh": "早班", "en": "early", "label": "早", "start": "08:00", "end": "16:30", "paidHours": 8, "role": "day"}, ...]}} (完整的班次表), 或 {"D": "09:00-17:30"} 只改默认班次的时间。role: day (晚班后第二天不能上) / night (计入晚班数, 第二天不能上 day 班) / other。',
  'write {"roster": {"shifts": [{"code": "E", "zh": "早班", "en": "early", "label": "早", "start": "08:00", "end": "16:30", "paidHours": 8, "role": "day"}, ...]}} (the whole shift set), or {"D": "09:00-17:30"} to change only the default shifts\' times. role: day (not the day after a night) / night (counted as a night; no day shift the next day) / other.',
);

function bad(detail: Msg): UsageError {
  return new UsageError(msg(`配置 roster.shifts 无效: ${detail.zh}`, `config roster.shifts is invalid: ${detail.en}`), HINT);
}

/**
 * The shift set from the config section `roster.shifts`:
 * - absent: the seed's three shifts;
 * - an array: the shop's own shift set, replacing the defaults, each
 *   `{code, zh, en, label?, start, end, paidHours?, role, aliases?}`;
 * - an object `{ "D": "09:00-17:30", "N": {"start": "17:00", "end": "23:00"} }`: new times for
 *   default shifts (paid hours follow the new span); codes not mentioned keep their defaults.
 */
export function shiftsFromConfig(cfg: unknown): ShiftDef[] {
  const defaults = DEFAULT_SHIFTS.map((s) => ({ ...s, name: { ...s.name }, aliases: [...s.aliases] }));
  if (cfg === undefined || cfg === null) return defaults;
  if (Array.isArray(cfg)) return validate(cfg.map((v, i) => shiftFromObject(v, i)));
  if (typeof cfg !== 'object') throw bad(msg('既不是数组也不是对象', 'neither an array nor an object'));
  for (const [k, v] of Object.entries(cfg as Record<string, unknown>)) {
    const code = parseDayCode(k, DEFAULT_SHIFTS);
    const s = defaults.find((x) => x.code === code);
    if (!s) throw bad(msg(`未知的班次 "${k}" (只改时间时可用 D/H/N; 自定义班次请用数组)`, `unknown shift "${k}" (only D/H/N when changing times; define your own shifts as an array)`));
    let start: number | undefined;
    let end: number | undefined;
    if (typeof v === 'string') {
      const [a, b] = v.split(/\s*[-–~]\s*/);
      start = parseClock(a);
      end = parseClock(b);
    } else if (typeof v === 'object' && v !== null) {
      start = parseClock((v as Record<string, unknown>).start);
      end = parseClock((v as Record<string, unknown>).end);
    }
    if (start === undefined || end === undefined || end === start) throw bad(msg(`"${k}": ${JSON.stringify(v)}`, `"${k}": ${JSON.stringify(v)}`));
    s.start = start;
    s.end = span(start, end);
    s.paid = s.end - s.start;
  }
  return validate(defaults);
}

function shiftFromObject(v: unknown, i: number): ShiftDef {
  const where = `#${i + 1}`;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(msg(`第 ${i + 1} 个班次不是对象`, `shift ${where} is not an object`));
  const o = v as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string).trim() : undefined);
  const code = str('code');
  if (!code || !/^[A-Za-z][A-Za-z0-9]{0,7}$/.test(code)) {
    throw bad(msg(`第 ${i + 1} 个班次的 code "${String(o.code ?? '')}" 应为 1–8 个字母或数字, 以字母开头`, `shift ${where}: code "${String(o.code ?? '')}" must be 1–8 letters or digits, starting with a letter`));
  }
  const zh = str('zh') ?? str('nameZh');
  const en = str('en') ?? str('nameEn');
  if (!zh || !en) throw bad(msg(`班次 ${code} 需要 zh 和 en 名称`, `shift ${code} needs a zh and an en name`));
  const start = parseClock(o.start);
  const endRaw = parseClock(o.end);
  if (start === undefined || endRaw === undefined || start === endRaw || start >= DAY_MIN) {
    throw bad(msg(`班次 ${code} 的时间 ${JSON.stringify(o.start)}–${JSON.stringify(o.end)} 无效 (HH:MM; 结束早于开始表示次日结束)`, `shift ${code}: times ${JSON.stringify(o.start)}–${JSON.stringify(o.end)} are not valid (HH:MM; an end before the start means the next day)`));
  }
  const end = span(start, endRaw);
  let paid = end - start;
  if (o.paidHours !== undefined) {
    const h = typeof o.paidHours === 'number' ? o.paidHours : Number(String(o.paidHours).trim());
    const m = h * 60;
    if (!Number.isFinite(m) || Math.abs(m - Math.round(m)) > 1e-9 || m <= 0 || Math.round(m) > end - start) {
      throw bad(msg(`班次 ${code} 的 paidHours ${JSON.stringify(o.paidHours)} 应为正数、整分钟、不超过班次时长`, `shift ${code}: paidHours ${JSON.stringify(o.paidHours)} must be positive, whole minutes, and no longer than the shift`));
    }
    paid = Math.round(m);
  }
  const role = str('role') ?? 'other';
  if (!(SHIFT_ROLES as readonly string[]).includes(role)) {
    throw bad(msg(`班次 ${code} 的 role "${role}" 应为 day、night 或 other`, `shift ${code}: role "${role}" must be day, night or other`));
  }
  const label = str('label') ?? [...zh][0]!;
  const aliases = Array.isArray(o.aliases) ? o.aliases.filter((a): a is string => typeof a === 'string' && a.trim() !== '') : [];
  return { code, name: msg(zh, en), label, start, end, paid, role: role as ShiftRole, aliases };
}

/** Codes and spellings must name one shift each, and none may read as a day off. */
function validate(shifts: ShiftDef[]): ShiftDef[] {
  if (shifts.length === 0) throw bad(msg('班次表是空的', 'the shift set is empty'));
  const owner = new Map<string, string>();
  for (const s of shifts) {
    for (const sp of new Set(spellings(s))) {
      if (OFF_ALIASES.includes(sp)) throw bad(msg(`班次 ${s.code} 的写法 "${sp}" 表示休息`, `shift ${s.code}: "${sp}" means a day off`));
      const other = owner.get(sp);
      if (other !== undefined && other !== s.code) throw bad(msg(`"${sp}" 同时指班次 ${other} 和 ${s.code}`, `"${sp}" names both shift ${other} and shift ${s.code}`));
      owner.set(sp, s.code);
    }
  }
  return shifts;
}
