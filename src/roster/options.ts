// Options of `roster plan` / `roster check` turned into typed values (flags > env > config >
// defaults). Config section `roster`: { shifts, daysOff, min, timeLimit, aht, serviceLevel,
// answerWithin, concurrency }.
import { type Msg, UsageError, msg } from '../errors.js';
import { halfWidth, parseYearMonth } from '../io/cells.js';
import { Money } from '../money.js';
import type { ShiftMins } from './needs.js';
import { OFF, type ShiftDef, parseDayCode } from './shifts.js';

/** RULES §4 defaults. */
export const DEFAULTS = {
  daysOff: 4,
  timeLimit: 30,
  /** Average handling time of a chat, seconds (an assumption; set yours). */
  aht: 120,
  /** Tmall services ask for ≥ 90 % answered within 3 minutes (ruleId 20009524). */
  serviceLevel: 0.9,
  answerWithin: 180,
  concurrency: 1,
};

/**
 * The most agents one `roster plan` lays out, whether given as a count, names or a file — and
 * the most a diagnosis builds a trial roster for. The model grows with agents × days; far
 * beyond this it runs out of memory instead of answering.
 */
export const MAX_AGENTS = 500;

export function parseMonth(v: unknown): { y: number; mo: number } {
  return parseYearMonth(
    v,
    msg('例如 --month 2026-11; 或用 --template 生成适用于各月的通用排班。', 'for example --month 2026-11; or --template for a roster that fits any month.'),
  );
}

/** The default minimum: one agent on every shift (RULES §4: D=1,H=1,N=1 for the seed's shifts). */
export const defaultMin = (shifts: readonly ShiftDef[]): ShiftMins => Object.fromEntries(shifts.map((s) => [s.code, 1]));

export function parseMin(v: unknown, shifts: readonly ShiftDef[], flagOrKey: string | Msg = '--min'): ShiftMins {
  const flag = typeof flagOrKey === 'string' ? msg(flagOrKey, flagOrKey) : flagOrKey;
  if (v === undefined || v === null) return defaultMin(shifts);
  if (typeof v === 'object' && !Array.isArray(v)) {
    return parseMin(Object.entries(v as Record<string, unknown>).map(([k, n]) => `${k}=${String(n)}`).join(','), shifts, flag);
  }
  const out: ShiftMins = {};
  for (const part of String(v).split(/\s*[,，]\s*/).filter(Boolean)) {
    // Full-width digits and ＝/： (Ｄ＝２, a Chinese input method's full-width mode) are the same
    // minimum, as a roster cell Ｄ is 白班: `--min Ｄ=２` was "cannot read" (user28).
    const m = /^([^=:]+)[=:](\d+)$/.exec(halfWidth(part.trim()).replace(/[＝：]/g, (c) => (c === '＝' ? '=' : ':')));
    const code = m ? parseDayCode(m[1]!, shifts) : undefined;
    if (!m || !code || code === OFF || !shifts.some((s) => s.code === code)) {
      const example = shifts.map((s) => `${s.code}=1`).join(',');
      throw new UsageError(
        msg(`${flag.zh} 无法识别 "${part}"`, `${flag.en}: cannot read "${part}"`),
        msg(`写成 ${example} (每天每个班次的最少人数; 班次: ${shifts.map((s) => s.code).join('/')})。`, `write it as ${example} (least staff per shift per day; shifts: ${shifts.map((s) => s.code).join('/')}).`),
      );
    }
    out[code] = Number(m[2]);
  }
  return out;
}

export function parseNumber(v: unknown, flagOrKey: string | Msg, lo: number, hi: number, integer: boolean): number {
  // The option, or the config key and its file when the value came from there (settingName).
  const flag = typeof flagOrKey === 'string' ? msg(flagOrKey, flagOrKey) : flagOrKey;
  // Full-width digits (０．９, typed with a Chinese input method) are the same digits.
  const text = typeof v === 'number' ? String(v) : halfWidth(String(v)).trim();
  const n = typeof v === 'number' ? v : Number(text);
  // A share (--service-level 0.9) written as a percentage: say exactly what to write.
  const pct = hi <= 1 ? /^(\d+(?:\.\d+)?)\s*%$/.exec(text) ?? (Number.isFinite(n) && n > 1 && n <= 100 ? [text, text] : null) : null;
  if (pct) {
    const share = new Money(pct[1]!).div(100).toString();
    throw new UsageError(
      msg(`${flag.zh} 写成 0 到 1 之间的小数: ${pct[1]}% 写 ${share}, 收到 "${String(v)}"`, `${flag.en} is a share between 0 and 1: for ${pct[1]}% write ${share}, got "${String(v)}"`),
    );
  }
  if (!Number.isFinite(n) || n < lo || n > hi || (integer && !Number.isInteger(n)) || text === '') {
    throw new UsageError(
      msg(`${flag.zh} 应为 ${lo}–${hi} 之间的${integer ? '整数' : '数'}, 收到 "${String(v)}"`, `${flag.en} takes a ${integer ? 'whole ' : ''}number from ${lo} to ${hi}, got "${String(v)}"`),
    );
  }
  return n;
}

/** First defined of flag, environment, config, default. */
export function pick<T>(flag: unknown, env: string | undefined, cfg: unknown, def: T): unknown {
  if (flag !== undefined) return flag;
  if (env !== undefined && env !== '') return env;
  if (cfg !== undefined) return cfg;
  return def;
}
