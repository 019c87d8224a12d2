// -o / --rejects / --duplicates onto an existing platform download that the run does not read: a user
// test (王姐) typed `storeops compensate 天猫订单.csv -o 拼多多订单.csv` and her PDD download was replaced
// by the vouchers, exit 0. Refused now (exit 2, zh and en) before anything is read, the file left
// byte for byte; storeops' own earlier output (an hourly cron writing vouchers.csv over itself), an
// empty file and an unrelated text file are replaced as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const TMALL = path.join(EXAMPLES, 'ExportOrderList202611.csv'); // GBK, no BOM
const DOUYIN = path.join(EXAMPLES, 'douyin-orders-202611.csv'); // UTF-8 with BOM
const PDD = path.join(EXAMPLES, 'pdd-orders-202611.csv'); // UTF-8, no BOM
const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const AS_OF = ['--as-of', '2026-11-20 12:00:00', '-q'];

/** A copy of `src` in a fresh folder under `name`, with its bytes. */
function copy(src: string, name: string): { file: string; bytes: Buffer } {
  const file = path.join(tmpDir(), name);
  fs.copyFileSync(src, file);
  return { file, bytes: fs.readFileSync(file) };
}

describe('-o onto a platform download the run does not read', () => {
  it('a Tmall 订单报表 in GBK as -o of a 抖店 run: exit 2, the download byte for byte, nothing beside it', () => {
    // The fixture is GBK without a BOM (not UTF-8): its header 订单编号,买家会员名,… is read only when
    // decoded as GBK, as the readers decode it.
    const { file, bytes } = copy(TMALL, '天猫订单.csv');
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const r = runCli(['compensate', DOUYIN, ...AS_OF, '-o', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${file} already exists and is a Taobao/Tmall order report (订单报表)`);
    expect(r.stderr).toContain('nothing was read or written');
    expect(r.stderr).toContain('pick another name');
    expect(r.stderr).toContain('move or delete it first');
    expect(r.stdout).toBe('');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['天猫订单.csv']);
  });

  it('王姐\'s case: compensate 天猫订单.csv -o 拼多多订单.csv is refused (zh), the PDD download kept', () => {
    const { file, bytes } = copy(PDD, '拼多多订单.csv');
    const r = runCli(['compensate', TMALL, ...AS_OF, '-o', file, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`-o ${file} 已存在, 是一个拼多多 订单导出`);
    expect(r.stderr).toContain('换一个文件名');
    expect(r.stderr).toContain('先把它移走或删除');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a 抖店 export (UTF-8 with BOM) as -o, --rejects or --duplicates: each refused, the file unchanged', () => {
    for (const flag of ['-o', '--rejects', '--duplicates']) {
      const { file, bytes } = copy(DOUYIN, '抖店订单.csv');
      const r = runCli(['compensate', TMALL, ...AS_OF, flag, file, '--lang', 'en']);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toContain(`${flag} ${file} already exists and is a Douyin shop (抖店) order export`);
      expect(fs.readFileSync(file).equals(bytes), flag).toBe(true);
    }
  });

  it('a review download as -o of reviews queue is refused', () => {
    const { file, bytes } = copy(REVIEWS, 'reviews-download.csv');
    const r = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '-o', file, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists and is a review export');
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('-o onto a file that is no download: replaced as before', () => {
  it("last run's own vouchers.csv (an hourly cron), in en and zh, and a reviews queue: the second run writes over the first", () => {
    for (const lang of ['en', 'zh']) {
      const file = path.join(tmpDir(), 'vouchers.csv');
      const first = runCli(['compensate', TMALL, ...AS_OF, '-o', file, '--lang', lang]);
      expect(first.code).toBe(0);
      const written = fs.readFileSync(file);
      const again = runCli(['compensate', TMALL, ...AS_OF, '-o', file, '--lang', lang]);
      expect(again.stderr).toBe(first.stderr);
      expect(again.code).toBe(0);
      expect(fs.readFileSync(file).equals(written)).toBe(true);
      // orders normalize's output is an order layout of storeops' own (CANONICAL): replaced too.
      const norm = path.join(tmpDir(), 'orders.csv');
      expect(runCli(['orders', 'normalize', TMALL, '-q', '-o', norm, '--lang', lang]).code).toBe(0);
      expect(runCli(['orders', 'normalize', TMALL, '-q', '-o', norm, '--lang', lang]).code).toBe(0);
      // The queue names order, review time and rating as a review file does, with columns of its own.
      const queue = path.join(tmpDir(), 'queue.csv');
      expect(runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '-o', queue, '--lang', lang]).code).toBe(0);
      const q = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '-o', queue, '--lang', lang]);
      expect(q.stderr).not.toContain('already exists');
      expect(q.code).toBe(0);
    }
  });

  // The lead's check: the zh --at-risk list (订单编号, 买家, …, 宝贝标题, …) scored 2 on the Tmall
  // layout's signature (订单编号, 宝贝标题) and was refused from the second run on; --by order and the
  // tsv forms too, in both languages: each run writes over the one before (exit 0, the first run's warnings only).
  it('compensate --at-risk and --by order (csv and tsv, en and zh) written over their own last output', () => {
    for (const lang of ['en', 'zh']) {
      for (const ext of ['csv', 'tsv']) {
        for (const mode of [['--at-risk', '24'], ['--by', 'order']]) {
          const file = path.join(tmpDir(), `out.${ext}`);
          const first = runCli(['compensate', TMALL, ...AS_OF, ...mode, '-o', file, '--lang', lang]);
          expect(first.code).toBe(0);
          const again = runCli(['compensate', TMALL, ...AS_OF, ...mode, '-o', file, '--lang', lang]);
          expect(again.stderr).toBe(first.stderr);
          expect(again.code).toBe(0);
        }
      }
    }
  });

  it('a plain text file and an empty file are replaced by the vouchers', () => {
    const dir = tmpDir();
    const notes = path.join(dir, 'notes.txt');
    fs.writeFileSync(notes, '明天记得发货\nremember to ship tomorrow\n');
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    for (const file of [notes, empty]) {
      const r = runCli(['compensate', TMALL, ...AS_OF, '-o', file, '-f', 'csv', '--lang', 'en']);
      expect(r.code).toBe(0);
      expect(fs.readFileSync(file, 'utf8')).toMatch(/^\uFEFFvoucherKey,buyer,rules,/);
    }
  });
});
