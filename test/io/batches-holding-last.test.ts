// batchesHoldingLast (io/table.ts): a table's records in batches with the file's last *record*
// held back, in the order and between the same reads of the source as the one-record-at-a-time
// withLast it replaced in zhenjian's product reader (perf48). Worked by hand below.
import { describe, expect, it } from 'vitest';
import { batchesHoldingLast } from '../../src/io/table.js';
import type { RawRecord } from '../../src/io/records.js';

const rec = (line: number): RawRecord => ({ line, cells: [String(line)] }) as RawRecord;

async function run(batches: number[][], log: string[]): Promise<[number[], boolean][]> {
  async function* source() {
    for (const b of batches) {
      log.push(`read ${b.join(',')}`);
      yield b.map(rec);
    }
    log.push('end'); // where a sheet's note is said, or an error thrown as the source ends
  }
  const out: [number[], boolean][] = [];
  for await (const [recs, last] of batchesHoldingLast(source())) {
    for (const r of recs) log.push(`handle ${r.line}`);
    out.push([recs.map((r) => r.line), last]);
  }
  return out;
}

describe('batchesHoldingLast', () => {
  it('holds one record across batches, empty batches passed over; the last alone with true', async () => {
    // [2,3] → 2 now, 3 held; [] nothing; [4] → 3 (4 held); [5,6,7] → 4,5,6 (7 held); end → 7, last.
    const log: string[] = [];
    expect(await run([[2, 3], [], [4], [5, 6, 7]], log)).toEqual([
      [[2], false],
      [[3], false],
      [[4, 5, 6], false],
      [[7], true],
    ]);
    // As withLast: every record but the last is handled before the source's end is read; the last after it.
    expect(log).toEqual(['read 2,3', 'handle 2', 'read ', 'read 4', 'handle 3', 'read 5,6,7', 'handle 4', 'handle 5', 'handle 6', 'end', 'handle 7']);
  });
  it('one record, or none', async () => {
    expect(await run([[2]], [])).toEqual([[[2], true]]);
    expect(await run([[], []], [])).toEqual([]);
    expect(await run([], [])).toEqual([]);
  });
});
