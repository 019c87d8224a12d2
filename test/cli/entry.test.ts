// The binary ends its process itself once a run's work is done (cli/entry.ts endNow), instead of
// letting node wait for V8's queued background compiles (issue 21). Ending a process with
// process.exit() drops what is still on its way into a pipe, so it must first wait for the
// standard streams, and must leave alone a process that has anything else under way.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tmpDir } from '../helpers.js';

const ENTRY = path.join(ROOT, 'dist', 'src', 'cli', 'entry.js');

/** Runs `body` (an ES module) with pipes for stdout and stderr that are read only after `delayMs`. */
function slowlyRead(body: string, delayMs: number): Promise<{ code: number | null; stdout: Buffer; stderr: Buffer }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', `import { endNow } from ${JSON.stringify(ENTRY)};\n${body}`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.stdout.pause();
    child.stderr.pause();
    setTimeout(() => {
      child.stdout.resume();
      child.stderr.resume();
    }, delayMs);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
  });
}

describe('endNow', () => {
  it('waits for writes still on their way into a pipe: every byte arrives, with the exit code', async () => {
    // 1 MB each, far more than a pipe holds: a bare process.exit() here lost most of both.
    for (const delay of [50, 600]) {
      const r = await slowlyRead(`process.stdout.write('x'.repeat(1 << 20)); process.stderr.write('y'.repeat(1 << 20)); process.exitCode = 5; await endNow();`, delay);
      expect(r.code).toBe(5);
      expect(r.stdout.length).toBe(1 << 20);
      expect(r.stderr.length).toBe(1 << 20);
    }
  });

  it('leaves a process with something else under way (a timer) to end by itself', async () => {
    const r = await slowlyRead(`setTimeout(() => process.stdout.write('later\\n'), 200); process.exitCode = 1; await endNow();`, 0);
    expect(r.code).toBe(1);
    expect(r.stdout.toString()).toBe('later\n');
  });

  // Every csv run returned with its input's close still to be called back (an FSReqCallback):
  // endNow left the process to end by itself, and node then waited for every queued compile. A file
  // request under way is now waited for, then the process ends; what it wrote is all there.
  it('waits for a file request under way, then ends the process (nothing after endNow runs)', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'out.txt');
    const r = await slowlyRead(
      `import fs from 'node:fs'; const fd = fs.openSync(${JSON.stringify(file)}, 'w'); fs.write(fd, 'abc', () => fs.close(fd, () => process.stdout.write('closed\\n'))); process.exitCode = 3; await endNow(); process.stdout.write('not reached\\n');`,
      0,
    );
    expect(r.code).toBe(3);
    expect(r.stdout.toString()).toBe('closed\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('abc');
  });

  it('ends an idle process at once with its exit code (0 when none was set)', async () => {
    const r = await slowlyRead(`process.stdout.write('done\\n'); await endNow(); process.stdout.write('not reached\\n');`, 0);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('done\n');
  });
});
