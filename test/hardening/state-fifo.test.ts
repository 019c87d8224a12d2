// --state naming a FIFO (a named pipe). SQLite's read-only open of a FIFO waits for a writer for
// ever, inside a synchronous call, so the run could not act on SIGTERM either: compensate without
// --record, ledger list, ledger alerts and reviews queue hung until killed with -9 (under cron with
// `flock -n`, every later run was then skipped). Now a state path that is not a regular file (nor a
// folder, refused as before) is refused at once, exit 4, or for a run without --record a warning.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXPORT = path.join(EXAMPLES, 'ExportOrderList202611.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];
let fifo: string;

beforeAll(() => {
  fifo = path.join(tmpDir(), 'state.db');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  expect(fs.statSync(fifo).isFIFO()).toBe(true);
});

// A hung run is killed after 15 s (code null); each of these answers in well under a second.
const HANG_MS = 15_000;
const REFUSED = (f: string) => `cannot open the state database ${f}: it is not a regular file (a named pipe, a socket or a device)`;

describe.concurrent('--state a FIFO', () => {
  it.each([
    ['ledger list', ['ledger', 'list']],
    ['ledger alerts', ['ledger', 'alerts']],
    ['reviews queue', ['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), ...AS_OF]],
    ['compensate --record', ['compensate', EXPORT, ...AS_OF, '--record']],
  ])('%s: exit 4 at once, naming it', (_name, args) => {
    const r = runCli([...args, '--state', fifo], { timeoutMs: HANG_MS });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(REFUSED(fifo));
  });

  it('compensate without --record: the list written, exit 0, the unchecked list said (README example: 1 row, 50.00)', () => {
    const r = runCli(['compensate', EXPORT, ...AS_OF, '--state', fifo, '-f', 'csv'], { timeoutMs: HANG_MS });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3515313147329357903');
    expect(r.stderr).toContain(`the state database ${fifo} cannot be read (${REFUSED(fifo)}`);
    expect(r.stderr).toContain('the 1 row it lists to issue (50.00 of issueNow) could not be checked');
  });
});
