// desk39 (task 5): ⚠️ (U+26A0 then the emoji presentation selector U+FE0F) is counted as 2 columns
// by the terminal table's width function (fast-string-width) while tmux (3.3a here: printf '⚠️'
// moves the cursor 1 column; '⚠' 1, '✅' 2, '🚚' 2) draws it in 1, so in tmux every column after a
// buyer nick holding ⚠️ sat one column left of the others. Decided: the terminal table prints a
// character that is text by default (Emoji_Presentation No: ⚠ ❤ ☎ ✈ …) without the U+FE0F after it,
// so every terminal draws it as text, 1 column, as counted; emoji by default (✅ 🚚) and ZWJ
// sequences (🏳️‍🌈) are left as they are; csv/tsv/json/xlsx keep the text as exported.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/io/width.js';
import { tableText } from '../../src/io/tableview.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

/** The review example with …801's buyer 小红书迷 written ⚠️小红书迷. */
function reviews(dir: string): string {
  const p = path.join(dir, 'warn.csv');
  fs.writeFileSync(p, fs.readFileSync(path.join(EXAMPLES, 'reviews.csv'), 'utf8').replace('小红书迷', '\u26A0\uFE0F小红书迷'));
  return p;
}

/** How many columns tmux moves the cursor for each line printed (no line break), in a 300-column pane. */
function tmuxWidths(dir: string, lines: string[]): number[] {
  const input = path.join(dir, 'lines.txt');
  const out = path.join(dir, 'x.txt');
  fs.writeFileSync(input, lines.join('\n') + '\n');
  const sock = `storeops-vs16-${process.pid}`;
  const script = path.join(dir, 'm.sh');
  fs.writeFileSync(script, `while IFS= read -r l; do printf '\\r\\033[2K%s' "$l"; tmux -L ${sock} display -p '#{cursor_x}' >> ${out}; done < ${input}; tmux -L ${sock} wait -S done\n`);
  try {
    execFileSync('tmux', ['-L', sock, '-f', '/dev/null', 'new-session', '-d', '-x', '300', '-y', '5', `sh ${script}; sleep 30`]);
    execFileSync('tmux', ['-L', sock, 'wait', 'done'], { timeout: 20_000 });
  } finally {
    spawnSync('tmux', ['-L', sock, 'kill-server']);
  }
  return fs.readFileSync(out, 'utf8').trim().split('\n').map(Number);
}

describe('⚠️ in a terminal table', () => {
  it('a text-default character loses its U+FE0F in the terminal table only; emoji and ZWJ sequences stay', () => {
    expect(tableText('\u26A0\uFE0F小红书迷')).toBe('\u26A0小红书迷');
    expect(tableText('\u2764\uFE0F 好评')).toBe('\u2764 好评');
    // ✅ is an emoji by default (2 columns anywhere); 🏳️‍🌈 keeps its selector inside the sequence.
    expect(tableText('\u2705\uFE0F')).toBe('\u2705\uFE0F');
    expect(tableText('\u{1F3F3}\uFE0F\u200D\u{1F308}')).toBe('\u{1F3F3}\uFE0F\u200D\u{1F308}');
    // 1 column as printed: ⚠ and 小红书迷 (4 × 2) = 9.
    expect(displayWidth(tableText('\u26A0\uFE0F小红书迷'))).toBe(9);
  });

  it('csv and json keep the nick as exported', () => {
    const dir = tmpDir();
    const r = runCli(['reviews', 'queue', reviews(dir), '--as-of', '2026-11-21 12:00', '--state', path.join(dir, 's.db'), '-f', 'json', '-q']);
    expect(r.stdout).toContain('"buyer":"\u26A0\uFE0F小红书迷"');
  });

  for (const cols of [80, 120]) {
    it.skipIf(!hasTmux)(`at ${cols} columns every line is as wide in tmux as the table counted it`, () => {
      const dir = tmpDir();
      const r = runCli(['reviews', 'queue', reviews(dir), '--as-of', '2026-11-21 12:00', '--state', path.join(dir, 's.db'), '-f', 'table', '-q'], { env: { COLUMNS: String(cols) } });
      expect(r.code).toBe(0);
      const lines = r.stdout.split('\n').filter((l) => l !== '');
      expect(lines.some((l) => l.includes('小红书迷'))).toBe(true);
      // Every line fits the width, and tmux draws each as wide as the table measured it, so the
      // columns after the nick line up (before: the ⚠️ line was 1 column narrower in tmux).
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(cols);
      expect(tmuxWidths(dir, lines)).toEqual(lines.map((l) => displayWidth(l)));
    });
  }
});
