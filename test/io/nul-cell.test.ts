// A NUL (zero) byte in one cell of an order export (2026-12): the row holding it is rejected with
// file:line:reason (and its column), the rest of the file read, the counts reconciling. Before, a
// NUL in the first 8 KB refused the whole file as "not a CSV or xlsx file (it holds binary data)"
// without a line (exit 3), and one further on was read into the cell (buyer "小\u0000明爱购物", exit 0).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES, removeTmpDirs, tmpDir } from '../helpers.js';
import { cli, json } from '../orders/expected.js';

const dir = tmpDir();
afterAll(removeTmpDirs);

/** The example 订单报表 (the header, 9 orders on lines 2–10), as UTF-8 text lines. */
function exampleLines(): string[] {
  const text = new TextDecoder('gb18030').decode(fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv')));
  return text.replace(/\n$/, '').split('\n');
}

/** Line `n`'s 2nd cell (买家会员名, no quotes in it) with a NUL after its first character. */
function nulInBuyer(line: string): string {
  const c = line.indexOf(',');
  return line.slice(0, c + 2) + '\0' + line.slice(c + 2);
}

function write(name: string, lines: string[], enc: 'utf8' | 'gbk' = 'utf8'): string {
  const f = path.join(dir, name);
  const text = lines.join('\n') + '\n';
  fs.writeFileSync(f, enc === 'utf8' ? text : gbk(text));
  return f;
}

/** GBK bytes of text that came from the GBK example (the NUL kept): each line re-encoded from the original bytes. */
function gbk(text: string): Buffer {
  const orig = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
  const lines: Buffer[] = [];
  let s = 0;
  for (let i = 0; i < orig.length; i++) if (orig[i] === 10) (lines.push(orig.subarray(s, i)), (s = i + 1));
  const want = text.replace(/\n$/, '').split('\n');
  return Buffer.concat(
    want.map((l, k) => {
      const b = lines[k]!;
      const at = l.indexOf('\0');
      if (at === -1) return Buffer.concat([b, Buffer.from('\n')]);
      // The NUL after the first byte pair of the 2nd cell (one GBK character).
      const c = b.indexOf(0x2c);
      return Buffer.concat([b.subarray(0, c + 3), Buffer.from([0]), b.subarray(c + 3), Buffer.from('\n')]);
    }),
  );
}

describe('a NUL byte in a cell: that row rejected by its line and column, the rest read', () => {
  it('UTF-8, NUL on line 5 in column 2 (order 2987650012233445501): 8 of the 9 orders read', () => {
    const lines = exampleLines();
    expect(lines.length).toBe(10);
    lines[4] = nulInBuyer(lines[4]!);
    const f = write('nul.csv', lines);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    // Before: exit 3, "nul.csv is not a CSV or xlsx file (it holds binary data)", no line.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:5: this row holds a NUL (zero) byte in column 2`);
    expect(r.stderr).toContain('download the export again');
    expect(json(r).map((o) => o.orderId)).toEqual([
      '3515313147329357901', '3515313147329357902', '3515313147329357903', '2987650012233445502',
      '4100000000000000701', '4100000000000000702', '5200000000000000801', '5200000000000000802',
    ]);
    // 9 data rows = 8 accepted + 1 rejected.
    expect(r.stderr).toContain('9 rows read: 8 accepted, 1 rejected, 0 duplicates; wrote 8 orders');
    const zh = cli(['orders', 'normalize', f, '-f', 'json', '--lang', 'zh']);
    expect(zh.stderr).toContain(`${f}:5: 这一行第 2 列的单元格里有 NUL (0) 字节`);
    expect(zh.stderr).toContain('从店铺后台重新下载该报表');
  });

  it('GBK, the same row: rejected the same way', () => {
    const lines = exampleLines();
    lines[4] = nulInBuyer(lines[4]!);
    const f = write('nul-gbk.csv', lines, 'gbk');
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:5: this row holds a NUL (zero) byte in column 2`);
    expect(r.stderr).toContain('9 rows read: 8 accepted, 1 rejected, 0 duplicates; wrote 8 orders');
  });

  it('past the first 8 KB (and the 256 KB sniffed): rejected, not read into the cell', () => {
    const lines = exampleLines();
    const out = [lines[0]!];
    // 1,000 copies of order line 2, each its own id (3515313147329357901 + 10 k).
    for (let k = 0; k < 1000; k++) out.push(lines[1]!.replaceAll('3515313147329357901', String(3515313147329357901n + 10n * BigInt(k))));
    out[900] = nulInBuyer(out[900]!); // line 901
    const f = write('nul-far.csv', out);
    expect(fs.statSync(f).size).toBeGreaterThan(256 * 1024);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    // Before: exit 0, 1000 accepted, buyer "小\u0000明爱购物" on line 901.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${f}:901: this row holds a NUL (zero) byte in column 2`);
    expect(r.stderr).toContain('1000 rows read: 999 accepted, 1 rejected, 0 duplicates; wrote 999 orders');
  });

  it('a NUL in the header: the file refused (exit 3), its line named', () => {
    const lines = exampleLines();
    lines[0] = nulInBuyer(lines[0]!);
    const f = write('nul-header.csv', lines);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}:1: the header (or a line above it) holds a NUL (zero) byte in column 2`);
  });

  it('more than 10 such rows, more than 1 % of the rows: the file refused (exit 3), the lines named', () => {
    const lines = exampleLines();
    const out = [lines[0]!];
    for (let k = 0; k < 40; k++) out.push(lines[1]!.replaceAll('3515313147329357901', String(3515313147329357901n + 10n * BigInt(k))));
    // Lines 30–40 (11 rows, past the first 8 KB): 11 > 10 and 11 of 41 lines > 1 % (the header line
    // counted among the rows read, as the GBK refusal counts it).
    for (let n = 30; n <= 40; n++) out[n - 1] = nulInBuyer(out[n - 1]!);
    const f = write('nul-many.csv', out);
    expect(Buffer.byteLength(out.slice(0, 29).join('\n'))).toBeGreaterThan(8192);
    const r = cli(['orders', 'normalize', f, '-f', 'json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${f}: 11 of the 41 rows read so far hold NUL (zero) bytes (lines 30, 31, 32, 33, 34, …)`);
  });
});
