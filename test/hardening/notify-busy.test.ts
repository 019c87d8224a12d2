// A message the robot accepted is remembered in the state database (`notified`) so the next run does
// not post it again. Remembering needs the write lock; another storeops run holds it for as long as
// it records (compensate --record holds it until its output is in place: minutes for a big export).
// The notifying run waited only the busy timeout (5 s), gave up ("delivered but not remembered"),
// and the next hourly run posted the same alert again: the group was told twice. Now a delivered
// message waits for the lock (up to 10 minutes, polled: a signal still ends the run).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, tmpDir } from '../helpers.js';
import { Robots, runCliAsync } from '../notify/robots.js';

const ORDERS = path.join(EXAMPLES, 'ExportOrderList202611.csv');
// The example's at-risk order …701 (paid 11-17 08:00, due 11-19 08:00): at 06:00 due within 12 h;
// at 09:00 1.0 h late, a new item (its key turns from at_risk to late).
const AT_RISK = ['compensate', ORDERS, '--at-risk', '12'];
const DUE_SOON = ['--as-of', '2026-11-19 06:00:00'];
const NOW_LATE = ['--as-of', '2026-11-19 09:00:00'];

let robots: Robots;
let state: string;
beforeEach(async () => {
  robots = await new Robots().start();
  state = path.join(tmpDir(), 'state.db');
});
afterEach(async () => {
  await robots.stop();
});

/** Another process holding the state database's write lock for `ms` (as a --record run writing its output does). */
function holdLock(ms: number): Promise<void> {
  const code = `const D=require('better-sqlite3');const d=new D(${JSON.stringify(state)});d.exec('BEGIN IMMEDIATE');process.stdout.write('held\\n');setTimeout(()=>{d.exec('ROLLBACK');d.close();},${ms});`;
  const child = spawn(process.execPath, ['-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.on('error', reject);
  });
}

describe('a delivered alert while another run holds the write lock', () => {
  it('is remembered once the lock is free (8 s, past the 5 s busy timeout): the next run does not post it again', async () => {
    const notify = ['--notify', `webhook:${robots.webhook}`, '--state', state];
    expect((await runCliAsync([...AT_RISK, ...DUE_SOON, ...notify])).code).toBe(0);
    expect(robots.received).toHaveLength(1);
    await holdLock(8000);
    const late = await runCliAsync([...AT_RISK, ...NOW_LATE, ...notify]);
    expect(late.code).toBe(0);
    expect(robots.received).toHaveLength(2);
    expect(late.stderr).not.toContain('delivered but not remembered');
    expect(late.stderr).toContain('delivered; waiting (up to 10 minutes) for another storeops run to finish with the state database');
    expect(late.stderr).toContain('notified webhook');
    // The next run, the lock free: nothing new. It posted the late alert a second time.
    const next = await runCliAsync([...AT_RISK, ...NOW_LATE, ...notify]);
    expect(next.stderr).toContain('nothing new, not posted');
    expect(robots.received).toHaveLength(2);
  }, 60_000);
});
