// Display width in a terminal, through a maintained library (fast-string-width, also what the
// prompt library uses): East Asian wide characters, emoji, flags and ZWJ sequences such as 👨‍👩‍👧‍👦
// are measured as a terminal draws them, so rows with 🚚 or ⭐⭐⭐ in a buyer name stay aligned.
import stringWidth from 'fast-string-width';

export const ELLIPSIS = '…';

export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Pad to a display width (right-aligned when `right`). */
export function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * Cut text to at most `width` display columns, ending in … when something was cut. Never splits
 * a wide character or an emoji sequence: the result may be one column narrower than `width`.
 */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  // Whole grapheme clusters (Intl.Segmenter), each measured by the same library as displayWidth.
  let out = '';
  let used = 0;
  for (const { segment } of graphemes().segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return out + ELLIPSIS;
}

/**
 * Break text into lines of at most `width` display columns: after a space where one falls in the
 * line (a list joined with ", " breaks between its items), else between grapheme clusters, never
 * inside a wide character or an emoji sequence. Text that fits is one line.
 */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0 || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  let lastSpace = -1; // index in `line` just after the last space
  // The space of a date-time (`2026-11-20 12:00:00`) is no place to break: at 80 columns a reviews
  // warning ended its line with `(2026-11-20` and began the next with `12:00:00)`.
  const glued = new Set<number>();
  for (const m of text.matchAll(/\d{4}-\d{2}-\d{2} (?=\d{1,2}:\d{2})/g)) glued.add(m.index! + 10);
  let at = 0;
  for (const { segment } of graphemes().segment(text)) {
    const w = displayWidth(segment);
    const space = segment === ' ' && !glued.has(at);
    at += segment.length;
    if (used + w > width && line !== '') {
      if (!space && lastSpace > 0 && lastSpace < line.length) {
        lines.push(line.slice(0, lastSpace).trimEnd());
        line = line.slice(lastSpace);
      } else {
        lines.push(line.trimEnd());
        line = '';
      }
      used = displayWidth(line);
      lastSpace = -1;
      if (space && line === '') continue; // no line starts with the space it broke at
    }
    line += segment;
    used += w;
    if (space) lastSpace = line.length;
  }
  if (line !== '') lines.push(line);
  return lines;
}

let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}

// wrapPhrases' kinds of break, best last: between a number and its word (`1 | provisional`,
// `目前计 | 5.00 元`), at any other space, after a comma or colon, after a semicolon or full stop.
const NUMBER_TOKEN = /^[-+(]?[\d.,/%–-]*\d[\d.,/%–-]*\)?$/;
function breakKind(before: string, after: string): number {
  if (/[;；。]$/.test(before)) return 3;
  if (/[,:，：、]$/.test(before)) return 2;
  // A number keeps its word on either side; nor does a line end with an opening bracket.
  if (NUMBER_TOKEN.test(before) || NUMBER_TOKEN.test(after) || /[(（]$/.test(before)) return 0;
  return 1;
}

/**
 * wrapText for a sentence of clauses (a run's summary: `9 orders read, 8 paid, …; 1 voucher totalling
 * 50.00 to issue; …`, zh `读取订单 9, 已付款 8, …`): each line at most `width` columns, broken at a
 * space, preferring, among the breaks that fill at least 60 % of the line, the end of a clause (`;`,
 * then `,` or `:`), and never between a number and its word when another space will do (`1 not |
 * judged`, `1 | provisional voucher`, `目前计 | 5.00 元` read as broken sentences). A word wider than
 * the line is cut as wrapText cuts it. Text that fits is one line.
 */
export function wrapPhrases(text: string, width: number): string[] {
  if (width <= 0 || displayWidth(text) <= width) return [text];
  const words = text.split(' ');
  const lines: string[] = [];
  let line: string[] = [];
  // Display width of `line` joined with single spaces, and after each of its words (the breaks).
  let ends: number[] = [];
  const used = () => (ends.length ? ends[ends.length - 1]! : 0);
  const push = (w: string) => {
    ends.push(used() + (line.length ? 1 : 0) + displayWidth(w));
    line.push(w);
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const ww = displayWidth(w);
    if (line.length === 0 && ww > width) {
      // A word wider than the line (a long path): cut, its last piece starting the next line.
      const cut = wrapText(w, width);
      lines.push(...cut.slice(0, -1));
      push(cut[cut.length - 1]!);
      continue;
    }
    if (line.length === 0 || used() + 1 + ww <= width) {
      push(w);
      continue;
    }
    // `w` does not fit: break after one of the line's words (after the last, before `w`, at the latest).
    const min = Math.floor(width * 0.6);
    let best = -1;
    let bestKind = -1;
    for (let j = 0; j < line.length; j++) {
      const kind = breakKind(line[j]!, j + 1 < line.length ? line[j + 1]! : w);
      if (ends[j]! >= min ? kind >= bestKind : false) {
        best = j;
        bestKind = kind;
      }
    }
    if (bestKind <= 0) {
      // Nothing better than a number split in the last 40 %: the last clause end or plain space before it.
      for (let j = line.length - 1; j >= 0; j--) {
        if (breakKind(line[j]!, j + 1 < line.length ? line[j + 1]! : w) >= 1) {
          best = j;
          break;
        }
      }
      if (best < 0) best = line.length - 1;
    }
    lines.push(line.slice(0, best + 1).join(' '));
    const rest = line.slice(best + 1);
    line = [];
    ends = [];
    for (const r of rest) push(r);
    i--; // `w` again, on the new line
  }
  if (line.length) lines.push(line.join(' '));
  return lines;
}
