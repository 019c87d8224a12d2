// The whole built CLI in this process (dist/src/cli/main.js run; build first, as for the spawned
// tests), with captured streams: fast enough for property tests over dozens of generated exports.
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { Io } from '../../src/context.js';
import { ROOT } from '../helpers.js';

type Run = (argv: string[], io: Io, setProcessExit: boolean) => Promise<number>;
const main = import(pathToFileURL(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')).href) as Promise<{ run: Run }>;

class Collect extends Writable {
  chunks: Buffer[] = [];
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.chunks.push(Buffer.from(chunk));
    cb();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export async function cli(args: string[], stdin?: Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new Collect();
  const stderr = new Collect();
  const input = stdin === undefined ? Readable.from([]) : Readable.from([stdin]);
  const io: Io = {
    stdin: stdin === undefined ? new PassThrough().end() : input,
    stdout,
    stderr,
    env: { LANG: 'C', NO_COLOR: '1', TZ: 'UTC', HOME: '/nonexistent' },
    cwd: ROOT,
    // The real clock is only used to call a time "in the future"; pin it after every generated date.
    now: () => Date.UTC(2026, 10, 25, 2),
  };
  const code = await (await main).run(args, io, false);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
