// Shared test helpers: run the built binary with a minimal environment, as cron would.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = path.join(ROOT, 'bin', 'storeops.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const EXAMPLES = path.join(ROOT, 'examples');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export interface CliOptions {
  /** Bytes for stdin; stdin is closed (as in cron) when absent. */
  input?: string | Buffer;
  env?: Record<string, string>;
  cwd?: string;
  tz?: string;
  /** Kill the run (SIGKILL: a busy process cannot act on SIGTERM) after this long; code is then null. */
  timeoutMs?: number;
}

const made: string[] = [];

/**
 * A fresh temporary folder; HOME/XDG dirs point inside it. Removed when the test file ends
 * (test/setup.ts), unless STOREOPS_KEEP_TMP=1 keeps them to look at a failure: a full run made
 * ~2,000 folders and a 50 MB file, left in /tmp run after run.
 */
export function tmpDir(prefix = 'storeops-test-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Removes every folder tmpDir made (test/setup.ts, after each test file). */
export function removeTmpDirs(): void {
  if (process.env.STOREOPS_KEEP_TMP === '1') return;
  for (const d of made.splice(0)) {
    try {
      fs.chmodSync(d, 0o700);
      fs.rmSync(d, { recursive: true, force: true });
    } catch {
      // A folder a test made unreadable on purpose stays: the OS removes it eventually.
    }
  }
}

export function runCli(args: string[], opts: CliOptions = {}): CliResult {
  const home = opts.env?.HOME ?? tmpDir('storeops-home-');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NO_COLOR: '1',
    TZ: opts.tz ?? 'UTC',
    LANG: 'C',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    ...opts.env,
  };
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    input: opts.input,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
    ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
  });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

/**
 * The CLI as a child process that does not block (several at once on one state database): UTC, no
 * colour, LANG=C, `home` as HOME and the XDG folders under it.
 */
export function cliAsync(args: string[], home: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', TZ: 'UTC', LANG: 'C', HOME: home, XDG_CONFIG_HOME: path.join(home, 'c'), XDG_DATA_HOME: path.join(home, 'd') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

/**
 * `roster plan` stopped on solver work, not on the wall clock (src/roster/solve.ts nodeLimit): each
 * HiGHS solve ends after `nodes` branch-and-bound nodes and the layout tries its attempts without a
 * deadline; `--time-limit 3600` (BY_WORK_LIMIT) is never what stops it. The roster is then the same on
 * a CI machine at load 20 as on an idle one. A test asserting a roster property reached in "5 s"
 * failed there (the template's first incumbent, 27 h apart, after 1.9 s of CPU in 18 s of wall).
 * 10 nodes: a feasible roster, the first levels as the root node leaves them (the 5-agent template:
 * hour spread 2 h, 4 s of CPU); 1000 nodes: enough to prove the small limited-agent plans.
 */
export const byWork = (nodes = 10): Record<string, string> => ({ STOREOPS_ROSTER_NODES: String(nodes) });
export const BY_WORK_LIMIT = ['--time-limit', '3600'];
/** A test timeout for plans stopped on work: up to ~10 s of CPU each, a tenth of a core at load 20. */
export const WORK_TIMEOUT = 900_000;

/** Environment for a child whose clock reads `iso` when it starts (and runs on from there): a
 * `--require` preload replacing Date; the preload is written in a new temporary folder. */
export function clockAt(iso: string): Record<string, string> {
  const preload = path.join(tmpDir(), 'clock.cjs');
  fs.writeFileSync(
    preload,
    `const at = ${Date.parse(iso)}; const Real = Date; const t0 = Real.now();
class Clock extends Real { constructor(...a) { if (a.length === 0) super(at + (Real.now() - t0)); else super(...a); } static now() { return at + (Real.now() - t0); } }
globalThis.Date = Clock;\n`,
  );
  return { NODE_OPTIONS: `--require ${preload}` };
}
