// One enormous quoted cell in an otherwise good export (a hand edit gone wrong, a paste of a whole
// file into a note, a hostile file). csv-parse, which reads a record the byte scanner cannot (over
// 1 MB), held the record whole: a 200 MB 商家备忘 took 577 MB of memory and its row was read as an
// order (exit 0); a 600 MB one ran 29 s and 838 MB and ended "cannot parse as CSV: Cannot create a
// string longer than 0x1fffffe8 characters", no line. A record is now read up to 16 MB (past what
// Excel's 32,767-character cells in all 71 columns can hold): a longer one refuses the file, exit 3,
// naming file:line, in a second and ~140 MB whatever the cell's size.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const EXAMPLE = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
const AS_OF = ['--as-of', '2026-11-20 12:00:00'];

/** The example export (GBK) with data row 4's 商家备忘 (the second-last column) made `note`. */
function withNote(dir: string, note: Buffer): string {
  const text = EXAMPLE.toString('latin1');
  const lines = text.split('\n');
  const cells = lines[4]!.split(',');
  cells[cells.length - 2] = `"${note.toString('latin1')}"`;
  lines[4] = cells.join(',');
  const file = path.join(dir, 'ExportOrderList202611.csv');
  fs.writeFileSync(file, Buffer.from(lines.join('\n'), 'latin1'));
  return file;
}

describe('an export with one enormous quoted cell', () => {
  it('a 40 MB 商家备忘 on line 5: exit 3 naming file:5 (it was read as a row, exit 0)', () => {
    const dir = tmpDir();
    const file = withNote(dir, Buffer.alloc(40 * 1024 * 1024, 'x'));
    const t0 = Date.now();
    const r = runCli(['compensate', file, ...AS_OF, '-q', '-f', 'csv']);
    expect(r.stderr).toContain(`${file}:5: the row starting on this line is longer than 16 MB`);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(Date.now() - t0).toBeLessThan(30_000);
  });

  it('a 3 MB note (past the byte scanner\'s 1 MB, read by csv-parse, under 16 MB) is read as before: the README example, 4 vouchers', () => {
    const dir = tmpDir();
    // 备 in GBK: b1 b8; 1.5 M of them.
    const file = withNote(dir, Buffer.from('b1b8'.repeat(1_500_000), 'hex'));
    const r = runCli(['compensate', file, ...AS_OF, '-q', '-f', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(5);
    expect(r.stdout).toMatch(/3515313147329357903,1,2000\.00,50\.00,50\.00,no,late,final/);
  });
});
