// `storeops compensate -` typed at a terminal (the `-` meant for a pipe, a script run by hand): the
// run waited for the export to be typed without a word, which looks like a hang. It says now, once
// and under -q too, what it is waiting for and how to end or leave it. Found by hostile40 (tmux).
// The terminal is util-linux `script`'s pseudo-terminal; `\x04` at a line's start is Ctrl-D.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, runCli } from '../helpers.js';
import path from 'node:path';
import fs from 'node:fs';

const haveScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LANG: 'C', NO_COLOR: '1', HOME: '/nonexistent' };

function onTerminal(args: string[], typed: string): string {
  const cmd = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { input: typed, env, encoding: 'utf8', timeout: 30_000 });
  return r.stdout.replace(/\r/g, '');
}

describe.skipIf(!haveScript)('- read from a terminal', () => {
  it('says what it waits for (zh and en, under -q too), then reads what is typed up to Ctrl-D', () => {
    const en = onTerminal(['orders', 'inspect', '-', '-q'], 'abc,def\n\x04');
    expect(en).toContain(
      'storeops: reading standard input (-) from the terminal: paste the export and end with Ctrl-D; or press Ctrl-C and name the export file instead of -\n',
    );
    // What was typed was read: its header is the one the error names.
    expect(en).toContain('storeops: error: stdin: unknown export layout; columns found: abc, def');
    const zh = onTerminal(['orders', 'inspect', '-', '--lang', 'zh'], 'abc,def\n\x04');
    expect(zh).toContain('storeops: 从终端读取标准输入 (-): 粘贴报表内容后按 Ctrl-D 结束; 或按 Ctrl-C 退出, 改为给出导出文件的路径\n');
  });

  it('standard input from a pipe or a file says nothing of a terminal', () => {
    const csv = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
    const r = runCli(['compensate', '-', '--as-of', '2026-11-20 12:00:00', '-f', 'csv'], { input: csv });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('terminal');
  });
});
