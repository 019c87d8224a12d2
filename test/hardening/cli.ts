// Spawning the built binary the way cron does (stdin closed, no terminal, TZ=UTC, LANG=C, a
// bare environment), asynchronously so a matrix of runs can go concurrently.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT, tmpDir } from '../helpers.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
  ms: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Replace the whole environment (no NO_COLOR unless given). */
  bareEnv?: Record<string, string>;
  input?: string | Buffer;
  cwd?: string;
  timeoutMs?: number;
}

/** The environment of a cron job: PATH, HOME, TZ=UTC, LANG=C and nothing else (no NO_COLOR, no TERM). */
export function cronEnv(home = tmpDir('storeops-cron-')): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TZ: 'UTC', LANG: 'C' };
}

export function run(args: string[], opts: RunOptions = {}): Promise<Run> {
  const env = opts.bareEnv ?? { ...cronEnv(), ...opts.env };
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: opts.timeoutMs ?? 60_000,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    child.on('close', (code) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ code, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes, ms: Date.now() - t0 });
    });
  });
}

/** What every run must satisfy, whatever the input: no crash, no stack, no colour, no stray files. */
export function expectWellBehaved(r: Run, dir?: string): void {
  expect(r.stderr).not.toMatch(/internal error|内部错误/);
  expect(r.stderr).not.toMatch(/^\s+at .+[(:]\d+/m); // a stack frame
  expect(r.stderr).not.toMatch(/\w+Error: /); // a raw JS error name (TypeError: …)
  expect(r.stdout + r.stderr).not.toContain('\u001b');
  expect([0, 1, 2, 3, 4, 5]).toContain(r.code);
  if (dir) expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

export const bad = (f: string) => path.join('test', 'fixtures', 'bad', f);
export const example = (f: string) => path.join('examples', f);
