// The binary's entry: `--version` answers without loading commander or any command (start-up
// cost matters in cron and scripts); everything else goes to the full shell in main.ts.
import fs from 'node:fs';

export function version(): string {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function run(argv: string[]): Promise<void> {
  // A closed stderr (2>&-, or a log reader that went away) must not turn a good run into a crash:
  // messages that cannot be shown are dropped, the result and the exit code stand.
  process.stderr.on('error', () => undefined);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${version()}\n`);
    return;
  }
  const main = await import('./main.js');
  await main.run(argv);
  await endNow();
}

/**
 * What may still be open once a run has returned without anything left to do: the standard
 * streams' own handles, and a file handle's close under way (an input's, not awaited; the
 * system closes it as the process ends).
 */
const IDLE = new Set(['TTYWrap', 'PipeWrap', 'CloseReq']);
/**
 * Waited for: a write to stdout/stderr still on its way into a pipe, and a file request whose
 * callback has not run yet. Every csv run ends with one: its input's fs.ReadStream closing its
 * descriptor, done by the system long before but its callback waiting for the event loop's next
 * turn, which the run's last stages (all synchronous) never gave it. Not waited for, it made
 * endNow leave every such run to end by itself (issue 21; docs/performance.md, twenty-sixth round).
 */
const WRITING = new Set(['WriteWrap', 'SimpleWriteWrap', 'ShutdownWrap', 'FSReqCallback']);

/**
 * Ends the process as soon as the run's work is done. Left to end by itself, node first waits for
 * every optimising compile V8 has queued on its background threads (code that will never run
 * again): after a 10k-row compensate run at load ~10, the run's end to the process's end took
 * 190 ms (median of 9) against 136 ms this way (issue 21; docs/performance.md).
 * process.exit() still runs the 'exit' handlers (temporary files) and keeps the exit code set by
 * main.run. It is used only when nothing but the standard streams is open; writes to them and
 * file requests still on their way are waited for (a while: the first time for one turn of the
 * event loop, then 2 ms at a time), and anything else open (a timer, a socket, a child, a file
 * request that takes longer) ends the process the usual way.
 */
export async function endNow(): Promise<void> {
  for (let tries = 0; ; tries++) {
    const open = process.getActiveResourcesInfo();
    if (open.every((r) => IDLE.has(r))) break;
    if (tries >= 100 || !open.every((r) => IDLE.has(r) || WRITING.has(r))) return;
    await new Promise((resolve) => (tries === 0 ? setImmediate(resolve) : setTimeout(resolve, 2)));
  }
  process.exit();
}
