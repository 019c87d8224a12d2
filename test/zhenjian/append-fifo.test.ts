// zhenjian's interactive append to a target that is a named pipe (FIFO): the file was read with a
// plain fs.readFileSync, whose open(2) waits for a writer; with none the run hung for ever, deaf to
// SIGTERM, the typed answers lost (and had a writer come, the rewrite would have renamed a regular
// file over the pipe). Chosen (desk45): refuse at once, as a config, rule or template FIFO is refused —
// opened without waiting (O_NONBLOCK), told as no file, exit 3, nothing written — rather than
// appending into the pipe: a product list is a file to be read back, and a pipe keeps nothing. The
// prompt refuses such a name too, so another can be typed and the answers are kept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/context.js';
// @ts-expect-error the build emits no declarations (tsconfig declaration: false); typed as the source below
import { run as builtRun } from '../../dist/src/cli/main.js';
import { ROOT, tmpDir } from '../helpers.js';
const run: typeof import('../../src/cli/main.js').run = builtRun;

const HANG_MS = 15_000;

/** appendProduct (the built module) in a child process, so a hang is killed after HANG_MS (code null). */
function appendIn(dir: string, file: string, lang: 'en' | 'zh') {
  const script = `
    const { appendProduct } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'zhenjian', 'append.js'))});
    const ctx = { io: { cwd: ${JSON.stringify(dir)} }, lang: ${JSON.stringify(lang)}, formulaEscape: true, warn: () => {} };
    try {
      await appendProduct(ctx, ${JSON.stringify(file)}, { itemId: '680099', category: '女装', listPrice: '299', unitCost: '80', serviceFee: '450' });
      process.exit(0);
    } catch (e) {
      process.stderr.write(e.text[${JSON.stringify(lang)}] + '\\n' + e.hint[${JSON.stringify(lang)}] + '\\n');
      process.exit(e.exitCode ?? 1);
    }`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: HANG_MS, killSignal: 'SIGKILL', encoding: 'utf8' });
}

describe('zhenjian append to a named pipe: refused at once, nothing written', () => {
  it('a FIFO named .csv (en and zh): exit 3, well before the 15 s a hang is given; the pipe stays a pipe', () => {
    const dir = tmpDir();
    const fifo = path.join(dir, 'products.csv');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const en = appendIn(dir, 'products.csv', 'en');
    expect(en.status).toBe(3);
    expect(en.stderr).toBe(`cannot append to ${fifo}: it is a named pipe, a socket or a device, not a file; nothing was written\ngive a .csv file name (a new file is created).\n`);
    const zh = appendIn(dir, 'products.csv', 'zh');
    expect(zh.status).toBe(3);
    expect(zh.stderr).toBe(`无法追加到 ${fifo}: 它是命名管道、套接字或设备, 不是文件; 未写入任何内容\n换一个 .csv 文件名 (新文件会自动创建)。\n`);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['products.csv']);
  });

  it('the prompt refuses the pipe\'s name; the name typed next gets the row', async () => {
    const dir = tmpDir();
    expect(spawnSync('mkfifo', [path.join(dir, 'pipe.csv')]).status).toBe(0);
    const stdin = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => stdin });
    class Screen extends Writable {
      text = '';
      isTTY = true;
      columns = 200;
      rows = 50;
      override _write(chunk: Buffer, _enc: string, cb: () => void) {
        this.text += chunk.toString();
        cb();
      }
    }
    const stdout = new Screen();
    const stderr = new Screen();
    const io: Io = { stdin, stdout, stderr, env: { LANG: 'C', NO_COLOR: '1', HOME: dir }, cwd: dir, now: () => Date.UTC(2026, 10, 20, 3) };
    const done = run(['zhenjian', 'estimate', '--lang', 'en'], io, false);
    const strip = (s: string) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
    let pos = 0;
    const steps: [string, string][] = [
      ['item id', '680099'], ['title', 'Silk dress'], ['category', '女装'], ['list price', '299'], ['deal price', '199'],
      ['unit cost', '80'], ['service fee', '450'], ['samples', ''], ['display period', '180'], ['auto-renew', 'y'],
      ['commission rate', '5%'], ['shipping per sample', '8'], ['signed at', '2026-11-20 10:00'], ['SKUs differ', ''],
      ['append this product', 'y'], ['file to append to', 'pipe.csv'],
      ['"pipe.csv": it is a named pipe, a socket or a device, not a file', 'p.csv'],
    ];
    for (const [prompt, reply] of steps) {
      const start = Date.now();
      for (;;) {
        const at = strip(stdout.text).indexOf(prompt, pos);
        if (at >= 0) {
          pos = at + prompt.length;
          break;
        }
        if (Date.now() - start > 30_000) throw new Error(`timed out waiting for "${prompt}":\n${strip(stdout.text).slice(pos)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      stdin.write(reply + '\r');
    }
    expect(await done).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'p.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n')[1]).toBe('680099,Silk dress,女装,,299,199,80,450,,180,yes,5%,8,2026-11-20 10:00,,,,');
    expect(fs.statSync(path.join(dir, 'pipe.csv')).isFIFO()).toBe(true);
  }, 60_000);
});
