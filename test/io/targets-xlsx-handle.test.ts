// user11 (小何, a Tmall beauty shop's CS supervisor) ran her morning `reviews queue … --orders … -o
// 评价队列.xlsx` a second time over the same file, and stderr, in a zh run, ended with Node's own
// English: `(node:…) Warning: Closing file descriptor 19 on garbage collection` and `[DEP0137]
// DeprecationWarning: Closing a FileHandle object on garbage collection is deprecated …`. The -o guard
// (src/io/exportguard.ts) opens an existing xlsx target to read its header and let go of it by
// destroying the sniffed stream; the fast xlsx reader reads through its own FileHandle, closed only
// when the rows' generator is ended, so that handle stayed open until the garbage collector closed it.
// Expected (by what the guard is for: look at the header, then let go): no descriptor left open.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardExportTarget } from '../../src/io/exportguard.js';
import { openTable } from '../../src/io/table.js';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

/** The descriptors this process has open (Linux /proc), as the names they point at. */
function openFiles(): string[] {
  return fs.readdirSync('/proc/self/fd').map((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '';
    }
  });
}

describe('an existing xlsx -o target is let go after its header is read', () => {
  const q = path.join(tmpDir(), '评价队列.xlsx');
  const made = runCli(['reviews', 'queue', path.join(EXAMPLES, 'reviews.csv'), '--as-of', '2026-11-21 10:00:00', '-q', '-o', q]);

  it('guardExportTarget over storeops\' own queue xlsx: allowed, and no descriptor of it stays open', async () => {
    expect(made.code).toBe(0);
    const real = fs.realpathSync(q);
    const before = openFiles().filter((f) => f === real).length;
    await guardExportTarget('-o', q);
    // One handle of the workbook was left open before the fix (1 ≠ 0).
    expect(openFiles().filter((f) => f === real).length).toBe(before);
  });

  it('openTable(…).close() on an xlsx read up to its header closes the workbook', async () => {
    const real = fs.realpathSync(q);
    const t = await openTable(q, () => {
      throw new Error('no stdin');
    });
    expect(t.headers.length).toBeGreaterThan(5);
    expect(openFiles().filter((f) => f === real).length).toBe(1);
    await t.close();
    expect(openFiles().filter((f) => f === real).length).toBe(0);
  });
});
