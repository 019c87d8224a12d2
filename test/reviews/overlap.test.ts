// SPEC "Commands": several files are read as one data set; duplicate order ids across files are
// reported once and counted. Found by a hostile user test: two overlapping review downloads, the
// second taken after the buyer added a 追评, gave two queue items for one order (and the message
// twice). Through the built binary (npx tsc -p . first).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const HEAD = '订单编号,买家,宝贝标题,评价结果,评价时间,评价内容,追评时间,追评内容\n';
const ID = '4000000000000000001';

function files() {
  const dir = tmpDir();
  const ex1 = path.join(dir, 'ex1.csv');
  const ex2 = path.join(dir, 'ex2.csv');
  fs.writeFileSync(ex1, HEAD + `${ID},小李,杯子,差评,2026-11-20 10:00:00,质量太差,,\n`);
  fs.writeFileSync(ex2, HEAD + `${ID},小李,杯子,差评,2026-11-20 10:00:00,质量太差,2026-11-22 10:00:00,还是漏水\n`);
  return { dir, ex1, ex2, state: ['--state', path.join(dir, 's.db')] };
}

describe('overlapping review downloads', () => {
  it.each([
    ['older file first', false],
    ['newer file first', true],
  ])('one item per order, from the version with the 追评 (%s); the duplicate is reported and counted', (_what, reversed) => {
    const f = files();
    const args = reversed ? [f.ex2, f.ex1] : [f.ex1, f.ex2];
    const r = runCli(['reviews', 'queue', ...args, '--as-of', '2026-11-22 12:00:00', '-f', 'json', ...f.state]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ orderId: ID, followUpText: '还是漏水' });
    // 2 rows, 1 review read, 1 duplicate; 1 item.
    expect(r.stderr).toContain('reviews: 2 rows, 1 read, 1 duplicate; 1 need follow-up');
    expect(r.stderr).toContain(`1 review appears in more than one version (overlapping downloads, say with a 追评 added later): ${ID}; each is listed once`);
  });

  it.each([
    ['the original first', false],
    ['the re-saved copy first', true],
  ])('a copy re-saved in Excel (review time without seconds) is the same review, not a second item (%s)', (_what, reversed) => {
    const dir = tmpDir();
    const orig = path.join(dir, 'orig.csv');
    const resaved = path.join(dir, 'resaved.csv');
    fs.writeFileSync(orig, HEAD + `${ID},小李,杯子,差评,2026-11-20 05:00:35,质量太差,,\n`);
    // Excel drops the seconds and the leading zero: 2026/11/20 5:00 is 05:00:00–05:00:59 (docs/rules.md
    // §1.7), which holds 05:00:35: same order, title and review time, so one review (the file named
    // later is kept on a tie, as for any two versions). Before: two items for one order, each naming
    // the other as the buyer's "sameBuyer" — itself.
    fs.writeFileSync(resaved, HEAD + `${ID},小李,杯子,差评,2026/11/20 5:00,质量太差,,\n`);
    const args = reversed ? [resaved, orig] : [orig, resaved];
    const r = runCli(['reviews', 'queue', ...args, '--as-of', '2026-11-21 10:00:00', '-f', 'json', '--state', path.join(dir, 's.db')]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    // contactBy 24 h after it, in quiet hours, so 21:59:59 the evening before (the second before quiet hours).
    // The time is the one the original gives, 05:00:35, whichever file comes first: the re-saved copy's
    // 05:00–05:00:59 holds it, and the original says which second it was (until 2026-12 the file read
    // first decided: original first 05:00:35, re-saved first '05:00', to the minute).
    expect(rows[0]).toMatchObject({ orderId: ID, reviewedAt: '2026-11-20T05:00:35+08:00', contactBy: '2026-11-20T21:59:59+08:00', sameBuyer: [] });
    expect(r.stderr).toContain('reviews: 2 rows, 1 read, 1 duplicate; 1 need follow-up');
    // A different minute is another review time: two items.
    const other = path.join(dir, 'other.csv');
    fs.writeFileSync(other, HEAD + `${ID},小李,杯子,差评,2026/11/20 5:01,质量太差,,\n`);
    const two = runCli(['reviews', 'queue', orig, other, '--as-of', '2026-11-21 10:00:00', '-f', 'json', '--state', path.join(dir, 's.db')]);
    expect(JSON.parse(two.stdout)).toHaveLength(2);
  });

  // test/oracle/reviews_fuzz.py seed 11 case 76: a download (05:00:00) and its re-saved copy (5:00, any second of
  // 05:00) with the re-saved copy named first: the queue kept 05:00 to the minute, so at 2026-12-20 05:00:01 the
  // explanation (due 11-20 05:00:00 + 30 days = 12-20 05:00:00, docs/rules.md §2.3) was not yet overdue — it
  // would be only after 05:00:59, the latest the minute allows — though the other download says 05:00:00. With
  // the original named first it was overdue. Now both orders: reviewedAt 05:00:00, explainBy 12-20 05:00:00,
  // overdue contactBy (11-21 05:00:00) and explainBy.
  it.each([
    ['the original first', false],
    ['the re-saved copy first', true],
  ])('the copy with seconds gives the time whichever file comes first (%s)', (_what, reversed) => {
    const dir = tmpDir();
    const orig = path.join(dir, 'orig.csv');
    const resaved = path.join(dir, 'resaved.csv');
    fs.writeFileSync(orig, HEAD + `${ID},小李,杯子,差评,2026-11-20 05:00:00,质量太差,,\n`);
    fs.writeFileSync(resaved, HEAD + `${ID},小李,杯子,差评,2026/11/20 5:00,质量太差,,\n`);
    const args = reversed ? [resaved, orig] : [orig, resaved];
    const r = runCli(['reviews', 'queue', ...args, '--as-of', '2026-12-20 05:00:01', '-f', 'json', '--state', path.join(dir, 's.db')]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reviewedAt: '2026-11-20T05:00:00+08:00', explainBy: '2026-12-20T05:00:00+08:00', overdue: ['contactBy', 'explainBy'] });
  });

  it('reviews message prints the message once', () => {
    const f = files();
    const r = runCli(['reviews', 'message', ID, '--reviews', f.ex1, f.ex2, '--as-of', '2026-11-22 12:00:00', '-f', 'json', ...f.state]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(1);
  });

  it('two items of one order (different titles) stay two reviews', () => {
    const f = files();
    const two = path.join(f.dir, 'two.csv');
    fs.writeFileSync(two, HEAD + `${ID},小李,杯子,差评,2026-11-20 10:00:00,质量太差,,\n${ID},小李,杯盖,差评,2026-11-20 10:00:00,质量太差,,\n`);
    const r = runCli(['reviews', 'queue', two, '--as-of', '2026-11-22 12:00:00', '-f', 'json', ...f.state]);
    expect((JSON.parse(r.stdout) as Record<string, unknown>[]).map((x) => x.title).sort()).toEqual(['杯子', '杯盖']);
    expect(r.stderr).not.toContain('more than one version');
  });
});

