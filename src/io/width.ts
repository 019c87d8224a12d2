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
  for (const { segment } of graphemes().segment(text)) {
    const w = displayWidth(segment);
    if (used + w > width && line !== '') {
      if (segment !== ' ' && lastSpace > 0 && lastSpace < line.length) {
        lines.push(line.slice(0, lastSpace).trimEnd());
        line = line.slice(lastSpace);
      } else {
        lines.push(line.trimEnd());
        line = '';
      }
      used = displayWidth(line);
      lastSpace = -1;
      if (segment === ' ' && line === '') continue; // no line starts with the space it broke at
    }
    line += segment;
    used += w;
    if (segment === ' ') lastSpace = line.length;
  }
  if (line !== '') lines.push(line);
  return lines;
}

let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}
