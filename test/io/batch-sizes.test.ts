// How many records the byte scanner hands on at a time (src/io/records.ts fastBatches; issue 21,
// docs/performance.md, thirty-ninth round): the header search's 15 lines first, then batches of 64
// while fewer than 16,384 records have been scanned, then batches of 256. Smaller batches early keep
// fewer records alive at each minor collection while the young generation is small (a 10k-row export
// is read in 64s); a long input goes on in 256s. The records themselves, their order and line
// numbers do not depend on the batches.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecordBatches } from '../../src/io/records.js';
import { openSource } from '../../src/io/source.js';
import { tmpDir } from '../helpers.js';

const noStdin = Readable.from([]);

describe('the byte scanner’s batch sizes', () => {
  it('15 lines, then 64s up to 16,384 records, then 256s', async () => {
    // A header and 19,999 rows: 20,000 records of 11 bytes (220 KB, one read: no batch is cut
    // short by the end of a read).
    const file = path.join(tmpDir(), 'rows.csv');
    let text = 'id,amount\n';
    for (let i = 1; i < 20_000; i++) text += `${String(i).padStart(5, '0')},${i % 10}.0\n`;
    fs.writeFileSync(file, text);
    const s = await openSource(file, noStdin);
    const sizes: number[] = [];
    const lines: number[] = [];
    for await (const b of readRecordBatches(s)) {
      sizes.push(b.length);
      for (const r of b) lines.push(r.line);
    }
    // Worked by hand: the first batch is the header search's 15 records (scanned 15). A batch of 64
    // follows while the records scanned are under 16,384: after k of them 15 + 64k, which first
    // reaches 16,384 at k = 256 (15 + 16,384 = 16,399; k = 255 gives 16,335). So 256 batches of 64,
    // then 256s: 20,000 − 16,399 = 3,601 = 14 × 256 + 17.
    expect(sizes).toEqual([15, ...Array<number>(256).fill(64), ...Array<number>(14).fill(256), 17]);
    // Every record once, in order, each with its line number (the header is line 1).
    expect(lines).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 1));
  });
});
