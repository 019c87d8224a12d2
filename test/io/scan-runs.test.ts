// Issue 21, thirty-first round: fastRecord (src/io/scan.ts) passes a run of unwanted columns whose
// bytes are those of the run it passed last at the same column without walking them again. Its
// records must be the records of the walk: the scanner with a projection against the same scanner
// reading every column (which never takes that path), on exports whose rows repeat their runs —
// with quoted cells, line breaks inside quotes, CRLF and LF, short and long rows, blank rows and,
// in GB18030, bytes that are not GB18030 inside a repeated run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Projection, RecordScanner } from '../../src/io/scan.js';

/** Cells an export repeats (null, 0元, 订单未关闭) and a few that break the common shape. */
const CELLS = ['', 'null', '0', '0元', '订单未关闭', 'x', '手机订单', '"p,q"', '"a\nb"', '"x"y', ' ', '2026-10-01 00:00:02', '"'];
const BAD_GB = [0xff, 0x41]; // 0xFF starts no GB18030 character

type Row = { cells: number[]; crlf: boolean; bad: number };

const rowArb = (width: number): fc.Arbitrary<Row> =>
  fc.record({
    // Mostly the first few cells (runs repeat), sometimes a rarer one.
    cells: fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: CELLS.length - 1 }) }), {
      minLength: 0,
      maxLength: width + 2,
    }),
    crlf: fc.boolean(),
    // A cell index whose text gets a byte that is not GB18030 (-1: none).
    bad: fc.oneof({ weight: 9, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: width }) }),
  });

function bytesOf(rows: readonly Row[], gb: boolean): Buffer {
  const parts: Buffer[] = [];
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      if (i > 0) parts.push(Buffer.from(','));
      // The test's CJK cells in GB18030 (订单未关闭, 0元, 手机订单) by their code points' GB bytes.
      const text = CELLS[c]!;
      parts.push(gb ? gbBytes(text) : Buffer.from(text, 'utf8'));
      if (gb && r.bad === i) parts.push(Buffer.from(BAD_GB));
    });
    parts.push(Buffer.from(r.crlf ? '\r\n' : '\n'));
  }
  return Buffer.concat(parts);
}

/** GB18030 bytes of the few CJK characters used here (from the GB2312 table). */
function gbBytes(text: string): Buffer {
  const GB: Record<string, number[]> = { 订: [0xb6, 0xa9], 单: [0xb5, 0xa5], 未: [0xce, 0xb4], 关: [0xb9, 0xd8], 闭: [0xb1, 0xd5], 元: [0xd4, 0xaa], 手: [0xca, 0xd6], 机: [0xbb, 0xfa] };
  return Buffer.from([...text].flatMap((ch) => GB[ch] ?? [...Buffer.from(ch, 'latin1')]));
}

/** Every record of `b` read in two scan() calls split at `cut` (the first not final), as records.ts feeds a scanner. */
function scanAll(b: Buffer, gb: boolean, want: Uint8Array | undefined, cut: number) {
  const projection = new Projection();
  projection.want = want;
  const s = new RecordScanner(0x2c, gb ? 'gb18030' : 'utf8', projection);
  const first = s.scan(b.subarray(0, cut), false);
  const out = { records: [...first.records], irregular: first.irregular, bad: first.bad, used: first.used };
  if (first.irregular) return out;
  const second = s.scan(b.subarray(first.used), true);
  out.records.push(...second.records);
  out.irregular = second.irregular;
  out.bad += second.bad;
  out.used = first.used + second.used;
  return out;
}

describe('fastRecord: a repeated run of unwanted columns is read as the walk reads it (issue 21)', () => {
  it('random exports of repeating rows: the records, lines, widths and stops of reading every column', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((width) =>
          fc.record({
            rows: fc.array(rowArb(width), { minLength: 1, maxLength: 40 }),
            mask: fc.array(fc.boolean(), { minLength: 1, maxLength: width }),
            gb: fc.boolean(),
            cutAt: fc.nat(),
          }),
        ),
        ({ rows, mask, gb, cutAt }) => {
          // The first row is the header: every column non-blank, so the runs start at row 2.
          const b = bytesOf([{ cells: mask.map(() => 5), crlf: false, bad: -1 }, ...rows], gb);
          const cut = cutAt % (b.length + 1);
          const want = Uint8Array.from(mask, (m) => (m ? 1 : 0));
          const all = scanAll(b, gb, undefined, cut);
          const got = scanAll(b, gb, want, cut);
          const what = JSON.stringify({ rows, mask, gb, cut });
          expect(got.used, what).toBe(all.used);
          expect(got.irregular, what).toBe(all.irregular);
          expect(got.bad, what).toBe(all.bad);
          expect(got.records.length, what).toBe(all.records.length);
          got.records.forEach((r, k) => {
            const ref = all.records[k]!;
            expect(r.line, what).toBe(ref.line);
            expect(r.badBytes, what).toBe(ref.badBytes);
            expect(r.cells.length, what).toBe(ref.cells.length);
            r.cells.forEach((c, i) => {
              if (i >= want.length || want[i] === 1) expect(c, `${what} record ${k} column ${i}`).toBe(ref.cells[i]);
              else if (c !== '') expect(c, `${what} record ${k} column ${i} (not wanted)`).toBe(ref.cells[i]);
            });
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  // By hand (want = columns 0 and 4; the run is columns 1–3): lines 2 and 3 repeat the run
  // `null,0元,null,` byte for byte, line 4 repeats it up to its LF (a short row: 4 cells, the run
  // ending the line), line 5 repeats the bytes of line 4's run but goes on (`,7`: not the same bytes,
  // walked); lines 6 and 7 hold a quoted cell in the run ("p,q" is one cell; such a record is read
  // by the general loop, which must find the same cells whether or not a run was remembered).
  it('worked cases: a repeated run, a run ending the line, a quoted cell inside the run', () => {
    const text = 'a,b,c,d,e\n1,null,0元,null,2\n3,null,0元,null,4\r\n5,null,0元,null\n6,null,0元,null,7\n8,"p,q",0元,null,9\n10,"p,q",0元,null,11\n';
    for (const gb of [false, true]) {
      const projection = new Projection();
      projection.want = Uint8Array.of(1, 0, 0, 0, 1);
      const r = new RecordScanner(0x2c, gb ? 'gb18030' : 'utf8', projection).scan(gb ? gbBytes(text) : Buffer.from(text), true);
      expect(r.records.map((x) => ({ line: x.line, cells: x.cells })), String(gb)).toEqual([
        { line: 1, cells: ['a', '', '', '', 'e'] },
        { line: 2, cells: ['1', '', '', '', '2'] },
        { line: 3, cells: ['3', '', '', '', '4'] },
        { line: 4, cells: ['5', '', '', ''] },
        { line: 5, cells: ['6', '', '', '', '7'] },
        { line: 6, cells: ['8', '', '', '', '9'] },
        { line: 7, cells: ['10', '', '', '', '11'] },
      ]);
    }
  });
});
