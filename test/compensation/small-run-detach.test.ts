// A small compensate run detaches no buffer (src/memory.ts discardAll; issue 21, thirty-sixth round).
// The first detach in a process makes V8 drop every optimised function that reads a typed array
// ("detaching protector"): in a 10k-row run the windows' three small buffers (32, 16 and 8 KB) were
// detached after the reading, and with them ~20 optimised functions went, some still in use (the
// open orders' replay, the amounts', the output's encoder) and compiled again. Buffers that together
// hold under DETACH_MIN (1 MB) are now only let go; a large run detaches as before.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('discardAll', () => {
  afterEach(() => vi.restoreAllMocks());
  const fresh = async () => {
    // A module of its own: discardAll's "a buffer was detached already" starts false.
    vi.resetModules();
    return import('../../src/memory.js');
  };

  it('lets buffers under DETACH_MIN together go attached, detaches them at DETACH_MIN, and every one after the first detach', async () => {
    const m = await fresh();
    const spy = vi.spyOn(globalThis, 'structuredClone');
    const transfers = () => spy.mock.calls.filter(([, o]) => (o as { transfer?: unknown[] } | undefined)?.transfer !== undefined).length;
    // 512 KB + 511 KB = 1,047,552 bytes < 1,048,576: neither detached.
    const a = new ArrayBuffer(512 * 1024);
    const b = new ArrayBuffer(511 * 1024);
    m.discardAll([a, b]);
    expect([a.byteLength, b.byteLength, transfers()]).toEqual([524288, 523264, 0]);
    // 512 KB + 512 KB = 1,048,576 = DETACH_MIN: both detached (two transfers).
    const c = new ArrayBuffer(512 * 1024);
    const d = new ArrayBuffer(512 * 1024);
    m.discardAll([c, d]);
    expect([c.byteLength, d.byteLength, transfers()]).toEqual([0, 0, 2]);
    // Once one was detached the protector is gone: a 16-byte buffer is detached too (third transfer).
    const e = new ArrayBuffer(16);
    m.discardAll([e]);
    expect([e.byteLength, transfers()]).toEqual([0, 3]);
  });

  it('detaches nothing for an empty list', async () => {
    const m = await fresh();
    const spy = vi.spyOn(globalThis, 'structuredClone');
    m.discardAll([]);
    expect(spy).not.toHaveBeenCalled();
  });
});

describe('a small compensate run', () => {
  it('detaches no buffer (the example export: late orders, so the windows, the near-late index and the open orders are made and let go)', () => {
    const dir = tmpDir();
    const count = path.join(dir, 'transfers.txt');
    const preload = path.join(dir, 'count.cjs');
    fs.writeFileSync(
      preload,
      `'use strict';
let n = 0;
const clone = globalThis.structuredClone;
globalThis.structuredClone = function (v, o) { if (o && o.transfer) n++; return clone(v, o); };
process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(count)}, String(n)));
`,
    );
    const r = runCli(['--state', path.join(dir, 'none', 'state.db'), 'compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '-q'], {
      env: { NODE_OPTIONS: `--require ${preload}` },
    });
    expect(r.code).toBe(0);
    // The example's late vouchers (test/compensation/cli.test.ts) are written: the windows were made.
    expect(r.stdout.split('\n').length).toBeGreaterThan(2);
    expect(fs.readFileSync(count, 'utf8')).toBe('0');
  });
});
