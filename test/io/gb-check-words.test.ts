// Issue 21, forty-fourth round (perf51): fastRecord (src/io/scan.ts) checks a GB18030 cell, and a run
// of unwanted cells, with scanGb18030 passing ASCII four bytes at a time where they line up with a
// word of the memory under the buffer (the offset scan() reads once a call), as the general loop
// did; before, a byte at a time. The verdict must not depend on where the bytes sit in that memory:
// every placement of the same rows (the input at offsets 0–7 of its ArrayBuffer), a bad byte just
// after a long ASCII stretch, at the end of one, or a lead byte cut off by the cell's end, in a
// wanted and in an unwanted cell.
import { describe, expect, it } from 'vitest';
import { Projection, RecordScanner } from '../../src/io/scan.js';

// 订单 in GB18030 (GB2312 table: 订 B6A9, 单 B5A5).
const DINGDAN = [0xb6, 0xa9, 0xb5, 0xa5];
const ascii = (s: string) => [...Buffer.from(s, 'latin1')];

/**
 * Four columns: 0 and 3 wanted, 1 and 2 not (a run of two). Row 1 (line 2) is good. Each other row
 * puts a bad sequence in column `col` after 13 ASCII bytes and a CJK pair:
 * 0xFF (starts no character), or 0x81 0x20 (a lead byte whose second byte is a space: no character),
 * or a lead byte 0x81 as the cell's last byte (cut off by the delimiter).
 */
function rows(): { bytes: number[]; bad: number[] } {
  const line = (cells: number[][]) => [...cells.flatMap((c, i) => (i === 0 ? c : [0x2c, ...c])), 0x0a];
  const good = (): number[][] => [ascii('="3000000010000000001"'), [...DINGDAN, ...ascii('null0000000000000')], ascii('0.00'), [...ascii('ABCDEFGHIJKLM'), ...DINGDAN]];
  const out: number[] = [...line([ascii('id'), ascii('a'), ascii('b'), ascii('c')])];
  out.push(...line(good()));
  const bad: number[] = [];
  let n = 3;
  for (const col of [0, 1, 2, 3]) {
    for (const seq of [[0xff], [0x81, 0x20], [0x81]]) {
      const cells = good();
      const cut = seq.length === 1 && seq[0] === 0x81;
      cells[col] = [...DINGDAN, ...ascii('0123456789abc'), ...seq, ...(cut ? [] : ascii('xyz'))];
      out.push(...line(cells));
      bad.push(n++);
      // A good row after each bad one: the scanner is back on the common path.
      out.push(...line(good()));
      n++;
    }
  }
  return { bytes: out, bad };
}

function scanAt(shift: number, want: Uint8Array | undefined) {
  const { bytes } = rows();
  const mem = new ArrayBuffer(bytes.length + 16);
  const b = Buffer.from(mem, shift, bytes.length);
  b.set(bytes);
  const p = new Projection();
  p.want = want;
  const s = new RecordScanner(0x2c, 'gb18030', p);
  return s.scan(b, true);
}

describe('GB18030 check of cells and unwanted runs, wherever the input sits in memory', () => {
  const { bad } = rows();
  // 1 header + 1 good + 12 × (bad, good) = 26 records, lines 1–26; the bad ones are lines 3, 5, …, 25.
  it('the worked lines', () => {
    expect(bad).toEqual([3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25]);
  });
  for (const want of [undefined, Uint8Array.of(1, 0, 0, 1)]) {
    for (let shift = 0; shift < 8; shift++) {
      it(`${want ? 'columns 0 and 3 wanted' : 'every column'}, input at offset ${shift}`, () => {
        const r = scanAt(shift, want);
        expect(r.irregular).toBe(false);
        expect(r.records.length).toBe(26);
        expect(r.bad).toBe(12);
        expect(r.records.filter((x) => x.badBytes !== undefined).map((x) => x.line)).toEqual(bad);
        // Every good row read whole: its id, and (wanted) its last cell 'ABCDEFGHIJKLM订单'.
        const goodRows = r.records.filter((x) => x.line > 1 && x.badBytes === undefined);
        expect(goodRows.length).toBe(13);
        for (const g of goodRows) {
          expect(g.cells[0]).toBe('="3000000010000000001"');
          expect(g.cells[3]).toBe('ABCDEFGHIJKLM订单');
        }
      });
    }
  }
});
