// xlsx12 (2026-12-05): with the exceljs reader, 3 of 32 runs on a loaded machine stopped with exit 3
// "the sheet refers to the workbook's table of shared strings, but that table was not read".
// exceljs 4.4 reads the zip's entries with its iterate-stream and stops at the first 'end' event;
// unzipper's Parse emits 'end' itself once its input is written in full ("finish"), while entries
// it has parsed still wait in its buffer. The example export stores its worksheet before
// xl/sharedStrings.xml (and xl/workbook.xml last), so exceljs writes the sheet to a temporary file
// first; when that write finished after unzipper had parsed the rest of the (10 KB) archive, the
// shared strings and the workbook part were never read. Whether it did depended on the load.
// Here the timing is forced: the temporary file's 'finish' is held back 100 ms.
import fs from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { iterateStream } from '../../src/io/exceljs.js';
import { readRecords } from '../../src/io/records.js';
import { openSource } from '../../src/io/source.js';
import { EXAMPLES } from '../helpers.js';

const EXAMPLE = path.join(EXAMPLES, 'ExportOrderList202611.xlsx');

/** The archive's entry names in the order they are stored (local headers, front to back). */
function entryOrder(file: string): string[] {
  const b = fs.readFileSync(file);
  const names: string[] = [];
  for (let i = 0; i + 30 <= b.length; ) {
    if (b.readUInt32LE(i) !== 0x04034b50) break;
    const size = b.readUInt32LE(i + 18);
    const nameLen = b.readUInt16LE(i + 26);
    const extra = b.readUInt16LE(i + 28);
    names.push(b.subarray(i + 30, i + 30 + nameLen).toString('utf8'));
    i += 30 + nameLen + extra + size;
  }
  return names;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('exceljs reads every zip entry, whatever the timing', () => {
  it('an early "end" while items are still buffered does not cut the stream short', async () => {
    // As unzipper's Parse does: three entries pushed, its own 'end' emitted while they wait unread.
    const s = new PassThrough({ objectMode: true });
    s.pause();
    s.write('sheet1');
    s.write('sharedStrings');
    s.write('workbook');
    s.end();
    s.emit('end');
    const got: unknown[] = [];
    for await (const x of iterateStream(s)) got.push(x);
    expect(got).toEqual(['sheet1', 'sharedStrings', 'workbook']);
  });

  it('a stream without a readable state still ends at its end', async () => {
    const got: unknown[] = [];
    for await (const x of iterateStream(Readable.from(['a', 'b']))) got.push(x);
    expect(got).toEqual(['a', 'b']);
  });

  it('the example export (sheet stored before its shared strings) reads all 9 orders when the sheet\'s temporary file is slow', async () => {
    const order = entryOrder(EXAMPLE);
    // The layout that makes exceljs put the sheet aside: sheet before shared strings, workbook last.
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    expect(order.at(-1)).toBe('xl/workbook.xml');
    const create = fs.createWriteStream;
    vi.spyOn(fs, 'createWriteStream').mockImplementation(((...args: Parameters<typeof fs.createWriteStream>) => {
      const ws = create(...args);
      const emit = ws.emit.bind(ws);
      ws.emit = ((ev: string, ...rest: unknown[]) => {
        if (ev !== 'finish') return emit(ev, ...rest);
        setTimeout(() => emit(ev, ...rest), 100);
        return true;
      }) as typeof ws.emit;
      return ws;
    }) as typeof fs.createWriteStream);
    const s = await openSource(EXAMPLE, Readable.from([]));
    const rows: { line: number; cells: string[] }[] = [];
    for await (const r of readRecords(s, { xlsxReader: 'exceljs' })) rows.push({ line: r.line, cells: r.cells });
    expect(fs.createWriteStream).toHaveBeenCalled();
    // The example's sheet: a header and 9 orders, rows 1–10, the first order 3515313147329357901.
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]!.cells[0]).toBe('订单编号');
    expect(rows[1]!.cells[0]).toBe('3515313147329357901');
  });
});
