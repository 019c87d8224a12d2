// Usage errors of `reviews log` and `reviews message` must say what is wrong and what to do, in zh
// and en (SPEC: "Every error message names … what to do").
// - `reviews log 123` said "not an order id: "123"" with the hint "pass the order id of the review
//   (digits)" to someone who had typed digits; an order id is 10–20 digits (or PDD's
//   yymmdd-digits), as every reader says.
// - `reviews message ID` without --reviews gave commander's "required option '--reviews <file...>'
//   not specified" with no hint (the check in runMessage that has one was never reached).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

describe('reviews log: an id that is not an order id', () => {
  const st = () => ['--state', path.join(tmpDir(), 'state.db')];

  it('"123" (3 digits, < 10): names the form of an order id and where to copy one (en)', () => {
    const r = runCli(['reviews', 'log', '123', '--status', 'contacted', '--lang', 'en', ...st()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'storeops: error: "123" is not an order id (expected 10–20 digits, or PDD\'s yymmdd-digits)\n' +
        '  hint: copy the whole id from the orderId column of `storeops reviews queue` or from the review file, e.g. storeops reviews log 3515313147329357901 --status contacted\n',
    );
  });

  it('"123" in zh', () => {
    const r = runCli(['reviews', 'log', '123', '--status', 'contacted', '--lang', 'zh', ...st()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('storeops: 错误: "123" 不是订单编号 (应为 10–20 位数字, 或拼多多的 yymmdd-数字)\n');
    expect(r.stderr).toContain('提示: 从 `storeops reviews queue` 的 订单编号 列或评价表里复制完整的编号');
  });

  it('"3.51531E+18": an id Excel rounded, said so', () => {
    const r = runCli(['reviews', 'log', '3.51531E+18', '--status', 'contacted', '--lang', 'en', ...st()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('storeops: error: "3.51531E+18" is an order id a spreadsheet program (Excel, WPS, LibreOffice …) rounded (the real id is lost)\n');
  });
});

describe('reviews message without --reviews', () => {
  it('en: says what is missing and how to give it, exit 2', () => {
    const r = runCli(['reviews', 'message', '3515313147329357901', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "storeops: error: missing --reviews <file>: the message is made from the order's review\n" +
        '  hint: give the review file the review is in (the one reviews queue reads), e.g. storeops reviews message 3515313147329357901 --reviews reviews.csv\n',
    );
  });

  it('zh', () => {
    const r = runCli(['reviews', 'message', '3515313147329357901', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('storeops: 错误: 缺少 --reviews <文件>: 消息根据该订单的评价生成\n');
    expect(r.stderr).not.toContain('--help');
  });

  it('with --reviews it still renders (the example order)', () => {
    const r = runCli(['reviews', 'message', '3515313147329357901', '--reviews', path.join(EXAMPLES, 'reviews.csv'), '--as-of', '2026-11-21 10:00:00']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('3515313147329357901');
  });
});

describe('standard input given twice', () => {
  it('reviews queue - --orders -: exit 2, says to name the other file (it had no hint)', () => {
    const r = runCli(['reviews', 'queue', '-', '--orders', '-', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'storeops: error: standard input (-) can be used only once\n' +
        '  hint: only one of the files can come from standard input: name the others (e.g. --orders ExportOrderList202611.csv).\n',
    );
  });

  it('reviews log --reviews - --orders - (zh)', () => {
    const r = runCli(['reviews', 'log', '3515313147329357901', '--status', 'contacted', '--reviews', '-', '--orders', '-', '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('storeops: 错误: 标准输入 (-) 只能用一次\n  提示: 只有一个文件能从标准输入读取: 其余的写出文件名 (例如 --orders ExportOrderList202611.csv)。\n');
  });
});
