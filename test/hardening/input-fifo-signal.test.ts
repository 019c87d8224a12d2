// An input that is a named pipe no program writes to (`compensate orders.fifo` with the writer never
// started, or a silent one): the fs stream's open (and each read) waited in one of node's worker
// threads, and node's exit waits for those, so SIGTERM (cron's timeout, systemd's stop) or Ctrl-C
// printed "stopped by SIGTERM" and the process stayed until killed with -9 (under `flock -n`, every
// later run skipped). A FIFO is read as a socket now (no worker thread): the signal ends the run at
// once with its usual code (128 + the signal's number: SIGTERM 143, SIGINT 130), the -o file as it
// was and no temporary file beside it; with a writer, the pipe is read as before.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** The CLI with `args`, sent `signal` after `afterMs`; killed with -9 (code null) if still there 8 s later. */
function signalled(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<{ code: number | null; killed: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const home = tmpDir('storeops-home-');
    const p = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: process.env.TZ ?? 'UTC', LANG: 'C', HOME: home, XDG_CONFIG_HOME: path.join(home, 'c'), XDG_DATA_HOME: path.join(home, 'd') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let killed = false;
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.resume();
    const t1 = setTimeout(() => p.kill(signal), afterMs);
    const t2 = setTimeout(() => {
      killed = true;
      p.kill('SIGKILL');
    }, afterMs + 8000);
    p.on('close', (code) => {
      clearTimeout(t1);
      clearTimeout(t2);
      resolve({ code, killed, stderr: err });
    });
  });
}

function fifoIn(dir: string, name: string): string {
  const f = path.join(dir, name);
  expect(spawnSync('mkfifo', [f]).status).toBe(0);
  return f;
}

describe('a named pipe as input, no writer: a signal ends the run', () => {
  it('SIGTERM: exit 143 at once, the line said, the -o file as it was, nothing beside it', async () => {
    const dir = tmpDir();
    const fifo = fifoIn(dir, 'orders.csv');
    const out = path.join(dir, 'vouchers.csv');
    fs.writeFileSync(out, 'last run\n');
    const r = await signalled(['compensate', fifo, ...AS_OF, '-q', '-o', out, '--lang', 'en'], 'SIGTERM', 2000);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(143);
    expect(r.stderr).toContain('storeops: stopped by SIGTERM before the run finished: nothing half-written was left');
    expect(fs.readFileSync(out, 'utf8')).toBe('last run\n');
    expect(fs.readdirSync(dir).sort()).toEqual(['orders.csv', 'vouchers.csv']);
  }, 20_000);

  it('SIGINT (Ctrl-C), zh, the pipe given as --exclude: exit 130, 已中断', async () => {
    const dir = tmpDir();
    const fifo = fifoIn(dir, 'exclude.csv');
    const r = await signalled(['compensate', EXPORT, ...AS_OF, '-q', '--exclude', fifo, '-f', 'csv', '--lang', 'zh'], 'SIGINT', 2000);
    expect(r.killed).toBe(false);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('storeops: 已中断 (SIGINT): 没有留下写了一半的文件');
  }, 20_000);

  it('a writer that opened the pipe and sends nothing: SIGTERM still ends the run (143)', async () => {
    const dir = tmpDir();
    const fifo = fifoIn(dir, 'orders.csv');
    // `sleep 30 > fifo`: the shell opens the pipe for writing, then nothing comes.
    const writer = spawn('sh', ['-c', `exec sleep 30 > '${fifo}'`], { stdio: 'ignore' });
    try {
      const r = await signalled(['compensate', fifo, ...AS_OF, '-q', '-f', 'csv', '--lang', 'en'], 'SIGTERM', 2000);
      expect(r.killed).toBe(false);
      expect(r.code).toBe(143);
    } finally {
      writer.kill('SIGKILL');
    }
  }, 20_000);
});

describe('a named pipe with a writer: read as before', () => {
  it('the README example through a FIFO gives the same vouchers as the file (1 row to issue, 3515313147329357903)', async () => {
    const dir = tmpDir();
    const fifo = fifoIn(dir, 'orders.csv');
    const writer = spawn('sh', ['-c', `exec cat '${EXPORT}' > '${fifo}'`], { stdio: 'ignore' });
    const viaPipe = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, 'compensate', fifo, ...AS_OF, '-q', '-f', 'csv', '--lang', 'en'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', LANG: 'C', TZ: 'UTC', NO_COLOR: '1', HOME: tmpDir() }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.on('close', (code) => resolve({ code, stdout: out }));
    });
    writer.kill('SIGKILL');
    const direct = runCli(['compensate', EXPORT, ...AS_OF, '-q', '-f', 'csv', '--lang', 'en']);
    expect(viaPipe.code).toBe(0);
    expect(viaPipe.stdout).toContain('3515313147329357903');
    expect(viaPipe.stdout).toBe(direct.stdout);
  }, 20_000);
});
