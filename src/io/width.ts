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

let segmenter: Intl.Segmenter | undefined;
function graphemes(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}
