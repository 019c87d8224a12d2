// Help topics into a pipe or a file (`storeops help formats | head`, `storeops help cron > cron.txt`)
// with no COLUMNS: laid out for 80 columns, as commander wraps the options it lists (text48). Before,
// they were not wrapped at all there (`help formats` zh: lines of 145 columns, `help exit-codes` en:
// 401). (--help's examples into a pipe stay side by side, one per line, as before.) On a
// terminal the terminal's width is used (tested at 80 and 120 in tmux); CJK characters count two
// columns (fast-string-width); a word is never cut (a line breaks at a space or between CJK
// characters), an example command is continued with " \" (host10), never cut.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'fast-string-width';
import { describe, expect, it } from 'vitest';
import { ROOT, tmpDir } from '../helpers.js';

const BIN = path.join(ROOT, 'bin', 'storeops.js');
const TOPICS = ['options', 'exit-codes', 'formats', 'rules', 'config', 'cron'];
const PAGES = TOPICS.map((t) => ['help', t]);
// A command to copy is never broken (a crontab entry, an indented `storeops …` line), whatever the width.
const isCommand = (l: string) => /^\s+storeops [a-z]/.test(l) || /^[\d*][\d*,/-]* [\d*][\d*,/-]* /.test(l);

function piped(args: string[], lang: string, columns?: string): string {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', NO_COLOR: '1', HOME: tmpDir() };
  if (columns) env.COLUMNS = columns;
  return spawnSync(process.execPath, [BIN, ...args, '--lang', lang], { env, encoding: 'utf8' }).stdout;
}

/** The ASCII words of a text (a cut word shows as a fragment the unwrapped text does not have). */
const words = (t: string) => new Set(t.replace(/ \\$/gm, '').match(/[A-Za-z0-9][A-Za-z0-9_./-]*/g) ?? []);
/** The text without its layout: what a wrap may change is only where the lines break. */
const bare = (t: string) => t.replace(/ \\$/gm, '').replace(/\s+/g, '');

describe('help into a pipe, no COLUMNS: 80 columns', () => {
  it('every help topic, zh and en: no line over 80 columns but a command to copy, nothing lost, no word cut', () => {
    const over: string[] = [];
    for (const lang of ['zh', 'en']) {
      for (const p of PAGES) {
        const out = piped(p, lang);
        // COLUMNS=10000: the page laid out on one line per paragraph (nothing wrapped).
        const wide = piped(p, lang, '10000');
        for (const l of out.split('\n')) if (stringWidth(l) > 80 && !isCommand(l)) over.push(`${lang} ${p.join(' ')}: ${stringWidth(l)} ${l.slice(0, 40)}`);
        expect(bare(out), `${lang} ${p.join(' ')}`).toBe(bare(wide));
        const whole = words(wide);
        expect([...words(out)].filter((w) => !whole.has(w)), `${lang} ${p.join(' ')}`).toEqual([]);
      }
    }
    expect(over).toEqual([]);
  }, 60_000);

  it('the same as COLUMNS=80 gives (help cron in zh: the crontab line kept whole, its words under it)', () => {
    for (const lang of ['zh', 'en']) for (const t of ['cron', 'exit-codes']) expect(piped(['help', t], lang)).toBe(piped(['help', t], lang, '80'));
    // A file: the same as a pipe.
    const f = path.join(tmpDir(), 'help.txt');
    const fd = fs.openSync(f, 'w');
    spawnSync(process.execPath, [BIN, 'help', 'formats', '--lang', 'zh'], { env: { PATH: process.env.PATH ?? '', LANG: 'C', NO_COLOR: '1' }, stdio: ['ignore', fd, 'ignore'] });
    fs.closeSync(fd);
    expect(fs.readFileSync(f, 'utf8')).toBe(piped(['help', 'formats'], 'zh', '80'));
  });
});

const tmux = spawnSync('tmux', ['-V']).status === 0;

describe.runIf(tmux)('help on a terminal (tmux): the terminal\'s width, 80 and 120', () => {
  /** What a terminal `cols` wide shows for `args`, lines joined where the terminal wrapped them (-J). */
  function onTerminal(args: string[], cols: number): string {
    const name = `text48-${process.pid}-${cols}-${Math.random().toString(36).slice(2, 8)}`;
    const done = path.join(tmpDir(), 'done');
    const cmd = `env -i PATH="${process.env.PATH}" LANG=C NO_COLOR=1 TERM=xterm '${process.execPath}' '${BIN}' ${args.join(' ')}; touch '${done}'; sleep 30`;
    expect(spawnSync('tmux', ['new-session', '-d', '-s', name, '-x', String(cols), '-y', '200', cmd]).status).toBe(0);
    try {
      for (let i = 0; i < 200 && !fs.existsSync(done); i++) spawnSync('sleep', ['0.05']);
      return spawnSync('tmux', ['capture-pane', '-p', '-J', '-t', name, '-S', '-', '-E', '-'], { encoding: 'utf8' }).stdout.replace(/\n+$/, '\n');
    } finally {
      spawnSync('tmux', ['kill-session', '-t', name]);
    }
  }

  it('help cron and help formats in zh: every line within the terminal, wider lines at 120 than at 80', () => {
    for (const t of ['cron', 'formats']) {
      const at80 = onTerminal(['help', t, '--lang', 'zh'], 80);
      const at120 = onTerminal(['help', t, '--lang', 'zh'], 120);
      const widest = (s: string) => Math.max(...s.split('\n').filter((l) => !isCommand(l)).map((l) => stringWidth(l.trimEnd())));
      expect(widest(at80), t).toBeLessThanOrEqual(80);
      expect(widest(at120), t).toBeLessThanOrEqual(120);
      expect(widest(at120), t).toBeGreaterThan(80);
      expect(bare(at80), t).toBe(bare(at120));
      // The tty laid out as COLUMNS asks into a pipe, the same width.
      expect(at80.split('\n').map((l) => l.trimEnd()).join('\n').trim()).toBe(piped(['help', t], 'zh', '80').trim());
    }
  }, 60_000);
});