describe('--duplicates lists the duplicate reviews', () => {
  it('each dropped row beside the row kept: an exact repeat, and the older version of a review given a 追评', () => {
    const f = files();
    const again = path.join(f.dir, 'again.csv');
    // Rows 2 and 3: one review twice, exactly (row 3 dropped, row 2 kept).
    fs.writeFileSync(again, HEAD + `4000000000000000002,小王,碗,差评,2026-11-21 09:00:00,裂了,,\n4000000000000000002,小王,碗,差评,2026-11-21 09:00:00,裂了,,\n`);
    const out = path.join(f.dir, 'dups.csv');
    // ex1 row 2 is the version without the 追评: dropped for ex2 row 2, though read first.
    const r = runCli(['reviews', 'queue', f.ex1, f.ex2, again, '--duplicates', out, '--as-of', '2026-11-22 12:00:00', '-f', 'json', ...f.state]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('reviews: 4 rows, 2 read, 2 duplicates');
    expect(r.stderr).not.toContain('was not written');
    expect(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual([
      'file,line,orderId,keptFile,keptLine,lineId',
      `${f.ex1},2,="${ID}",${f.ex2},2,`,
      `${again},3,="4000000000000000002",${again},2,`,
    ]);
    // Without --duplicates, stderr says how to get the list.
    const q = runCli(['reviews', 'queue', f.ex1, f.ex2, again, '--as-of', '2026-11-22 12:00:00', '-f', 'json', ...f.state]);
    // With the `storeops: ` prefix every other note has (docs/cli.md "Streams"); it was
    // `(use --duplicates <file> to list the 2 duplicate reviews)`, a line from nowhere.
    expect(q.stderr.split('\n')).toContain('storeops: use --duplicates <file> to list the 2 duplicate reviews');
    const zh = runCli(['reviews', 'queue', f.ex1, f.ex2, again, '--as-of', '2026-11-22 12:00:00', '-f', 'json', '--lang', 'zh', ...f.state]);
    expect(zh.stderr.split('\n')).toContain('storeops: 用 --duplicates <文件> 列出全部 2 条重复评价');
  });

  it('a row dropped for a version later replaced by a more complete one names the row finally kept, not the dropped one', () => {
    // Found by hunt14. ex1 row 2 and again row 2 are the same review exactly (no 追评): again row 2
    // is dropped for ex1 row 2. ex2 row 2 (read last) is the same review with a 追评, more complete:
    // ex1 row 2 is dropped in its turn for ex2 row 2. The queue holds ex2 row 2 alone, so both dropped
    // rows must name ex2 row 2 as kept; before, again row 2 named ex1 row 2 — a row itself dropped.
    const f = files();
    const again = path.join(f.dir, 'again.csv');
    fs.writeFileSync(again, HEAD + `${ID},小李,杯子,差评,2026-11-20 10:00:00,质量太差,,\n`);
    const out = path.join(f.dir, 'dups.csv');
    const r = runCli(['reviews', 'queue', f.ex1, again, f.ex2, '--duplicates', out, '--as-of', '2026-11-22 12:00:00', '-f', 'json', ...f.state]);
    expect(r.code).toBe(0);
    // 3 rows, 1 review, 2 duplicates.
    expect(r.stderr).toContain('reviews: 3 rows, 1 read, 2 duplicates');
    expect(JSON.parse(r.stdout)).toMatchObject([{ orderId: ID, followUpText: '还是漏水' }]);
    expect(fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)).toEqual([
      'file,line,orderId,keptFile,keptLine,lineId',
      `${again},2,="${ID}",${f.ex2},2,`,
      `${f.ex1},2,="${ID}",${f.ex2},2,`,
    ]);
  });

  it('with --orders: the repeated reviews first, then the order export\'s repeated orders, in one file', () => {
    const f = files();
    const orders = path.join(f.dir, 'ExportOrderList202611.csv');
    const ex = fs.readFileSync(path.join(EXAMPLES, 'ExportOrderList202611.csv'));
    // The example export with its first order row written twice (GBK bytes kept as they are).
    const lines = ex.toString('latin1').split('\r\n');
    fs.writeFileSync(orders, Buffer.from([...lines.slice(0, 2), lines[1], ...lines.slice(2)].join('\r\n'), 'latin1'));
    const out = path.join(f.dir, 'dups.csv');
    const r = runCli(['reviews', 'queue', f.ex1, f.ex2, '--orders', orders, '--duplicates', out, '--as-of', '2026-11-22 12:00:00', '-f', 'json', ...f.state]);
    const listed = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(listed).toEqual(['file,line,orderId,keptFile,keptLine,lineId', `${f.ex1},2,="${ID}",${f.ex2},2,`, `${orders},3,="3515313147329357901",${orders},2,`]);
    expect(r.stderr).toContain('reviews: 2 rows, 1 read, 1 duplicate');
  });
});

