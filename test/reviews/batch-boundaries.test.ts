// The review reader loops over the scanner's batches itself (fortieth round, perf47: an async
// generator per record cost ~4 % of a 100k run), the last batch held back so that the file's last
// record is known. The batches are 64 records for a small file (io/records), so a file of a few
// hundred rows ends in a later batch, a full one or one of a single record: the cut-off last row and
// the 合计 row below the reviews must be found wherever the batches end (cut-off.test.ts has them in
// files of 3–4 lines, one batch).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tmpDir } from '../helpers.js';

const HEADER = '订单编号,买家会员名,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容,描述相符,服务态度,物流服务';
// 李四: a 差评 about the delivery (negative rating, low DSR), the only review queued.
const LI = '="4012345678901234503",李四,真丝围巾 礼盒装,差评,2026-12-03 20:15:00,发货太慢了，等了三天才发,,,2,3,1';
// 好评 rows with DSR 5/5/5 and no negative word: read, not queued. Order ids 40123456789012 + 5 digits.
const filler = (i: number) => `="40123456789012${10000 + i}",买家${i},手工皂 薰衣草 3块装,好评,2026-12-01 12:00:00,很好,,,5,5,5`;
// 张三ab's row cut after 评价内容: 6 of the 11 cells, no line break after it.
const ZHANG_CUT = '="4012345678901234501",张三ab,手工皂 薰衣草 3块装,好评,2026-12-01 12:00:00,香味很好';

describe('the last row found wherever the batches end', () => {
  const dir = tmpDir();
  const write = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
  };
  const ids = (stdout: string) => (JSON.parse(stdout) as { orderId: string }[]).map((q) => q.orderId);
  const body = (n: number) => Array.from({ length: n }, (_, i) => filler(i)).join('\r\n');

  // n filler rows (lines 2 … n+1), 李四 (line n+2), the cut row (line n+3): with n = 253, 254, 255 the
  // file holds 256 ± 1 records after the header, 4 batches of 64 and one of 0, 1 or 2 records.
  for (const n of [253, 254, 255]) {
    it(`a cut-off last row after ${n + 1} whole rows: rejected at line ${n + 3}, exit 1; 李四 queued`, () => {
      const f = write(`cut-${n}.csv`, `${HEADER}\r\n${body(n)}\r\n${LI}\r\n${ZHANG_CUT}`);
      for (const tz of ['UTC', 'America/Los_Angeles']) {
        const r = runCli(['reviews', 'queue', f, '--as-of', '2026-12-04 10:00:00', '-f', 'json'], { tz });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`${f}:${n + 3}: the file ends in the middle of this row (6 of the header's 11 cells, no line break after it)`);
        // rows: n fillers + 李四 + the cut row; read: n + 1; rejected: 1.
        expect(r.stderr).toContain(`reviews: ${n + 2} rows, ${n + 1} read, 1 rejected;`);
        expect(ids(r.stdout)).toEqual(['4012345678901234503']);
      }
    });
  }

  it('a 合计 row after 255 reviews (the 256th record): skipped and named at line 257, exit 0; one in the middle of them rejected', () => {
    const f = write('total.csv', `${HEADER}\r\n${body(254)}\r\n${LI}\r\n合计,,,,,,,,,,\r\n`);
    const r = runCli(['reviews', 'queue', f, '--as-of', '2026-12-04 10:00:00', '-f', 'json', '--strict']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${f}:257: summary line, skipped`);
    expect(r.stderr).toContain('reviews: 255 rows, 255 read;');
    expect(ids(r.stdout)).toEqual(['4012345678901234503']);
    // The 合计 as line 130 (the 129th record, first of the third batch), 李四 at the end (line 257).
    const g = write('total-mid.csv', `${HEADER}\r\n${body(128)}\r\n合计,,,,,,,,,,\r\n${Array.from({ length: 126 }, (_, i) => filler(200 + i)).join('\r\n')}\r\n${LI}\r\n`);
    const m = runCli(['reviews', 'queue', g, '--as-of', '2026-12-04 10:00:00', '-f', 'json']);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(`${g}:130: a summary (total) line, but more rows follow it (line 131)`);
    expect(ids(m.stdout)).toEqual(['4012345678901234503']);
  });
});
