// The line per pair of overlapping downloads was written to stderr as it was, where the notes around it
// are fitted to a terminal's width: at 80 columns (tmux, desk52) the terminal folded it mid-id
// (`35153131473293579` / `03`) and mid-time (`2026-1` / `2-07`), back at column 0. Now it is fitted as
// ctx.info's notes are (broken at a clause's end, the lines after the first indented by two); a pipe gets
// one line.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/context.js';
import { displayWidth } from '../../src/io/width.js';
import { EXAMPLES, ROOT, tmpDir } from '../helpers.js';

const main = import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).href) as Promise<{ run: (argv: string[], io: Io, exit: boolean) => Promise<number> }>;

async function stderrOf(dir: string, tty: boolean, lang: 'en' | 'zh'): Promise<string> {
  for (const [name, at] of [['old.csv', '2026-11-19T04:00:00Z'], ['new.csv', '2026-11-20T04:00:00Z']] as const) {
    const f = path.join(dir, name);
    fs.copyFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'), f);
    fs.utimesSync(f, new Date(at), new Date(at));
  }
  const err = Object.assign(new PassThrough(), tty ? { isTTY: true, columns: 80 } : {});
  let text = '';
  err.on('data', (b: Buffer) => (text += b.toString()));
  const io = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: err, env: { HOME: dir, NO_COLOR: '1', STOREOPS_STATE: path.join(dir, 's.db') }, cwd: dir, now: () => Date.parse('2026-11-20T04:00:00Z') } as unknown as Io;
  await (await main).run(['compensate', path.join(dir, 'old.csv'), path.join(dir, 'new.csv'), '--as-of', '2026-11-20 12:00:00', '--lang', lang, '-f', 'csv'], io, false);
  return text;
}

// Modified 2026-11-20 04:00 UTC = 12:00 Beijing, the other a day before; the example's first three orders.
const pair = (lang: 'en' | 'zh', n: string, o: string) =>
  lang === 'en'
    ? `storeops: ${n} and ${o} share 9 orders (3515313147329357901, 3515313147329357902, 3515313147329357903, …); the versions in the newer ${n} are used (modified 2026-11-20 12:00:00; the other: modified 2026-11-19 12:00:00)`
    : `storeops: ${n} 与 ${o} 有 9 个相同订单 (3515313147329357901, 3515313147329357902, 3515313147329357903, …); 采用较新的 ${n} 中的版本 (修改时间 2026-11-20 12:00:00; 另一个: 修改时间 2026-11-19 12:00:00)`;

describe('the line per pair of overlapping downloads on a terminal', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`${lang}: fitted to 80 columns, no id or time cut; a pipe gets it whole`, async () => {
      const dir = tmpDir();
      const PAIR = { [lang]: pair(lang, path.join(dir, 'new.csv'), path.join(dir, 'old.csv')) } as Record<'en' | 'zh', string>;
      const piped = await stderrOf(dir, false, lang);
      expect(piped.split('\n')).toContain(PAIR[lang]);
      const lines = (await stderrOf(dir, true, lang)).split('\n');
      const start = lines.findIndex((l) => l.startsWith('storeops: ' + path.join(dir, 'new.csv')));
      expect(start).toBeGreaterThanOrEqual(0);
      let end = start + 1;
      while (end < lines.length && lines[end]!.startsWith('  ')) end++;
      const got = lines.slice(start, end);
      expect(got.length).toBeGreaterThan(1);
      for (const l of got) expect(displayWidth(l)).toBeLessThanOrEqual(80);
      // The lines joined again (a break is a space dropped and two of indent added) are the line.
      expect(got.map((l, i) => (i === 0 ? l : l.slice(2))).join(' ')).toBe(PAIR[lang]);
      for (const whole of ['3515313147329357901', '3515313147329357902', '3515313147329357903', '2026-11-20 12:00:00', '2026-11-19 12:00:00']) {
        expect(got.some((l) => l.includes(whole)), whole).toBe(true);
      }
    });
  }
});
