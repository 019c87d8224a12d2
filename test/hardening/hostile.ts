// The hostile corpus of issue 15, generated at test time (nothing big is committed): exports built
// from the example shop's rows, with ids, personal data and cell contents chosen to break things.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { BIN, EXAMPLES } from '../helpers.js';

/** The example Tmall export (GBK) as text lines: [header, ...rows]. */
export function exampleLines(): string[] {
  const text = iconv.decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')), 'gbk');
  return text.split(/\r?\n/).filter((l) => l !== '');
}

/** A UTF-8 Tmall export of `n` rows: the example's first row with order ids …0, …1, … */
export function bigExport(n: number): string {
  const [head, row] = exampleLines();
  const parts = [head!];
  for (let i = 0; i < n; i++) parts.push(row!.replaceAll('3515313147329357901', String(3515313147300000000n + BigInt(i))));
  return parts.join('\n') + '\n';
}

/** Split a CSV line into cells (quotes respected); enough for the example rows. */
export function cells(line: string, delim = ','): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === delim) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Split a CSV line into its raw fields, quotes and `="…"` kept as written. */
export function rawCells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (const c of line) {
    if (c === '"') q = !q;
    if (c === ',' && !q) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** One field as a csv writer would put it. */
export function quoteField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

export interface Spawned {
  proc: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Run the CLI in the background with a pipe on stdin (kept open until the caller ends it). */
export function spawnCli(args: string[], env: Record<string, string> = {}): Spawned {
  const proc = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', TZ: 'UTC', LANG: 'C', NO_COLOR: '1', HOME: '/nonexistent-home', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  proc.stdin!.on('error', () => undefined);
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { proc, done };
}

export async function waitFor(cond: () => boolean, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
