// -o / --rejects / --duplicates onto a message template the operator wrote for `reviews message
// --template` (a .txt, which storeops writes as tsv): `reviews queue reviews.csv -o 质量模板.txt` replaced
// the shop's template with the queue, exit 0, until desk45. A .txt holding a placeholder storeops fills
// ({buyer}, {orderId}, {issue} …), UTF-8 or GBK, is refused now, exit 2, before anything is read, the
// file byte for byte, zh and en. storeops' own .txt outputs are not (test/io/targets-hand's loop over
// own outputs runs reviews queue and reviews message into .txt twice); nor is a .txt of plain prose, a
// template without any placeholder, which is told from no other text file (replaced as before).
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tmpDir } from '../helpers.js';

const REVIEWS = path.join(EXAMPLES, 'reviews.csv');
const AS_OF = ['--as-of', '2026-12-01 10:00:00', '-q'];
const TEMPLATE = '亲爱的{buyer}，您在订单 {orderId} 里反映的{issue}问题，我们非常重视。\r\n请回复我们，{shop}会尽快处理。\r\n';

function file(name: string, content: string | Buffer): { f: string; bytes: Buffer } {
  const f = path.join(tmpDir('tpl-'), name);
  fs.writeFileSync(f, content);
  return { f, bytes: fs.readFileSync(f) };
}

describe('a hand-made message template (.txt) as the target: refused, kept', () => {
  it('-o of reviews queue (en and zh): exit 2, the file byte for byte, nothing beside it', () => {
    const { f, bytes } = file('质量模板.txt', TEMPLATE);
    const en = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '-o', f, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe(
      `storeops: error: -o ${f} already exists and is a message template (as reviews message --template reads) (${f}), which this run does not read; writing there would replace it, and a file kept by hand has no other copy, so nothing was read or written\n` +
        '  hint: pick another name, e.g. -o result.txt; if that file really is to be replaced, move or delete it first.\n',
    );
    expect(en.stdout).toBe('');
    const zh = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '-o', f, '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(
      `storeops: 错误: -o ${f} 已存在, 是一个消息模板 (reviews message --template 读取的那种) (${f}), 而这次运行并不读取它; 写入会把它覆盖, 手工编写的文件没有别的副本; 未读取也未写入任何内容\n` +
        '  提示: 换一个文件名, 例如 -o 结果.txt; 若确实要替换这个文件, 先把它移走或删除。\n',
    );
    expect(fs.readFileSync(f)).toEqual(bytes);
    expect(fs.readdirSync(path.dirname(f))).toEqual(['质量模板.txt']);
  });

  it('a GBK template (Notepad "ANSI") as --rejects of compensate; an English one as -o of reviews message for another template', () => {
    const gbk = file('模板.txt', iconv.encode(TEMPLATE, 'gbk'));
    const r = runCli(['compensate', path.join(EXAMPLES, 'ExportOrderList202611.csv'), '--as-of', '2026-11-20 12:00:00', '-q', '--rejects', gbk.f, '-f', 'csv', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--rejects ${gbk.f} already exists and is a message template (as reviews message --template reads)`);
    expect(r.stderr).toContain('hint: pick another name, e.g. --rejects rejects.txt;');
    expect(fs.readFileSync(gbk.f)).toEqual(gbk.bytes);
    const mine = file('mine.txt', 'Hi {buyer}, we are sorry about order {orderId}.\n');
    const other = file('explain.txt', 'Hi {buyer}, thank you for telling us.\n');
    const m = runCli(['reviews', 'message', '2987650012233445501', '--reviews', REVIEWS, ...AS_OF, '--template', mine.f, '-o', other.f, '--lang', 'en']);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain(`-o ${other.f} already exists and is a message template`);
    expect(fs.readFileSync(other.f)).toEqual(other.bytes);
  });

  it('this run\'s own --template as -o: refused as its input, as before', () => {
    const { f, bytes } = file('t.txt', TEMPLATE);
    const r = runCli(['reviews', 'message', '2987650012233445501', '--reviews', REVIEWS, ...AS_OF, '--template', f, '-o', f, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`storeops: error: -o ${f} is the same file as --template ${f}`);
    expect(fs.readFileSync(f)).toEqual(bytes);
  });

  it('a .txt of prose with no placeholder, and one naming no placeholder storeops knows ({买家}), are replaced as before', () => {
    for (const text of ['今天的备忘: 联系快递。\n', '亲爱的{买家}，您好。\n']) {
      const { f } = file('notes.txt', text);
      const r = runCli(['reviews', 'queue', REVIEWS, ...AS_OF, '-o', f, '--lang', 'en']);
      expect(r.code, text).toBe(0);
      expect(fs.readFileSync(f, 'utf8').split('\n')[0]!.split('\t').slice(0, 3)).toEqual(['\uFEFFpriority', 'orderId', 'buyer']);
    }
  });
});
