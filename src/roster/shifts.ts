// Shift definitions and shift codes (RULES §4). The times live in one place: the defaults here,
// overridable by the config section `roster.shifts` (SPEC "roster": "editable in config").
import { UsageError, msg } from '../cli/errors.js';

export type ShiftCode = 'D' | 'H' | 'N';
export type DayCode = ShiftCode | 'O';
export const SHIFT_CODES: readonly ShiftCode[] = ['D', 'H', 'N'];

export interface ShiftDef {
  code: ShiftCode;
  /** Minutes after midnight, Beijing wall clock. */
  start: number;
  end: number;
}

/** RULES §4: 白班 09:00–17:30, 半白班 10:00–15:30, 晚班 17:00–23:30. */
export const DEFAULT_SHIFTS: readonly ShiftDef[] = [
  { code: 'D', start: 9 * 60, end: 17 * 60 + 30 },
  { code: 'H', start: 10 * 60, end: 15 * 60 + 30 },
  { code: 'N', start: 17 * 60, end: 23 * 60 + 30 },
];

export const minutes = (s: ShiftDef): number => s.end - s.start;

/** Display labels: table cells in zh show 白/半/晚/休. */
export const ZH_CODE: Record<DayCode, string> = { D: '白', H: '半', N: '晚', O: '休' };
export const SHIFT_NAME: Record<DayCode, { zh: string; en: string }> = {
  D: { zh: '白班', en: 'day' },
  H: { zh: '半白班', en: 'half-day' },
  N: { zh: '晚班', en: 'night' },
  O: { zh: '休息', en: 'off' },
};

const CODE_ALIASES: Record<string, DayCode> = {
  d: 'D', day: 'D', 白: 'D', 白班: 'D', 全白班: 'D',
  h: 'H', half: 'H', 'half-day': 'H', halfday: 'H', 半: 'H', 半白: 'H', 半白班: 'H',
  n: 'N', night: 'N', 晚: 'N', 晚班: 'N', 夜: 'N', 夜班: 'N',
  o: 'O', off: 'O', 休: 'O', 休息: 'O', rest: 'O', 'day off': 'O',
};

/** A shift code in any accepted spelling (D/H/N/O, 白/半/晚/休, day/half/night/off); undefined if unknown. */
export function parseDayCode(text: string): DayCode | undefined {
  return CODE_ALIASES[text.trim().toLowerCase()];
}

export function fmtClock(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

function parseClock(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 24 || mi > 59 || h * 60 + mi > 24 * 60) return undefined;
  return h * 60 + mi;
}

/**
 * Shifts from the config section `roster.shifts`, e.g. `{ "D": "09:00-17:30", "N": { "start": "17:00", "end": "23:30" } }`.
 * Codes not mentioned keep their defaults.
 */
export function shiftsFromConfig(cfg: unknown): ShiftDef[] {
  const out = DEFAULT_SHIFTS.map((s) => ({ ...s }));
  if (cfg === undefined || cfg === null) return out;
  const bad = (detail: string) =>
    new UsageError(
      msg(`配置 roster.shifts 无效: ${detail}`, `config roster.shifts is invalid: ${detail}`),
      msg('写成 {"D": "09:00-17:30", "H": "10:00-15:30", "N": "17:00-23:30"}。', 'write it as {"D": "09:00-17:30", "H": "10:00-15:30", "N": "17:00-23:30"}.'),
    );
  if (typeof cfg !== 'object' || Array.isArray(cfg)) throw bad('not an object');
  for (const [k, v] of Object.entries(cfg as Record<string, unknown>)) {
    const code = parseDayCode(k);
    if (!code || code === 'O') throw bad(`unknown shift "${k}"`);
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
    if (start === undefined || end === undefined || end <= start) throw bad(`"${k}": ${JSON.stringify(v)}`);
    const s = out.find((x) => x.code === code)!;
    s.start = start;
    s.end = end;
  }
  return out;
}
