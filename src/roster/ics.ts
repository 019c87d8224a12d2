// A roster as iCalendar (RFC 5545): one VCALENDAR per agent. Re-importing a revised roster
// replaces events instead of adding them: every day of the month is one event whose UID is the
// agent and the date (never the shift), with a SEQUENCE that grows with --as-of. A working day
// is a timed event in Beijing time (TZID Asia/Shanghai, defined by a VTIMEZONE: UTC+8, no
// daylight saving since 1991); a day off is an all-day, free ("transparent") event, so a shift
// that became a day off replaces the old shift. Pure.
import { OFF_NAME, fmtClock, shiftOf } from './shifts.js';
import type { Grid, RosterProblem } from './problem.js';

export const TZID = 'Asia/Shanghai';

/** VTIMEZONE for Asia/Shanghai: China Standard Time, UTC+8 all year. */
const VTIMEZONE = ['BEGIN:VTIMEZONE', `TZID:${TZID}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800', 'TZNAME:CST', 'END:STANDARD', 'END:VTIMEZONE'];

function icsText(t: string): string {
  return t.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function icsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/** Wall clock `YYYYMMDDTHHMMSS` of day `key` plus `min` minutes (past 24:00 rolls into the next day). */
export function localStamp(key: string, min: number): string {
  const [y, mo, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d) + min * 60_000).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
}

const dateStamp = (key: string, plusDays = 0) => localStamp(key, plusDays * 1440).slice(0, 8);

/** Fold lines longer than 75 octets (RFC 5545 §3.1). */
function fold(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let cur = '';
  let curLen = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (curLen + n > (parts.length ? 74 : 75)) {
      parts.push(cur);
      cur = '';
      curLen = 0;
    }
    cur += ch;
    curLen += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** UID of an agent's day: the same in every revision of the roster. */
export function dayUid(agent: string, key: string): string {
  return `${key}-${Buffer.from(agent, 'utf8').toString('hex')}@storeops`;
}

/** Revision number: minutes from 2020-01-01 UTC to --as-of, so a later plan supersedes an earlier one. */
export function sequenceOf(stamp: number): number {
  return Math.max(0, Math.floor((stamp - Date.UTC(2020, 0, 1)) / 60_000));
}

/** One VCALENDAR for one agent: an event per day of the month. */
export function agentCalendar(p: RosterProblem, g: Grid, a: number, lang: 'zh' | 'en', stamp: number): string {
  const agent = p.agents[a]!;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//storeops//roster//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(agent)}`, `X-WR-TIMEZONE:${TZID}`, ...VTIMEZONE];
  const common = (key: string) => [`UID:${dayUid(agent, key)}`, `DTSTAMP:${icsUtc(stamp)}`, `SEQUENCE:${sequenceOf(stamp)}`];
  p.days.forEach((day, d) => {
    const s = shiftOf(p.shifts, g[a]![d]!);
    if (!s) {
      // Approved leave (--requests) says so: the agent's calendar shows 请假, not a day off.
      const onLeave = (p.leave ?? []).some(([la, ld]) => la === a && ld === d);
      const off = onLeave ? (lang === 'zh' ? '请假' : 'leave') : lang === 'zh' ? OFF_NAME.zh : `${OFF_NAME.en} (day off)`;
      lines.push('BEGIN:VEVENT', ...common(day.key), `DTSTART;VALUE=DATE:${dateStamp(day.key)}`, `DTEND;VALUE=DATE:${dateStamp(day.key, 1)}`, `SUMMARY:${icsText(`${off} (${agent})`)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
      return;
    }
    const name = lang === 'zh' ? s.name.zh : `${s.name.en} shift`;
    lines.push(
      'BEGIN:VEVENT',
      ...common(day.key),
      `DTSTART;TZID=${TZID}:${localStamp(day.key, s.start)}`,
      `DTEND;TZID=${TZID}:${localStamp(day.key, s.end)}`,
      `SUMMARY:${icsText(`${name} ${fmtClock(s.start)}-${fmtClock(s.end)} (${agent})`)}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
