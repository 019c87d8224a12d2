// A warning on an 80-column terminal ended its first line with `--as-of (2026-11-20` and began the
// next with `12:00:00): …` (tmux, desk52): a date-time's space is now no place to break (io/width.ts
// wrapText), so the date-time goes on to the next line whole.
import { describe, expect, it } from 'vitest';
import { wrapWarning } from '../../src/context.js';
import { wrapText } from '../../src/io/width.js';

const AS_OF = 'storeops: warning: 3 reviews to follow up were written after --as-of (2026-11-20 12:00:00): the queue is as of a time before them, and their actions and deadlines count from the review time; for the queue as of now, leave --as-of out or set it later';

describe('a date-time is not broken at its space', () => {
  it('the reviews --as-of warning at 80 columns', () => {
    // By hand: `storeops: warning: 3 reviews to follow up were written after --as-of` is 69 columns;
    // with ` (2026-11-20` it was 81 > 80 (the terminal's last column), so the old break fell inside the
    // date-time; now the line ends at `--as-of` and `(2026-11-20 12:00:00):` starts the next (2 + 22).
    const lines = wrapWarning(AS_OF, 80);
    expect(lines[0]).toBe('storeops: warning: 3 reviews to follow up were written after --as-of');
    expect(lines[1]!.startsWith('  (2026-11-20 12:00:00): the queue')).toBe(true);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });
  it('other spaces still break; a date alone or a time alone is not glued to its neighbour', () => {
    expect(wrapText('aaaa bbbb cccc dddd', 9)).toEqual(['aaaa bbbb', 'cccc dddd']);
    expect(wrapText('on 2026-11-20 and later', 14)).toEqual(['on 2026-11-20', 'and later']);
    // 2026-11-20 12:00 (no seconds) is one too: at 19, `from 2026-11-20` (15) + ` 12:00` = 21 > 19 breaks
    // after `from`, and `2026-11-20 12:00 on` is 10 + 1 + 5 + 1 + 2 = 19 (before: `from 2026-11-20` / `12:00 on`).
    expect(wrapText('from 2026-11-20 12:00 on', 19)).toEqual(['from', '2026-11-20 12:00 on']);
  });
});
