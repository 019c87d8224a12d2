// Which of several overlapping downloads is the newest (issue 14, FORMATS "File names"). An
// order in two exports is taken from the newer one: its status and ship time are the later truth.
// Newer means the export time in the file name when it has one (Taobao
// `ExportOrderList202611201200.csv`, PDD `…orders_export2026-07-20-10-09-23.csv`), else the
// file's modification time; a tie goes to the later argument. Pure: the caller supplies mtimes.
import { EARLIEST_PLAUSIBLE, type TimeZone, daysInMonth } from '../time.js';

export type FreshnessSource = 'name' | 'mtime' | 'none';

export interface Freshness {
  /** Epoch ms, or null when nothing tells (stdin). */
  at: number | null;
  source: FreshnessSource;
}

// yyyyMMddHHmm[ss], not part of a longer digit run (order ids are 16–19 digits).
const COMPACT = /(?<!\d)(20\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?!\d)/g;
// yyyy-MM-dd-HH-mm[-ss] with any of - _ . as separators, a space, T or - between date and time.
const SPACED = /(?<!\d)(20\d{2})[-_.](\d{1,2})[-_.](\d{1,2})[-_ T](\d{1,2})[-_.:](\d{2})(?:[-_.:](\d{2}))?(?!\d)/g;

function wallTime(m: RegExpExecArray, tz: TimeZone): number | undefined {
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > daysInMonth(y!, mo!) || h! > 23 || mi! > 59 || s > 59) return undefined;
  return tz.fromWall(y!, mo!, d!, h!, mi!, s);
}

/**
 * The export time written in a file name (Beijing wall clock, in `tz`), or undefined. Only the
 * base name is looked at; when it holds several, the last one counts (PDD puts a hex id first).
 * A time before 2003 or after `latest` is not an export time.
 */
export function exportTimeInName(file: string, tz: TimeZone, latest: number): number | undefined {
  const base = file.replace(/^.*[\\/]/, '');
  let found: { at: number; pos: number } | undefined;
  for (const re of [COMPACT, SPACED]) {
    re.lastIndex = 0;
    for (let m = re.exec(base); m; m = re.exec(base)) {
      const at = wallTime(m, tz);
      if (at === undefined || at < EARLIEST_PLAUSIBLE || at > latest) continue;
      if (!found || m.index > found.pos) found = { at, pos: m.index };
    }
  }
  return found?.at;
}

export function freshnessOf(file: string, mtimeMs: number | undefined, tz: TimeZone, latest: number): Freshness {
  const named = exportTimeInName(file, tz, latest);
  if (named !== undefined) return { at: named, source: 'name' };
  if (mtimeMs !== undefined && Number.isFinite(mtimeMs)) return { at: Math.floor(mtimeMs), source: 'mtime' };
  return { at: null, source: 'none' };
}

/**
 * Argument positions, newest file first: by time (a file with no time is older than any with
 * one), a tie to the later argument. Reading in this order and keeping the first version of each
 * order keeps the newest.
 */
export function newestFirst(files: readonly Freshness[]): number[] {
  const idx = files.map((_, i) => i);
  return idx.sort((a, b) => {
    const ta = files[a]!.at ?? -Infinity;
    const tb = files[b]!.at ?? -Infinity;
    if (ta !== tb) return tb - ta;
    return b - a;
  });
}
